import { beforeEach, describe, expect, it } from 'vitest';
import type { DraftUpdate, PushOptions } from './adapter';
import { findRegion, regionHash, regionMarker, renderRegion } from './managed-region';
import { SyncError } from './sync-error';
import type { SyncState } from './sync-state';
import { FakeWordPress, SITE_URL, WP_PASSWORD, WP_USER, type Where, faults, routeOf } from '../../test/in-memory-wordpress';
import { WordPressAdapter } from './wordpress';
import { basicAuth } from './wordpress-api';

const NOW = Date.parse('2026-06-10T10:00:00Z');
const ISSUE = 'issue-0001';
const TITLE = 'Ops Weekly Issue #1';
const TIMEOUT_MS = 40;

/** The requests the adapter makes: the search for a draft, the create, the update of a draft. */
const SEARCH: Where = { method: 'GET', route: '/wp/v2/posts' };
const CREATE: Where = { method: 'POST', route: '/wp/v2/posts' };
const UPDATE: Where = { method: 'POST', route: /^\/wp\/v2\/posts\/\d+$/ };

/** Text the editor writes around the region in WordPress: CRLF, unicode, comments, other Custom HTML blocks. */
const BEFORE =
  '<!-- wp:paragraph -->\r\n<p>Dear readers — this week 🎉</p>\r\n<!-- /wp:paragraph -->\r\n\r\n<!-- wp:html -->\n<div>Sponsor</div>\n<!-- /wp:html -->\n\n';
const AFTER = '\r\n<!-- wp:paragraph -->\n<p>Bis bald, ça va  </p>\n<!-- /wp:paragraph -->\n<!-- a note to self -->\t\n';

let wp: FakeWordPress;
let adapter: WordPressAdapter;

const update = (html: string, issueId = ISSUE): DraftUpdate => ({ issueId, title: TITLE, region: renderRegion(issueId, html) });

function makeAdapter(config: Partial<{ siteUrl: string; user: string; appPassword: string }> = {}): WordPressAdapter {
  return new WordPressAdapter(
    { siteUrl: SITE_URL, user: WP_USER, appPassword: WP_PASSWORD, ...config },
    { fetch: wp.fetch, timeoutMs: TIMEOUT_MS, now: () => NOW },
  );
}

beforeEach(() => {
  wp = new FakeWordPress();
  adapter = makeAdapter();
});

/** The error a push fails with (it must fail). */
async function pushError(up: DraftUpdate, previous: SyncState | undefined, options?: PushOptions): Promise<SyncError> {
  const error = await adapter.push(up, previous, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SyncError);
  return error as SyncError;
}

const writes = () => wp.requests.filter((r) => r.method !== 'GET');
const onlyPost = () => {
  expect(wp.posts.size).toBe(1);
  return [...wp.posts.values()][0]!;
};

