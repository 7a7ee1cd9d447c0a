import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINK_SERVER_CERT, type LinkServer, closedPort, startLinkServer } from '../../../e2e/servers/link-server';
import { type LinkCheckDeps, type LinkCheckLimits, DEFAULT_LINK_LIMITS, checkLink, timerSleep } from './check-link';

/**
 * The link check against a real local site of faults (e2e/servers/link-server.ts) with Node's real
 * fetch: every class of issue 12's list, on 127.0.0.1 only.
 */

let server: LinkServer;
beforeAll(async () => {
  server = await startLinkServer();
});
afterAll(async () => {
  await server.close();
});

const sleeps: number[] = [];
const deps: LinkCheckDeps = {
  fetch: (url, init) => fetch(url, init),
  sleep: (ms, signal) => {
    sleeps.push(ms);
    return timerSleep(ms, signal);
  },
  now: () => Date.now(),
};
/** Node's fetch (undici) trusting the site's self-signed certificate: the https side works. */
const trusting = new Agent({ connect: { ca: LINK_SERVER_CERT } });
const trustingDeps: LinkCheckDeps = {
  ...deps,
  fetch: (url, init) => undiciFetch(url, { ...(init as object), dispatcher: trusting }) as unknown as Promise<Response>,
};
const limits: LinkCheckLimits = { ...DEFAULT_LINK_LIMITS, timeoutMs: 800, retryDelayMs: 50, maxRetryAfterMs: 2_000 };
const check = (path: string, using = deps, l = limits) => checkLink(`${server.origin}${path}`, using, l, new AbortController().signal);

describe('checkLink against local servers', () => {
  it('calls a page that answers 200 fine', async () => {
    expect(await check('/ok/story')).toMatchObject({ kind: 'fine', status: 200 });
  });

  it('follows a chain of 301s hop by hop and offers the final address, tracking parameters stripped', async () => {
    const verdict = await check('/moved/3/story');
    expect(verdict).toEqual({ kind: 'moved', url: `${server.origin}/moved/3/story`, to: `${server.origin}/ok/story`, permanent: true });
    expect(server.hits.filter((hit) => hit.includes('/moved/')).length).toBeGreaterThanOrEqual(4);
  });

  it('treats 308 as permanent and a 302 as temporary (the link stays)', async () => {
    expect(await check('/perm308/x')).toMatchObject({ kind: 'moved', to: `${server.origin}/ok/x` });
    expect(await check('/temp/x')).toMatchObject({ kind: 'fine' });
  });

  it('detects a redirect loop and calls it broken', async () => {
    expect(await check('/loop/a')).toMatchObject({ kind: 'broken', reason: 'loop' });
  });

  it('bounds the number of redirects', async () => {
    expect(await check('/moved/5/x', deps, { ...limits, maxRedirects: 3 })).toMatchObject({ kind: 'broken', reason: 'too-many-redirects' });
  });

  it('calls 404 and 410 broken', async () => {
    expect(await check('/missing/x')).toMatchObject({ kind: 'broken', reason: 'not-found', status: 404 });
    expect(await check('/gone/x')).toMatchObject({ kind: 'broken', reason: 'gone', status: 410 });
  });

  it('never calls 401, 403 or a bot wall broken', async () => {
    expect(await check('/login/x')).toMatchObject({ kind: 'unverified', reason: 'login', status: 401 });
    expect(await check('/forbidden/x')).toMatchObject({ kind: 'unverified', reason: 'forbidden', status: 403 });
    expect(await check('/bot/x')).toMatchObject({ kind: 'unverified', reason: 'bot-wall' });
    expect(await check('/captcha/x')).toMatchObject({ kind: 'unverified', reason: 'bot-wall' });
  });

  it('falls back to GET when HEAD is refused (405, 501, 403)', async () => {
    for (const path of ['/no-head/x', '/head-501/x', '/head-403/x']) {
      expect(await check(path), path).toMatchObject({ kind: 'fine', status: 200 });
      expect(server.hits).toContain(`GET http ${path}`);
    }
  });

  it('honours Retry-After on a 429 and then checks the page', async () => {
    sleeps.length = 0;
    expect(await check('/rate/once?after=1')).toMatchObject({ kind: 'fine' });
    expect(sleeps).toContain(1000);
  });

  it('does not wait for a Retry-After past its bound: the link is unverified, not broken', async () => {
    sleeps.length = 0;
    expect(await check('/rate-long/x')).toMatchObject({ kind: 'unverified', reason: 'rate-limited', status: 429 });
    expect(sleeps.some((ms) => ms > limits.maxRetryAfterMs)).toBe(false);
  });

  it('calls a connection cut on every try broken (reset), after retrying', async () => {
    const before = server.hits.filter((hit) => hit.includes('/reset/')).length;
    expect(await check('/reset/x')).toMatchObject({ kind: 'broken', reason: 'reset' });
    expect(server.hits.filter((hit) => hit.includes('/reset/')).length - before).toBe(1 + limits.retries);
  });

  it('calls a stall past the timeout broken after the retries', async () => {
    expect(await check('/stall/x')).toMatchObject({ kind: 'broken', reason: 'timeout' });
  });

  it('calls a refused connection broken', async () => {
    const port = await closedPort();
    expect(await checkLink(`http://127.0.0.1:${port}/x`, deps, limits, new AbortController().signal)).toMatchObject({
      kind: 'broken',
      reason: 'refused',
    });
  });

  it('calls a TLS failure (an untrusted self-signed certificate) broken', async () => {
    expect(await checkLink(`${server.httpsOrigin}/ok/x`, deps, limits, new AbortController().signal)).toMatchObject({
      kind: 'broken',
      reason: 'tls',
    });
  });

  it('calls a 200 "not found" page, or a redirect to the home page, a soft 404', async () => {
    expect(await check('/soft/x')).toMatchObject({ kind: 'soft-404' });
    expect(await check('/home/old-story')).toMatchObject({ kind: 'soft-404', finalUrl: `${server.origin}/` });
  });

  it('calls a server error unverified after a retry', async () => {
    expect(await check('/error/x')).toMatchObject({ kind: 'unverified', reason: 'server-error', status: 500 });
  });

  it('offers https:// for an http:// link whose https:// form works, and not when it does not', async () => {
    expect(await check('/ok/secure', trustingDeps)).toMatchObject({ kind: 'fine', httpsUrl: `${server.httpsOrigin}/ok/secure` });
    expect(await check('/http-only/x', trustingDeps)).toEqual({ kind: 'fine', url: `${server.origin}/http-only/x`, status: 200 });
  });

  it('sends no cookies or credentials and asks without a referrer', async () => {
    const seen: RequestInit[] = [];
    await check('/ok/y', { ...deps, fetch: (url, init) => (seen.push(init), fetch(url, init)) });
    expect(seen.every((init) => init.credentials === 'omit' && init.referrerPolicy === 'no-referrer')).toBe(true);
  });

  it('stops at once when cancelled', async () => {
    const controller = new AbortController();
    const pending = checkLink(`${server.origin}/stall/cancel`, deps, { ...limits, timeoutMs: 10_000 }, controller.signal);
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toThrow(/cancelled/);
  });
});
