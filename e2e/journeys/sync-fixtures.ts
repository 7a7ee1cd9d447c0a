import { wordpressFixture, wpFixture } from '../servers/fixtures';
import type { WordPress } from '../servers/wordpress';
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
  wordpress: wordpressFixture,
  wp: wpFixture,
});

export { expect } from '@playwright/test';
