import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/fixtures';
import type { OutboxEntry } from '../sync/outbox-entry';
import type { SyncState } from '../sync/sync-state';
import type { ClipperDB } from './db';
import { OutboxRepo, SyncStateRepo } from './sync-repos';

const T0 = Date.parse('2026-06-10T10:00:00Z');
const MINUTE = 60_000;

const entry = (issueId: string, overrides: Partial<OutboxEntry> = {}): OutboxEntry => ({
  issueId,
  changedAt: T0,
  attempts: 0,
  nextAttemptAt: T0,
  state: 'pending',
  ...overrides,
});

const syncState = (issueId: string, overrides: Partial<SyncState> = {}): SyncState => ({
  issueId,
  target: 'wordpress:https://news.example.org',
  remoteId: '42',
  editUrl: 'https://news.example.org/wp-admin/post.php?post=42&action=edit',
  lastSyncedAt: T0,
  regionHash: 'a'.repeat(64),
  remoteModified: '2026-06-10T10:00:00',
  ...overrides,
});

let db: ClipperDB;
let outbox: OutboxRepo;
let states: SyncStateRepo;

beforeEach(async () => {
  const fresh = await freshDatabase('sync-repos-test');
  db = fresh.db;
  outbox = new OutboxRepo(fresh.open);
  states = new SyncStateRepo(fresh.open);
});
afterEach(() => db.close());

describe('OutboxRepo.all and get', () => {
  it('reads entries back, and skips damaged rows', async () => {
    await db.put('outbox', entry('issue-a'));
    await db.put('outbox', { issueId: 'issue-bad', state: 'pending' } as unknown as OutboxEntry);
    await db.put('outbox', entry('issue-b', { state: 'failed', lastError: { code: 'auth', status: 401, at: T0 } }));
    expect((await outbox.all()).map((e) => e.issueId)).toEqual(['issue-a', 'issue-b']);
    expect(await outbox.get('issue-a')).toEqual(entry('issue-a'));
    expect(await outbox.get('issue-bad')).toBeUndefined();
    expect(await outbox.get('issue-none')).toBeUndefined();
  });
});

describe('OutboxRepo.due', () => {
  it('lists pending entries whose time has come, soonest first', async () => {
    await db.put('outbox', entry('issue-late', { nextAttemptAt: T0 }));
    await db.put('outbox', entry('issue-early', { nextAttemptAt: T0 - 5 * MINUTE }));
    await db.put('outbox', entry('issue-middle', { nextAttemptAt: T0 - MINUTE, attempts: 2 }));
    expect((await outbox.due(T0)).map((e) => e.issueId)).toEqual(['issue-early', 'issue-middle', 'issue-late']);
  });

  it('leaves out entries in backoff, failed ones, conflicts and damaged rows', async () => {
    await db.put('outbox', entry('issue-due'));
    await db.put('outbox', entry('issue-waiting', { nextAttemptAt: T0 + 1 }));
    await db.put('outbox', entry('issue-failed', { state: 'failed', nextAttemptAt: 0 }));
    await db.put('outbox', entry('issue-conflict', { state: 'conflict', nextAttemptAt: 0 }));
    await db.put('outbox', { ...entry('issue-bad'), attempts: -1 });
    expect((await outbox.due(T0)).map((e) => e.issueId)).toEqual(['issue-due']);
    expect((await outbox.due(T0 + 1)).map((e) => e.issueId)).toEqual(['issue-due', 'issue-waiting']);
  });

  it('is empty with no entries', async () => {
    expect(await outbox.due(T0)).toEqual([]);
  });
});

describe('OutboxRepo: entries stored before error codes', () => {
  it('reads an old entry with a code derived from its words, and writes it back in the new form', async () => {
    // The previous version's row: the words of the failure, no code.
    await db.put('outbox', {
      ...entry('issue-a', { state: 'failed' }),
      lastError: {
        message: 'The draft is gone from WordPress (HTTP 404): it was deleted there.',
        action: 'Press “Recreate the draft”.',
        at: T0,
      },
    } as unknown as OutboxEntry);
    await db.put('outbox', {
      ...entry('issue-b', { attempts: 2 }),
      lastError: { message: 'WordPress is not answering properly (HTTP 503); trying again later.', at: T0 },
    } as unknown as OutboxEntry);
    expect(await outbox.all()).toEqual([
      entry('issue-a', { state: 'failed', lastError: { code: 'draft-deleted', at: T0 } }),
      entry('issue-b', { attempts: 2, lastError: { code: 'server', status: 503, at: T0 } }),
    ]);
    await outbox.afterAttempt('issue-b', T0, (current) => ({ ...current, attempts: 3 }));
    expect(await db.get('outbox', 'issue-b')).toEqual(
      entry('issue-b', { attempts: 3, lastError: { code: 'server', status: 503, at: T0 } }),
    );
  });
});

