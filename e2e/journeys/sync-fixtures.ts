import { type WordPress, startWordPress } from '../servers/wordpress';
import { test as base } from './fixtures';

interface SyncFixtures {
  /** The WordPress site, emptied before each test. */
  wp: WordPress;
}

interface SyncWorkerFixtures {
  wordpress: WordPress;
}

/** The journey fixtures with a real WordPress on 127.0.0.1 (started once per test file and browser). */
export const test = base.extend<SyncFixtures, SyncWorkerFixtures>({
  wordpress: [
    async ({}, use) => {
      const wordpress = await startWordPress();
      await use(wordpress);
      await wordpress.stop();
    },
    { scope: 'worker', timeout: 300_000 },
  ],
  wp: async ({ wordpress }, use) => {
    await wordpress.reset();
    await use(wordpress);
  },
});

export { expect } from '@playwright/test';
