import { describe, expect, it, vi } from 'vitest';
import { OutboxEntry, entryAfterChange, repairLastError } from './outbox-entry';

const T0 = Date.parse('2026-06-10T10:00:00Z');
const LATER = T0 + 5 * 60_000;
const ISSUE = 'issue-0001';

describe('entryAfterChange', () => {
  it('makes a new entry due at once', () => {
    expect(entryAfterChange(undefined, ISSUE, T0)).toEqual({
      issueId: ISSUE,
      changedAt: T0,
      attempts: 0,
      nextAttemptAt: T0,
      state: 'pending',
    });
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
      lastError: { code: 'server', status: 503, at: T0 },
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
      lastError: { code: 'auth', status: 401, at: T0 },
    };
    expect(entryAfterChange(failed, ISSUE, LATER)).toEqual({ ...failed, changedAt: LATER });
  });

  it('leaves a conflict a conflict until the editor chooses', () => {
    const conflict: OutboxEntry = {
      issueId: ISSUE,
      changedAt: T0,
      attempts: 1,
      nextAttemptAt: T0 + 1000,
      state: 'conflict',
      lastError: { code: 'conflict', at: T0 },
    };
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
    expect(OutboxEntry.safeParse({ ...good, lastError: { code: 'server', status: 99, at: T0 } }).data?.lastError).toBeUndefined();
  });
});

describe('reading a lastError stored before codes', () => {
  // What the previous version stored: its words, an action in words, and when.
  const old = (message: string, state: OutboxEntry['state'] = 'failed') => ({
    issueId: ISSUE,
    changedAt: T0,
    attempts: 2,
    nextAttemptAt: T0,
    state,
    lastError: { message, action: 'Some words.', at: T0 },
  });
  const codeOf = (message: string, state?: OutboxEntry['state']) => OutboxEntry.parse(old(message, state)).lastError;

  it('keeps the entry and gives its error a code derived from the old words', () => {
    expect(OutboxEntry.parse(old('WordPress refused the credentials (HTTP 401).'))).toEqual({
      ...old(''),
      lastError: { code: 'auth', status: 401, at: T0 },
    });
    expect(codeOf('The draft is gone from WordPress (HTTP 404): it was deleted there.')).toEqual({ code: 'draft-deleted', at: T0 });
    expect(codeOf('The draft is gone from the drafting server: it was deleted there.')).toEqual({ code: 'draft-deleted', at: T0 });
    expect(codeOf("The issue's draft is in WordPress's trash.")).toEqual({ code: 'draft-trashed', at: T0 });
    expect(codeOf("The issue's post was published in WordPress; the extension no longer changes it.")).toEqual({
      code: 'published',
      at: T0,
    });
    expect(codeOf('No WordPress REST API was found at https://x.org (HTTP 404).')).toEqual({ code: 'not-found', status: 404, at: T0 });
    expect(codeOf('WordPress moved to https://www.example.org (the request was redirected there).')).toEqual({
      code: 'moved',
      movedTo: 'https://www.example.org',
      at: T0,
    });
    expect(codeOf('WordPress is not answering properly (HTTP 503); trying again later.', 'pending')).toEqual({
      code: 'server',
      status: 503,
      at: T0,
    });
    expect(codeOf('WordPress did not answer within 15 s; trying again later.', 'pending')).toEqual({ code: 'timeout', at: T0 });
    expect(codeOf('WordPress could not be reached (Failed to fetch); trying again later.', 'pending')).toEqual({ code: 'offline', at: T0 });
    expect(codeOf("The clippings' part of the draft was edited in WordPress since the last sync.", 'conflict')).toEqual({
      code: 'conflict',
      at: T0,
    });
  });

  it('never calls a draft deleted on words that do not say so: the unknown is unexpected, with its words kept', () => {
    expect(codeOf('The server said the draft had gone missing')).toEqual({
      code: 'unexpected',
      text: 'The server said the draft had gone missing',
      at: T0,
    });
    expect(codeOf('refused')).toEqual({ code: 'unexpected', text: 'refused', at: T0 });
    expect(codeOf('x'.repeat(5000))?.text).toHaveLength(1000);
  });

  it('drops an unreadable error instead of losing the entry', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const lastError of [{ at: T0 }, 'HTTP 503', 42, { message: 7, at: T0 }]) {
      const parsed = OutboxEntry.safeParse({ ...old(''), lastError });
      expect(parsed.success).toBe(true);
      expect(parsed.data?.lastError).toBeUndefined();
    }
    expect(OutboxEntry.parse({ ...old(''), lastError: { message: 'HTTP 500', at: -1 } }).lastError).toEqual({
      code: 'server',
      status: 500,
      at: 0,
    });
    warn.mockRestore();
  });

  it('leaves a current error as it is', () => {
    expect(repairLastError({ code: 'draft-deleted', status: 410, at: T0 }, 'failed')).toEqual({
      code: 'draft-deleted',
      status: 410,
      at: T0,
    });
  });
});
