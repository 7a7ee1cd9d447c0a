import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeedError } from './feed-error';
import type { FeedHttp } from './feed-http';
import { feedSource } from './feed-source';
import { checkWords } from './feed-words';
import { itemKey, itemsToFile } from './import-plan';
import { Headlines, LoginContent, StatusContent, ttrssCall } from './ttrss-api';
import { ttrssSource } from './ttrss-source';

/**
 * ttrss-source against a REAL Tiny Tiny RSS started by scripts/ttrss.sh (`npm run test:ttrss` starts it,
 * runs this file and stops it). In the ordinary unit run it is skipped, saying so, unless an instance
 * answers: the launcher's credentials.env is read from TTRSS_STATE_DIR (default /tmp/nc-ttrss-8890).
 */
const stateDir = process.env.TTRSS_STATE_DIR ?? `${process.env.TMPDIR ?? '/tmp'}/nc-ttrss-${process.env.TTRSS_PORT ?? '8890'}`;

function credentials(): Record<string, string> | undefined {
  try {
    const lines = readFileSync(`${stateDir}/credentials.env`, 'utf8').split('\n');
    return Object.fromEntries(
      lines.filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1).replace(/^'|'$/g, '')]),
    );
  } catch {
    return undefined;
  }
}

async function answering(env: Record<string, string> | undefined): Promise<boolean> {
  if (!env?.TTRSS_API_URL) return false;
  try {
    const response = await fetch(env.TTRSS_API_URL, { signal: AbortSignal.timeout(3000) });
    return response.ok;
  } catch {
    return false;
  }
}

const env = credentials();
const running = await answering(env);
if (!running && process.env.TTRSS_REQUIRED)
  throw new Error(`Tiny Tiny RSS does not answer (state dir ${stateDir}): see scripts/ttrss.sh's output.`);
if (!running)
  console.warn(
    `[ttrss] Tiny Tiny RSS is not running (no answer from ${stateDir}/credentials.env's TTRSS_API_URL): skipping its tests. Run \`npm run test:ttrss\`.`,
  );

const http: FeedHttp = { fetch: (...args) => fetch(...args), timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024, now: () => Date.now() };
const E = env ?? {};
const feedsBase = (E.FEED_RSS_URL ?? '').replace(/rss\.xml$/, '');
const link = (name: string) => `${feedsBase}posts/${name}.html`;

/** Sets exactly these articles (by link) starred, through the API, as the editor would in the reader. */
async function starOnly(links: string[]): Promise<void> {
  const api = E.TTRSS_API_URL!;
  const { session_id: sid } = await ttrssCall(http, api, { op: 'login', user: E.TTRSS_USER, password: E.TTRSS_PASSWORD }, LoginContent);
  const all = await ttrssCall(http, api, { op: 'getHeadlines', sid, feed_id: -4, limit: 200, view_mode: 'all_articles' }, Headlines);
  const ids = (wanted: boolean) =>
    all
      .filter((h) => links.includes(h.link ?? '') === wanted)
      .map((h) => h.id)
      .join(',');
  if (ids(false)) await ttrssCall(http, api, { op: 'updateArticle', sid, article_ids: ids(false), field: 0, mode: 0 }, StatusContent);
  if (ids(true)) await ttrssCall(http, api, { op: 'updateArticle', sid, article_ids: ids(true), field: 0, mode: 1 }, StatusContent);
  await ttrssCall(http, api, { op: 'logout', sid }, StatusContent);
}