describe('WordPressAdapter: the first sync', () => {
  it('creates one draft holding the region, titled from the issue', async () => {
    const up = update('<p>one</p>');
    const state = await adapter.push(up, undefined);
    const post = onlyPost();
    expect(post).toMatchObject({ status: 'draft', title: TITLE, content: `${up.region}\n` });
    expect(state).toEqual({
      issueId: ISSUE,
      target: 'wordpress:https://news.example.org',
      remoteId: String(post.id),
      editUrl: `https://news.example.org/wp-admin/post.php?post=${post.id}&action=edit`,
      // The post's own address (WordPress `link`): recorded on the issue when it is published.
      postUrl: `https://news.example.org/?p=${post.id}`,
      lastSyncedAt: NOW,
      regionHash: await regionHash(up.region),
      remoteModified: FakeWordPress.modifiedGmt(wp.seconds),
    });
  });

  it('looks for a draft carrying the issue’s marker before creating one', async () => {
    await adapter.push(update('<p>one</p>'), undefined);
    const search = wp.requests.findIndex((r) => r.method === 'GET' && routeOf(r) === '/wp/v2/posts');
    const create = wp.requests.findIndex((r) => r.method === 'POST' && routeOf(r) === '/wp/v2/posts');
    expect(search).toBeGreaterThanOrEqual(0);
    expect(create).toBeGreaterThan(search);
    const query = new URL(wp.requests[search]!.url).searchParams;
    expect(query.get('search')).toBe(regionMarker(ISSUE));
    expect(query.get('status')?.split(',')).toContain('draft');
    expect(query.get('context')).toBe('edit');
    expect(JSON.parse(wp.requests[create]!.body!)).toMatchObject({ status: 'draft', title: TITLE });
  });

  it('never asks WordPress to publish', async () => {
    const first = await adapter.push(update('<p>one</p>'), undefined);
    wp.tick();
    await adapter.push(update('<p>two</p>'), first);
    for (const request of writes()) {
      const body = JSON.parse(request.body!) as { status?: string };
      expect(body.status === undefined || body.status === 'draft').toBe(true);
    }
  });

  it('after a create whose answer was lost, the next push finds the draft by its marker (invariant 3)', async () => {
    wp.inject(faults.lostResponse(), CREATE);
    const error = await pushError(update('<p>one</p>'), undefined);
    expect(error.kind).toBe('temporary');
    expect(wp.posts.size).toBe(1);

    const state = await adapter.push(update('<p>one</p>'), undefined);
    const post = onlyPost();
    expect(state.remoteId).toBe(String(post.id));
    expect(wp.requests.filter((r) => r.method === 'POST' && routeOf(r) === '/wp/v2/posts')).toHaveLength(1);
  });

  it('after a create whose answer was cut off, the repeat updates that draft instead of making another', async () => {
    wp.inject(faults.truncated(), CREATE);
    expect((await pushError(update('<p>one</p>'), undefined)).kind).toBe('temporary');
    const state = await adapter.push(update('<p>one, edited</p>'), undefined);
    const post = onlyPost();
    expect(state.remoteId).toBe(String(post.id));
    expect(findRegion(post.content)?.text).toBe(update('<p>one, edited</p>').region);
  });

  it('pushing the same update twice with no state writes once and keeps one draft', async () => {
    await adapter.push(update('<p>one</p>'), undefined);
    const requestsBefore = writes().length;
    await adapter.push(update('<p>one</p>'), undefined);
    expect(writes()).toHaveLength(requestsBefore);
    onlyPost();
  });

  it('does not take a post that merely mentions the marker, or another issue’s draft, for this issue’s draft', async () => {
    wp.posts.set(7, {
      id: 7,
      status: 'draft',
      title: 'Notes',
      content: `<p>The plugin writes ${regionMarker(ISSUE)} in drafts.</p>`,
      modified: wp.seconds,
    });
    wp.posts.set(8, {
      id: 8,
      status: 'draft',
      title: 'Other',
      content: `${renderRegion('issue-00010', '<p>x</p>')}\n`,
      modified: wp.seconds,
    });
    const state = await adapter.push(update('<p>one</p>'), undefined);
    expect(['7', '8']).not.toContain(state.remoteId);
    expect(wp.posts.size).toBe(3);
    expect(wp.posts.get(7)?.content).toBe(`<p>The plugin writes ${regionMarker(ISSUE)} in drafts.</p>`);
  });

  it('a state from another site is not reused: the draft is looked for on this site', async () => {
    const elsewhere: SyncState = {
      issueId: ISSUE,
      target: 'wordpress:https://old.example.org',
      remoteId: '55',
      lastSyncedAt: NOW,
      regionHash: 'x',
      remoteModified: 'y',
    };
    wp.posts.set(55, { id: 55, status: 'draft', title: 'Unrelated', content: '<p>someone else’s</p>', modified: wp.seconds });
    const state = await adapter.push(update('<p>one</p>'), elsewhere);
    expect(state.remoteId).not.toBe('55');
    expect(wp.posts.get(55)?.content).toBe('<p>someone else’s</p>');
    expect(wp.requests.some((r) => routeOf(r) === '/wp/v2/posts/55')).toBe(false);
  });
});

