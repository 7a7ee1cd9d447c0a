import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Capture } from '../clip/capture';
import type { Clipping } from '../clip/clipping';
import { freshDatabase, makeCapture, makeForm, makeRepos } from '../../test/fixtures';
import { makeFeedDeps } from '../../test/feed-deps';
import { urlKey } from '../clip/url-key';
import { captureFromTab, describeCaptureError, uncapturableReason } from '../clip/tab-fallback';
import { MessageError } from '../messages/message-error';
import { type MessageName, type RequestOf, type ResponseOf, protocol } from '../messages/protocol';
import type { Handlers } from '../messages/router';
import type { TabCapture, TabInfo } from '../platform/tab-capture';
import { defaultSettings } from '../settings/settings';
import type { ClippingsRepo } from '../store/clippings-repo';
import type { ClipperDB } from '../store/db';
import type { DraftsRepo } from '../store/drafts-repo';
import { offlineSyncDeps } from './offline-sync-deps';
import { createHandlers } from './handlers';
import type { HandlerDeps } from './handler-deps';

const MINUTE = 60_000;
const DAY = 86_400_000;
const WEDNESDAY = Date.parse('2026-06-10T10:00:00Z');

/** The browser around the handlers: tabs with pages, a clock, ids, and records of what was shown. */
class World {
  db!: ClipperDB;
  clippings!: ClippingsRepo;
  drafts!: DraftsRepo;
  handlers!: Handlers;
  clock = WEDNESDAY;
  private seq = 0;
  private nextTabId = 1;
  activeTab = 0;
  readonly tabs = new Map<number, TabInfo>();
  /** The page in each tab: a capture, or the error the capture script failed with. */
  readonly pages = new Map<number, Capture | Error>();
  readonly linkTexts = new Map<string, string>();
  readonly linkTextReads: { tabId: number; href: string }[] = [];
  readonly confirmations: { tabId: number | undefined; id: string; created: boolean }[] = [];
  /** What a page shows when "Fill in" opens it (by address), the tabs it opened, and those it closed. */
  readonly sites = new Map<string, Capture | Error>();
  readonly openedForFillIn: number[] = [];
  readonly closedTabs: number[] = [];
  hostAccess = true;

  async start(): Promise<this> {
    const { db, open } = await freshDatabase('handlers-test');
    this.db = db;
    const repos = makeRepos(open);
    this.clippings = repos.clippings;
    this.drafts = repos.drafts;
    const deps: HandlerDeps = {
      ...repos,
      sync: { ...offlineSyncDeps(), hasHostAccess: async () => this.hostAccess },
      feeds: makeFeedDeps(),
      resolveTab: async (tabId) => {
        const tab = this.tabs.get(tabId ?? this.activeTab);
        if (!tab) throw new MessageError('not-found', 'The tab to clip is gone.');
        return tab;
      },
      captureTab: async (tab): Promise<TabCapture> => {
        const reason = uncapturableReason(tab.url);
        if (reason) return { capture: captureFromTab(tab.url, tab.title, reason), origin: 'tab' };
        const page = this.pages.get(tab.id);
        if (page === undefined || page instanceof Error) {
          return { capture: captureFromTab(tab.url, tab.title, describeCaptureError(page?.message ?? 'no page')), origin: 'tab' };
        }
        return { capture: page, origin: 'page' };
      },
      openTab: async (url) => {
        const id = this.nextTabId++;
        this.tabs.set(id, { id, url, title: 'Loaded page' });
        this.pages.set(id, this.sites.get(url) ?? new Error('net::ERR_NAME_NOT_RESOLVED'));
        this.openedForFillIn.push(id);
        return {
          tab: { id, url, title: 'Loaded page' },
          loaded: true,
          close: async () => {
            this.tabs.delete(id);
            this.closedTabs.push(id);
          },
        };
      },
      readLinkText: async (tabId, href) => {
        this.linkTextReads.push({ tabId, href });
        return this.linkTexts.get(href);
      },
      confirmLinkClip: async (tabId, clipping, created) => {
        this.confirmations.push({ tabId, id: clipping.id, created });
      },
      now: () => this.clock,
      newId: () => `clipping-${String(++this.seq).padStart(4, '0')}`,
    };
    this.handlers = createHandlers(deps);
    return this;
  }

  /** Opens a tab and makes it the active one; `page` defaults to an article at that address. */
  openTab(url: string, page: Capture | Error | 'article' = 'article', title = 'Tab title'): number {
    const id = this.nextTabId++;
    this.tabs.set(id, { id, url, ...(title ? { title } : {}) });
    this.pages.set(id, page === 'article' ? makeCapture(url) : page);
    this.activeTab = id;
    return id;
  }

