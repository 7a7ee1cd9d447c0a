import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Capture } from '../clip/capture';
import type { Clipping } from '../clip/clipping';
import { freshDatabase, makeCapture, makeClipping, makeRepos } from '../../test/fixtures';
import { makeFeedDeps } from '../../test/feed-deps';
import { MessageError } from '../messages/message-error';
import { type MessageName, type RequestOf, type ResponseOf, protocol } from '../messages/protocol';
import type { Handlers } from '../messages/router';
import type { TabInfo } from '../platform/tab-capture';
import { defaultSettings, type Settings } from '../settings/settings';
import type { ClippingsRepo } from '../store/clippings-repo';
import type { ClipperDB } from '../store/db';
import type { IssuesRepo } from '../store/issues-repo';
import { offlineSyncDeps } from './offline-sync-deps';
import { createHandlers } from './handlers';
import type { HandlerDeps } from './handler-deps';

const MINUTE = 60_000;
const DAY = 86_400_000;
const WEEK = 7 * DAY;
const WEDNESDAY = Date.parse('2026-06-10T10:00:00Z');
const MONDAY = Date.parse('2026-06-08T00:00:00Z');
const NEXT_MONDAY = MONDAY + WEEK;

const SETTINGS: Settings = {
  ...defaultSettings(),
  newsletterName: 'SRE Weekly',
  timeZone: 'UTC',
  weekStartsOn: 1,
  sections: [
    { id: 'articles', name: 'Articles', style: 'entries', budget: 5 },
    { id: 'tools', name: 'Tools', style: 'entries' },
    { id: 'outages', name: 'Outages', style: 'bullets' },
  ],
};

/** What the capture script would read from an ordinary article at `url`. */
const article = (url: string, title: string, suggestedSection?: string): Capture =>
  makeCapture(url, { title: { value: title, source: 'json-ld' }, ...(suggestedSection ? { suggestedSection } : {}) });

/** The browser around the handlers, reduced to what the issue desk needs: one tab, a clock, ids. */
class World {
  db!: ClipperDB;
  clippings!: ClippingsRepo;
  issues!: IssuesRepo;
  handlers!: Handlers;
  clock = WEDNESDAY;
  private seq = 0;
  private tab: TabInfo = { id: 1, url: 'about:blank' };
  private page: Capture = article('about:blank', 'Blank');

  async start(): Promise<this> {
    const { db, open } = await freshDatabase('issue-handlers-test');
    this.db = db;
    const repos = makeRepos(open);
    this.clippings = repos.clippings;
    this.issues = repos.issues;
    const deps: HandlerDeps = {
      ...repos,
      sync: offlineSyncDeps(),
      feeds: makeFeedDeps(),
      resolveTab: async () => this.tab,
      captureTab: async () => ({ capture: this.page, origin: 'page' }),
      openTab: async () => {
        throw new Error('no tabs here');
      },
      readLinkText: async () => undefined,
      confirmLinkClip: async () => {},
      now: () => this.clock,
      newId: () => `id-${String(++this.seq).padStart(6, '0')}`,
    };
    this.handlers = createHandlers(deps);
    await this.call('settings.save', { settings: SETTINGS });
    return this;
  }

  /** Calls a handler the way the router does: the request parsed, the reply checked against the protocol. */
  async call<K extends MessageName>(name: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
    const parsed = protocol[name].request.parse(request);
    const handler = this.handlers[name] as (request: unknown, sender: object) => Promise<unknown>;
    return protocol[name].response.parse(await handler(parsed, {})) as ResponseOf<K>;
  }

  /** Opens a page in the popup and saves it, with the editor's changes. */
  async clip(url: string, changes: Partial<ResponseOf<'clip.prepare'>['form']> = {}, title = `Article at ${url}`): Promise<Clipping> {
    this.tab = { id: 1, url };
    this.page = article(url, title);
    const prepared = await this.call('clip.prepare', {});
    const saved = await this.call('clip.save', {
      key: prepared.key,
      form: { ...prepared.form, ...changes },
      context: prepared.context,
      ...(prepared.existing ? { clippingId: prepared.existing.id } : {}),
    });
    return saved.clipping;
  }

