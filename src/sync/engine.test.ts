import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/fixtures';
import type { ClipperDB } from '../store/db';
import { markIssuesChanged } from '../store/outbox-marks';
import { OutboxRepo, SyncStateRepo } from '../store/sync-repos';
import type { DraftUpdate, PushOptions, SyncAdapter } from './adapter';
import { type EngineDeps, MAX_ISSUES_PER_DRAIN, drainOutbox } from './engine';
import { renderRegion } from './managed-region';
import type { OutboxEntry } from './outbox-entry';
import { backoffMs } from './retry-policy';
import { SyncError } from './sync-error';
import type { SyncState } from './sync-state';

const T0 = Date.parse('2026-06-10T10:00:00Z');
const MINUTE = 60_000;
const TARGET = 'fake:https://drafts.example.org';

type Behaviour = (update: DraftUpdate, previous: SyncState | undefined, options: PushOptions | undefined) => Promise<SyncState> | SyncState;

/** A drafting backend in memory: one draft per issue, and a behaviour per issue for the test to set. */
class FakeAdapter implements SyncAdapter {
  readonly target = TARGET;
  readonly pushes: { issueId: string; region: string; previous: SyncState | undefined; options: PushOptions | undefined }[] = [];
  readonly drafts = new Map<string, string>();
  readonly behaviours = new Map<string, Behaviour>();
  private nextId = 1;

  constructor(private readonly clock: () => number) {}

  async push(update: DraftUpdate, previous: SyncState | undefined, options?: PushOptions): Promise<SyncState> {
    // The engine always passes its beforeWrite hook; record the editor's options only.
    const { beforeWrite: _hook, ...chosen } = options ?? {};
    this.pushes.push({
      issueId: update.issueId,
      region: update.region,
      previous,
      options: Object.keys(chosen).length ? chosen : undefined,
    });
    const behaviour = this.behaviours.get(update.issueId);
    if (behaviour) return behaviour(update, previous, options);
    return this.store(update, previous);
  }

  store(update: DraftUpdate, previous: SyncState | undefined): SyncState {
    const remoteId = previous?.remoteId ?? `draft-${this.nextId++}`;
    this.drafts.set(remoteId, update.region);
    return {
      issueId: update.issueId,
      target: this.target,
      remoteId,
      lastSyncedAt: this.clock(),
      regionHash: `hash-${update.region.length}`,
      remoteModified: String(this.clock()),
    };
  }

  async remoteRegion(): Promise<string> {
    return '';
  }

  pushedIssues(): string[] {
    return this.pushes.map((p) => p.issueId);
  }
}

let db: ClipperDB;
let outbox: OutboxRepo;
let syncStates: SyncStateRepo;
let adapter: FakeAdapter;
let clock: number;
let gone: Set<string>;

/** The engine's dependencies: the real repos over the test database, the fake target, a clock. */
function deps(overrides: Partial<EngineDeps> = {}): EngineDeps {
  return {
    outbox,
    syncStates,
    adapter,
    draftFor: async (issueId) =>
      gone.has(issueId) ? undefined : { issueId, title: `Issue ${issueId}`, region: renderRegion(issueId, `<p>${issueId}</p>`) },
    now: () => clock,
    random: () => 0,
    ...overrides,
  };
}

/** Records a change to issues the way the stores do: in a transaction on the outbox. */
async function change(issueIds: string[], at = clock): Promise<void> {
  const tx = db.transaction('outbox', 'readwrite');
  await markIssuesChanged(tx.store, issueIds, at);
  await tx.done;
}

const entry = (issueId: string, overrides: Partial<OutboxEntry> = {}): OutboxEntry => ({
  issueId,
  changedAt: T0,
  attempts: 0,
  nextAttemptAt: T0,
  state: 'pending',
  ...overrides,
});

const fail =
  (error: unknown): Behaviour =>
  () => {
    throw error;
  };

beforeEach(async () => {
  const fresh = await freshDatabase('engine-test');
  db = fresh.db;
  outbox = new OutboxRepo(fresh.open);
  syncStates = new SyncStateRepo(fresh.open);
  clock = T0;
  adapter = new FakeAdapter(() => clock);
  gone = new Set();
});
afterEach(() => db.close());