  /** Calls a handler the way the router does: the request parsed, the response checked against the protocol. */
  async call<K extends MessageName>(name: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
    const parsed = protocol[name].request.parse(request);
    const handler = this.handlers[name] as (request: unknown, sender: object) => Promise<unknown>;
    return protocol[name].response.parse(await handler(parsed, {})) as ResponseOf<K>;
  }

  /** Opens the popup on the active tab and saves what it shows, with the editor's changes. */
  async clipActiveTab(changes: Partial<ResponseOf<'clip.prepare'>['form']> = {}) {
    const prepared = await this.call('clip.prepare', {});
    return this.call('clip.save', {
      key: prepared.key,
      form: { ...prepared.form, ...changes },
      context: prepared.context,
      ...(prepared.existing ? { clippingId: prepared.existing.id } : {}),
    });
  }

  async stored(): Promise<Clipping[]> {
    return (await this.call('clip.listRecent', { limit: 100 })).clippings;
  }
}

let world: World;
beforeEach(async () => {
  world = await new World().start();
});
afterEach(() => world.db.close());

const URL_A = 'https://www.example.com/2026/06/outage-report';

describe('clip.prepare', () => {
  it('pre-fills the form from the page’s capture', async () => {
    world.openTab(`${URL_A}?utm_source=rss#top`);
    const prepared = await world.call('clip.prepare', {});
    expect(prepared.form).toEqual({
      url: URL_A,
      title: 'What went wrong on Tuesday',
      authors: ['Ada Lovelace'],
      siteName: 'Example Times',
      publishedTime: '2026-06-09',
      excerpt: 'A post-incident review.',
      lang: 'en',
      quote: '',
      quoteLink: '',
      summary: '',
      section: 'articles',
    });
    expect(prepared.captured).toEqual(prepared.form);
    expect(prepared.key).toBe('https://example.com/2026/06/outage-report');
    expect(prepared.context).toMatchObject({ origin: 'page', sources: { url: 'url', title: 'json-ld', authors: 'json-ld' }, notes: [] });
    expect(prepared.existing).toBeUndefined();
    expect(prepared.draftRestoredFrom).toBeUndefined();
    expect(prepared.settings).toEqual(defaultSettings());
    // The week count is its own message, asked for once the form is shown (clip.weekCount).
    expect(prepared).not.toHaveProperty('weekCount');
    expect(await world.call('clip.weekCount', {})).toEqual({ weekCount: 0 });
  });

  it('reads the tab it is asked for, not the active one', async () => {
    const first = world.openTab(
      'https://example.com/first',
      makeCapture('https://example.com/first', { title: { value: 'First', source: 'json-ld' } }),
    );
    world.openTab('https://example.com/second');
    expect((await world.call('clip.prepare', { tabId: first })).form.title).toBe('First');
  });

  it('takes the selection as the quote and the page’s suggested section', async () => {
    world.openTab(
      URL_A,
      makeCapture(URL_A, { quote: { text: 'The disk filled up.', link: `${URL_A}#:~:text=The%20disk` }, suggestedSection: 'outages' }),
    );
    const { form } = await world.call('clip.prepare', {});
    expect(form.quote).toBe('The disk filled up.');
    expect(form.quoteLink).toBe(`${URL_A}#:~:text=The%20disk`);
    expect(form.section).toBe('outages');
  });

  it('uses the canonical address for the form and for finding the clipping again', async () => {
    world.openTab(
      'https://amp.example.com/story/amp?utm_source=x',
      makeCapture('https://amp.example.com/story/amp?utm_source=x', {
        canonicalUrl: { value: 'https://example.com/story', source: 'canonical-link' },
      }),
    );
    const saved = await world.clipActiveTab({ summary: 'Canonical.' });
    expect(saved.clipping.url).toBe('https://example.com/story');

    world.openTab('https://example.com/story');
    expect((await world.call('clip.prepare', {})).existing?.id).toBe(saved.clipping.id);
  });

  it('finds a clipping saved under the tab’s address when the page now declares another canonical', async () => {
    world.openTab('https://example.com/old-path');
    const saved = await world.clipActiveTab();
    world.openTab(
      'https://example.com/old-path',
      makeCapture('https://example.com/old-path', { canonicalUrl: { value: 'https://example.com/new-path', source: 'canonical-link' } }),
    );
    expect((await world.call('clip.prepare', {})).existing?.id).toBe(saved.clipping.id);
  });
});

