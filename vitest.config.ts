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
    setupFiles: ['test/i18n-setup.ts'],
    testTimeout: 15000,
  },
});
