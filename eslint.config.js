// ESLint: typescript-eslint's type-checked rules for every code folder, the hooks rules for the preact
// pages, no import cycles, and the architecture's boundaries as rules (STYLE.md, rule 14):
//   - the core under src/ reaches browser extension APIs only through src/platform/;
//   - the worker's code touches no DOM globals (it is a service worker in Chromium);
//   - extension pages talk to the worker only through the typed messages (src/messages/client.ts);
//   - the core imports no UI library.
// Formatting is Prettier's (`npm run format:check`), so eslint-config-prettier turns style rules off.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const PAGES = ['popup/**', 'options/**', 'issue/**'];
/** The core's folders that run in the worker (besides background/, its wiring). */
const WORKER_CORE = ['src/worker', 'src/store', 'src/sync', 'src/feeds', 'src/check'];
const NO_DOM_GLOBALS = [
  { name: 'document', message: 'The worker has no DOM: a service worker has no document.' },
  { name: 'window', message: 'The worker has no DOM: a service worker has no window (use globalThis or self).' },
  { name: 'localStorage', message: 'The worker has no localStorage: use IndexedDB or browser.storage.' },
];

const BROWSER_API_IMPORTS = {
  paths: [{ name: 'webextension-polyfill', message: 'Browser extension APIs are reached through src/platform/ only.' }],
  patterns: [{ group: ['preact', 'preact/*'], message: 'The core is UI-free: components live in the pages (popup/, options/, issue/).' }],
};
const BROWSER_API_GLOBALS = [
  { name: 'chrome', message: 'Browser extension APIs are reached through src/platform/ only.' },
  { name: 'browser', message: 'Browser extension APIs are reached through src/platform/ only.' },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.wp/',
      '.tmp-*',
      'dist/',
      'dist-firefox/',
      'dist-test/',
      'release/',
      'reports/',
      'test-results/',
      'playwright-report/',
      'bench/results/',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // One program per environment, as the type-check has them (tsconfig.json lists them).
        project: ['./tsconfig.worker.json', './tsconfig.pages.json', './tsconfig.node.json', './tsconfig.test.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/only-throw-error': 'error',
      eqeqeq: ['error', 'always'],
    },
    settings: {
      // no-cycle reads the imported modules itself: it needs to resolve and parse TypeScript.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })],
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { ...globals.node } },
  },
  // Pages: preact hooks, and the worker only through messages.
  {
    files: PAGES.map((glob) => `${glob.replace('/**', '')}/**/*.{ts,tsx}`),
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The classic hooks rules; v7's React Compiler rules (refs, immutability, …) are for code compiled
      // by the React Compiler, which preact pages are not.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/src/worker/*',
                '**/src/store/*',
                '**/background/*',
                '**/src/sync/*',
                '!**/src/sync/clipping-sync',
                '!**/src/sync/target-config',
                '!**/src/sync/sync-error',
                '!**/src/sync/sync-words',
              ],
              message: 'Extension pages talk to the worker only through the typed messages (src/messages/client.ts).',
            },
          ],
        },
      ],
    },
  },
  // Tests: handler fakes are async without awaiting (they stand in for async functions), preact's
  // act() may return a promise the test has no use for, and vitest's asymmetric matchers
  // (expect.any, expect.objectContaining) are typed `any`. Page tests may build the worker's records.
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**'],
    rules: {
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-floating-promises': [
        'error',
        { ignoreVoid: true, allowForKnownSafeCalls: [{ from: 'package', name: 'act', package: 'preact/test-utils' }] },
      ],
    },
  },
  // Playwright's fixtures take their dependencies as a destructured first argument, `{}` when none.
  {
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  // The core: browser APIs only through src/platform/, and no UI library.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/platform/**', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', BROWSER_API_IMPORTS],
      'no-restricted-globals': ['error', ...BROWSER_API_GLOBALS],
    },
  },
  // The worker: no DOM (a service worker has neither document nor window). Its folders in the core
  // keep the core's rule too (a later block's rule replaces an earlier one's for the same files).
  {
    files: ['background/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...NO_DOM_GLOBALS] },
  },
  {
    files: WORKER_CORE.map((folder) => `${folder}/**/*.ts`),
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-globals': ['error', ...NO_DOM_GLOBALS, ...BROWSER_API_GLOBALS] },
  },
  prettier,
);
