// Builders for the pre-publish check's tests (src/check, src/worker): an issue that passes every rule,
// to plant one problem at a time in.
import type { Clipping } from '../src/clip/clipping';
import type { CheckInput } from '../src/check/check-input';
import { FIXTURE_MONDAY, makeClipping, makeIssue, makeSettings } from './fixtures';

/** Clipping `n` of issue 1 with nothing to report: credited, dated in the issue's week, a summary of 50+ characters. */
export function goodClipping(n: number, overrides: Partial<Clipping> = {}): Clipping {
  return makeClipping(n, {
    issueId: 'issue-0001',
    authors: ['Ada Lovelace'],
    siteName: `Site ${n}`,
    publishedTime: new Date(FIXTURE_MONDAY + 86_400_000).toISOString(),
    summary: `A summary long enough to pass the minimum length, number ${n}.`,
    ...overrides,
  });
}

/**
 * Issue 1 (sponsored) with two articles and one outage, all clean, checked on its Wednesday; `clippings`
 * and `overrides` replace the defaults.
 */
export function checkInput(overrides: Partial<CheckInput> = {}): CheckInput {
  return {
    issue: makeIssue(1, { sponsor: 'Thanks to Acme for sponsoring.' }),
    clippings: [goodClipping(1), goodClipping(2), goodClipping(3, { section: 'outages' })],
    settings: makeSettings(),
    published: [],
    now: FIXTURE_MONDAY + 2 * 86_400_000,
    ...overrides,
  };
}
