import { describe, expect, it } from 'vitest';
import { OutboxEntry, entryAfterChange } from './outbox-entry';

const T0 = Date.parse('2026-06-10T10:00:00Z');
const LATER = T0 + 5 * 60_000;
const ISSUE = 'issue-0001';

describe('entryAfterChange', () => {
  it('makes a new entry due at once', () => {
    expect(entryAfterChange(undefined, ISSUE, T0)).toEqual({ issueId: ISSUE, changedAt: T0, attempts: 0, nextAttemptAt: T0, state: 'pending' });
  });

  it('coalesces a change into a pending entry: the change time moves, it stays due', () => {
    const pending: OutboxEntry = { issueId: ISSUE, changedAt: T0, attempts: 0, nextAttemptAt: T0, state: 'pending' };
    expect(entryAfterChange(pending, ISSUE, LATER)).toEqual({ ...pending, changedAt: LATER, nextAttemptAt: LATER });
  });

  it('keeps the wait, attempts and last error of a pending entry in backoff', () => {
    const backingOff: OutboxEntry = {
      issueId: ISSUE,
      changedAt: T0,
      attempts: 3,
      nextAttemptAt: LATER + 60_000,
      state: 'pending',
      lastError: { message: 'WordPress is not answering properly (HTTP 503).', at: T0 },
    };
    expect(entryAfterChange(backingOff, ISSUE, LATER)).toEqual({ ...backingOff, changedAt: LATER });
  });

  it('leaves a failed entry failed until the editor acts', () => {
    const failed: OutboxEntry = {
      issueId: ISSUE,
      changedAt: T0,
      attempts: 0,
      nextAttemptAt: T0,
      state: 'failed',
      lastError: { message: 'refused the credentials', action: 'Check the password', at: T0 },
    };
    expect(entryAfterChange(failed, ISSUE, LATER)).toEqual({ ...failed, changedAt: LATER });
  });

  it('leaves a conflict a conflict until the editor chooses', () => {
    const conflict: OutboxEntry = { issueId: ISSUE, changedAt: T0, attempts: 1, nextAttemptAt: T0 + 1000, state: 'conflict', lastError: { message: 'edited', at: T0 } };
    expect(entryAfterChange(conflict, ISSUE, LATER)).toEqual({ ...conflict, changedAt: LATER });
  });

  it('makes entries the schema accepts', () => {
    expect(OutboxEntry.safeParse(entryAfterChange(undefined, ISSUE, T0)).success).toBe(true);
  });
});

describe('OutboxEntry', () => {
  it('refuses damaged rows', () => {
    const good = entryAfterChange(undefined, ISSUE, T0);
    expect(OutboxEntry.safeParse({ ...good, state: 'done' }).success).toBe(false);
    expect(OutboxEntry.safeParse({ ...good, attempts: -1 }).success).toBe(false);
    expect(OutboxEntry.safeParse({ ...good, issueId: '' }).success).toBe(false);
    expect(OutboxEntry.safeParse({ ...good, lastError: { message: 'x'.repeat(1001), at: T0 } }).success).toBe(false);
  });
});