describe('drainOutbox: success', () => {
  it('pushes a changed issue, stores its sync state and removes its entry', async () => {
    await change(['issue-a']);
    const report = await drainOutbox(deps());
    expect(report).toEqual({ synced: ['issue-a'], retrying: [], failed: [], conflicts: [] });
    expect(adapter.pushes).toEqual([
      { issueId: 'issue-a', region: renderRegion('issue-a', '<p>issue-a</p>'), previous: undefined, options: undefined },
    ]);
    expect(await syncStates.get('issue-a')).toMatchObject({ issueId: 'issue-a', target: TARGET, remoteId: 'draft-1', lastSyncedAt: T0 });
    expect(await outbox.all()).toEqual([]);
  });

  it('hands the adapter the state of the last sync, so the same draft is updated', async () => {
    await change(['issue-a']);
    await drainOutbox(deps());
    clock += MINUTE;
    await change(['issue-a']);
    await drainOutbox(deps());
    expect(adapter.pushes[1]?.previous).toMatchObject({ remoteId: 'draft-1', lastSyncedAt: T0 });
    expect(adapter.drafts.size).toBe(1);
  });

  it('records which versions of which clippings the region holds; after “keep WordPress’s version”, none', async () => {
    const rendered = { 'clip-1': T0 - MINUTE, 'clip-2': T0 };
    const withRendered = deps({
      draftFor: async (issueId) => ({ issueId, title: 'Issue', region: renderRegion(issueId, '<p>x</p>'), rendered }),
    });
    await change(['issue-a']);
    await drainOutbox(withRendered);
    expect((await syncStates.get('issue-a'))?.rendered).toEqual(rendered);
    await change(['issue-a']);
    await drainOutbox(withRendered, { issueId: 'issue-a', options: { keepRemote: true } });
    expect((await syncStates.get('issue-a'))?.rendered).toEqual({});
  });

  it('is idempotent: a second drain with nothing due pushes nothing', async () => {
    await change(['issue-a']);
    await drainOutbox(deps());
    expect(await drainOutbox(deps())).toEqual({ synced: [], retrying: [], failed: [], conflicts: [] });
    expect(adapter.pushes).toHaveLength(1);
  });

  it('coalesces many changes to one issue into one push', async () => {
    for (let i = 0; i < 5; i++) await change(['issue-a'], T0 + i);
    clock = T0 + 10;
    await drainOutbox(deps());
    expect(adapter.pushedIssues()).toEqual(['issue-a']);
  });

  it('drops the entry of an issue that is gone, without pushing', async () => {
    await change(['issue-a']);
    gone.add('issue-a');
    expect(await drainOutbox(deps())).toEqual({ synced: [], retrying: [], failed: [], conflicts: [] });
    expect(adapter.pushes).toEqual([]);
    expect(await outbox.all()).toEqual([]);
  });
});

describe('drainOutbox: temporary failures', () => {
  it('re-arms the entry with one more attempt and a backoff wait', async () => {
    await change(['issue-a']);
    adapter.behaviours.set('issue-a', fail(new SyncError('server', { status: 503 })));
    const report = await drainOutbox(deps({ random: () => 1 }));
    expect(report.retrying).toEqual(['issue-a']);
    expect(await outbox.get('issue-a')).toEqual(
      entry('issue-a', { attempts: 1, nextAttemptAt: T0 + backoffMs(1, () => 1), lastError: { code: 'server', status: 503, at: T0 } }),
    );
    expect(await syncStates.get('issue-a')).toBeUndefined();
  });

  it('grows the wait with each attempt', async () => {
    await db.put('outbox', entry('issue-a', { attempts: 3, nextAttemptAt: T0 - 1 }));
    adapter.behaviours.set('issue-a', fail(new SyncError('offline')));
    await drainOutbox(deps({ random: () => 1 }));
    expect(await outbox.get('issue-a')).toMatchObject({ attempts: 4, nextAttemptAt: T0 + 240_000, state: 'pending' });
  });

  it('waits as long as the server’s Retry-After says, rather than the backoff', async () => {
    await change(['issue-a']);
    adapter.behaviours.set('issue-a', fail(new SyncError('rate-limited', { status: 429 }, undefined, 90_000)));
    await drainOutbox(deps());
    expect(await outbox.get('issue-a')).toMatchObject({ attempts: 1, nextAttemptAt: T0 + 90_000 });
  });

  it('is not retried before its time, and is retried after it', async () => {
    await change(['issue-a']);
    adapter.behaviours.set('issue-a', fail(new SyncError('offline')));
    await drainOutbox(deps());
    adapter.behaviours.delete('issue-a');
    clock = T0 + 15_000 - 1;
    await drainOutbox(deps());
    expect(adapter.pushes).toHaveLength(1);
    clock = T0 + 15_000;
    expect((await drainOutbox(deps())).synced).toEqual(['issue-a']);
    expect(await outbox.all()).toEqual([]);
  });

  it('treats an unexpected error as temporary, with its text', async () => {
    await change(['issue-a']);
    adapter.behaviours.set('issue-a', fail(new TypeError('Cannot read properties of undefined')));
    const report = await drainOutbox(deps());
    expect(report.retrying).toEqual(['issue-a']);
    const stored = await outbox.get('issue-a');
    expect(stored).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: T0 + 15_000 });
    expect(stored?.lastError).toEqual({ code: 'unexpected', text: 'Cannot read properties of undefined', at: T0 });
  });

  it('treats a thrown non-Error as temporary too', async () => {
    await change(['issue-a']);
    adapter.behaviours.set('issue-a', fail('a string'));
    expect((await drainOutbox(deps())).retrying).toEqual(['issue-a']);
    expect((await outbox.get('issue-a'))?.lastError).toMatchObject({ code: 'unexpected', text: 'a string' });
  });

  it('keeps a very long error text short enough to stay readable in the store', async () => {
    await change(['issue-a']);
    adapter.behaviours.set('issue-a', fail(new Error('x'.repeat(5000))));
    await drainOutbox(deps());
    expect((await outbox.get('issue-a'))?.lastError?.text).toHaveLength(1000);
  });

  it('counts a state it cannot store as temporary (the push is repeated, and is idempotent)', async () => {
    await change(['issue-a']);
    adapter.behaviours.set('issue-a', (update) => ({ ...adapter.store(update, undefined), regionHash: 'x'.repeat(500) }));
    expect((await drainOutbox(deps())).retrying).toEqual(['issue-a']);
    expect(await outbox.get('issue-a')).toMatchObject({ state: 'pending', attempts: 1 });
  });
});

