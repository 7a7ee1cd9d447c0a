#!/usr/bin/env node
// npm run package [-- --skip-verify]
//
// Builds (npm run build) and writes the store-ready archives into release/:
//   newsletter-clipper-chromium-<version>.zip   dist/ at the zip root (Chrome Web Store)
//   newsletter-clipper-firefox-<version>.zip    dist-firefox/ at the zip root (addons.mozilla.org)
//   newsletter-clipper-source-<version>.zip     the tracked files (git ls-files) with BUILD.md: the
//                                               source code addons.mozilla.org review asks for
// The archives are deterministic: entries sorted, every timestamp 1980-01-01 00:00, fixed permissions
// (0644 for the builds; the source keeps git's own 0644/0755), no directory entries, no extra fields.
// Then it verifies the source archive: unpacks it into a temporary folder, runs `npm ci` and
// `npm run build` there, and compares the rebuilt dist-firefox/ and dist/ with the packaged archives
// byte for byte (exit 1, listing the differing files, when they differ). --skip-verify skips that.
// Plain Node (20+) ESM: runs before anything is compiled.

import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, zipSync } from 'fflate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const skipVerify = args.has('--skip-verify');
const keepTemp = args.has('--keep-temp');
const t0 = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** DOS timestamps hold local time; built from local components it reads 1980-01-01 00:00 in any time zone. */
const MTIME = new Date(1980, 0, 1, 0, 0, 0);
const UNIX = 3;

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const manifestVersion = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')).version;
if (manifestVersion !== version) fail(`package.json version ${version} differs from manifest.json version ${manifestVersion}`);

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

function run(command, commandArgs, cwd, { quiet = false } = {}) {
  const result = spawnSync(command, commandArgs, { cwd, encoding: 'utf8', stdio: quiet ? 'pipe' : 'inherit', env: process.env });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    fail(`\`${command} ${commandArgs.join(' ')}\` failed in ${cwd} (exit ${result.status ?? result.signal})`);
  }
}

/** Every file under dir, as sorted '/'-separated paths relative to it. */
function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      const st = lstatSync(full);
      if (st.isDirectory()) walk(full);
      else if (st.isFile()) out.push(relative(dir, full).split(sep).join('/'));
      else fail(`${full}: neither a file nor a folder`);
    }
  };
  walk(dir);
  return out.sort(byPath);
}

function byPath(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** entries: [path, bytes, unix mode] in any order; returns the zip's bytes. */
function zip(entries) {
  const sorted = [...entries].sort(([a], [b]) => byPath(a, b));
  // fflate keeps insertion order except for integer-like keys, which JavaScript objects put first.
  const bad = sorted.find(([path]) => /^\d+$/.test(path));
  if (bad) fail(`cannot order the zip entry "${bad[0]}" (an integer-like name)`);
  const tree = {};
  for (const [path, data, mode] of sorted)
    tree[path] = [data, { mtime: MTIME, os: UNIX, attrs: ((0o100000 | mode) << 16) >>> 0, level: 9 }];
  return zipSync(tree, { mtime: MTIME, os: UNIX, level: 9 });
}

function zipFolder(dir) {
  return zip(listFiles(dir).map((path) => [path, readFileSync(join(dir, path)), 0o644]));
}

/** The tracked files with their content in the working tree and git's mode (0644 or 0755). */
function sourceEntries() {
  const staged = execFileSync('git', ['ls-files', '-s', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  const entries = [];
  const missing = [];
  for (const line of staged) {
    const [info, path] = line.split('\t');
    const mode = info.split(' ')[0];
    if (mode !== '100644' && mode !== '100755') fail(`${path}: git mode ${mode} (symlink or submodule) is not supported`);
    const full = join(root, path);
    if (!existsSync(full)) {
      missing.push(path);
      continue;
    }
    entries.push([path, readFileSync(full), mode === '100755' ? 0o755 : 0o644]);
  }
  if (missing.length) console.warn(`package: warning: tracked but deleted, left out of the source archive: ${missing.join(', ')}`);
  if (!entries.some(([path]) => path === 'BUILD.md'))
    fail('BUILD.md is not tracked (git add BUILD.md): the source archive must carry the build instructions');
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).trim();
  if (dirty)
    console.warn(
      `package: warning: uncommitted changes to tracked files; the archives hold the working tree:\n${dirty.replace(/^/gm, '    ')}`,
    );
  return entries;
}

function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

function sizeOf(bytes) {
  return `${bytes.length.toLocaleString('en-US')} bytes (${(bytes.length / 1024).toFixed(1)} KiB)`;
}

/** Lists the files that differ between a packaged zip and a rebuilt folder; empty when identical. */
function compare(zipBytes, dir) {
  const packaged = unzipSync(zipBytes);
  const rebuilt = existsSync(dir) ? listFiles(dir) : [];
  const differences = [];
  for (const path of Object.keys(packaged).sort(byPath)) {
    if (!rebuilt.includes(path)) differences.push(`${path}: only in the package`);
    else if (Buffer.compare(Buffer.from(packaged[path]), readFileSync(join(dir, path))) !== 0) differences.push(`${path}: content differs`);
  }
  for (const path of rebuilt) if (!(path in packaged)) differences.push(`${path}: only in the rebuild`);
  return differences;
}

// 1. Build.
let t = Date.now();
console.log('package: npm run build');
run('npm', ['run', '--silent', 'build'], root, { quiet: true });
console.log(`package: built in ${seconds(t)}`);

// 2. Archives.
const releaseDir = join(root, 'release');
mkdirSync(releaseDir, { recursive: true });
const archives = [
  [`newsletter-clipper-chromium-${version}.zip`, zipFolder(join(root, 'dist'))],
  [`newsletter-clipper-firefox-${version}.zip`, zipFolder(join(root, 'dist-firefox'))],
  [`newsletter-clipper-source-${version}.zip`, zip(sourceEntries())],
];
for (const [name, bytes] of archives) {
  writeFileSync(join(releaseDir, name), bytes);
  console.log(`release/${name}  ${sizeOf(bytes)}  sha256 ${sha256(bytes)}`);
}

// 3. Verify: the source archive alone rebuilds the same add-on.
if (skipVerify) {
  console.log('source archive rebuilds dist-firefox byte-identical: not checked (--skip-verify)');
  process.exit(0);
}
t = Date.now();
const work = mkdtempSync(join(tmpdir(), 'newsletter-clipper-source-'));
const sourceZip = archives[2][1];
for (const [path, data] of Object.entries(unzipSync(sourceZip))) {
  const full = join(work, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, data);
}
for (const [path, , mode] of sourceEntries()) if (mode === 0o755 && existsSync(join(work, path))) chmodSync(join(work, path), 0o755);
console.log(`package: verifying in ${work}: npm ci, npm run build`);
run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], work, { quiet: true });
run('npm', ['run', '--silent', 'build'], work, { quiet: true });
const differences = [
  ...compare(archives[1][1], join(work, 'dist-firefox')).map((d) => `dist-firefox/${d}`),
  ...compare(archives[0][1], join(work, 'dist')).map((d) => `dist/${d}`),
];
if (differences.length) {
  console.error('source archive rebuilds dist-firefox byte-identical: no');
  for (const d of differences) console.error(`  ${d}`);
  console.error(`(rebuild kept in ${work})`);
  process.exit(1);
}
if (!keepTemp) rmSync(work, { recursive: true, force: true });
console.log(`source archive rebuilds dist-firefox byte-identical: yes (and dist/ too; rebuild ${seconds(t)}, total ${seconds(t0)})`);