describe('WordPressAdapter: later syncs', () => {
  let first: SyncState;
  let id: number;
  beforeEach(async () => {
    first = await adapter.push(update('<p>one</p>'), undefined);
    id = Number(first.remoteId);
  });

  it('replaces only the region and keeps the editor’s text around it byte for byte (invariant 5)', async () => {
    wp.editorEdits(id, (content) => `${BEFORE}${content}${AFTER}`);
    const next = update('<p>one</p>\n<p>two — ünïcødé</p>');
    const state = await adapter.push(next, first);
    expect(wp.posts.get(id)?.content).toBe(`${BEFORE}${next.region}\n${AFTER}`);
    expect(state).toMatchObject({
      remoteId: String(id),
      regionHash: await regionHash(next.region),
      remoteModified: FakeWordPress.modifiedGmt(wp.seconds),
    });
    // Only the content is sent: the editor may have retitled the draft.
    expect(Object.keys(JSON.parse(writes().at(-1)!.body!) as object)).toEqual(['content']);
  });

  it('keeps the editor’s title', async () => {
    wp.posts.get(id)!.title = 'My own title';
    wp.tick();
    await adapter.push({ ...update('<p>two</p>'), title: 'Another title' }, first);
    expect(wp.posts.get(id)?.title).toBe('My own title');
  });

  it('writes nothing when the region is already as it should be', async () => {
    const before = writes().length;
    const state = await adapter.push(update('<p>one</p>'), first);
    expect(writes()).toHaveLength(before);
    expect(state).toMatchObject({ remoteId: first.remoteId, regionHash: first.regionHash, remoteModified: first.remoteModified });
  });

  it('an edit outside the region only is no conflict', async () => {
    wp.editorEdits(id, (content) => `${BEFORE}${content}`);
    wp.tick();
    await adapter.push(update('<p>two</p>'), first);
    expect(wp.posts.get(id)?.content).toBe(`${BEFORE}${update('<p>two</p>').region}\n`);
  });

  it('an edit inside the region since the last sync is a conflict, and nothing is written', async () => {
    wp.editorEdits(id, (content) => `${BEFORE}${content.replace('<p>one</p>', '<p>one, improved by the editor</p>')}`);
    const edited = wp.posts.get(id)!.content;
    const before = writes().length;
    const error = await pushError(update('<p>two</p>'), first);
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/edited on WordPress site news\.example\.org/);
    expect(writes()).toHaveLength(before);
    expect(wp.posts.get(id)?.content).toBe(edited);
  });

  it('an editor who removed the region is asked too, rather than having it put back silently', async () => {
    wp.editorEdits(id, () => BEFORE);
    expect((await pushError(update('<p>two</p>'), first)).kind).toBe('conflict');
    expect(wp.posts.get(id)?.content).toBe(BEFORE);
  });

  // BUG (wordpress.ts, push: `if (sameTarget && !options.overwrite && post.modified_gmt !== previous.remoteModified)`,
  // line 105 today): the region's hash is compared only when modified_gmt moved. modified_gmt has
  // one-second resolution (the reason the issue asks for the hash as well), so an edit inside the region
  // saved in the same second as our last write is overwritten without a conflict. Fix: decide on the
  // hash alone — `if (sameTarget && !options.overwrite && (await regionHash(current?.text ?? '')) !== previous.regionHash)`.
  it('an edit inside the region in the same second as our last write is still a conflict', async () => {
    wp.editorEdits(id, (content) => content.replace('<p>one</p>', '<p>the editor’s words</p>'), { sameSecond: true });
    const edited = wp.posts.get(id)!.content;
    const error = await adapter.push(update('<p>two</p>'), first).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(wp.posts.get(id)?.content).toBe(edited);
    expect(error).toMatchObject({ kind: 'conflict' });
  });

  // BUG (wordpress.ts, push, the conflict check at lines 105-111 today): after an update whose answer
  // was lost (connection reset, truncated body: faults the issue lists), the sync state still holds the
  // hash of the region before it, so the
  // retry sees our own write as an edit in WordPress and raises a conflict the editor must resolve.
  // Fix: also accept the region when it already equals the one being pushed
  // (`current?.text === update.region` → no conflict, no write), or record the hash being written
  // before the POST.
  it('a retry after an update whose answer was lost is not a conflict', async () => {
    wp.tick();
    const second = update('<p>one</p>\n<p>two</p>');
    wp.inject(faults.lostResponse(), UPDATE);
    expect((await pushError(second, first)).kind).toBe('temporary');
    expect(findRegion(wp.posts.get(id)!.content)?.text).toBe(second.region);
    // The engine retries with the state it has: the one from before the lost answer.
    const state = await adapter.push(second, first);
    expect(state.regionHash).toBe(await regionHash(second.region));
    onlyPost();
  });

  it('a lost update followed by another change is not a conflict when the pending region was recorded', async () => {
    wp.tick();
    const second = update('<p>one</p>\n<p>two</p>');
    let pending: string | undefined;
    wp.inject(faults.lostResponse(), UPDATE);
    const lost = await adapter.push(second, first, { beforeWrite: async (hash) => void (pending = hash) }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(lost).toMatchObject({ kind: 'temporary' });
    expect(pending).toBe(await regionHash(second.region));
    // Before the retry the editor changed the issue again: the draft holds `second`, we now send `third`.
    const third = update('<p>one</p>\n<p>two</p>\n<p>three</p>');
    const state = await adapter.push(third, { ...first, pendingRegionHash: pending! });
    expect(findRegion(wp.posts.get(id)!.content)?.text).toBe(third.region);
    expect(state.pendingRegionHash).toBeUndefined();
    // Without the record, the same sequence is (wrongly) a conflict.
    wp.tick();
    wp.inject(faults.lostResponse(), UPDATE);
    await adapter.push(update('<p>four</p>'), state).catch(() => undefined);
    expect((await pushError(update('<p>five</p>'), state)).kind).toBe('conflict');
  });

  it('overwrite writes over an edited region, and still keeps the text outside it', async () => {
    wp.editorEdits(id, (content) => `${BEFORE}${content.replace('<p>one</p>', '<p>edited</p>')}${AFTER}`);
    const next = update('<p>two</p>');
    const state = await adapter.push(next, first, { overwrite: true });
    expect(wp.posts.get(id)?.content).toBe(`${BEFORE}${next.region}\n${AFTER}`);
    expect(state.regionHash).toBe(await regionHash(next.region));
  });

  it('keepRemote writes nothing and remembers WordPress’s region as the last synced one', async () => {
    wp.editorEdits(id, (content) => content.replace('<p>one</p>', '<p>edited</p>'));
    const remote = findRegion(wp.posts.get(id)!.content)!.text;
    const before = writes().length;
    const state = await adapter.push(update('<p>two</p>'), first, { keepRemote: true });
    expect(writes()).toHaveLength(before);
    expect(findRegion(wp.posts.get(id)!.content)?.text).toBe(remote);
    expect(state).toMatchObject({
      remoteId: first.remoteId,
      regionHash: await regionHash(remote),
      remoteModified: FakeWordPress.modifiedGmt(wp.seconds),
    });
  });

  it('remoteRegion shows the region as it is in WordPress', async () => {
    wp.editorEdits(id, (content) => `${BEFORE}${content.replace('<p>one</p>', '<p>edited</p>')}`);
    expect(await adapter.remoteRegion(ISSUE, first)).toBe(renderRegion(ISSUE, '<p>edited</p>'));
    wp.editorEdits(id, () => BEFORE);
    expect(await adapter.remoteRegion(ISSUE, first)).toBe('');
  });

  it('remoteRegion finds the draft by marker without a state, and is empty when there is none', async () => {
    expect(await adapter.remoteRegion(ISSUE, undefined)).toBe(update('<p>one</p>').region);
    expect(await adapter.remoteRegion('issue-0002', undefined)).toBe('');
  });

  it('a draft deleted in WordPress is a permanent failure: gone, with “recreate”', async () => {
    wp.posts.delete(id);
    const error = await pushError(update('<p>two</p>'), first);
    expect(error.data).toEqual({ code: 'draft-deleted', status: 404 });
    expect(error.kind).toBe('permanent');
    expect(wp.posts.size).toBe(0);
  });

  it('a draft in the trash is a permanent failure, and is left there', async () => {
    wp.posts.get(id)!.status = 'trash';
    const error = await pushError(update('<p>two</p>'), first);
    expect(error.code).toBe('draft-trashed');
    expect(error.kind).toBe('permanent');
    expect(wp.posts.get(id)).toMatchObject({ status: 'trash', content: `${update('<p>one</p>').region}\n` });
    expect(wp.posts.size).toBe(1);
  });

  it('a published post is a permanent failure and is never changed', async () => {
    wp.posts.get(id)!.status = 'publish';
    const before = writes().length;
    const error = await pushError(update('<p>two</p>'), first, { overwrite: true });
    expect(error.code).toBe('published');
    expect(error.kind).toBe('permanent');
    expect(writes()).toHaveLength(before);
  });
});