describe('reopening a clipped page', () => {
  it.each([
    `${URL_A}`,
    'https://WWW.EXAMPLE.COM/2026/06/outage-report?utm_source=newsletter&utm_medium=email#comments',
    'https://www.example.com/2026/06/outage-report?fbclid=abc&gclid=def&mc_cid=1&mc_eid=2',
    'http://example.com/2026/06/outage-report/',
    `${URL_A}#:~:text=disk`,
  ])('says it was clipped before and edits it (%s)', async (again) => {
    world.openTab(URL_A);
    const first = await world.clipActiveTab({ summary: 'Good post-mortem.', section: 'outages' });

    world.clock += DAY;
    world.openTab(again);
    const prepared = await world.call('clip.prepare', {});
    expect(prepared.existing).toEqual({
      id: first.clipping.id,
      createdAt: WEDNESDAY,
      updatedAt: WEDNESDAY,
      issue: { number: 1, status: 'open' },
    });
    expect(prepared.form.summary).toBe('Good post-mortem.');
    expect(prepared.form.section).toBe('outages');
    expect(prepared.form.url).toBe(first.clipping.url);

    const second = await world.call('clip.save', {
      key: prepared.key,
      form: { ...prepared.form, summary: 'Even better on a second read.' },
      context: prepared.context,
      clippingId: prepared.existing!.id,
    });
    expect(second.updated).toBe(true);
    expect(second.clipping).toMatchObject({
      id: first.clipping.id,
      createdAt: WEDNESDAY,
      updatedAt: WEDNESDAY + DAY,
      summary: 'Even better on a second read.',
    });
    expect(await world.stored()).toHaveLength(1);
  });

  it('does not take a different article for the same one', async () => {
    world.openTab(URL_A);
    await world.clipActiveTab();
    for (const other of [
      `${URL_A}-part-2`,
      'https://www.example.com/2026/06/Outage-Report',
      `${URL_A}?page=2`,
      'https://blog.example.com/2026/06/outage-report',
    ]) {
      world.openTab(other);
      expect((await world.call('clip.prepare', {})).existing, other).toBeUndefined();
    }
  });
});

describe('drafts', () => {
  it('restores an unsaved draft on the next open of the same page, even from a tracking link', async () => {
    world.openTab(URL_A);
    const prepared = await world.call('clip.prepare', {});
    world.clock += 5 * MINUTE;
    const { savedAt } = await world.call('draft.save', {
      key: prepared.key,
      form: { ...prepared.form, summary: 'Half-typed thoughts', title: 'My title' },
      context: prepared.context,
    });
    expect(savedAt).toBe(WEDNESDAY + 5 * MINUTE);

    world.clock += 10 * MINUTE;
    world.openTab(`${URL_A}?utm_campaign=x#intro`);
    const reopened = await world.call('clip.prepare', {});
    expect(reopened.draftRestoredFrom).toBe(WEDNESDAY + 5 * MINUTE);
    expect(reopened.form.summary).toBe('Half-typed thoughts');
    expect(reopened.form.title).toBe('My title');
    expect(reopened.captured.summary).toBe('');
    expect(reopened.captured.title).toBe('What went wrong on Tuesday');
    expect(reopened.existing).toBeUndefined();
  });

  it('a draft wins over the stored clipping it edits', async () => {
    world.openTab(URL_A);
    const saved = await world.clipActiveTab({ summary: 'Saved words' });
    const prepared = await world.call('clip.prepare', {});
    await world.call('draft.save', {
      key: prepared.key,
      form: { ...prepared.form, summary: 'Newer, unsaved words' },
      context: prepared.context,
      clippingId: saved.clipping.id,
    });
    const reopened = await world.call('clip.prepare', {});
    expect(reopened.existing?.id).toBe(saved.clipping.id);
    expect(reopened.form.summary).toBe('Newer, unsaved words');
    expect(reopened.draftRestoredFrom).toBeDefined();
  });

  it('draft.discard forgets the draft', async () => {
    world.openTab(URL_A);
    const prepared = await world.call('clip.prepare', {});
    await world.call('draft.save', { key: prepared.key, form: { ...prepared.form, summary: 'x' }, context: prepared.context });
    await world.call('draft.discard', { key: prepared.key });
    const reopened = await world.call('clip.prepare', {});
    expect(reopened.draftRestoredFrom).toBeUndefined();
    expect(reopened.form.summary).toBe('');
  });
});

