import { retryAfterMs } from '../sync/sync-error';
import { FeedError, codeForStatus } from './feed-error';

/** How a source reaches the network: an injected fetch (the browser's, or a test's) and its bounds. */
export interface FeedHttp {
  fetch: typeof fetch;
  /** The whole request, body included, must finish within this; otherwise `timeout`. */
  timeoutMs: number;
  /** Bytes read at most; a longer answer is abandoned while reading (`too-large`). */
  maxBytes: number;
  now: () => number;
}

/** The validators of a previous answer, sent back as If-None-Match / If-Modified-Since. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface HttpRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  validators?: Validators;
}

export type HttpAnswer =
  | { notModified: true; url: string; validators: Validators }
  | {
      notModified: false;
      url: string;
      status: number;
      contentType: string | null;
      bytes: Uint8Array<ArrayBuffer>;
      validators: Validators;
      redirected: boolean;
    };

function validatorsOf(headers: Headers): Validators {
  const etag = headers.get('ETag')?.slice(0, 500);
  const lastModified = headers.get('Last-Modified')?.slice(0, 100);
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}

/** The body, read chunk by chunk and abandoned past `max` bytes: a 50 MB answer is never held whole. */
async function readCapped(response: Response, max: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(response.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > max && !response.headers.get('Content-Encoding')) {
    await response.body?.cancel().catch(() => undefined);
    throw new FeedError('too-large', { limit: max });
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw new FeedError('too-large', { limit: max });
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * After a network failure: was it a redirect that went nowhere? fetch follows at most 20 redirects and
 * then fails like a lost connection (Chromium, Firefox and Node alike), so one request that does not
 * follow them tells the two apart. Bounded by the same timeout.
 */
async function redirects(http: FeedHttp, url: string, init: RequestInit): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), http.timeoutMs);
  try {
    const probe = await http.fetch(url, { ...init, redirect: 'manual', signal: controller.signal });
    await probe.body?.cancel().catch(() => undefined);
    return probe.type === 'opaqueredirect' || (probe.status >= 300 && probe.status < 400);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One bounded HTTP request for a source, every outcome classified as a FeedError: network failures are
 * `offline` (or `redirect-loop` when the address redirects), the time limit is `timeout`, statuses follow
 * codeForStatus, a body over the cap is `too-large`. A 304 to a conditional request is `notModified`.
 * Decoding gzip/br is the fetch's job (it sends Accept-Encoding itself); the cap counts decoded bytes.
 */
export async function httpRequest(http: FeedHttp, url: string, request: HttpRequest = {}): Promise<HttpAnswer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), http.timeoutMs);
  const headers: Record<string, string> = { ...request.headers };
  if (request.validators?.etag) headers['If-None-Match'] = request.validators.etag;
  if (request.validators?.lastModified) headers['If-Modified-Since'] = request.validators.lastModified;
  const init: RequestInit = {
    method: request.method ?? 'GET',
    headers,
    ...(request.body !== undefined ? { body: request.body } : {}),
    credentials: 'omit',
    // Our own validators decide; the HTTP cache must not turn a 304 into a cached 200 or answer for the server.
    cache: 'no-store',
    redirect: 'follow',
  };
  try {
    let response: Response;
    try {
      response = await http.fetch(url, { ...init, signal: controller.signal });
    } catch (error) {
      if (controller.signal.aborted) throw new FeedError('timeout', { timeoutMs: http.timeoutMs });
      if (init.method === 'GET' && (await redirects(http, url, init))) throw new FeedError('redirect-loop');
      throw new FeedError('offline', {
        text: error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error),
      });
    }
    const finalUrl = response.url || url;
    if (response.status === 304) {
      await response.body?.cancel().catch(() => undefined);
      return { notModified: true, url: finalUrl, validators: { ...request.validators, ...validatorsOf(response.headers) } };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new FeedError(
        codeForStatus(response.status),
        { status: response.status },
        retryAfterMs(response.headers.get('Retry-After'), http.now()),
      );
    }
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = await readCapped(response, http.maxBytes);
    } catch (error) {
      if (error instanceof FeedError) throw error;
      if (controller.signal.aborted) throw new FeedError('timeout', { timeoutMs: http.timeoutMs });
      throw new FeedError('offline', { text: 'the answer was cut off' });
    }
    return {
      notModified: false,
      url: finalUrl,
      status: response.status,
      contentType: response.headers.get('Content-Type'),
      bytes,
      validators: validatorsOf(response.headers),
      redirected: response.redirected,
    };
  } finally {
    clearTimeout(timer);
  }
}