describe('drainOutbox: permanent failures and conflicts', () => {
  it('stops a permanent failure with its code and facts (no words: the pages build them)', async () => {
    await change(['issue-a']);
    adapter.behaviours.set('issue-a', fail(new SyncError('auth', { status: 401 })));
    const report = await drainOutbox(deps());
    expect(report).toEqual({ synced: [], retrying: [], failed: ['issue-a'], conflicts: [] });
    expect(await outbox.get('issue-a')).toEqual(entry('issue-a', { state: 'failed', lastError: { code: 'auth', status: 401, at: T0 } }));
  });

  it('does not retry a failed issue in later drains, even after more changes', async () => {
    await change(['issue-a']);
    adapter.behaviours.set('issue-a', fail(new SyncError('draft-deleted')));
    await drainOutbox(deps());
    clock += 24 * 60 * MINUTE;
    await change(['issue-a']);
    await drainOutbox(deps());
    expect(adapter.pushes).toHaveLength(1);
    expect(await outbox.get('issue-a')).toMatchObject({ state: 'failed', changedAt: clock });
  });

  it('marks a conflict and leaves it to the editor', async () => {
    await change(['issue-a']);
    adapter.behaviours.set('issue-a', fail(new SyncError('conflict')));
    const report = await drainOutbox(deps());
    expect(report).toEqual({ synced: [], retrying: [], failed: [], conflicts: ['issue-a'] });
    expect(await outbox.get('issue-a')).toMatchObject({ state: 'conflict', attempts: 0, lastError: { code: 'conflict', at: T0 } });
    clock += 60 * MINUTE;
    await drainOutbox(deps());
    expect(adapter.pushes).toHaveLength(1);
  });

  it('a permanent failure of one issue never delays another in the same drain (invariant 4)', async () => {
    await change(['issue-a'], T0 - 2);
    await change(['issue-b'], T0 - 1);
    await change(['issue-c'], T0);
    adapter.behaviours.set('issue-a', fail(new SyncError('rejected', { status: 400 })));
    adapter.behaviours.set('issue-b', fail(new SyncError('conflict')));
    const report = await drainOutbox(deps());
    expect(adapter.pushedIssues()).toEqual(['issue-a', 'issue-b', 'issue-c']);
    expect(report).toEqual({ synced: ['issue-c'], retrying: [], failed: ['issue-a'], conflicts: ['issue-b'] });
    expect(await syncStates.get('issue-c')).toBeDefined();
    expect((await outbox.all()).map((e) => [e.issueId, e.state])).toEqual([
      ['issue-a', 'failed'],
      ['issue-b', 'conflict'],
    ]);
  });

  it('a failing issue does not hold back the next one in the next drain either', async () => {
    await change(['issue-a']);
    adapter.behaviours.set('issue-a', fail(new SyncError('rejected', { status: 400 })));
    await drainOutbox(deps());
    clock += MINUTE;
    await change(['issue-b']);
    expect((await drainOutbox(deps())).synced).toEqual(['issue-b']);
    expect(adapter.pushedIssues()).toEqual(['issue-a', 'issue-b']);
  });

  it('a temporary failure and an unexpected error leave the others synced', async () => {
    await change(['issue-a', 'issue-b', 'issue-c']);
    adapter.behaviours.set('issue-a', fail(new Error('boom')));
    adapter.behaviours.set('issue-b', fail(new SyncError('offline')));
    const report = await drainOutbox(deps());
    expect(report.synced).toEqual(['issue-c']);
    expect(report.retrying.sort()).toEqual(['issue-a', 'issue-b']);
  });
});