describe('clip.save', () => {
  it('creates a clipping, then updates it without making a duplicate', async () => {
    world.openTab(URL_A);
    const prepared = await world.call('clip.prepare', {});
    const first = await world.call('clip.save', {
      key: prepared.key,
      form: { ...prepared.form, summary: 'One' },
      context: prepared.context,
    });
    expect(first.updated).toBe(false);
    expect(first.clipping).toMatchObject({
      id: 'clipping-0001',
      url: URL_A,
      urlKey: 'https://example.com/2026/06/outage-report',
      summary: 'One',
      origin: 'page',
      createdAt: WEDNESDAY,
      updatedAt: WEDNESDAY,
    });
    expect(first.weekCount).toBe(1);
    expect(await world.call('clip.get', { id: 'clipping-0001' })).toEqual({ clipping: first.clipping });

    world.clock += MINUTE;
    const second = await world.call('clip.save', {
      key: prepared.key,
      form: { ...prepared.form, summary: 'Two' },
      context: prepared.context,
      clippingId: first.clipping.id,
    });
    expect(second.updated).toBe(true);
    expect(second.clipping).toMatchObject({ id: 'clipping-0001', summary: 'Two', createdAt: WEDNESDAY, updatedAt: WEDNESDAY + MINUTE });
    expect(second.weekCount).toBe(1);
    expect(await world.stored()).toHaveLength(1);
  });

  it('updates the clipping with the same address even when the popup did not know it (no clippingId), keeping both summaries', async () => {
    world.openTab(URL_A);
    const prepared = await world.call('clip.prepare', {});
    await world.call('clip.save', { key: prepared.key, form: { ...prepared.form, summary: 'First popup' }, context: prepared.context });
    const again = await world.call('clip.save', {
      key: prepared.key,
      form: { ...prepared.form, url: `${URL_A}?utm_source=x`, summary: 'Second popup' },
      context: prepared.context,
    });
    expect(again.updated).toBe(true);
    // The second popup never saw the first one's text: neither is lost.
    expect((await world.stored()).map((c) => c.summary)).toEqual(['First popup\n\nSecond popup']);
  });

  it('deletes the draft it was saved from', async () => {
    world.openTab(URL_A);
    const prepared = await world.call('clip.prepare', {});
    await world.call('draft.save', { key: prepared.key, form: { ...prepared.form, summary: 'Typed' }, context: prepared.context });
    await world.call('clip.save', { key: prepared.key, form: { ...prepared.form, summary: 'Typed' }, context: prepared.context });
    expect(await world.drafts.get(prepared.key)).toBeUndefined();
    const reopened = await world.call('clip.prepare', {});
    expect(reopened.draftRestoredFrom).toBeUndefined();
    expect(reopened.existing).toBeDefined();
  });

  it('counts the clippings of the current week only', async () => {
    await world.call('settings.save', { settings: { ...defaultSettings(), timeZone: 'UTC', weekStartsOn: 1 } });
    world.clock = Date.parse('2026-06-05T12:00:00Z'); // Friday of the week before
    world.openTab('https://example.com/last-week');
    expect((await world.clipActiveTab()).weekCount).toBe(1);

    world.clock = Date.parse('2026-06-08T00:00:00Z'); // Monday midnight: a new week
    world.openTab('https://example.com/monday');
    expect((await world.clipActiveTab()).weekCount).toBe(1);
    world.clock = WEDNESDAY;
    world.openTab('https://example.com/wednesday');
    expect((await world.clipActiveTab()).weekCount).toBe(2);
    await world.call('clip.link', { url: 'https://example.com/linked', text: 'Linked' });
    expect(await world.call('clip.weekCount', {})).toEqual({ weekCount: 3 });

    world.clock = Date.parse('2026-06-15T00:00:00Z');
    expect(await world.call('clip.weekCount', {})).toEqual({ weekCount: 0 });
  });

  it('clip.weekCount leaves out deleted clippings and damaged rows, and counts a restored one again', async () => {
    await world.call('settings.save', { settings: { ...defaultSettings(), timeZone: 'UTC', weekStartsOn: 1 } });
    world.openTab('https://example.com/one');
    const one = await world.clipActiveTab();
    world.clock += MINUTE;
    world.openTab('https://example.com/two');
    await world.clipActiveTab();
    expect(await world.call('clip.weekCount', {})).toEqual({ weekCount: 2 });

    await world.call('clip.delete', { id: one.clipping.id });
    expect(await world.call('clip.weekCount', {})).toEqual({ weekCount: 1 });
    // A row this version cannot read, created this week: not a clipping the editor can see.
    await world.db.put('clippings', {
      id: 'damaged-0001',
      urlKey: 'https://example.com/x',
      createdAt: WEDNESDAY,
      title: 7,
    } as unknown as Clipping);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(await world.call('clip.weekCount', {})).toEqual({ weekCount: 1 });
    } finally {
      warn.mockRestore();
    }
    await world.call('clip.restore', { id: one.clipping.id });
    expect(await world.call('clip.weekCount', {})).toEqual({ weekCount: 2 });
  });

  it('clip.weekCount follows the settings’ week start and time zone', async () => {
    world.clock = Date.parse('2026-06-08T02:00:00Z'); // Monday 02:00 UTC = Sunday 22:00 in New York
    world.openTab('https://example.com/late');
    await world.clipActiveTab();
    await world.call('settings.save', { settings: { ...defaultSettings(), timeZone: 'UTC', weekStartsOn: 1 } });
    expect(await world.call('clip.weekCount', {})).toEqual({ weekCount: 1 });
    world.clock = Date.parse('2026-06-09T12:00:00Z');
    expect(await world.call('clip.weekCount', {})).toEqual({ weekCount: 1 });
    await world.call('settings.save', { settings: { ...defaultSettings(), timeZone: 'America/New_York', weekStartsOn: 1 } });
    expect(await world.call('clip.weekCount', {})).toEqual({ weekCount: 0 });
  });

  it('refuses a section that is not configured, as a bad request, storing nothing and keeping the draft', async () => {
    world.openTab(URL_A);
    const prepared = await world.call('clip.prepare', {});
    const form = { ...prepared.form, summary: 'Do not lose me', section: 'podcasts' };
    await world.call('draft.save', { key: prepared.key, form, context: prepared.context });
    const attempt = world.call('clip.save', { key: prepared.key, form, context: prepared.context });
    await expect(attempt).rejects.toBeInstanceOf(MessageError);
    await expect(attempt).rejects.toMatchObject({ code: 'bad-request' });
    expect(await world.stored()).toEqual([]);
    expect((await world.drafts.get(prepared.key))?.form.summary).toBe('Do not lose me');
  });

  it('refuses a section removed from the settings after the popup opened', async () => {
    world.openTab(URL_A, makeCapture(URL_A, { suggestedSection: 'outages' }));
    const prepared = await world.call('clip.prepare', {});
    await world.call('settings.save', {
      settings: { ...defaultSettings(), sections: [{ id: 'articles', name: 'Articles', style: 'entries' }] },
    });
    await expect(world.call('clip.save', { key: prepared.key, form: prepared.form, context: prepared.context })).rejects.toMatchObject({
      code: 'bad-request',
    });
  });

  it('accepts a clipping whose section is still to be chosen', async () => {
    world.openTab(URL_A);
    expect((await world.clipActiveTab({ section: null })).clipping.section).toBeNull();
  });

  it('refuses a clipping without an address', async () => {
    world.openTab(URL_A);
    await expect(world.clipActiveTab({ url: '   ' })).rejects.toMatchObject({ code: 'bad-request' });
    expect(await world.stored()).toEqual([]);
  });
});

