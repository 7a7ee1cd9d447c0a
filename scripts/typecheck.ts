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
  output: string;
}

/** Runs the compiler on one config; `ok` is false when it reports any error. */
export async function checkConfig(config: string, cwd = ROOT): Promise<CheckResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [TSC, '-p', config, '--pretty', 'false'], { cwd, maxBuffer: 64 * 1024 * 1024 });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: (failed.stdout ?? '') + (failed.stderr ?? '') || failed.message };
  }
}

/** The repository's files (relative paths) that one config's program holds. */
export async function filesOf(config: string): Promise<Set<string>> {
  let stdout: string;
  try {
    ({ stdout } = await run(process.execPath, [TSC, '-p', config, '--listFilesOnly'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }));
  } catch (error) {
    // A file that does not parse makes the listing exit non-zero; the check itself reports that error.
    stdout = (error as { stdout?: string }).stdout ?? '';
  }
  return new Set(
    stdout
      .split('\n')
      .map((file) => path.relative(ROOT, file.trim()))
      .filter((file) => file && !file.startsWith('..') && !file.startsWith('node_modules')),
  );
}

/** The TypeScript files under version control (the ones a clean clone has). */
export async function trackedTypeScript(): Promise<string[]> {
  const { stdout } = await run('git', ['ls-files', '--', '*.ts', '*.tsx'], { cwd: ROOT });
  return stdout.split('\n').filter((file) => file && existsSync(path.join(ROOT, file)) && !file.endsWith('.d.ts'));
}

/** The tracked TypeScript files no environment's config checks. */
export async function uncheckedFiles(): Promise<string[]> {
  const covered = new Set<string>();
  for (const config of Object.values(ENVIRONMENTS)) for (const file of await filesOf(config)) covered.add(file);
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
  const unchecked = await uncheckedFiles();
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
