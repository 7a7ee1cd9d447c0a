import { defineConfig } from '@playwright/test';

// Each test gets its own Chromium profile with the built extension (dist/) loaded: see e2e/fixtures.ts.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  // list for people; JSON for scripts/test.sh's closing summary line.
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  outputDir: 'test-results',
});
