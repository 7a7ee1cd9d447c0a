import { DIST_TEST, launchWithExtension } from './browser';
import { test as base } from './fixtures';
import { ExtensionDriver } from './pages/extension-driver';
import { type SyncFixtures, type SyncWorkerFixtures, wordpressFixture, wpFixture } from './servers/fixtures';

export { DIST_TEST } from './browser';

/** The clipping fixtures, with the test build loaded and a real WordPress on 127.0.0.1. */
export const test = base.extend<SyncFixtures, SyncWorkerFixtures>({
  wordpress: wordpressFixture,
  wp: wpFixture,
  clipper: async ({}, use) => {
    const launched = await launchWithExtension({ dist: DIST_TEST });
    await use(new ExtensionDriver(launched));
    await launched.context.close();
  },
});

export { expect } from '@playwright/test';