  /** The open issue's clippings as the view groups them: section id → ids in order. */
  async layout(issueId?: string): Promise<Record<string, string[]>> {
    const view = await this.call('issue.view', issueId ? { issueId } : {});
    const doc = await this.call('issue.document', { issueId: view.issue.id });
    return Object.fromEntries(doc.sections.map((s) => [s.id, s.entries.map((e) => e.id)]));
  }
}

let world: World;
beforeEach(async () => {
  world = await new World().start();
});
afterEach(() => world.db.close());

const url = (n: number) => `https://example.com/posts/${n}`;

describe('issue.view', () => {
  it('creates the open issue on first view, and shows the same one after', async () => {
    const view = await world.call('issue.view', {});
    expect(view.issue).toMatchObject({
      number: 1,
      status: 'open',
      title: 'SRE Weekly Issue #1',
      start: MONDAY,
      end: NEXT_MONDAY,
      sponsor: '',
    });
    expect(view.clippings).toEqual([]);
    expect(view.issues).toEqual([{ id: view.issue.id, number: 1, title: 'SRE Weekly Issue #1', status: 'open' }]);
    expect(view.planned).toBeUndefined();
    expect(view.settings).toEqual(SETTINGS);

    world.clock += DAY;
    expect((await world.call('issue.view', {})).issue).toEqual(view.issue);
    expect(await world.issues.list()).toHaveLength(1);
  });

  it('shows the open issue’s clippings only', async () => {
    const a = await world.clip(url(1));
    const b = await world.clip(url(2));
    await world.call('clip.delete', { id: b.id });
    const view = await world.call('issue.view', {});
    expect(view.clippings.map((c) => c.id)).toEqual([a.id]);
  });

  it('adopts clippings saved before issues existed, but not deleted ones', async () => {
    const legacy = (n: number, extra: Partial<Clipping> = {}): Clipping =>
      makeClipping(n, {
        url: url(n),
        title: `Legacy ${n}`,
        summary: '',
        id: `legacy-${String(n).padStart(6, '0')}`,
        urlKey: url(n),
        createdAt: MONDAY - 20 * WEEK,
        updatedAt: MONDAY - 20 * WEEK,
        position: MONDAY - 20 * WEEK,
        ...extra,
      });
    await world.clippings.putMany([legacy(1), legacy(2, { deletedAt: MONDAY - WEEK })]);
    const view = await world.call('issue.view', {});
    expect(view.clippings.map((c) => c.id)).toEqual(['legacy-000001']);
  });

  it('shows another issue by id, and lists every issue newest first, with the planned count', async () => {
    const first = (await world.call('issue.view', {})).issue;
    const a = await world.clip(url(1), { summary: 'Done' });
    const waiting = await world.clip(url(2));
    await world.call('clip.moveToNextIssue', { id: waiting.id });
    const view = await world.call('issue.view', {});
    expect(view.planned).toEqual({ id: expect.any(String), number: 2, count: 1 });
    expect(view.issues.map((i) => [i.number, i.status])).toEqual([
      [2, 'planned'],
      [1, 'open'],
    ]);

    const { next } = await world.call('issue.publish', { issueId: first.id, moveUnfinished: false });
    const old = await world.call('issue.view', { issueId: first.id });
    expect(old.issue).toMatchObject({ id: first.id, status: 'closed' });
    expect(old.clippings.map((c) => c.id)).toEqual([a.id]);
    const current = await world.call('issue.view', {});
    expect(current.issue.id).toBe(next.id);
    expect(current.clippings.map((c) => c.id)).toEqual([waiting.id]);
    expect(current.planned).toBeUndefined();
  });

  it('answers not-found for an unknown issue', async () => {
    const attempt = world.call('issue.view', { issueId: 'issue-missing' });
    await expect(attempt).rejects.toBeInstanceOf(MessageError);
    await expect(attempt).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('issue.update', () => {
  it('changes the title and the sponsor, and the view shows them', async () => {
    const { issue } = await world.call('issue.view', {});
    world.clock += MINUTE;
    const titled = await world.call('issue.update', { issueId: issue.id, title: '  Issue 1: the big one  ' });
    expect(titled).toEqual({ ...issue, title: 'Issue 1: the big one', updatedAt: WEDNESDAY + MINUTE });

    world.clock += MINUTE;
    const sponsored = await world.call('issue.update', { issueId: issue.id, sponsor: 'Brought to you by **Acme**.' });
    expect(sponsored).toMatchObject({
      title: 'Issue 1: the big one',
      sponsor: 'Brought to you by **Acme**.',
      updatedAt: WEDNESDAY + 2 * MINUTE,
    });
    expect((await world.call('issue.view', {})).issue).toEqual(sponsored);
    expect((await world.call('issue.document', { issueId: issue.id })).sponsor).toBe('Brought to you by **Acme**.');

    const cleared = await world.call('issue.update', { issueId: issue.id, sponsor: '' });
    expect(cleared.sponsor).toBe('');
    expect(cleared.title).toBe('Issue 1: the big one');
  });

  it('refuses a blank title at the boundary', async () => {
    const { issue } = await world.call('issue.view', {});
    await expect(world.call('issue.update', { issueId: issue.id, title: '   ' })).rejects.toThrow();
    expect((await world.call('issue.view', {})).issue.title).toBe('SRE Weekly Issue #1');
  });

  it('answers not-found for an unknown issue', async () => {
    await expect(world.call('issue.update', { issueId: 'issue-missing', sponsor: 'x' })).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('issue.publish', () => {
  it('closes the open issue and opens the next', async () => {
    const { issue } = await world.call('issue.view', {});
    const done = await world.clip(url(1), { summary: 'Written.' });
    const unfinished = await world.clip(url(2));
    world.clock = NEXT_MONDAY + DAY;
    const result = await world.call('issue.publish', { issueId: issue.id, moveUnfinished: false });
    expect(result.moved).toBe(0);
    expect(result.next).toMatchObject({ number: 2, status: 'open', start: NEXT_MONDAY, end: NEXT_MONDAY + WEEK });
    const view = await world.call('issue.view', {});
    expect(view.issue.id).toBe(result.next.id);
    expect(view.clippings).toEqual([]);
    expect(view.issues.map((i) => [i.number, i.status])).toEqual([
      [2, 'open'],
      [1, 'closed'],
    ]);
    expect((await world.call('issue.view', { issueId: issue.id })).clippings.map((c) => c.id).sort()).toEqual(
      [done.id, unfinished.id].sort(),
    );
  });

  it('with moveUnfinished, carries the clippings without a summary into the next issue', async () => {
    const { issue } = await world.call('issue.view', {});
    const done = await world.clip(url(1), { summary: 'Written.' });
    const unfinished = await world.clip(url(2));
    const result = await world.call('issue.publish', { issueId: issue.id, moveUnfinished: true });
    expect(result.moved).toBe(1);
    expect((await world.call('issue.view', {})).clippings.map((c) => c.id)).toEqual([unfinished.id]);
    expect((await world.call('issue.view', { issueId: issue.id })).clippings.map((c) => c.id)).toEqual([done.id]);
  });

  it('refuses to publish an issue that is not open, in words', async () => {
    const { issue } = await world.call('issue.view', {});
    await world.call('issue.publish', { issueId: issue.id, moveUnfinished: false });
    const attempt = world.call('issue.publish', { issueId: issue.id, moveUnfinished: false });
    await expect(attempt).rejects.toBeInstanceOf(MessageError);
    await expect(attempt).rejects.toMatchObject({
      code: 'bad-request',
      message: 'Issue #1 is not the open issue: only the open issue can be marked as published.',
    });
    await expect(world.call('issue.publish', { issueId: 'issue-missing', moveUnfinished: false })).rejects.toMatchObject({
      code: 'not-found',
    });
    expect(await world.issues.list()).toHaveLength(2);
  });
});

describe('issue.document', () => {
  it('groups by section in the settings’ order and orders by position, leaving out unsorted clippings', async () => {
    const { issue } = await world.call('issue.view', {});
    const a1 = await world.clip(url(1), { section: 'articles', summary: 'First' });
    world.clock += MINUTE;
    const o1 = await world.clip(url(2), { section: 'outages' });
    world.clock += MINUTE;
    const a2 = await world.clip(url(3), { section: 'articles' });
    world.clock += MINUTE;
    await world.clip(url(4), { section: null });
    await world.call('issue.update', { issueId: issue.id, sponsor: 'Sponsor' });

    const doc = await world.call('issue.document', { issueId: issue.id });
    expect(doc).toMatchObject({
      newsletter: 'SRE Weekly',
      number: 1,
      title: 'SRE Weekly Issue #1',
      sponsor: 'Sponsor',
    });
    // The window's instants, written with the newsletter's offset (here the runtime's, UTC).
    expect([Date.parse(doc.start), Date.parse(doc.end)]).toEqual([Date.parse('2026-06-08T00:00:00Z'), Date.parse('2026-06-15T00:00:00Z')]);
    expect(doc.sections.map((s) => [s.id, s.style, s.entries.map((e) => e.id)])).toEqual([
      ['articles', 'entries', [a1.id, a2.id]],
      ['tools', 'entries', []],
      ['outages', 'bullets', [o1.id]],
    ]);
    expect(doc.sections[0]!.entries[0]).toMatchObject({
      url: url(1),
      title: `Article at ${url(1)}`,
      authors: ['Ada Lovelace'],
      siteName: 'Example Times',
      summary: 'First',
    });
  });

  it('answers not-found for an unknown issue', async () => {
    await expect(world.call('issue.document', { issueId: 'issue-missing' })).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('clip.update', () => {
  it('edits fields, and marks edited page fields as the editor’s', async () => {
    const c = await world.clip(url(1));
    expect(c.sources).toMatchObject({ title: 'json-ld', authors: 'json-ld', siteName: 'opengraph' });
    world.clock += MINUTE;
    const { clipping } = await world.call('clip.update', {
      id: c.id,
      changes: { title: 'Better title', authors: ['A. Lovelace'], summary: 'My words', quote: 'Quoted.' },
    });
    expect(clipping).toMatchObject({
      id: c.id,
      title: 'Better title',
      authors: ['A. Lovelace'],
      summary: 'My words',
      quote: 'Quoted.',
      siteName: 'Example Times',
      createdAt: c.createdAt,
      updatedAt: WEDNESDAY + MINUTE,
      issueId: c.issueId,
      position: c.position,
    });
    expect(clipping.sources).toEqual({ ...c.sources, title: 'editor', authors: 'editor' });
    expect(await world.call('clip.get', { id: c.id })).toEqual({ clipping });
  });

  it('an edited summary or section does not change any source', async () => {
    const c = await world.clip(url(1));
    const { clipping } = await world.call('clip.update', { id: c.id, changes: { summary: 'Words', section: 'tools' } });
    expect(clipping.sources).toEqual(c.sources);
    expect(clipping.section).toBe('tools');
  });

  it('cleans an edited URL, recomputes the duplicate key, and marks the URL as the editor’s', async () => {
    const c = await world.clip(url(1));
    const { clipping } = await world.call('clip.update', {
      id: c.id,
      changes: { url: '  https://WWW.Example.org/new/path?utm_source=rss&id=3#top  ' },
    });
    expect(clipping.url).toBe('https://www.example.org/new/path?id=3');
    expect(clipping.urlKey).toBe('https://example.org/new/path?id=3');
    expect(clipping.sources.url).toBe('editor');
    // Found again under its new address, not under the old one.
    world.clock += MINUTE;
    const relinked = await world.call('clip.link', { url: 'http://example.org/new/path?id=3' });
    expect(relinked).toMatchObject({ created: false, clipping: { id: c.id } });
    const old = await world.call('clip.link', { url: url(1) });
    expect(old.created).toBe(true);
  });

  it('a blank title falls back to the address', async () => {
    const c = await world.clip(url(1));
    expect((await world.call('clip.update', { id: c.id, changes: { title: '   ' } })).clipping.title).toBe(url(1));
  });

  it('refuses a blank address', async () => {
    const c = await world.clip(url(1));
    await expect(world.call('clip.update', { id: c.id, changes: { url: '  ' } })).rejects.toMatchObject({ code: 'bad-request' });
    expect((await world.call('clip.get', { id: c.id })).clipping?.url).toBe(url(1));
  });

  it('refuses an unknown section, changing nothing; accepts null (unsorted)', async () => {
    const c = await world.clip(url(1), { section: 'articles' });
    const attempt = world.call('clip.update', { id: c.id, changes: { section: 'podcasts', summary: 'Lost?' } });
    await expect(attempt).rejects.toBeInstanceOf(MessageError);
    await expect(attempt).rejects.toMatchObject({ code: 'bad-request' });
    expect((await world.call('clip.get', { id: c.id })).clipping).toEqual(c);
    expect((await world.call('clip.update', { id: c.id, changes: { section: null } })).clipping.section).toBeNull();
  });

  it('answers not-found for a deleted or unknown clipping', async () => {
    const c = await world.clip(url(1));
    await world.call('clip.delete', { id: c.id });
    await expect(world.call('clip.update', { id: c.id, changes: { summary: 'x' } })).rejects.toMatchObject({ code: 'not-found' });
    await expect(world.call('clip.update', { id: 'clipping-missing', changes: { summary: 'x' } })).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});

describe('clip.move', () => {
  async function threeArticles() {
    const { issue } = await world.call('issue.view', {});
    const made: Clipping[] = [];
    for (let n = 1; n <= 3; n++) {
      world.clock += MINUTE;
      made.push(await world.clip(url(n), { section: 'articles' }));
    }
    return { issue, ids: made.map((c) => c.id) };
  }

  it('reorders within a section, and the document follows', async () => {
    const { ids } = await threeArticles();
    const [a, b, c] = ids as [string, string, string];
    expect(await world.call('clip.move', { id: c, section: 'articles', index: 0 })).toEqual({ changed: 3 });
    expect((await world.layout()).articles).toEqual([c, a, b]);
    // Down one place: only the two that swapped change.
    expect(await world.call('clip.move', { id: c, section: 'articles', index: 1 })).toEqual({ changed: 2 });
    expect((await world.layout()).articles).toEqual([a, c, b]);
    // Past the end: the last place.
    await world.call('clip.move', { id: a, section: 'articles', index: 500 });
    expect((await world.layout()).articles).toEqual([c, b, a]);
  });

  it('moves across sections, and the document follows', async () => {
    const { ids } = await threeArticles();
    const [a, b, c] = ids as [string, string, string];
    world.clock += MINUTE;
    const outage = await world.clip(url(9), { section: 'outages' });
    await world.call('clip.move', { id: b, section: 'outages', index: 0 });
    expect(await world.layout()).toEqual({ articles: [a, c], tools: [], outages: [b, outage.id] });
    const moved = (await world.call('clip.get', { id: b })).clipping;
    expect(moved).toMatchObject({ section: 'outages', updatedAt: world.clock });
  });

  it('moves to unsorted, which the document leaves out, and back', async () => {
    const { ids } = await threeArticles();
    const [a, b, c] = ids as [string, string, string];
    await world.call('clip.move', { id: a, section: null, index: 0 });
    expect((await world.layout()).articles).toEqual([b, c]);
    const view = await world.call('issue.view', {});
    expect(view.clippings.find((x) => x.id === a)?.section).toBeNull();
    await world.call('clip.move', { id: a, section: 'tools', index: 0 });
    expect((await world.layout()).tools).toEqual([a]);
  });

  it('refuses an unknown section, moving nothing', async () => {
    const { ids } = await threeArticles();
    const attempt = world.call('clip.move', { id: ids[0]!, section: 'podcasts', index: 0 });
    await expect(attempt).rejects.toBeInstanceOf(MessageError);
    await expect(attempt).rejects.toMatchObject({ code: 'bad-request' });
    expect((await world.layout()).articles).toEqual(ids);
  });

  it('answers not-found for a deleted clipping', async () => {
    const { ids } = await threeArticles();
    await world.call('clip.delete', { id: ids[0]! });
    await expect(world.call('clip.move', { id: ids[0]!, section: 'articles', index: 1 })).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('clip.moveToNextIssue', () => {
  it('moves a clipping of the open issue to the planned issue, made on demand', async () => {
    const { issue } = await world.call('issue.view', {});
    const c = await world.clip(url(1));
    const stays = await world.clip(url(2));
    world.clock += MINUTE;
    const { issue: next } = await world.call('clip.moveToNextIssue', { id: c.id });
    expect(next).toMatchObject({ number: 2, status: 'planned', start: issue.end });
    const view = await world.call('issue.view', {});
    expect(view.clippings.map((x) => x.id)).toEqual([stays.id]);
    expect(view.planned).toEqual({ id: next.id, number: 2, count: 1 });
    expect((await world.call('issue.view', { issueId: next.id })).clippings.map((x) => x.id)).toEqual([c.id]);
    expect((await world.call('clip.get', { id: c.id })).clipping).toMatchObject({ issueId: next.id, updatedAt: world.clock });

    // A second one goes to the same planned issue.
    expect((await world.call('clip.moveToNextIssue', { id: stays.id })).issue.id).toBe(next.id);
    expect((await world.call('issue.view', {})).planned?.count).toBe(2);
    expect(await world.issues.list()).toHaveLength(2);
  });

  it('moves a clipping of a published issue into the open one only once the issue is reopened', async () => {
    const { issue } = await world.call('issue.view', {});
    const c = await world.clip(url(1), { summary: 'Done' });
    const { next } = await world.call('issue.publish', { issueId: issue.id, moveUnfinished: false });
    await expect(world.call('clip.moveToNextIssue', { id: c.id })).rejects.toMatchObject({ code: 'forbidden' });
    await world.call('issue.reopen', { issueId: issue.id });
    const { issue: target } = await world.call('clip.moveToNextIssue', { id: c.id });
    expect(target.id).toBe(next.id);
    expect((await world.call('issue.view', {})).clippings.map((x) => x.id)).toEqual([c.id]);
    expect((await world.call('issue.view', { issueId: issue.id })).clippings).toEqual([]);
  });

  it('goes last in its section of the new issue', async () => {
    const { issue } = await world.call('issue.view', {});
    const waiting = await world.clip(url(1), { section: 'articles' });
    const late = await world.clip(url(2), { section: 'articles' });
    await world.call('clip.moveToNextIssue', { id: waiting.id });
    world.clock += MINUTE;
    await world.call('clip.moveToNextIssue', { id: late.id });
    const planned = (await world.call('issue.view', {})).planned!;
    expect(planned.count).toBe(2);
    expect((await world.layout(planned.id)).articles).toEqual([waiting.id, late.id]);
    expect(issue.status).toBe('open');
  });

  // BUG (issue-handlers.ts:115): the target is the planned issue only when the clipping is in the
  // open one; a clipping already in the planned issue is sent back to the open issue (the one
  // before), and the "already in the next issue" refusal below can never be reached.
  it('refuses to move a clipping that is already in the planned issue, leaving it there', async () => {
    const c = await world.clip(url(1));
    const { issue: planned } = await world.call('clip.moveToNextIssue', { id: c.id });
    await expect(world.call('clip.moveToNextIssue', { id: c.id })).rejects.toMatchObject({ code: 'bad-request' });
    expect((await world.call('clip.get', { id: c.id })).clipping?.issueId).toBe(planned.id);
  });

  it('answers not-found for a deleted clipping', async () => {
    const c = await world.clip(url(1));
    await world.call('clip.delete', { id: c.id });
    await expect(world.call('clip.moveToNextIssue', { id: c.id })).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('clip.delete and clip.restore (undo)', () => {
  it('a deleted clipping leaves the issue view, and undo brings it back in its place', async () => {
    const a = await world.clip(url(1), { section: 'articles' });
    world.clock += MINUTE;
    const b = await world.clip(url(2), { section: 'articles' });
    expect(await world.call('clip.delete', { id: a.id })).toEqual({ deleted: true });
    expect((await world.call('issue.view', {})).clippings.map((c) => c.id)).toEqual([b.id]);

    world.clock += MINUTE;
    const { clipping } = await world.call('clip.restore', { id: a.id });
    expect(clipping).toEqual({ ...a, updatedAt: world.clock });
    expect((await world.call('issue.view', {})).clippings.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect((await world.layout()).articles).toEqual([a.id, b.id]);
  });

  it('restore answers null for a live or unknown clipping', async () => {
    const a = await world.clip(url(1));
    expect(await world.call('clip.restore', { id: a.id })).toEqual({ clipping: null });
    expect(await world.call('clip.restore', { id: 'clipping-missing' })).toEqual({ clipping: null });
  });
});

describe('new clippings and the issues', () => {
  it('clip.save of a new clipping lands in the open issue (created on demand)', async () => {
    const c = await world.clip(url(1));
    const view = await world.call('issue.view', {});
    expect(c.issueId).toBe(view.issue.id);
    expect(view.issue.number).toBe(1);
    expect(view.clippings.map((x) => x.id)).toEqual([c.id]);
  });

  it('clip.link lands in the open issue too', async () => {
    const { issue } = await world.call('issue.view', {});
    const { clipping } = await world.call('clip.link', { url: url(5), text: 'Linked' });
    expect(clipping.issueId).toBe(issue.id);
  });

  it('a clipping made after the open issue’s window lands in the planned issue', async () => {
    const { issue } = await world.call('issue.view', {});
    world.clock = NEXT_MONDAY + 2 * DAY;
    const late = await world.clip(url(1));
    expect(late.issueId).not.toBe(issue.id);
    const view = await world.call('issue.view', {});
    expect(view.issue.id).toBe(issue.id);
    expect(view.clippings).toEqual([]);
    expect(view.planned).toEqual({ id: late.issueId, number: 2, count: 1 });

    // Closing the old issue promotes the planned one, with the late clipping in it.
    const { next } = await world.call('issue.publish', { issueId: issue.id, moveUnfinished: false });
    expect(next.id).toBe(late.issueId);
    expect((await world.call('issue.view', {})).clippings.map((x) => x.id)).toEqual([late.id]);
  });

  it('re-saving a clipping keeps it in its issue, even after the window', async () => {
    const c = await world.clip(url(1));
    world.clock = NEXT_MONDAY + DAY;
    const again = await world.clip(url(1), { summary: 'Edited later' });
    expect(again.id).toBe(c.id);
    expect(again.issueId).toBe(c.issueId);
  });
});