describe('OutboxRepo.afterAttempt', () => {
  it('deletes the entry after a success when the issue did not change meanwhile', async () => {
    await db.put('outbox', entry('issue-a', { attempts: 3, lastError: { code: 'offline', at: T0 } }));
    await outbox.afterAttempt('issue-a', T0, () => undefined);
    expect(await db.get('outbox', 'issue-a')).toBeUndefined();
  });

  it('re-arms the entry after a success when the issue changed meanwhile: due at the change, attempts reset', async () => {
    await db.put('outbox', entry('issue-a', { changedAt: T0 + MINUTE, attempts: 3, nextAttemptAt: T0 - MINUTE }));
    await outbox.afterAttempt('issue-a', T0, () => undefined);
    expect(await outbox.get('issue-a')).toEqual(entry('issue-a', { changedAt: T0 + MINUTE, attempts: 0, nextAttemptAt: T0 + MINUTE }));
    expect((await outbox.due(T0 + MINUTE)).map((e) => e.issueId)).toEqual(['issue-a']);
  });

  it('re-arms a failed entry that changed meanwhile as pending', async () => {
    await db.put('outbox', entry('issue-a', { changedAt: T0 + MINUTE, state: 'failed' }));
    await outbox.afterAttempt('issue-a', T0, () => undefined);
    expect((await outbox.get('issue-a'))?.state).toBe('pending');
  });

  it('writes the update it is given, from the entry as it is now', async () => {
    await db.put('outbox', entry('issue-a', { changedAt: T0 + MINUTE }));
    let seen: OutboxEntry | undefined;
    await outbox.afterAttempt('issue-a', T0, (current) => {
      seen = current;
      return { ...current, attempts: current.attempts + 1, nextAttemptAt: T0 + 5 * MINUTE };
    });
    expect(seen).toEqual(entry('issue-a', { changedAt: T0 + MINUTE }));
    expect(await outbox.get('issue-a')).toEqual(entry('issue-a', { changedAt: T0 + MINUTE, attempts: 1, nextAttemptAt: T0 + 5 * MINUTE }));
  });

  it('does nothing when the entry is gone or damaged', async () => {
    let called = false;
    await outbox.afterAttempt('issue-none', T0, () => {
      called = true;
      return undefined;
    });
    expect(called).toBe(false);
    await db.put('outbox', { issueId: 'issue-bad' } as unknown as OutboxEntry);
    await outbox.afterAttempt('issue-bad', T0, () => undefined);
    expect(await db.get('outbox', 'issue-bad')).toEqual({ issueId: 'issue-bad' });
    expect(await db.count('outbox')).toBe(1);
  });
});

describe('OutboxRepo.retryNow', () => {
  it('makes an entry in backoff due now, attempts reset', async () => {
    await db.put(
      'outbox',
      entry('issue-a', { attempts: 5, nextAttemptAt: T0 + 60 * MINUTE, lastError: { code: 'server', status: 503, at: T0 } }),
    );
    await outbox.retryNow('issue-a', T0 + MINUTE);
    expect(await outbox.get('issue-a')).toMatchObject({ attempts: 0, nextAttemptAt: T0 + MINUTE, state: 'pending', changedAt: T0 });
    expect((await outbox.due(T0 + MINUTE)).map((e) => e.issueId)).toEqual(['issue-a']);
  });

  it('makes a failed entry or a conflict pending again', async () => {
    await db.put('outbox', entry('issue-f', { state: 'failed' }));
    await db.put('outbox', entry('issue-c', { state: 'conflict' }));
    await outbox.retryNow('issue-f', T0);
    await outbox.retryNow('issue-c', T0);
    expect((await outbox.due(T0)).map((e) => e.issueId).sort()).toEqual(['issue-c', 'issue-f']);
  });

  it('creates a due entry when there is none (a resolve after the entry was removed)', async () => {
    await outbox.retryNow('issue-a', T0);
    expect(await outbox.get('issue-a')).toEqual(entry('issue-a'));
  });
});

describe('SyncStateRepo', () => {
  it('round-trips a state', async () => {
    await states.put(syncState('issue-a'));
    expect(await states.get('issue-a')).toEqual(syncState('issue-a'));
    await states.put(syncState('issue-a', { remoteId: '43' }));
    expect((await states.get('issue-a'))?.remoteId).toBe('43');
  });

  it('answers undefined for an unknown issue', async () => {
    expect(await states.get('issue-none')).toBeUndefined();
  });

  it('ignores a damaged row', async () => {
    await db.put('syncState', { issueId: 'issue-a', remoteId: 42 } as unknown as SyncState);
    expect(await states.get('issue-a')).toBeUndefined();
  });

  it('refuses to store an invalid state', async () => {
    await expect(states.put(syncState('issue-a', { regionHash: 'x'.repeat(129) }))).rejects.toThrow();
    expect(await db.count('syncState')).toBe(0);
  });

  it('deletes a state (recreate the draft)', async () => {
    await states.put(syncState('issue-a'));
    await states.put(syncState('issue-b'));
    await states.delete('issue-a');
    expect(await states.get('issue-a')).toBeUndefined();
    expect(await states.get('issue-b')).toBeDefined();
    await states.delete('issue-none');
  });
});