describe.skipIf(!running)('ttrssSource against a real Tiny Tiny RSS', () => {
  const source = (over: { password?: string; unstarAfterFiling?: boolean; url?: string } = {}) =>
    ttrssSource({
      url: over.url ?? E.TTRSS_URL!,
      user: E.TTRSS_USER!,
      password: over.password ?? E.TTRSS_PASSWORD!,
      unstarAfterFiling: over.unstarAfterFiling ?? false,
      http,
    });

  it('Test logs in and says what it found', async () => {
    await starOnly([link('rss-1'), link('atom-2')]);
    const report = await source().check();
    expect(report).toMatchObject({ kind: 'ttrss', items: 2, skipped: 0 });
    expect(report.title).toMatch(/^Tiny Tiny RSS /);
    expect(checkWords(report, Date.now())).toBe('Tiny Tiny RSS answered: 2 starred items, newest from today.');
  });

  it('fetches exactly the starred articles with their credits, and the note as the editor’s summary', async () => {
    await starOnly([link('rss-1'), link('atom-2')]);
    const result = await source().fetchNew({});
    const byLink = Object.fromEntries(result.items.map((item) => [item.link, item]));
    expect(Object.keys(byLink).sort()).toEqual([link('atom-2'), link('rss-1')]);
    expect(byLink[link('rss-1')]).toMatchObject({
      title: 'RSS article 1',
      authors: ['Alice Author 1'],
      publication: 'Local RSS test feed',
      note: 'A note on the starred RSS article 1',
      summary: 'Description of RSS article 1, with a link.',
    });
    expect(byLink[link('rss-1')]!.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(byLink[link('atom-2')]).toMatchObject({
      title: 'Café & crème: ATOM article 2',
      authors: ['Bob Writer 2'],
      publication: 'Local Atom test feed',
    });
    expect(byLink[link('atom-2')]!.note).toBeUndefined();
    expect(result.items.every((item) => /^\d+$/.test(item.readerId ?? ''))).toBe(true);
  });

  it('a third article starred later arrives on the next poll, and only it is new', async () => {
    await starOnly([link('rss-1'), link('atom-2')]);
    const filed = new Set((await source().fetchNew({})).items.map(itemKey));
    await starOnly([link('rss-1'), link('atom-2'), link('rss-3')]);
    const next = await source().fetchNew({});
    expect(itemsToFile(next.items, (key) => filed.has(key)).map((item) => item.link)).toEqual([link('rss-3')]);
  });

  it('un-stars what was filed when asked to, and leaves the rest starred', async () => {
    await starOnly([link('rss-1'), link('atom-2'), link('rss-3')]);
    const all = (await source().fetchNew({})).items;
    const filed = all.filter((item) => item.link !== link('rss-3'));
    await source({ unstarAfterFiling: false }).afterFiled!(filed);
    expect((await source().fetchNew({})).items).toHaveLength(3);
    await source({ unstarAfterFiling: true }).afterFiled!(filed);
    expect((await source().fetchNew({})).items.map((item) => item.link)).toEqual([link('rss-3')]);
    await starOnly([link('rss-1'), link('atom-2')]);
  });

  it('the reader’s public starred feed gives the same two articles through the feed source', async () => {
    await starOnly([link('rss-1'), link('atom-2')]);
    const feed = feedSource({ url: E.TTRSS_STARRED_FEED_URL!, http });
    expect(await feed.check()).toMatchObject({ kind: 'atom', items: 2 });
    const result = await feed.fetchNew({});
    expect(result.items.map((item) => item.link).sort()).toEqual([link('atom-2'), link('rss-1')]);
    expect(result.items.find((item) => item.link === link('rss-1'))).toMatchObject({ authors: ['Alice Author 1'], title: 'RSS article 1' });
  });

  it('says in words when the password is wrong, and when the address has no API', async () => {
    const refused = await source({ password: 'wrong' })
      .check()
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FeedError);
    expect((refused as FeedError).data).toEqual({ code: 'auth', said: 'LOGIN_ERROR' });
    const none = await source({ url: feedsBase })
      .check()
      .catch((error: unknown) => error);
    expect((none as FeedError).data).toMatchObject({ code: 'no-api', status: 404 });
    expect((none as FeedError).message).toBe('No Tiny Tiny RSS API answered at this address (HTTP 404).');
  });
});
