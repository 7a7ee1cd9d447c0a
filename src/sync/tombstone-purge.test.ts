import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FreshDatabase, freshDatabase, makeClipping, makeIssue, makeRepos } from '../../test/fixtures';
import { FakeWordPress, SITE_URL, WP_PASSWORD, WP_USER, faults } from '../../test/in-memory-wordpress';
import { draftForIssue } from '../worker/draft-for-issue';
import { type EngineDeps, TOMBSTONE_GRACE_MS, drainOutbox } from './engine';
import { WordPressAdapter } from './wordpress';

const T0 = Date.parse('2026-06-10T10:00:00Z');
const ISSUE = 'issue-0001';

let fresh: FreshDatabase;
let repos: ReturnType<typeof makeRepos>;
let wp: FakeWordPress;
let clock: number;

/** The engine as the worker runs it: the real repos and draft, the WordPress adapter over the in-memory site. */
function deps(overrides: Partial<EngineDeps> = {}): EngineDeps {
  const adapter = new WordPressAdapter(
    { siteUrl: SITE_URL, user: WP_USER, appPassword: WP_PASSWORD },
    { fetch: wp.fetch, timeoutMs: 200, now: () => clock },
  );
  return {
    ...repos,
    adapter,
    tombstones: repos.clippings,
    draftFor: (issueId) => draftForIssue(repos, issueId),
    now: () => clock,
    random: () => 0,
    ...overrides,
  };
}

const draftText = () => [...wp.posts.values()].map((p) => p.content).join('');
const row = (n: number) => fresh.db.get('clippings', `clipping-000${n}`);

beforeEach(async () => {
  fresh = await freshDatabase('tombstone-purge-test');
  repos = makeRepos(fresh.open);
  wp = new FakeWordPress();
  clock = T0;
  await fresh.db.put('issues', makeIssue(1));
  await repos.clippings.putMany([
    makeClipping(1, { issueId: ISSUE, title: 'Kept story' }),
    makeClipping(2, { issueId: ISSUE, title: 'Deleted story' }),
  ]);
  expect((await drainOutbox(deps())).synced).toEqual([ISSUE]);
  expect(draftText()).toContain('Deleted story');
});
afterEach(() => fresh.close());

describe('tombstones after sync', () => {
  it('are purged once a sync pushed the draft without them, after the grace the Undo button needs', async () => {
    await repos.clippings.markDeleted('clipping-0002', clock);
    clock += 1000;
    expect((await drainOutbox(deps())).synced).toEqual([ISSUE]);
    expect(draftText()).not.toContain('Deleted story');
    // Right after the delete the desk still offers Undo: the tombstone stays for it.
    expect(await row(2)).toMatchObject({ deletedAt: T0 });

    clock = T0 + TOMBSTONE_GRACE_MS;
    await drainOutbox(deps());
    expect(await row(2)).toBeUndefined();
    expect(await row(1)).toMatchObject({ title: 'Kept story' });
    expect(await repos.clippings.listAll()).toHaveLength(1);
  });

  it('stay while the deletion has not reached the draft (the sync failed), and go after the sync that succeeds', async () => {
    await repos.clippings.markDeleted('clipping-0002', clock);
    clock = T0 + TOMBSTONE_GRACE_MS;
    wp.inject(faults.networkError());
    expect((await drainOutbox(deps())).retrying).toEqual([ISSUE]);
    expect(draftText()).toContain('Deleted story');
    expect(await row(2)).toMatchObject({ deletedAt: T0 });

    clock = (await repos.outbox.get(ISSUE))!.nextAttemptAt;
    expect((await drainOutbox(deps())).synced).toEqual([ISSUE]);
    expect(draftText()).not.toContain('Deleted story');
    expect(await row(2)).toBeUndefined();
  });

  it('a tombstone restored (undo) before the purge is a live clipping again, and stays; the others go', async () => {
    await repos.clippings.markDeleted('clipping-0001', clock);
    await repos.clippings.markDeleted('clipping-0002', clock);
    await drainOutbox(deps());
    clock = T0 + TOMBSTONE_GRACE_MS;
    await repos.clippings.restore('clipping-0002', clock);
    await drainOutbox(deps());
    expect(await row(1)).toBeUndefined();
    expect(await row(2)).toMatchObject({ title: 'Deleted story' });
    expect((await row(2))?.deletedAt).toBeUndefined();
    expect(draftText()).toContain('Deleted story');
  });

  it('are purged after the grace when no target is set up (no draft to update)', async () => {
    await repos.clippings.markDeleted('clipping-0002', clock);
    await drainOutbox(deps({ adapter: undefined }));
    expect(await row(2)).toMatchObject({ deletedAt: T0 });
    clock = T0 + TOMBSTONE_GRACE_MS;
    expect(await drainOutbox(deps({ adapter: undefined }))).toEqual({ synced: [], retrying: [], failed: [], conflicts: [] });
    expect(await row(2)).toBeUndefined();
  });
});
