import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Fault, type FaultProxy, seededRandom, startFaultProxy } from './fault-proxy';

// A target that counts what reaches it and answers JSON, so each test can tell whether a faulted
// request was acted on ("before" faults: never; "after" faults: yes).
let target: Server;
let targetOrigin: string;
let received: { method: string; url: string; body: string }[] = [];

const Answer = z.object({ ok: z.literal(true), n: z.number(), method: z.string(), url: z.string(), body: z.string() });

beforeAll(async () => {
  target = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      received.push({ method: request.method ?? '', url: request.url ?? '', body });
      const answer = JSON.stringify({
        ok: true,
        n: received.length,
        method: request.method,
        url: request.url,
        body,
        padding: 'x'.repeat(400),
      });
      response.writeHead(200, { 'content-type': 'application/json', 'x-target': 'yes' }).end(answer);
    });
  });
  await new Promise<void>((done) => target.listen(0, '127.0.0.1', done));
  targetOrigin = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => target.close(() => done())));

let proxy: FaultProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
  received = [];
});

async function start(options: Partial<Parameters<typeof startFaultProxy>[0]> = {}): Promise<FaultProxy> {
  proxy = await startFaultProxy({ target: targetOrigin, stallMs: 3_000, ...options });
  return proxy;
}

/** fetch with a bound, as every client in these tests must have. */
function get(url: string, init: RequestInit = {}, timeoutMs = 3_000): Promise<Response> {
  return fetch(url, { ...init, signal: init.signal ?? AbortSignal.timeout(timeoutMs) });
}

