import { listenOnLoopback } from './loopback';
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';

/**
 * A fault-injecting HTTP proxy on 127.0.0.1 in front of one target origin (WordPress, the generic
 * reference server). Each request gets a fault from, in order: the scripted queue (the first queued
 * fault whose `match` fits), the seeded random plan, then the default (normally `pass`).
 *
 * Faults, and whether the target sees the request ("before": it never does; "after": the target
 * handles it, its answer is then spoiled: the lost-response case that idempotency is for):
 *
 * | fault                      | the client sees                                                  | default |
 * |----------------------------|------------------------------------------------------------------|---------|
 * | `pass`                     | the target's answer                                              |         |
 * | `reset`                    | a TCP reset, no answer (fetch: "fetch failed", ECONNRESET)        | before  |
 * | `500` `503` `429` / status | that status; 429 and 503 carry `Retry-After` (default 1 s)        | before  |
 * | `stall`                    | nothing for `stallMs`, then a reset (a client timeout fires first) | before  |
 * | `truncate`                 | the target's status and headers, half the body, then a reset      | after   |
 * | `non-json`                 | 200 with an HTML page (a captive portal, a proxy error page)      | after   |
 * | `garbage-json`             | 200 with valid JSON of the wrong shape                             | after   |
 *
 * Bounded: at most `maxRequests` requests are served (later ones get 503 and `overLimit` turns true),
 * bodies are capped, a stall is capped at `maxStallMs`, the target gets `upstreamTimeoutMs`, and
 * close() ends every connection and timer. Responses carry `Connection: close` unless `keepAlive`:
 * a browser silently re-sends a request whose *reused* connection was reset, which would hide the
 * fault from the code under test.
 */

export type FaultName = 'pass' | 'reset' | '500' | '503' | '429' | 'stall' | 'truncate' | 'non-json' | 'garbage-json';

export type FaultSpec =
  | { kind: 'pass' }
  | { kind: 'reset'; after?: boolean }
  | { kind: 'status'; status: number; retryAfter?: number | string; body?: string; after?: boolean }
  | { kind: 'stall'; ms?: number; after?: boolean }
  | { kind: 'truncate' }
  | { kind: 'non-json'; status?: number; after?: boolean }
  | { kind: 'garbage-json'; status?: number; after?: boolean }
  /** Answers with a redirect to the same path and query at `to` (an origin, e.g. a site that moved to https). */
  | { kind: 'redirect'; to: string; status?: 301 | 302 | 307 | 308 };

export type Fault = FaultName | FaultSpec;

/** Which requests a fault may apply to. `route` is the path, or the `rest_route` query parameter when present (WordPress without pretty permalinks). */
export interface RequestMatch {
  method?: string;
  route?: string | RegExp;
}

export interface RandomPlan {
  /** Same seed and same sequence of requests → same faults. */
  seed: number;
  /** Chance in [0, 1] that a request is faulted. */
  rate: number;
  /** Drawn from evenly (default: every kind but `pass`). */
  faults?: Fault[];
  match?: RequestMatch;
}

export interface ProxyLogEntry {
  seq: number;
  method: string;
  /** The URL's path. */
  path: string;
  /** See RequestMatch.route. */
  route: string;
  /** The request URL (path and query). */
  url: string;
  /** The fault applied, as a label: `pass`, `reset`, `reset-after`, `500`, `429`, `stall`, `truncate`, ... */
  fault: string;
  /** Where it came from. */
  source: 'queue' | 'random' | 'default' | 'over-limit';
  /** Whether the target received the request (and so may have acted on it). */
  reachedTarget: boolean;
  /** The target's status, when it answered. */
  targetStatus?: number;
  /** The status the client was sent (none for a reset or a stall). */
  clientStatus?: number;
  startedAt: number;
  ms?: number;
  error?: string;
}

export interface FaultProxyOptions {
  /** The origin to forward to, e.g. http://127.0.0.1:8889 (loopback only). */
  target: string;
  port?: number;
  /** How long `stall` holds a request (default 20 s); set it past the client's timeout. */
  stallMs?: number;
  /** Upper bound for any stall (default 60 s). */
  maxStallMs?: number;
  /** Retry-After seconds sent with `429` and `503` (default 1). */
  retryAfterSeconds?: number;
  /** Requests served before the proxy answers 503 to everything (default 10,000). */
  maxRequests?: number;
  /** Largest request or response body forwarded (default 16 MB). */
  maxBodyBytes?: number;
  /** Time the target gets to answer (default 30 s); then 504. */
  upstreamTimeoutMs?: number;
  /** Let clients reuse connections (default false: see above). */
  keepAlive?: boolean;
  /** Forward the client's Host header instead of the target's (default false). */
  preserveHost?: boolean;
}

