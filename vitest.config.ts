import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Component tests (issue/*.test.tsx) compile JSX for preact, as tsconfig.json says.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: [
      'src/**/*.test.ts',
      'build/**/*.test.ts',
      'popup/**/*.test.ts',
      'options/**/*.test.{ts,tsx}',
      'issue/**/*.test.{ts,tsx}',
      'bench/**/*.test.ts',
      'e2e/servers/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    // One module graph per worker process, not per file: a fresh graph for each of the ~120 files
    // cost four times the CPU (zod, preact and the core imported again each time). The tests hold no
    // state between files (each opens its own fake-indexeddb factory, mocks are restored per file).
    isolate: false,
    setupFiles: ['test/i18n-setup.ts'],
    testTimeout: 15000,
  },
});
