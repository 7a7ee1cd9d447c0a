import { defineConfig } from '@playwright/test';
import type { Engine } from './e2e/driver/extension-browser';

/**
 * Two browser projects. `chromium` runs every spec: the Chromium-only specs in e2e/ (each test gets
 * its own Chromium profile with dist/ loaded: see e2e/fixtures.ts) and the cross-browser journeys in
 * e2e/journeys/. `firefox` runs the journeys in Debian's Firefox ESR over WebDriver BiDi, with
 * dist-firefox/ installed (e2e/driver/firefox/). `npm run test:firefox` runs that project alone.
 */
export default defineConfig<unknown, { engine: Engine }>({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
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
  projects: [
    { name: 'chromium', use: { engine: 'chromium' } },
    { name: 'firefox', testMatch: 'journeys/**/*.spec.ts', use: { engine: 'firefox' } },
  ],
});
