import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENVIRONMENTS, checkConfig, filesOf, uncheckedFiles } from './typecheck';

type Environment = keyof typeof ENVIRONMENTS;

/**
 * Each environment's program (the files it holds), compiled once for the whole file, all four at
 * once: a full compile of one config takes seconds, and the coverage test and the per-environment
 * examples read the same four programs.
 */
const programs = new Map<Environment, Set<string>>();
beforeAll(async () => {
  const environments = Object.keys(ENVIRONMENTS) as Environment[];
  await Promise.all(environments.map(async (environment) => programs.set(environment, await filesOf(ENVIRONMENTS[environment]))));
}, 240_000);
function programOf(environment: Environment): Set<string> {
  const files = programs.get(environment);
  if (!files) throw new Error(`the ${environment} program was not compiled`);
  return files;
}

const ROOT = path.resolve(__dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'typecheck-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A config that extends one environment's and checks only `source`, written to a scratch folder. */
function checkInEnvironment(environment: Environment, source: string) {
  const dir = mkdtempSync(path.join(scratch, `${environment}-`));
  writeFileSync(path.join(dir, 'planted.ts'), source);
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: path.join(ROOT, ENVIRONMENTS[environment]),
      // Outside the repository, the type packages the environment names are found from its node_modules.
      compilerOptions: { typeRoots: [path.join(ROOT, 'node_modules/@types')] },
      include: [],
      files: ['planted.ts'],
    }),
  );
  return checkConfig(path.join(dir, 'tsconfig.json'), dir);
}

describe('npm run typecheck', () => {
  it('covers every TypeScript file in the repository with some environment', async () => {
    expect(await uncheckedFiles(programs.values())).toEqual([]);
  }, 60_000);

  it.each([
    ['worker', 'background/index.ts'],
    ['worker', 'src/worker/handlers.ts'],
    ['pages', 'issue/issue-desk.tsx'],
    ['pages', 'popup/clip-popup.tsx'],
    ['pages', 'options/options-page.tsx'],
    ['pages', 'src/capture/content.ts'],
    ['node', 'scripts/typecheck.ts'],
    ['node', 'e2e/driver/chromium-browser.ts'],
    ['node', 'bench/capture.ts'],
    ['test', 'test/fixtures.ts'],
    ['test', 'issue/edit-field.test.tsx'],
  ] as const)('checks %s code such as %s', (environment, file) => {
    expect(programOf(environment)).toContain(file);
  });

  it('refuses DOM globals in the worker, which has neither document nor window', async () => {
    const planted = 'export const title: string = document.title;\nexport const width: number = window.innerWidth;\n';
    const worker = await checkInEnvironment('worker', planted);
    expect(worker.ok).toBe(false);
    expect(worker.output).toMatch(/Cannot find name 'document'/);
    expect(worker.output).toMatch(/Cannot find name 'window'/);
    expect((await checkInEnvironment('pages', planted)).ok).toBe(true);
  }, 60_000);

  it('fails on a type error planted in any environment', async () => {
    const environments = Object.keys(ENVIRONMENTS) as Environment[];
    const results = await Promise.all(
      environments.map((environment) => checkInEnvironment(environment, 'export const count: number = "three";\n')),
    );
    results.forEach((result, index) => {
      expect(result.ok, environments[index]).toBe(false);
      expect(result.output).toMatch(/TS2322/);
    });
  }, 60_000);
});