describe('saving the same address at the same moment', () => {
  it('the popup saving and the context menu clipping the link give one clipping, with the editor’s text', async () => {
    const tabId = world.openTab(URL_A);
    const prepared = await world.call('clip.prepare', {});
    const [saved, linked] = await Promise.all([
      world.call('clip.save', { key: prepared.key, form: { ...prepared.form, summary: 'Typed in the popup' }, context: prepared.context }),
      world.call('clip.link', { url: `${URL_A}?utm_source=menu`, text: 'Outage report', tabId }),
    ]);
    const stored = await world.stored();
    expect(stored).toHaveLength(1);
    expect(saved.clipping.id).toBe(linked.clipping.id);
    expect(stored[0]).toMatchObject({
      id: saved.clipping.id,
      summary: 'Typed in the popup',
      urlKey: 'https://example.com/2026/06/outage-report',
    });
    expect(world.confirmations).toEqual([{ tabId, id: saved.clipping.id, created: linked.created }]);
  });

  it('two popups saving the same page give one clipping that holds both summaries', async () => {
    world.openTab(URL_A);
    const prepared = await world.call('clip.prepare', {});
    const save = (summary: string, section: string | null) =>
      world.call('clip.save', { key: prepared.key, form: { ...prepared.form, summary, section }, context: prepared.context });
    const results = await Promise.all([save('From the first window', 'articles'), save('From the second window', null)]);
    const stored = await world.stored();
    expect(stored).toHaveLength(1);
    expect(results.map((r) => r.clipping.id)).toEqual([stored[0]!.id, stored[0]!.id]);
    expect(results.map((r) => r.updated)).toEqual([false, true]);
    expect(stored[0]).toMatchObject({
      summary: 'From the first window\n\nFrom the second window',
      section: 'articles',
      createdAt: WEDNESDAY,
    });
  });

  it('a deleted clipping does not block clipping its page again, twice at once', async () => {
    world.openTab(URL_A);
    const first = await world.clipActiveTab({ summary: 'Old' });
    await world.call('clip.delete', { id: first.clipping.id });
    const prepared = await world.call('clip.prepare', {});
    await Promise.all([
      world.call('clip.save', { key: prepared.key, form: { ...prepared.form, summary: 'New' }, context: prepared.context }),
      world.call('clip.link', { url: URL_A, text: 'Again' }),
    ]);
    expect((await world.stored()).map((c) => c.summary)).toEqual(['New']);
    // Undo of the old one now meets the new one: they merge, still one clipping, both texts kept.
    const restored = await world.call('clip.restore', { id: first.clipping.id });
    expect(restored.clipping?.id).toBe(first.clipping.id);
    expect((await world.stored()).map((c) => c.summary)).toEqual(['Old\n\nNew']);
  });
});

