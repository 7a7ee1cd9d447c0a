import { type SyncFixtures, type SyncWorkerFixtures, wordpressFixture, wpFixture } from '../servers/fixtures';
import { test as base } from './fixtures';

/** The journey fixtures with a real WordPress on 127.0.0.1 (started once per test file and browser). */
export const test = base.extend<SyncFixtures, SyncWorkerFixtures>({
  wordpress: wordpressFixture,
  wp: wpFixture,
});

export { expect } from '@playwright/test';
