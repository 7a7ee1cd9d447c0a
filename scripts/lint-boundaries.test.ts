// The architecture's boundaries are lint rules (eslint.config.js): code planted on the wrong side of
// one must be reported. Linted without type information (the planted files are in no tsconfig), which
// leaves the boundary rules, the hooks rules and the import-cycle rule as they are.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: [
    {
      files: ['**/*.ts', '**/*.tsx'],
      ...tseslint.configs.disableTypeChecked,
      languageOptions: { parserOptions: { project: false, projectService: false, program: null } },
    },
  ],
});

/** The rules `code` breaks when it sits at `file` (a path in the repository; it need not exist). */
async function rulesBroken(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('lint: the architecture boundaries', () => {
  const polyfill = "import browser from 'webextension-polyfill';\nexport const id = browser.runtime.id;\n";
  const chromeGlobal = 'export const id = chrome.runtime.id;\n';

  it.each(['src/clip/planted.ts', 'src/export/planted.ts', 'src/store/planted.ts', 'src/capture/planted.ts'])(
    'keeps browser extension APIs out of the core (%s)',
    async (file) => {
      expect(await rulesBroken(file, polyfill)).toContain('no-restricted-imports');
      expect(await rulesBroken(file, chromeGlobal)).toContain('no-restricted-globals');
    },
  );

  it('lets src/platform/ reach them', async () => {
    expect(await rulesBroken('src/platform/planted.ts', polyfill)).toEqual([]);
    expect(await rulesBroken('src/platform/planted.ts', chromeGlobal)).toEqual([]);
  });

  it('keeps UI libraries out of the core', async () => {
    expect(await rulesBroken('src/export/planted.ts', "import { h } from 'preact';\nexport const node = h('p', null);\n")).toContain(
      'no-restricted-imports',
    );
  });

  it.each(['background/planted.ts', 'src/worker/planted.ts', 'src/sync/planted.ts', 'src/store/planted.ts'])(
    'refuses DOM globals in the worker (%s)',
    async (file) => {
      expect(await rulesBroken(file, 'export const title = document.title;\n')).toContain('no-restricted-globals');
      expect(await rulesBroken(file, 'export const width = window.innerWidth;\n')).toContain('no-restricted-globals');
    },
  );

  it.each(['popup/planted.tsx', 'options/planted.tsx', 'issue/planted.tsx'])(
    'lets pages reach the worker only through messages (%s)',
    async (file) => {
      for (const module of ['../src/store/clippings-repo', '../src/worker/handlers', '../src/sync/engine', '../background/index']) {
        expect(await rulesBroken(file, `import * as inner from '${module}';\nexport const keys = Object.keys(inner);\n`), module).toContain(
          'no-restricted-imports',
        );
      }
      expect(await rulesBroken(file, "import { send } from '../src/messages/client';\nexport const sender = send;\n")).toEqual([]);
    },
  );
});

describe('lint: no import cycles', () => {
  const dir = mkdtempSync(path.join(ROOT, 'test', '.planted-cycle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports two modules that import each other', async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b';\nexport const a = () => b();\n");
    writeFileSync(path.join(dir, 'b.ts'), "import { a } from './a';\nexport const b = (): unknown => a;\n");
    const [result] = await eslint.lintFiles([path.join(dir, 'a.ts')]);
    expect(result?.messages.map((message) => message.ruleId)).toContain('import-x/no-cycle');
  });
});