describe('clip.link', () => {
  const LINK = 'https://news.example.org/2026/06/region-down?utm_source=twitter#replies';

  it('creates a link clipping from the address and the link text, section to be chosen later', async () => {
    const tabId = world.openTab(URL_A);
    const result = await world.call('clip.link', { url: LINK, text: '  The region\n went down ', tabId });
    expect(result.created).toBe(true);
    expect(result.clipping).toMatchObject({
      url: 'https://news.example.org/2026/06/region-down',
      urlKey: 'https://news.example.org/2026/06/region-down',
      title: 'The region went down',
      section: null,
      origin: 'link',
      summary: '',
      sources: { url: 'link', title: 'link' },
      createdAt: WEDNESDAY,
    });
    expect(result.clipping.notes).toHaveLength(1);
    expect(await world.call('clip.get', { id: result.clipping.id })).toEqual({ clipping: result.clipping });
    expect(world.confirmations).toEqual([{ tabId, id: result.clipping.id, created: true }]);
    expect(world.linkTextReads).toEqual([]);
  });

  it('reads the link text from the tab when the menu gave none', async () => {
    const tabId = world.openTab(URL_A);
    world.linkTexts.set(LINK, 'Text read from the page');
    const result = await world.call('clip.link', { url: LINK, tabId });
    expect(world.linkTextReads).toEqual([{ tabId, href: LINK }]);
    expect(result.clipping.title).toBe('Text read from the page');
  });

  it('makes a title from the address when no link text can be found', async () => {
    const tabId = world.openTab(URL_A);
    const withTab = await world.call('clip.link', { url: 'https://www.example.org/blog/first-post/', text: '   ', tabId });
    expect(withTab.clipping.title).toBe('example.org/blog/first-post');
    expect(withTab.clipping.sources.title).toBe('url');

    const withoutTab = await world.call('clip.link', { url: 'https://example.org/blog/second-post' });
    expect(withoutTab.clipping.title).toBe('example.org/blog/second-post');
    expect(world.linkTextReads).toEqual([{ tabId, href: 'https://www.example.org/blog/first-post/' }]);
  });

  it.each([
    'mailto:editor@example.com',
    'javascript:alert(document.cookie)',
    'chrome://settings',
    'ftp://example.com/file',
    'file:///etc/passwd',
    'not a url',
  ])('refuses the non-web link %s', async (url) => {
    const tabId = world.openTab(URL_A);
    const attempt = world.call('clip.link', { url, text: 'x', tabId });
    await expect(attempt).rejects.toBeInstanceOf(MessageError);
    await expect(attempt).rejects.toMatchObject({ code: 'bad-request' });
    expect(await world.stored()).toEqual([]);
    expect(world.confirmations).toEqual([]);
  });

  it('on a second clip of the same address, returns the first clipping without storing a new one', async () => {
    const tabId = world.openTab(URL_A);
    const first = await world.call('clip.link', { url: LINK, text: 'First', tabId });
    world.clock += DAY;
    const second = await world.call('clip.link', { url: 'https://NEWS.example.org/2026/06/region-down?fbclid=zzz', text: 'Second', tabId });
    expect(second.created).toBe(false);
    expect(second.clipping).toEqual(first.clipping);
    expect(await world.stored()).toHaveLength(1);
    expect(world.confirmations.map((c) => c.created)).toEqual([true, false]);
  });

  it('does not duplicate a page clipped in full before', async () => {
    world.openTab(URL_A);
    const page = await world.clipActiveTab({ summary: 'Read it all.' });
    const link = await world.call('clip.link', { url: `${URL_A}?utm_source=x`, text: 'Link' });
    expect(link).toEqual({ clipping: page.clipping, created: false });
    expect(await world.stored()).toHaveLength(1);
  });

  it('a link clipping opened later as a page is edited, its blanks filled from the page', async () => {
    const link = await world.call('clip.link', { url: URL_A, text: 'From the link' });
    world.openTab(URL_A);
    const prepared = await world.call('clip.prepare', {});
    expect(prepared.existing?.id).toBe(link.clipping.id);
    expect(prepared.form.title).toBe('From the link');
    expect(prepared.form.authors).toEqual(['Ada Lovelace']);
    expect(prepared.form.section).toBe('articles');
    expect(prepared.context.origin).toBe('link');

    const saved = await world.call('clip.save', {
      key: prepared.key,
      form: prepared.form,
      context: prepared.context,
      clippingId: link.clipping.id,
    });
    expect(saved.updated).toBe(true);
    expect(saved.clipping).toMatchObject({ id: link.clipping.id, origin: 'link', authors: ['Ada Lovelace'], section: 'articles' });
    expect(await world.stored()).toHaveLength(1);
  });
});

