// `npm run typecheck`: every environment's config checked by the TypeScript 7 compiler, and every
// TypeScript file in the repository covered by at least one of them (a folder left out of every
// config would never be checked: the issue desk once was).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSC = path.join(ROOT, 'node_modules/@typescript/native/bin/tsc');

/** The environments, each with the config that says which files it holds and which globals they have. */
export const ENVIRONMENTS = {
  worker: 'tsconfig.worker.json',
  pages: 'tsconfig.pages.json',
  node: 'tsconfig.node.json',
  test: 'tsconfig.test.json',
} as const;

export interface CheckResult {
  ok: boolean;
  /** The compiler's diagnostics, empty when clean. */
  output: string;
  /** The repository's files (relative paths) the config's program holds, from the same run. */
  files: Set<string>;
}

/** A line of `--listFiles` output: an absolute path the program holds (diagnostics start with a relative one). */
const LISTED_FILE = /^\/\S+\.(?:[cm]?ts|tsx|json)$/;

/** Runs the compiler once on one config: its diagnostics (`ok` is false on any error) and its files. */
export async function checkConfig(config: string, cwd = ROOT): Promise<CheckResult> {
  let printed: string;
  let ok = true;
  try {
    const { stdout, stderr } = await run(process.execPath, [TSC, '-p', config, '--pretty', 'false', '--listFiles'], {
      cwd,
      maxBuffer: 64 * 1024 * 1024,
    });
    printed = stdout + stderr;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    printed = (failed.stdout ?? '') + (failed.stderr ?? '') || failed.message;
    ok = false;
  }
  const lines = printed.split('\n');
  const files = new Set(
    lines
      .filter((line) => LISTED_FILE.test(line.trim()))
      .map((file) => path.relative(ROOT, file.trim()))
      .filter((file) => !file.startsWith('..') && !file.startsWith('node_modules')),
  );
  const output = lines.filter((line) => !LISTED_FILE.test(line.trim())).join('\n');
  return { ok, output, files };
}

/** The repository's files (relative paths) that one config's program holds. */
export async function filesOf(config: string): Promise<Set<string>> {
  return (await checkConfig(config)).files;
}

/** The TypeScript files under version control (the ones a clean clone has). */
export async function trackedTypeScript(): Promise<string[]> {
  const { stdout } = await run('git', ['ls-files', '--', '*.ts', '*.tsx'], { cwd: ROOT });
  return stdout.split('\n').filter((file) => file && existsSync(path.join(ROOT, file)) && !file.endsWith('.d.ts'));
}

/** The tracked TypeScript files that none of these programs holds (by default, every environment's). */
export async function uncheckedFiles(programs?: Iterable<Set<string>>): Promise<string[]> {
  const covered = new Set<string>();
  for (const files of programs ?? (await Promise.all(Object.values(ENVIRONMENTS).map(filesOf))))
    for (const file of files) covered.add(file);
  return (await trackedTypeScript()).filter((file) => !covered.has(file));
}

async function main(): Promise<void> {
  const started = Date.now();
  const results = await Promise.all(
    Object.entries(ENVIRONMENTS).map(async ([name, config]) => ({ name, config, ...(await checkConfig(config)) })),
  );
  let failed = false;
  for (const { name, config, ok, output } of results) {
    const errors = (output.match(/error TS\d+/g) ?? []).length;
    console.log(`${ok ? '✓' : '✗'} ${name.padEnd(6)} ${config}${ok ? '' : `: ${errors} error${errors === 1 ? '' : 's'}`}`);
    if (!ok) {
      failed = true;
      console.log(output.trim().replace(/^/gm, '    '));
    }
  }
  const unchecked = await uncheckedFiles(results.map((result) => result.files));
  if (unchecked.length) {
    failed = true;
    console.log(
      `✗ ${unchecked.length} TypeScript file(s) are in no environment's config, so nothing checks them:\n    ${unchecked.join('\n    ')}`,
    );
  }
  console.log(`type-check ${failed ? 'failed' : 'clean'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
