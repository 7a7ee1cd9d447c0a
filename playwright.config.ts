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
  // On CI a test that fails is run once more; one that then passes is reported as flaky in the
  // closing summary line (scripts/test-summary.mjs), never hidden.
  retries: process.env.CI ? 1 : 0,
  // list for people; JSON for scripts/test.sh's closing summary line.
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  outputDir: 'test-results',
});