describe('drainOutbox: changes during a push', () => {
  it('a change made while the push is in flight leaves the entry due again', async () => {
    await change(['issue-a']);
    adapter.behaviours.set('issue-a', async (update, previous) => {
      clock += 1000;
      await change(['issue-a']);
      return adapter.store(update, previous);
    });
    const report = await drainOutbox(deps());
    expect(report.synced).toEqual(['issue-a']);
    expect(await syncStates.get('issue-a')).toBeDefined();
    expect(await outbox.get('issue-a')).toEqual(entry('issue-a', { changedAt: T0 + 1000, nextAttemptAt: T0 + 1000 }));
    expect((await outbox.due(clock)).map((e) => e.issueId)).toEqual(['issue-a']);

    adapter.behaviours.delete('issue-a');
    await drainOutbox(deps());
    expect(adapter.pushes).toHaveLength(2);
    expect(await outbox.all()).toEqual([]);
  });

  it('a change during a failing push keeps the change time, and the entry waits for its backoff', async () => {
    await change(['issue-a']);
    adapter.behaviours.set('issue-a', async () => {
      clock += 1000;
      await change(['issue-a']);
      throw new SyncError('offline');
    });
    await drainOutbox(deps());
    expect(await outbox.get('issue-a')).toMatchObject({ changedAt: T0 + 1000, attempts: 1, nextAttemptAt: T0 + 15_000, state: 'pending' });
  });
});

describe('drainOutbox: bounds and options', () => {
  it('does nothing without an adapter: the entries wait', async () => {
    await change(['issue-a', 'issue-b']);
    let asked = false;
    const report = await drainOutbox(
      deps({
        adapter: undefined,
        draftFor: async () => {
          asked = true;
          return undefined;
        },
      }),
    );
    expect(report).toEqual({ synced: [], retrying: [], failed: [], conflicts: [] });
    expect(asked).toBe(false);
    expect(await outbox.all()).toEqual([entry('issue-a'), entry('issue-b')]);
  });

  it(`pushes at most ${MAX_ISSUES_PER_DRAIN} issues per drain, the longest waiting first`, async () => {
    const ids = Array.from({ length: MAX_ISSUES_PER_DRAIN + 5 }, (_, i) => `issue-${String(i).padStart(3, '0')}`);
    // Written newest first, so that store order and due order differ.
    for (const [i, id] of [...ids.entries()].reverse()) await db.put('outbox', entry(id, { nextAttemptAt: T0 - 1000 + i }));
    const report = await drainOutbox(deps());
    expect(report.synced).toEqual(ids.slice(0, MAX_ISSUES_PER_DRAIN));
    expect((await outbox.all()).map((e) => e.issueId)).toEqual(ids.slice(MAX_ISSUES_PER_DRAIN));
    expect((await drainOutbox(deps())).synced).toEqual(ids.slice(MAX_ISSUES_PER_DRAIN));
  });

  it('`only` pushes that one issue, with the options, whatever its state', async () => {
    await change(['issue-b']);
    await db.put('outbox', entry('issue-a', { state: 'conflict', nextAttemptAt: T0 + 60 * MINUTE }));
    const report = await drainOutbox(deps(), { issueId: 'issue-a', options: { overwrite: true } });
    expect(report.synced).toEqual(['issue-a']);
    expect(adapter.pushes.map((p) => [p.issueId, p.options])).toEqual([['issue-a', { overwrite: true }]]);
    expect(await outbox.get('issue-a')).toBeUndefined();
    expect(await outbox.get('issue-b')).toBeDefined();
  });

  it('`only` for an issue with no entry pushes nothing', async () => {
    await change(['issue-b']);
    expect(await drainOutbox(deps(), { issueId: 'issue-a', options: {} })).toEqual({ synced: [], retrying: [], failed: [], conflicts: [] });
    expect(adapter.pushes).toEqual([]);
  });

  it('`only` records a failure like any drain', async () => {
    await db.put('outbox', entry('issue-a', { state: 'conflict' }));
    adapter.behaviours.set('issue-a', fail(new SyncError('conflict')));
    expect((await drainOutbox(deps(), { issueId: 'issue-a', options: { keepRemote: true } })).conflicts).toEqual(['issue-a']);
    expect(adapter.pushes[0]?.options).toEqual({ keepRemote: true });
    expect(await outbox.get('issue-a')).toMatchObject({ state: 'conflict', lastError: { code: 'conflict' } });
  });
});