/** The error code at the bottom of a fetch failure (undici wraps it in `cause`). */
function rootCode(error: unknown): string {
  let current: unknown = error;
  for (let i = 0; i < 5 && current && typeof current === 'object'; i++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return String(error);
}

describe('fault proxy: each fault as a real fetch client sees it', () => {
  it('pass: forwards method, path, query and body, and relays the answer', async () => {
    const p = await start();
    const response = await get(p.url('/items/1?x=2'), { method: 'PUT', body: 'hello', headers: { 'content-type': 'text/plain' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-target')).toBe('yes');
    expect(Answer.parse(await response.json())).toMatchObject({ method: 'PUT', url: '/items/1?x=2', body: 'hello' });
    expect(p.log[0]).toMatchObject({
      method: 'PUT',
      route: '/items/1',
      fault: 'pass',
      reachedTarget: true,
      targetStatus: 200,
      clientStatus: 200,
    });
  });

  it('redirect: answers 301 to the same path and query at another origin; the target is not reached through the proxy', async () => {
    const p = await start();
    p.setDefault({ kind: 'redirect', to: 'https://moved.example' });
    const response = await get(p.url('/wp/?rest_route=/x'), { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('https://moved.example/wp/?rest_route=/x');
    expect(received).toEqual([]);
    expect(p.log[0]).toMatchObject({ fault: 'redirect', reachedTarget: false, clientStatus: 301 });
  });

  it('reset: a TCP reset before the target sees the request', async () => {
    const p = await start();
    p.enqueue('reset');
    const error = await get(p.url('/a'), { method: 'POST', body: '{}' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(rootCode(error)).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
    expect(received).toHaveLength(0);
    expect(p.log[0]).toMatchObject({ fault: 'reset', reachedTarget: false });
  });

  it('reset after: the target acts on the request, the client still sees a reset (the lost response)', async () => {
    const p = await start();
    p.enqueue({ kind: 'reset', after: true });
    await expect(get(p.url('/a'), { method: 'POST', body: 'once' })).rejects.toThrow(TypeError);
    expect(received).toEqual([{ method: 'POST', url: '/a', body: 'once' }]);
    expect(p.log[0]).toMatchObject({ fault: 'reset-after', reachedTarget: true, targetStatus: 200 });
  });

  it('500, 503 and 429 answer the status; 429 and 503 carry Retry-After; the target is not reached', async () => {
    const p = await start({ retryAfterSeconds: 2 });
    p.enqueue('500', '503', '429', { kind: 'status', status: 429, retryAfter: 'Wed, 21 Oct 2037 07:28:00 GMT' });
    const answers = [];
    for (let i = 0; i < 4; i++) {
      const response = await get(p.url(`/s/${i}`));
      answers.push([response.status, response.headers.get('retry-after'), await response.text()]);
    }
    expect(answers).toEqual([
      [500, null, 'fault proxy: injected 500'],
      [503, '2', 'fault proxy: injected 503'],
      [429, '2', 'fault proxy: injected 429'],
      [429, 'Wed, 21 Oct 2037 07:28:00 GMT', 'fault proxy: injected 429'],
    ]);
    expect(received).toHaveLength(0);
  });

  it('stall: holds the request past the client timeout; the client aborts on time', async () => {
    const p = await start({ stallMs: 5_000 });
    p.enqueue('stall');
    const started = Date.now();
    const error = await get(p.url('/slow'), {}, 300).then(
      () => undefined,
      (e: unknown) => e,
    );
    const elapsed = Date.now() - started;
    expect((error as Error).name).toBe('TimeoutError');
    expect(elapsed).toBeGreaterThanOrEqual(280);
    expect(elapsed).toBeLessThan(2_000);
    expect(received).toHaveLength(0);
    expect(p.log[0]).toMatchObject({ fault: 'stall', reachedTarget: false });
  });

  it('stall: ends with a reset after its time when the client has no timeout of its own', async () => {
    const p = await start();
    p.enqueue({ kind: 'stall', ms: 200 });
    const started = Date.now();
    await expect(get(p.url('/slow'), {}, 5_000)).rejects.toThrow(TypeError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('truncate: the real status and headers, then half the body and a reset', async () => {
    const p = await start();
    p.enqueue('truncate');
    const response = await get(p.url('/t'), { method: 'POST', body: 'applied' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    await expect(response.text()).rejects.toThrow();
    expect(received).toHaveLength(1);
    expect(p.log[0]).toMatchObject({ fault: 'truncate', reachedTarget: true, clientStatus: 200 });
  });

  it('non-json: a 200 HTML page where JSON was expected', async () => {
    const p = await start();
    p.enqueue('non-json');
    const response = await get(p.url('/j'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it('garbage-json: valid JSON that the schema at the edge rejects', async () => {
    const p = await start();
    p.enqueue('garbage-json');
    const response = await get(p.url('/j'));
    expect(response.status).toBe(200);
    const body: unknown = await response.json();
    expect(Answer.safeParse(body).success).toBe(false);
    expect(received).toHaveLength(1);
  });

  it('before/after can be chosen for status, non-json and garbage-json', async () => {
    const p = await start();
    p.enqueue({ kind: 'status', status: 500, after: true }, { kind: 'garbage-json', after: false });
    expect((await get(p.url('/x'), { method: 'POST' })).status).toBe(500);
    expect((await get(p.url('/y'), { method: 'POST' })).status).toBe(200);
    expect(received.map((r) => r.url)).toEqual(['/x']);
    expect(p.log.map((e) => e.fault)).toEqual(['500-after', 'garbage-json-before']);
  });
});

describe('fault proxy: plans', () => {
  it('a scripted queue applies to the next requests in order, then everything passes', async () => {
    const p = await start();
    p.enqueue('reset', '500', 'pass');
    expect(p.pending()).toBe(3);
    const outcomes: (number | string)[] = [];
    for (let i = 0; i < 4; i++) {
      outcomes.push(
        await get(p.url('/q')).then(
          (r) => r.status,
          () => 'error',
        ),
      );
    }
    expect(outcomes).toEqual(['error', 500, 200, 200]);
    expect(p.pending()).toBe(0);
    expect(p.log.map((e) => [e.fault, e.source])).toEqual([
      ['reset', 'queue'],
      ['500', 'queue'],
      ['pass', 'queue'],
      ['pass', 'default'],
    ]);
  });

  it('enqueueFor faults only the matching requests; others pass the queue by', async () => {
    const p = await start();
    p.enqueueFor({ method: 'PUT', route: /^\/drafts\// }, '503');
    expect((await get(p.url('/drafts/a'))).status).toBe(200);
    expect((await get(p.url('/other'), { method: 'PUT' })).status).toBe(200);
    expect((await get(p.url('/drafts/a'), { method: 'PUT' })).status).toBe(503);
    expect((await get(p.url('/drafts/a'), { method: 'PUT' })).status).toBe(200);
  });

  it('routes of WordPress without pretty permalinks are read from ?rest_route=', async () => {
    const p = await start();
    p.enqueueFor({ method: 'POST', route: '/wp/v2/posts' }, '500');
    expect((await get(p.url('/?rest_route=/wp/v2/posts'), { method: 'POST' })).status).toBe(500);
    await get(p.url('/?rest_route=/wp/v2/posts/7&context=edit'));
    await get(p.url('/?rest_route=/wp/v2/posts/7&context=edit'));
    expect(p.counts()).toEqual({ 'POST /wp/v2/posts': 1, 'GET /wp/v2/posts/7': 2 });
    expect(p.count('get', /^\/wp\/v2\/posts/)).toBe(2);
    expect(p.targetCounts()).toEqual({ 'GET /wp/v2/posts/7': 2 });
  });

  it('setDefault plays "the site is down" until clearFaults', async () => {
    const p = await start();
    p.setDefault('reset');
    for (let i = 0; i < 3; i++) await expect(get(p.url('/down'))).rejects.toThrow(TypeError);
    p.clearFaults();
    expect((await get(p.url('/down'))).status).toBe(200);
    expect(received).toHaveLength(1);
  });

  it('seeded randomness: the same seed gives the same faults, another seed others, at about the rate', async () => {
    const fast: Fault[] = ['reset', '500', '503', '429', 'truncate', 'non-json', 'garbage-json'];
    const run = async (seed: number) => {
      const p = await startFaultProxy({ target: targetOrigin });
      try {
        p.random({ seed, rate: 0.3, faults: fast });
        for (let i = 0; i < 100; i++) {
          const response = await get(p.url(`/r/${i}`)).catch(() => undefined);
          await response?.arrayBuffer().catch(() => undefined);
        }
        return p.log.map((e) => e.fault);
      } finally {
        await p.close();
      }
    };
    const first = await run(42);
    const again = await run(42);
    const other = await run(7);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    const faulted = first.filter((f) => f !== 'pass').length / first.length;
    expect(faulted).toBeGreaterThan(0.18);
    expect(faulted).toBeLessThan(0.42);
    expect(new Set(first.filter((f) => f !== 'pass')).size).toBeGreaterThanOrEqual(5);
  });

  it('seededRandom is a pure function of its seed', () => {
    const a = seededRandom(123);
    const b = seededRandom(123);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('fault proxy: bounds', () => {
  it('answers 503 past maxRequests and says so', async () => {
    const p = await start({ maxRequests: 3 });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await get(p.url('/b'))).status);
    expect(statuses).toEqual([200, 200, 200, 503, 503]);
    expect(p.overLimit).toBe(true);
    expect(received).toHaveLength(3);
  });

  it('close() ends stalled requests and timers at once', async () => {
    const p = await start({ stallMs: 30_000 });
    p.enqueue('stall', 'stall');
    const pending = [get(p.url('/s1'), {}, 10_000), get(p.url('/s2'), {}, 10_000)].map((r) =>
      r.then(
        () => 'answered',
        () => 'failed',
      ),
    );
    while (p.log.length < 2) await new Promise((wait) => setTimeout(wait, 10));
    const started = Date.now();
    await p.close();
    proxy = undefined;
    expect(await Promise.all(pending)).toEqual(['failed', 'failed']);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('caps a stall at maxStallMs', async () => {
    const p = await start({ maxStallMs: 150 });
    p.enqueue({ kind: 'stall', ms: 60_000 });
    const started = Date.now();
    await expect(get(p.url('/s'), {}, 5_000)).rejects.toThrow(TypeError);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a target that is down gives 502, not a hang', async () => {
    const down = createServer();
    await new Promise<void>((done) => down.listen(0, '127.0.0.1', done));
    const port = (down.address() as AddressInfo).port;
    await new Promise<void>((done) => down.close(() => done()));
    proxy = await startFaultProxy({ target: `http://127.0.0.1:${port}` });
    const response = await get(proxy.url('/x'));
    expect(response.status).toBe(502);
    expect(response.headers.get('x-fault-proxy')).toBe('upstream-error');
  });

  it('refuses targets off the loopback', async () => {
    await expect(startFaultProxy({ target: 'http://192.0.2.1:80' })).rejects.toThrow(/loopback/);
  });
});
