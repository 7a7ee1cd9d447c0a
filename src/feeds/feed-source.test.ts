import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Served, serveFeeds } from '../../test/feeds/feed-server';
import { FeedError } from './feed-error';
import { type FeedHttp } from './feed-http';
import { feedSource } from './feed-source';
import { checkWords, feedErrorWords } from './feed-words';

const NOW = Date.parse('2025-03-12T12:00:00Z');
let served: Served;
beforeAll(async () => {
  served = await serveFeeds();
});
afterAll(() => served.close());

const http = (over: Partial<FeedHttp> = {}): FeedHttp => ({
  fetch: (...args) => fetch(...args),
  timeoutMs: 5000,
  maxBytes: 5 * 1024 * 1024,
  now: () => NOW,
  ...over,
});
const source = (path: string, over: Partial<FeedHttp> = {}) => feedSource({ url: `${served.url}${path}`, http: http(over) });

async function failure(promise: Promise<unknown>): Promise<FeedError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FeedError) return error;
    throw error;
  }
  throw new Error('expected a FeedError');
}

describe('feedSource against a local server', () => {
  it('Test says in words what it found', async () => {
    const report = await source('/feed.xml').check();
    expect(report).toEqual({ kind: 'rss', title: 'Ops & Reliability Weekly', items: 4, newest: '2025-03-11T09:30:00+01:00', skipped: 2 });
    expect(checkWords(report, NOW)).toBe('A feed with 4 items, newest from yesterday. 2 items have no usable link and will be left out.');
  });

  it('polls with ETag and Last-Modified; a 304 returns without parsing and keeps the cursor', async () => {
    const feed = source('/feed.xml');
    const first = await feed.fetchNew({});
    expect(first).toMatchObject({
      notModified: false,
      skipped: 2,
      cursor: { etag: '"v1"', lastModified: 'Tue, 11 Mar 2025 10:00:00 GMT' },
    });
    expect(first.items).toHaveLength(4);
    const second = await feed.fetchNew(first.cursor);
    expect(second).toEqual({ notModified: true, items: [], cursor: first.cursor, skipped: 0 });
    expect(served.requests.filter((r) => r.path === '/feed.xml').at(-1)).toMatchObject({
      ifNoneMatch: '"v1"',
      ifModifiedSince: 'Tue, 11 Mar 2025 10:00:00 GMT',
    });
  });

  it('treats an identical body from a server without validators as unchanged', async () => {
    const feed = source('/plain.xml');
    const first = await feed.fetchNew({});
    expect(first.items).toHaveLength(4);
    expect(first.cursor.bodyHash).toMatch(/^[\da-f]{64}$/);
    expect(await feed.fetchNew(first.cursor)).toMatchObject({ notModified: true, items: [] });
  });

  it('reads gzip, a feed under the wrong Content-Type, and follows a redirect (naming where it led)', async () => {
    expect((await source('/gzip.xml').fetchNew({})).items).toHaveLength(4);
    expect((await source('/plain.xml').check()).items).toBe(4);
    expect(await source('/moved').check()).toMatchObject({ items: 4, finalUrl: `${served.url}/feed.xml` });
  });

  it('stops reading a 50 MB stream at the size cap, and refuses a declared 50 MB body before reading it', async () => {
    const streaming = await failure(source('/stream-50mb').fetchNew({}));
    expect(streaming.data).toEqual({ code: 'too-large', limit: 5 * 1024 * 1024 });
    expect(streaming.message).toBe('The answer is larger than 5 MB, more than a feed should be.');
    // The server was cut off long before 50 MB (what is in flight in socket buffers is all it wrote more).
    await expect.poll(() => served.streamed.closed).toBe(true);
    expect(served.streamed.bytes).toBeLessThan(20 * 1024 * 1024);
    expect((await failure(source('/declared-50mb').fetchNew({}))).data.code).toBe('too-large');
  });

  it('says a redirect loop is one', async () => {
    const error = await failure(source('/loop').check());
    expect(error.data.code).toBe('redirect-loop');
    expect(error.message).toBe('The address redirects in a loop (too many redirects).');
  });

  it('gives up on a server that never answers after the time limit', async () => {
    const error = await failure(source('/never', { timeoutMs: 300 }).fetchNew({}));
    expect(error.data).toEqual({ code: 'timeout', timeoutMs: 300 });
  });

  it('classifies 401, 403, 404, 410, 429, 5xx, with Retry-After kept', async () => {
    const codes: Record<number, string> = {
      401: 'auth',
      403: 'forbidden',
      404: 'not-found',
      410: 'not-found',
      429: 'rate-limited',
      500: 'server',
      502: 'server',
      503: 'server',
    };
    for (const [status, code] of Object.entries(codes)) {
      const error = await failure(source(`/status/${status}`).fetchNew({}));
      expect(error.data).toEqual({ code, status: Number(status) });
      if (status === '503' || status === '429') expect(error.retryAfterMs).toBe(120_000);
    }
    const label = { kind: 'feed', host: '127.0.0.1' } as const;
    expect(feedErrorWords({ code: 'not-found', status: 404 }, label)).toEqual({
      message: 'Nothing was found at this address (HTTP 404).',
      action: 'Check the address.',
    });
    expect(feedErrorWords({ code: 'server', status: 503 }, label).message).toBe(
      'The server at 127.0.0.1 failed (HTTP 503). Trying again later.',
    );
  });

  it('says what is wrong with a web page, an empty answer, broken XML, an image, and a closed port', async () => {
    expect((await failure(source('/page.html').check())).message).toBe(
      `This is a web page, not a feed. The page names its feed: ${served.url}/feed.xml`,
    );
    expect((await failure(source('/empty').check())).data.code).toBe('empty');
    expect((await failure(source('/broken.xml').check())).data).toMatchObject({ code: 'malformed', line: 1 });
    expect((await failure(source('/image.png').check())).message).toBe('This is a file of type image/png, not a feed.');
    const closed = await failure(feedSource({ url: 'http://127.0.0.1:9/feed', http: http() }).check());
    expect(closed.data.code).toBe('offline');
  });
});
