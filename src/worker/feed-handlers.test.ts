import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type FreshDatabase, freshDatabase, makeClipping, makeRepos } from '../../test/fixtures';
import { type TestFeedDeps, makeFeedDeps } from '../../test/feed-deps';
import { type GeneratedFeed, type GeneratedItem, serveGeneratedFeeds } from '../../test/feeds/generated-feed-server';
import { urlKey } from '../clip/url-key';
import type { SourceForm } from '../messages/protocol';
import type { Handlers } from '../messages/router';
import { clippingRow } from '../store/clipping-rows';
import { pollSources } from './feed-poll';
import { createHandlers } from './handlers';
import type { HandlerDeps } from './handler-deps';
import { offlineSyncDeps } from './offline-sync-deps';

const START = Date.parse('2026-12-01T12:00:00Z');
const items = (...numbers: number[]): GeneratedItem[] => numbers.map((n) => ({ n }));

let server: GeneratedFeed;
beforeAll(async () => {
  server = await serveGeneratedFeeds();
});
afterAll(() => server.close());

describe('feed sources in the worker (a local server, fake-indexeddb)', () => {
  let fresh: FreshDatabase;
  let feeds: TestFeedDeps;
  let deps: HandlerDeps;
  let handlers: Handlers;
  let now: number;
  let ids: number;
  /** When set, the n-th id asked for from now on throws (a failure inside the filing transaction). */
  let failOnId: number | undefined;

  beforeEach(async () => {
    fresh = await freshDatabase('feeds');
    feeds = makeFeedDeps({ granted: [server.origin] });
    now = START;
    ids = 0;
    failOnId = undefined;
    const unused = (): never => {
      throw new Error('not used');
    };
    deps = {
      ...makeRepos(fresh.open),
      sync: offlineSyncDeps(),
      feeds,
      resolveTab: unused,
      captureTab: unused,
      openTab: unused,
      readLinkText: unused,
      confirmLinkClip: unused,
      now: () => now,
      newId: () => {
        if (failOnId !== undefined && --failOnId === 0) throw new Error('the store failed mid-import');
        return `id-${String(++ids).padStart(6, '0')}`;
      },
    };
    handlers = createHandlers(deps);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    fresh.close();
    vi.restoreAllMocks();
  });

  const form = (path: string, over: Partial<SourceForm> = {}): SourceForm => ({
    kind: 'feed',
    address: `${server.origin}${path}`,
    name: 'Ops feed',
    section: null,
    unstarAfterFiling: false,
    enabled: true,
    user: '',
    password: '',
    ...over,
  });
  const save = async (path: string, over: Partial<SourceForm> = {}) => (await handlers['sources.save'](form(path, over), {})).source;
  const checkNow = (id?: string) => handlers['sources.checkNow'](id === undefined ? {} : { id }, {});
  /** The live clippings imported from feeds, in their order. */
  const live = async () =>
    (await deps.clippings.listAll())
      .filter((c) => !c.deletedAt && c.origin === 'feed')
      .sort((a, b) => a.position - b.position || a.createdAt - b.createdAt);
  const key = (n: number) => urlKey(`${server.origin}/posts/${n}`);

  it('files each new item once, oldest first, with its credits; an unchanged feed is a 304 that stores only the health', async () => {
    server.set('/once.xml', [{ n: 1 }, { n: 2, html: '<p>Fine <script>alert("x")</script><b>words</b> &amp; more</p>' }, { n: 3 }]);
    const source = await save('/once.xml');
    expect(feeds.alarm).toBe(30);
    expect((await checkNow()).filed).toBe(3);
    const first = await live();
    expect(first.map((c) => c.title)).toEqual(['Post 1: what went wrong', 'Post 2: what went wrong', 'Post 3: what went wrong']);
    const [, second] = first;
    expect(second).toMatchObject({
      url: `${server.origin}/posts/2`,
      urlKey: key(2),
      authors: ['Author 2'],
      siteName: 'Feed at /once.xml',
      publishedTime: expect.stringMatching(/^2026-06-01/) as string,
      excerpt: 'Fine words & more',
      summary: '',
      section: null,
      origin: 'feed',
      notes: ['from Ops feed'],
      sources: { url: 'feed', title: 'feed', authors: 'feed', siteName: 'feed', publishedTime: 'feed', excerpt: 'feed' },
    });
    const issue = (await deps.issues.list()).find((i) => i.status === 'open');
    expect(first.every((c) => c.issueId === issue?.id)).toBe(true);
    expect((await deps.outbox.all()).map((e) => e.issueId)).toEqual([issue?.id]);

    server.set('/once.xml', items(1, 2, 3, 4));
    now += 60_000;
    expect((await checkNow()).filed).toBe(1);
    expect((await live()).map((c) => c.urlKey)).toEqual([key(1), key(2), key(3), key(4)]);

    now += 60_000;
    const before = server.hits('/once.xml').notModified;
    const unchanged = await checkNow();
    expect(unchanged.filed).toBe(0);
    expect(server.hits('/once.xml').notModified).toBe(before + 1);
    expect(await live()).toHaveLength(4);
    const view = unchanged.sources.find((s) => s.id === source.id)!;
    expect(view).toMatchObject({
      state: 'ok',
      error: null,
      filed: 4,
      lastWorked: 'Last worked just now.',
      nextPoll: 'Next check in 30 minutes.',
    });
    expect(view.health).toMatchObject({ lastOkAt: now, failures: 0, nextAt: now + 30 * 60_000 });
  });

  it('never files an item again: clipped by hand in a published issue, or deleted by the editor (after the purge too)', async () => {
    // Post 2 was clipped by hand and published in an earlier issue.
    await fresh.db.put(
      'clippings',
      clippingRow(makeClipping(50, { url: `${server.origin}/posts/2`, urlKey: key(2), issueId: 'issue-old' })),
    );
    server.set('/again.xml', items(1));
    await save('/again.xml');
    expect((await checkNow()).filed).toBe(1);
    const [one] = await live();
    expect(one?.urlKey).toBe(key(1));
    await handlers['clip.delete']({ id: one!.id }, {});

    server.set('/again.xml', items(1, 2, 3));
    now += 60_000;
    expect((await checkNow()).filed).toBe(1);
    expect((await live()).map((c) => c.urlKey)).toEqual([key(3)]);
    expect((await deps.clippings.findByUrlKey(key(2)))?.issueId).toBe('issue-old');

    // The tombstone goes once synced: the ledger still knows the item.
    const tombstones = await deps.clippings.listTombstones();
    expect(await deps.clippings.purgeTombstones(tombstones)).toBe(1);
    server.set('/again.xml', items(1, 2, 3, 4));
    now += 60_000;
    expect((await checkNow()).filed).toBe(1);
    expect((await live()).map((c) => c.urlKey)).toEqual([key(3), key(4)]);
  });

  it('a transaction aborted mid-import leaves nothing half-filed, and the next poll files each item exactly once', async () => {
    server.set('/abort.xml', items(1, 2, 3, 4, 5));
    const source = await save('/abort.xml');
    await handlers['issue.view']({}, {}); // the open issue exists before the import
    const outbox = await deps.outbox.all();
    failOnId = 3; // the third item's clipping id fails, inside the filing transaction
    const failed = await checkNow();
    expect(failed.filed).toBe(0);
    expect(await deps.clippings.listAll()).toEqual([]);
    expect(await fresh.db.getAll('imported')).toEqual([]);
    expect(await deps.outbox.all()).toEqual(outbox);
    const state = await deps.sources.get(source.id);
    expect(state.cursor).toEqual({});
    expect(state.health).toMatchObject({ failures: 1, lastError: { code: 'unexpected', text: 'the store failed mid-import' } });
    expect(failed.sources[0]).toMatchObject({ state: 'failing' });

    failOnId = undefined;
    now += 60_000;
    expect((await checkNow()).filed).toBe(5);
    now += 60_000;
    server.set('/abort.xml', items(1, 2, 3, 4, 5, 6));
    expect((await checkNow()).filed).toBe(1);
    const keys = (await live()).map((c) => c.urlKey);
    expect(keys).toEqual([1, 2, 3, 4, 5, 6].map(key));
    expect((await fresh.db.getAll('imported')).map((r) => r.key).sort()).toEqual([...keys].sort());
  });

  it('one failing source never stops the others; a missing host access waits for the editor', async () => {
    server.set('/down.xml', { status: 503 });
    server.set('/up.xml', items(7, 8));
    const down = await save('/down.xml', { name: 'Down' });
    const blocked = await save('/up.xml', { name: 'Blocked', address: `${server.origin.replace('127.0.0.1', 'localhost')}/up.xml` });
    const up = await save('/up.xml', { name: 'Up', section: 'outages' });
    const result = await checkNow();
    expect(result.filed).toBe(2);
    const views = new Map(result.sources.map((s) => [s.id, s]));
    expect(views.get(down.id)).toMatchObject({
      state: 'failing',
      error: { message: `The server at ${new URL(server.origin).host} failed (HTTP 503). Trying again later.` },
      lastWorked: 'Has not worked yet.',
    });
    expect(views.get(down.id)?.nextPoll).toMatch(/^Next check in \d+ minutes?\.$/);
    expect(views.get(blocked.id)).toMatchObject({
      state: 'waiting',
      error: { message: expect.stringContaining('access was not granted') as string, action: 'Press Test and allow access to that site.' },
      nextPoll: 'Not checked again until you change it or press Check now.',
    });
    expect(views.get(up.id)).toMatchObject({ state: 'ok', filed: 2 });
    expect((await live()).map((c) => c.section)).toEqual(['outages', 'outages']);

    // The alarm's poll (not forced) skips the source paused for its host access and the one that worked
    // (due in 30 minutes); the failing one is due again after its backoff.
    const requests = server.hits('/up.xml').requests;
    now += 5 * 60_000;
    expect(await pollSources(deps)).toEqual({ filed: 0, polled: 1, failed: 1 });
    expect(server.hits('/up.xml').requests).toBe(requests);
    expect((await deps.sources.get(down.id)).health.failures).toBe(2);
  });

  it('keeps a Tiny Tiny RSS login out of the settings, the backup and every reply', async () => {
    const secret = 'hunter2-correct-horse';
    const source = await save('/ttrss/', { kind: 'ttrss', name: 'Reader', user: 'editor', password: secret, unstarAfterFiling: true });
    expect(source).toMatchObject({ kind: 'ttrss', user: 'editor', hasPassword: true, unstarAfterFiling: true });
    expect(feeds.logins.get(source.id)).toEqual({ user: 'editor', password: secret });
    const everywhere = JSON.stringify([
      await handlers['settings.get']({}, {}),
      await handlers['backup.create']({}, {}),
      await handlers['sources.list']({}, {}),
    ]);
    expect(everywhere).toContain('Reader');
    expect(everywhere).not.toContain(secret);
    // An edit with an empty password keeps the stored one.
    await handlers['sources.save']({ ...form('/ttrss/'), id: source.id, kind: 'ttrss', name: 'Reader 2', user: 'editor' }, {});
    expect(feeds.logins.get(source.id)).toEqual({ user: 'editor', password: secret });
    expect(await handlers['sources.remove']({ id: source.id }, {})).toEqual({ removed: true });
    expect(feeds.logins.size).toBe(0);
    expect(feeds.alarm).toBeNull();
  });

  it('Test says in words what it found or what is wrong, and files nothing', async () => {
    server.set('/test.xml', items(1, 2, 3));
    const found = await handlers['sources.test'](form('/test.xml'), {});
    expect(found).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^A feed with 3 items, newest from \d+ months ago\.$/) as string,
    });
    expect(await handlers['sources.test'](form('/nothing.xml'), {})).toEqual({
      ok: false,
      code: 'not-found',
      message: 'Nothing was found at this address (HTTP 404).',
      action: 'Check the address.',
    });
    feeds.granted = new Set();
    expect(await handlers['sources.test'](form('/test.xml'), {})).toMatchObject({ ok: false, code: 'host-access' });
    expect(await deps.clippings.listAll()).toEqual([]);
  });

  it('the poll interval sets the alarm; settings.save from a page cannot drop the sources', async () => {
    server.set('/interval.xml', items(1));
    await save('/interval.xml');
    expect(await handlers['sources.setInterval']({ minutes: 15 }, {})).toEqual({ pollMinutes: 15 });
    expect(feeds.alarm).toBe(15);
    const settings = await handlers['settings.get']({}, {});
    await handlers['settings.save']({ settings: { ...settings, sources: [], feedPollMinutes: 30, newsletterName: 'Renamed' } }, {});
    expect(await handlers['settings.get']({}, {})).toMatchObject({
      newsletterName: 'Renamed',
      feedPollMinutes: 15,
      sources: settings.sources,
    });
  });
});
