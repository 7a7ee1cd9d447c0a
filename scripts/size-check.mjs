#!/usr/bin/env node
// npm run size [-- --root DIR] [-- --budget FILE]
//
// Checks the release builds (dist/ and dist-firefox/, made by `npm run build`; dist-test/ is test-only and
// not checked) against build/size-budget.json. It builds nothing itself. Exit 1, naming each file, its size
// and its budget, when:
//   - capture.js (the content script, injected cold into every page clipped) is over its gzipped budget;
//   - the JavaScript of an entry (worker, popup, options page, issue desk) is over its recorded baseline
//     plus the tolerance (10 %). An entry's JavaScript is its entry file, the files its page preloads
//     (<link rel=modulepreload>) and every chunk they import statically, each gzipped on its own (as it is
//     loaded); chunks loaded with import() later and not preloaded are not counted;
//   - the build holds a .map file or a sourceMappingURL comment (release builds ship no source maps).
// Entries are found through the built manifest.json (background service_worker or scripts, action popup,
// options page) and the desk's fixed path, never through hashed chunk names.
// Sizes are gzip level 9 (Node's zlib): the level a store or server would use at most; `gzip -9` from
// GNU gzip gives a few dozen bytes less, so the budget has that margin.
// Plain Node (20+) ESM, no dependencies: runs before anything is compiled.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: { root: { type: 'string' }, budget: { type: 'string' } },
});
const root = resolve(values.root ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
const budgetFile = resolve(values.budget ?? join(root, 'build', 'size-budget.json'));

/** The issue desk is opened with runtime.getURL (ISSUE_DESK_PATH in src/platform/extension-pages.ts), so the manifest does not name it. */
const DESK_PAGE = 'issue/index.html';

const gzipped = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kb = (n) => n.toLocaleString('en-US');
const LABELS = { worker: 'worker', popup: 'popup', options: 'options page', desk: 'issue desk' };

/** Every file under `dir`, as paths relative to it with forward slashes. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/**
 * The scripts an HTML page loads at once (`<script src>`, and `<link rel=modulepreload>`: the popup's
 * main bundle, imported by its first script), as paths inside the build.
 */
function pageScripts(dir, page) {
  const html = readFileSync(join(dir, page), 'utf8');
  const preloaded = [...html.matchAll(/<link\b[^>]*\brel=["']?modulepreload\b[^>]*>/gi)].map(
    (m) => /\bhref=["']([^"']+)["']/i.exec(m[0])?.[1],
  );
  return [...[...html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["']/gi)].map((m) => m[1]), ...preloaded.filter(Boolean)].map((address) =>
    inBuild(page, address),
  );
}

/** A script address as written in `from` (absolute from the extension's root, or relative to `from`), as a path inside the build. */
function inBuild(from, address) {
  const path = address.startsWith('/') ? address.slice(1) : posix.join(posix.dirname(from), address);
  return posix.normalize(path);
}

/** `files` and every chunk they import statically (`import "./x.js"`, `… from "./x.js"`), transitively. */
function staticClosure(dir, files) {
  const seen = new Set();
  const queue = [...files];
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    if (!existsSync(join(dir, file))) throw new Error(`${file} is named by the build but missing`);
    const code = readFileSync(join(dir, file), 'utf8');
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'`]([./][^"'`]*\.m?js)["'`]/g)) queue.push(inBuild(file, m[1]));
  }
  return [...seen];
}

/** The entry points of a built extension: name → the files it starts from. */
function entries(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const background = manifest.background ?? {};
  const worker = background.service_worker ? [background.service_worker] : (background.scripts ?? []);
  const options = manifest.options_ui?.page ?? manifest.options_page;
  const found = { worker };
  if (manifest.action?.default_popup) found.popup = pageScripts(dir, manifest.action.default_popup);
  if (options) found.options = pageScripts(dir, options);
  if (existsSync(join(dir, DESK_PAGE))) found.desk = pageScripts(dir, DESK_PAGE);
  return found;
}

/** Check one build folder; returns the table rows and the problems found, in words. */
function checkBuild(dir, name, budget) {
  const rows = [];
  const problems = [];
  const files = filesUnder(dir);
  for (const file of files) {
    if (file.endsWith('.map'))
      problems.push(`${name}/${file} is a source map: release builds ship none (set build.sourcemap to false for release)`);
    else if (/\.(m?js|css|html)$/.test(file) && /[#@]\s*sourceMappingURL=/.test(readFileSync(join(dir, file), 'utf8'))) {
      problems.push(`${name}/${file} has a sourceMappingURL comment: release builds ship no source maps`);
    }
  }

  const capture = join(dir, 'capture.js');
  if (!existsSync(capture)) problems.push(`${name}/capture.js is missing: run \`npm run build\` first`);
  else {
    const bytes = readFileSync(capture);
    const size = gzipped(bytes);
    const ok = size <= budget.captureMaxGzip;
    rows.push({ build: name, entry: 'capture', files: 1, raw: bytes.length, gzip: size, limit: budget.captureMaxGzip, ok });
    if (!ok)
      problems.push(
        `${name}/capture.js is ${kb(size)} B gzipped, over its budget of ${kb(budget.captureMaxGzip)} B (the content script runs cold in every page clipped)`,
      );
  }

  const baselines = budget.baselines[name] ?? {};
  for (const [entry, starts] of Object.entries(entries(dir))) {
    const closure = staticClosure(dir, starts);
    const raw = closure.reduce((sum, file) => sum + readFileSync(join(dir, file)).length, 0);
    const size = closure.reduce((sum, file) => sum + gzipped(readFileSync(join(dir, file))), 0);
    const baseline = baselines[entry];
    if (baseline === undefined) {
      problems.push(
        `${name}: the ${LABELS[entry]} (${closure.join(', ')}, ${kb(size)} B gzipped) has no baseline in ${relative(root, budgetFile)}`,
      );
      continue;
    }
    const limit = Math.floor(baseline * (1 + budget.tolerance));
    const ok = size <= limit;
    rows.push({ build: name, entry, files: closure.length, raw, gzip: size, limit, ok });
    if (!ok) {
      problems.push(
        `${name}: the ${LABELS[entry]}'s JavaScript (${closure.join(', ')}) is ${kb(size)} B gzipped, over its budget of ${kb(limit)} B ` +
          `(baseline ${kb(baseline)} B + ${Math.round(budget.tolerance * 100)} %)`,
      );
    }
  }
  return { rows, problems };
}

function main() {
  const budget = JSON.parse(readFileSync(budgetFile, 'utf8'));
  const rows = [];
  const problems = [];
  for (const name of budget.builds) {
    const dir = join(root, name);
    if (!existsSync(join(dir, 'manifest.json'))) {
      problems.push(`${name}/manifest.json is missing: run \`npm run build\` first`);
      continue;
    }
    const result = checkBuild(dir, name, budget);
    rows.push(...result.rows);
    problems.push(...result.problems);
  }
  const header = ['build', 'entry', 'files', 'raw B', 'gzip B', 'budget B', ''];
  const table = [header, ...rows.map((r) => [r.build, r.entry, String(r.files), kb(r.raw), kb(r.gzip), kb(r.limit), r.ok ? 'ok' : 'OVER'])];
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const row of table)
    console.log(
      row
        .map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
        .join('  ')
        .trimEnd(),
    );
  if (problems.length) {
    console.error(`\nsize check failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    console.error(
      `Shrink the code, or, for a deliberate increase, raise the baseline in ${relative(root, budgetFile)} (see its "howToRaise").`,
    );
    process.exitCode = 1;
  } else console.log('\nsize check: within budget, no source maps');
}

main();