describe('tabs that cannot be captured', () => {
  it('a browser page still yields a saveable clipping from its address and title, with the notes', async () => {
    world.openTab('chrome://settings/', new Error('never injected'), 'Settings');
    const prepared = await world.call('clip.prepare', {});
    expect(prepared.context.origin).toBe('tab');
    expect(prepared.context.notes[0]).toMatch(/browser’s own pages/);
    expect(prepared.form).toMatchObject({ url: 'chrome://settings/', title: 'Settings', section: 'articles' });

    const saved = await world.clipActiveTab({ summary: 'Noted anyway.' });
    expect(saved.clipping).toMatchObject({ origin: 'tab', url: 'chrome://settings/', title: 'Settings', summary: 'Noted anyway.' });
    expect(saved.clipping.notes).toEqual(prepared.context.notes);
  });

  it('a page whose capture failed keeps the tab title and says why', async () => {
    const url = 'https://example.com/broken-page';
    world.openTab(url, new Error('Frame with ID 0 is showing error page'), 'Broken page');
    const prepared = await world.call('clip.prepare', {});
    expect(prepared.context.origin).toBe('tab');
    expect(prepared.context.notes[0]).toBe(describeCaptureError('Frame with ID 0 is showing error page'));
    expect(prepared.form.title).toBe('Broken page');
    expect(prepared.context.sources).toMatchObject({ url: 'tab', title: 'tab' });

    const saved = await world.clipActiveTab();
    expect(saved.clipping).toMatchObject({ origin: 'tab', url, title: 'Broken page', notes: prepared.context.notes });
    world.openTab(url);
    expect((await world.call('clip.prepare', {})).existing?.id).toBe(saved.clipping.id);
  });

  it('a PDF without a tab title is saved with its address as the title', async () => {
    world.openTab('https://example.com/papers/report.pdf', new Error('unused'), '');
    const saved = await world.clipActiveTab();
    expect(saved.clipping).toMatchObject({ origin: 'tab', title: 'https://example.com/papers/report.pdf' });
    expect(saved.clipping.notes[0]).toMatch(/PDF/);
  });

  it('a tab whose address is hidden gets a draft of its own, and saves once the editor gives an address', async () => {
    const tabId = world.openTab('', new Error('unused'), 'New Tab');
    const prepared = await world.call('clip.prepare', {});
    expect(prepared.key).toBe(`tab:${tabId}`);
    expect(prepared.form.url).toBe('');
    expect(prepared.context.notes.length).toBeGreaterThan(0);

    await world.call('draft.save', { key: prepared.key, form: { ...prepared.form, summary: 'Keep me' }, context: prepared.context });
    expect((await world.call('clip.prepare', {})).form.summary).toBe('Keep me');

    await expect(world.clipActiveTab({ summary: 'Keep me' })).rejects.toMatchObject({ code: 'bad-request' });
    const saved = await world.clipActiveTab({ url: 'https://example.com/pasted', summary: 'Keep me' });
    expect(saved.clipping.url).toBe('https://example.com/pasted');
    expect(await world.drafts.get(prepared.key)).toBeUndefined();
  });
});

