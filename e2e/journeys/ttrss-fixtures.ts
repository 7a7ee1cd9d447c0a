import { ttrssFixture } from '../servers/fixtures';
import type { Ttrss } from '../servers/ttrss';
import { test as base } from './fixtures';

/** The journey fixtures with a real Tiny Tiny RSS on 127.0.0.1 (started once per test file and browser). */
export const test = base.extend<object, { ttrss: Ttrss }>({
  ttrss: ttrssFixture,
});

export { expect } from '@playwright/test';
