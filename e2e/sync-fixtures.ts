import { resolve } from 'node:path';
import { launchWithExtension } from './browser';
import { test as base } from './fixtures';
import { ExtensionDriver } from './pages/extension-driver';
import { wordpressFixture, wpFixture } from './servers/fixtures';
import type { WordPress } from './servers/wordpress';

/** The test build: it holds host access to 127.0.0.1, standing in for the run-time grant the editor gives. */
export const DIST_TEST = resolve(import.meta.dirname, '..', 'dist-test');

interface SyncFixtures {
  /** The WordPress site, emptied before each test. */
  wp: WordPress;
}

interface SyncWorkerFixtures {
  wordpress: WordPress;
}

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