describe('clip.get, clip.listRecent, clip.delete', () => {
  it('lists the newest first', async () => {
    for (const [n, path] of ['one', 'two', 'three'].entries()) {
      world.clock = WEDNESDAY + n * MINUTE;
      world.openTab(`https://example.com/${path}`);
      await world.clipActiveTab();
    }
    expect((await world.stored()).map((c) => c.url)).toEqual([
      'https://example.com/three',
      'https://example.com/two',
      'https://example.com/one',
    ]);
    expect((await world.call('clip.listRecent', { limit: 1 })).clippings).toHaveLength(1);
  });

  it('deletes a clipping: it is gone from reads, and the page can be clipped anew', async () => {
    world.openTab(URL_A);
    const saved = await world.clipActiveTab();
    expect(await world.call('clip.delete', { id: saved.clipping.id })).toEqual({ deleted: true });
    expect(await world.call('clip.delete', { id: saved.clipping.id })).toEqual({ deleted: false });
    expect(await world.call('clip.get', { id: saved.clipping.id })).toEqual({ clipping: null });
    expect((await world.call('clip.prepare', {})).existing).toBeUndefined();
    const relinked = await world.call('clip.link', { url: URL_A, text: 'Again' });
    expect(relinked.created).toBe(true);
    expect(relinked.clipping.id).not.toBe(saved.clipping.id);
  });

  it('answers null for an unknown clipping', async () => {
    expect(await world.call('clip.get', { id: 'clipping-9999' })).toEqual({ clipping: null });
  });
});

describe('settings', () => {
  it('saves settings that the next prepare uses', async () => {
    const settings = {
      ...defaultSettings(),
      newsletterName: 'SRE Weekly',
      sections: [
        { id: 'tools', name: 'Tools', style: 'entries' as const },
        { id: 'outages', name: 'Outages', style: 'bullets' as const },
      ],
    };
    expect(await world.call('settings.save', { settings })).toEqual(settings);
    expect(await world.call('settings.get', {})).toEqual(settings);
    world.openTab(URL_A);
    const prepared = await world.call('clip.prepare', {});
    expect(prepared.settings).toEqual(settings);
    expect(prepared.form.section).toBe('tools');
  });
});

describe('clip.fillIn', () => {
  const FEED_URL = 'https://news.example.org/2026/06/postmortem';
  /** An imported clipping as the feed gave it: a title and a summary, no authors, publication or date. */
  async function imported(): Promise<Clipping> {
    const { issue } = await world.call('issue.view', {});
    const clipping: Clipping = {
      ...makeForm({ url: FEED_URL, title: 'Postmortem of the feed', excerpt: 'From the feed.', section: null }),
      id: 'clipping-feed-1',
      urlKey: urlKey(FEED_URL),
      origin: 'feed',
      sources: { url: 'feed', title: 'feed' },
      notes: ['from My reader'],
      createdAt: WEDNESDAY,
      updatedAt: WEDNESDAY,
      issueId: issue.id,
      position: 0,
    };
    await world.clippings.putMany([clipping]);
    return clipping;
  }

  it('fills the empty credits from the page and keeps what the feed and the editor gave; the tab is closed', async () => {
    const clipping = await imported();
    await world.call('clip.update', { id: clipping.id, changes: { siteName: 'Typed by the editor' } });
    world.sites.set(FEED_URL, makeCapture(FEED_URL, { title: { value: 'The page’s own title', source: 'json-ld' } }));
    const result = await world.call('clip.fillIn', { id: clipping.id });
    expect(result.read).toBe('page');
    expect(result.filled).toEqual(['authors', 'publishedTime', 'lang']);
    const stored = (await world.clippings.get(clipping.id))!;
    expect(stored.title).toBe('Postmortem of the feed');
    expect(stored.siteName).toBe('Typed by the editor');
    expect(stored.excerpt).toBe('From the feed.');
    expect(stored.authors).toEqual(['Ada Lovelace']);
    expect(stored.publishedTime).toBe('2026-06-09');
    expect(stored.sources.authors).toBe('json-ld');
    expect(world.openedForFillIn).toHaveLength(1);
    expect(world.closedTabs).toEqual(world.openedForFillIn);
  });

  it('changes nothing when the page cannot be read, says why, and still closes the tab', async () => {
    const clipping = await imported();
    const result = await world.call('clip.fillIn', { id: clipping.id });
    expect(result.read).toBe('tab');
    expect(result.filled).toEqual([]);
    expect(result.note).toBeTruthy();
    expect((await world.clippings.get(clipping.id))!.updatedAt).toBe(WEDNESDAY);
    expect(world.closedTabs).toEqual(world.openedForFillIn);
  });

  it('refuses without host access for the page’s site, before opening any tab', async () => {
    const clipping = await imported();
    world.hostAccess = false;
    await expect(world.call('clip.fillIn', { id: clipping.id })).rejects.toMatchObject({ code: 'no-access' });
    expect(world.openedForFillIn).toEqual([]);
  });
});