export interface FaultProxy {
  /** e.g. http://127.0.0.1:41235: point the client here instead of at the target. */
  origin: string;
  url(path: string): string;
  /** Queues faults for the next matching requests, in order: `enqueue('reset', '500', 'pass')`. */
  enqueue(...faults: Fault[]): void;
  /** Queues faults that apply only to requests matching `match` (others pass them by). */
  enqueueFor(match: RequestMatch, ...faults: Fault[]): void;
  /** Queued faults not yet used. */
  pending(): number;
  /** Faults a share of the requests, drawn from a seeded PRNG; `null` stops it. */
  random(plan: RandomPlan | null): void;
  /** The fault for requests that neither the queue nor the random plan fault (default `pass`), e.g. `reset` for "the site is down". */
  setDefault(fault: Fault): void;
  /** Clears the queue, the random plan and the default. */
  clearFaults(): void;
  /** Every request, in arrival order (a live array; do not modify). */
  readonly log: readonly ProxyLogEntry[];
  /** Requests received, by `METHOD route` (e.g. `PUT /api/v1/drafts/a1`). */
  counts(): Record<string, number>;
  /** Requests received for a method and route (a RegExp counts every route it matches). */
  count(method: string, route: string | RegExp): number;
  /** Requests that reached the target, by `METHOD route`. */
  targetCounts(): Record<string, number>;
  /** Empties the log and the counts (faults stay). */
  clearLog(): void;
  /** True once a request past `maxRequests` came in. */
  readonly overLimit: boolean;
  close(): Promise<void>;
}

/** mulberry32: a tiny, fast, well-distributed PRNG; the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every fault kind, once: the default pool for random plans. */
export const ALL_FAULTS: readonly FaultName[] = ['reset', '500', '503', '429', 'stall', 'truncate', 'non-json', 'garbage-json'];

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Valid JSON that fits no schema the extension expects: the edge validation must reject it. */
const GARBAGE_JSON = JSON.stringify({ garbage: true, id: 'not-a-number', content: 42, revision: null, items: [null, {}, [1, 'two']] });
const HTML_PAGE =
  '<!doctype html>\n<html><head><title>Service temporarily unavailable</title></head>\n<body><h1>Please wait</h1><p>This page is not JSON.</p></body></html>\n';

function normalize(fault: Fault): FaultSpec {
  if (typeof fault !== 'string') return fault;
  switch (fault) {
    case 'pass':
    case 'reset':
    case 'stall':
    case 'truncate':
    case 'non-json':
    case 'garbage-json':
      return { kind: fault };
    case '500':
    case '503':
    case '429':
      return { kind: 'status', status: Number(fault) };
  }
}

function isAfter(spec: FaultSpec): boolean {
  switch (spec.kind) {
    case 'pass':
    case 'truncate':
      return true;
    case 'redirect':
      return false;
    case 'non-json':
    case 'garbage-json':
      return spec.after ?? true;
    default:
      return spec.after ?? false;
  }
}

function label(spec: FaultSpec): string {
  const base = spec.kind === 'status' ? String(spec.status) : spec.kind;
  if (spec.kind === 'pass' || spec.kind === 'truncate' || spec.kind === 'redirect') return base;
  const defaultAfter = spec.kind === 'non-json' || spec.kind === 'garbage-json';
  const after = isAfter(spec);
  return after === defaultAfter ? base : `${base}-${after ? 'after' : 'before'}`;
}

function routeOf(url: URL): string {
  return url.searchParams.get('rest_route') ?? url.pathname;
}

function matches(match: RequestMatch | undefined, method: string, route: string): boolean {
  if (!match) return true;
  if (match.method && match.method.toUpperCase() !== method) return false;
  if (match.route === undefined) return true;
  return typeof match.route === 'string' ? match.route === route : match.route.test(route);
}