describe('WordPressAdapter: failures', () => {
  it('a wrong password is permanent, with an action', async () => {
    adapter = makeAdapter({ appPassword: 'wrong wrong wrong' });
    const error = await pushError(update('<p>one</p>'), undefined);
    expect(error.data).toMatchObject({ code: 'auth', status: 401 });
    expect(wp.posts.size).toBe(0);
  });

  it('a wrong password that WordPress treats as a visitor is still reported as the password', async () => {
    wp.wrongPasswordIsVisitor = true;
    adapter = makeAdapter({ appPassword: 'wrong wrong wrong' });
    const error = await pushError(update('<p>one</p>'), undefined);
    expect(error.code).toBe('auth');
  });

  it('a user without the right to create posts (403) is permanent', async () => {
    wp.capabilities = { edit_posts: false };
    const error = await pushError(update('<p>one</p>'), undefined);
    expect(error).toMatchObject({ kind: 'permanent', data: { code: 'forbidden', status: 403 } });
  });

  it.each([
    ['500', faults.status(500), 'server', undefined],
    ['502', faults.status(502), 'server', undefined],
    ['503 with Retry-After in seconds', faults.status(503, { 'Retry-After': '120' }), 'server', 120_000],
    ['429 with Retry-After in seconds', faults.status(429, { 'Retry-After': '30' }), 'rate-limited', 30_000],
    [
      '429 with Retry-After as an HTTP date',
      faults.status(429, { 'Retry-After': new Date(NOW + 300_000).toUTCString() }),
      'rate-limited',
      300_000,
    ],
    ['503 with a garbage Retry-After', faults.status(503, { 'Retry-After': 'later, maybe' }), 'server', undefined],
  ])('%s is temporary', async (_name, fault, code, retryAfter) => {
    wp.inject(fault, CREATE);
    const error = await pushError(update('<p>one</p>'), undefined);
    expect(error.kind).toBe('temporary');
    expect(error.code).toBe(code);
    expect(error.retryAfterMs).toBe(retryAfter);
    expect(wp.posts.size).toBe(0);
  });

  it('a 5xx on the create leaves nothing behind, and the next push creates the draft once', async () => {
    wp.inject(faults.status(500), CREATE);
    expect((await pushError(update('<p>one</p>'), undefined)).kind).toBe('temporary');
    expect(wp.posts.size).toBe(0);
    await adapter.push(update('<p>one</p>'), undefined);
    onlyPost();
  });

  it('a site that moved to another origin is permanent, naming the new address, and nothing is written', async () => {
    wp.inject(faults.movedTo('https://www.example.org'), SEARCH);
    const error = await pushError(update('<p>one</p>'), undefined);
    expect(error.data).toEqual({ code: 'moved', movedTo: 'https://www.example.org' });
    expect(error.message).toBe('WordPress site news.example.org moved to https://www.example.org (the request was redirected there).');
    expect(writes()).toEqual([]);
  });

  it('a write is never sent after a redirect: it is refused as moved, and the next push writes once', async () => {
    wp.inject(faults.movedTo('https://www.example.org'), CREATE);
    const error = await pushError(update('<p>one</p>'), undefined);
    expect(error.data).toEqual({ code: 'moved' });
    expect(wp.posts.size).toBe(0);
    expect(wp.requests.filter((r) => r.method === 'POST').every((r) => r.redirect === 'manual')).toBe(true);
    await adapter.push(update('<p>one</p>'), undefined);
    expect(onlyPost().content).toContain('<p>one</p>');
  });

  it('a network error is temporary', async () => {
    wp.inject(faults.networkError());
    const error = await pushError(update('<p>one</p>'), undefined);
    expect(error.kind).toBe('temporary');
    expect(error.code).toBe('offline');
  });

  it('a server that never answers is abandoned after timeoutMs, as temporary', async () => {
    wp.inject(faults.stall());
    const started = Date.now();
    const error = await pushError(update('<p>one</p>'), undefined);
    expect(error.kind).toBe('temporary');
    expect(error.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(wp.requests[0]?.signal?.aborted).toBe(true);
  });

  it('a body that stalls past timeoutMs is temporary', async () => {
    wp.inject(faults.stallBody());
    expect((await pushError(update('<p>one</p>'), undefined)).kind).toBe('temporary');
  });

  it('a body cut off by a dropped connection is temporary', async () => {
    wp.inject(faults.brokenBody());
    const error = await pushError(update('<p>one</p>'), undefined);
    expect(error.data).toEqual({ code: 'offline', text: 'the answer was cut off' });
  });

  it.each([
    ['truncated JSON', '[{"id": 100, "status": "dra'],
    ['HTML instead of JSON', '<!doctype html><html><body>Welcome to my site</body></html>'],
    ['an empty body', ''],
    ['JSON of the wrong shape', '{"hello": "world"}'],
    ['posts missing their content', '[{"id": 5, "status": "draft", "modified_gmt": "2026-06-10T10:00:00"}]'],
    ['a post id that is not a number', '[{"id": "5", "status": "draft", "modified_gmt": "x", "content": {"raw": ""}}]'],
  ])('%s is temporary', async (_name, body) => {
    wp.inject(faults.body(body), SEARCH);
    const error = await pushError(update('<p>one</p>'), undefined);
    expect(error.code).toBe('bad-response');
    expect(error.kind).toBe('temporary');
    expect(wp.posts.size).toBe(0);
  });

  it('a garbage answer to the update is temporary, and the next push does not create a second draft', async () => {
    const first = await adapter.push(update('<p>one</p>'), undefined);
    wp.inject(faults.body('{"not":"a post"}'), UPDATE);
    expect((await pushError(update('<p>two</p>'), first)).kind).toBe('temporary');
    onlyPost();
  });
});

describe('WordPressAdapter: credentials (invariant 7)', () => {
  it('sends them only in the Authorization header, only to the configured origin', async () => {
    const first = await adapter.push(update('<p>one</p>'), undefined);
    wp.editorEdits(Number(first.remoteId), (content) => `${BEFORE}${content}`);
    const second = await adapter.push(update('<p>two</p>'), first);
    wp.editorEdits(Number(first.remoteId), (content) => content.replace('<p>two</p>', '<p>x</p>'));
    await adapter.push(update('<p>three</p>'), second).catch(() => undefined);
    await adapter.remoteRegion(ISSUE, second);
    wp.inject(faults.status(503, { 'Retry-After': '5' }));
    await adapter.push(update('<p>three</p>'), second).catch(() => undefined);

    expect(wp.requests.length).toBeGreaterThanOrEqual(7);
    const secrets = [
      WP_PASSWORD,
      encodeURIComponent(WP_PASSWORD),
      WP_PASSWORD.replace(/ /g, '+'),
      basicAuth(WP_USER, WP_PASSWORD).slice('Basic '.length),
    ];
    for (const request of wp.requests) {
      const url = new URL(request.url);
      expect(url.origin).toBe(new URL(SITE_URL).origin);
      expect(url.username).toBe('');
      expect(url.password).toBe('');
      for (const secret of secrets) {
        expect(request.url).not.toContain(secret);
        expect(request.body ?? '').not.toContain(secret);
      }
      expect(request.headers.get('Authorization')).toBe(basicAuth(WP_USER, WP_PASSWORD));
      expect(request.credentials).toBe('omit');
    }
  });

  it('encodes a non-ASCII password as UTF-8 in Basic auth', () => {
    const header = basicAuth('ada', 'ünï');
    const decoded = new TextDecoder().decode(Uint8Array.from(atob(header.slice('Basic '.length)), (c) => c.charCodeAt(0)));
    expect(decoded).toBe('ada:ünï');
  });

  it('reaches a site installed under a path through ?rest_route=, and names the target with that path', async () => {
    wp = new FakeWordPress('https://example.org/blog');
    adapter = makeAdapter({ siteUrl: 'https://example.org/blog/' });
    expect(adapter.target).toBe('wordpress:https://example.org/blog');
    const state = await adapter.push(update('<p>one</p>'), undefined);
    expect(state.editUrl).toBe(`https://example.org/blog/wp-admin/post.php?post=${state.remoteId}&action=edit`);
    for (const request of wp.requests) expect(request.url.startsWith('https://example.org/blog/?rest_route=')).toBe(true);
  });
});