/** Starts a fault proxy on 127.0.0.1 in front of `options.target`. */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  if (target.protocol !== 'http:') throw new Error('the fault proxy forwards to http:// targets only');
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname))
    throw new Error(`the fault proxy forwards to loopback only, not ${target.hostname}`);
  const maxStallMs = options.maxStallMs ?? 60_000;
  const stallMs = Math.min(options.stallMs ?? 20_000, maxStallMs);
  const retryAfter = options.retryAfterSeconds ?? 1;
  const maxRequests = options.maxRequests ?? 10_000;
  const maxBody = options.maxBodyBytes ?? 16 * 1024 * 1024;
  const upstreamTimeoutMs = options.upstreamTimeoutMs ?? 30_000;
  const keepAlive = options.keepAlive ?? false;

  const queue: { fault: FaultSpec; match?: RequestMatch }[] = [];
  let randomPlan: { plan: RandomPlan; next: () => number; pool: FaultSpec[] } | null = null;
  let defaultFault: FaultSpec = { kind: 'pass' };
  const log: ProxyLogEntry[] = [];
  let seq = 0;
  let overLimit = false;
  const timers = new Set<NodeJS.Timeout>();
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });
  let closed = false;

  function choose(method: string, route: string): { spec: FaultSpec; source: ProxyLogEntry['source'] } {
    const index = queue.findIndex((item) => matches(item.match, method, route));
    if (index >= 0) return { spec: queue.splice(index, 1)[0]!.fault, source: 'queue' };
    if (randomPlan && matches(randomPlan.plan.match, method, route)) {
      // Two draws for every matching request, faulted or not, so the sequence depends only on the seed and the request order.
      const roll = randomPlan.next();
      const pick = randomPlan.next();
      if (roll < randomPlan.plan.rate) return { spec: randomPlan.pool[Math.floor(pick * randomPlan.pool.length)]!, source: 'random' };
    }
    return { spec: defaultFault, source: 'default' };
  }

  function later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  }

  function reset(response: ServerResponse, entry: ProxyLogEntry): void {
    entry.ms ??= Date.now() - entry.startedAt;
    const socket = response.socket;
    if (!socket) return;
    // A real RST (not a polite FIN), as a crashed or overloaded server or a middlebox sends.
    if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
    else socket.destroy();
  }

  function stall(response: ServerResponse, ms: number | undefined, entry: ProxyLogEntry): void {
    const wait = Math.min(ms ?? stallMs, maxStallMs);
    // Logged when the client gives up (its timeout) or when the stall ends, whichever is first.
    response.socket?.once('close', () => {
      entry.ms ??= Date.now() - entry.startedAt;
    });
    later(wait, () => reset(response, entry));
  }

  async function readAll(stream: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > maxBody) throw new Error(`body over ${maxBody} bytes`);
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }

  function forward(request: IncomingMessage, body: Buffer): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (value === undefined || HOP_BY_HOP.has(name)) continue;
      headers[name] = value;
    }
    if (!options.preserveHost) headers.host = target.host;
    headers['content-length'] = String(body.length);
    return new Promise((resolve, reject) => {
      const upstream = httpRequest(
        {
          protocol: target.protocol,
          hostname: target.hostname.replace(/^\[|\]$/g, ''),
          port: target.port,
          method: request.method,
          path: request.url,
          headers,
          agent,
        },
        (answer) => {
          readAll(answer).then((data) => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: data }), reject);
        },
      );
      upstream.setTimeout(upstreamTimeoutMs, () => upstream.destroy(new Error(`target did not answer within ${upstreamTimeoutMs} ms`)));
      upstream.on('error', reject);
      upstream.end(body);
    });
  }

  function respond(
    response: ServerResponse,
    status: number,
    headers: Record<string, string | string[]>,
    body: Buffer | string,
    entry: ProxyLogEntry,
  ): void {
    const data = typeof body === 'string' ? Buffer.from(body) : body;
    response.writeHead(status, { ...headers, 'content-length': String(data.length), ...(keepAlive ? {} : { connection: 'close' }) });
    response.end(data);
    entry.clientStatus = status;
  }

  function copyHeaders(headers: IncomingHttpHeaders): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined || HOP_BY_HOP.has(name) || name === 'content-length') continue;
      out[name] = value;
    }
    return out;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = (request.method ?? 'GET').toUpperCase();
    const route = routeOf(url);
    const entry: ProxyLogEntry = {
      seq: ++seq,
      method,
      path: url.pathname,
      route,
      url: request.url ?? '/',
      fault: 'pass',
      source: 'default',
      reachedTarget: false,
      startedAt: Date.now(),
    };
    log.push(entry);
    const finished = () => {
      entry.ms ??= Date.now() - entry.startedAt;
    };
    response.once('finish', finished);

    if (seq > maxRequests) {
      overLimit = true;
      entry.source = 'over-limit';
      entry.fault = '503';
      respond(
        response,
        503,
        { 'content-type': 'text/plain', 'x-fault-proxy': 'over-limit' },
        `fault proxy: more than ${maxRequests} requests`,
        entry,
      );
      return;
    }

    const { spec, source } = choose(method, route);
    entry.fault = label(spec);
    entry.source = source;
    const requestBody = await readAll(request);

    let answer: { status: number; headers: IncomingHttpHeaders; body: Buffer } | undefined;
    if (isAfter(spec)) {
      entry.reachedTarget = true;
      try {
        answer = await forward(request, requestBody);
        entry.targetStatus = answer.status;
      } catch (error) {
        entry.error = error instanceof Error ? error.message : String(error);
        if (closed) return;
        const timedOut = /did not answer/.test(entry.error);
        respond(
          response,
          timedOut ? 504 : 502,
          { 'content-type': 'text/plain', 'x-fault-proxy': 'upstream-error' },
          `fault proxy: ${entry.error}`,
          entry,
        );
        return;
      }
    }
    if (closed || response.destroyed) return;

    switch (spec.kind) {
      case 'pass':
        respond(response, answer!.status, copyHeaders(answer!.headers), answer!.body, entry);
        return;
      case 'reset':
        reset(response, entry);
        return;
      case 'stall':
        stall(response, spec.ms, entry);
        return;
      case 'status': {
        const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8', 'x-fault-proxy': String(spec.status) };
        const after = spec.retryAfter ?? (spec.status === 429 || spec.status === 503 ? retryAfter : undefined);
        if (after !== undefined) headers['retry-after'] = String(after);
        respond(response, spec.status, headers, spec.body ?? `fault proxy: injected ${spec.status}`, entry);
        return;
      }
      case 'truncate': {
        const { status, headers, body } = answer!;
        // The full length is announced and half the bytes are sent, then the connection is reset:
        // the client reads a short body and an error, never a shorter valid document.
        response.writeHead(status, { ...copyHeaders(headers), 'content-length': String(Math.max(body.length, 2)), connection: 'close' });
        entry.clientStatus = status;
        response.write(body.subarray(0, Math.floor(body.length / 2)), () => later(20, () => reset(response, entry)));
        return;
      }
      case 'non-json':
        respond(
          response,
          spec.status ?? 200,
          { 'content-type': 'text/html; charset=utf-8', 'x-fault-proxy': 'non-json' },
          HTML_PAGE,
          entry,
        );
        return;
      case 'garbage-json':
        respond(
          response,
          spec.status ?? 200,
          { 'content-type': 'application/json; charset=utf-8', 'x-fault-proxy': 'garbage-json' },
          GARBAGE_JSON,
          entry,
        );
        return;
      case 'redirect':
        respond(
          response,
          spec.status ?? 301,
          { location: new URL(request.url ?? '/', spec.to).toString(), 'content-type': 'text/plain', 'x-fault-proxy': 'redirect' },
          'moved',
          entry,
        );
        return;
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent && !response.destroyed) {
        response.writeHead(502, { 'content-type': 'text/plain', connection: 'close' });
        response.end(`fault proxy: ${error instanceof Error ? error.message : String(error)}`);
      } else {
        response.destroy();
      }
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.keepAliveTimeout = keepAlive ? 5_000 : 0;
  const { origin, sockets } = await listenOnLoopback(server, options.port ?? 0);

  const tally = (entries: readonly ProxyLogEntry[]) => {
    const counts: Record<string, number> = {};
    for (const entry of entries) counts[`${entry.method} ${entry.route}`] = (counts[`${entry.method} ${entry.route}`] ?? 0) + 1;
    return counts;
  };

  return {
    origin,
    url: (path) => `${origin}${path.startsWith('/') ? path : `/${path}`}`,
    enqueue: (...faults) => {
      for (const fault of faults) queue.push({ fault: normalize(fault) });
    },
    enqueueFor: (match, ...faults) => {
      for (const fault of faults) queue.push({ fault: normalize(fault), match });
    },
    pending: () => queue.length,
    random(plan) {
      if (plan && !(plan.rate >= 0 && plan.rate <= 1)) throw new Error('rate must be within [0, 1]');
      const pool = (plan?.faults ?? ALL_FAULTS).map(normalize);
      if (plan && pool.length === 0) throw new Error('a random plan needs at least one fault');
      randomPlan = plan ? { plan, next: seededRandom(plan.seed), pool } : null;
    },
    setDefault(fault) {
      defaultFault = normalize(fault);
    },
    clearFaults() {
      queue.length = 0;
      randomPlan = null;
      defaultFault = { kind: 'pass' };
    },
    log,
    counts: () => tally(log),
    count: (method, route) =>
      log.filter(
        (entry) => entry.method === method.toUpperCase() && (typeof route === 'string' ? entry.route === route : route.test(entry.route)),
      ).length,
    targetCounts: () => tally(log.filter((entry) => entry.reachedTarget)),
    clearLog() {
      log.length = 0;
    },
    get overLimit() {
      return overLimit;
    },
    close: () =>
      new Promise<void>((done) => {
        closed = true;
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => done());
        for (const socket of sockets) socket.destroy();
        agent.destroy();
      }),
  };
}
