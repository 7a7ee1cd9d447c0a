import type { z } from 'zod';
import { SyncError, errorForStatus, retryAfterMs } from './sync-error';
import type { TargetDescription } from './sync-words';

export interface HttpCall {
  fetch: typeof fetch;
  /** A request that takes longer is abandoned and counts as a temporary failure. */
  timeoutMs: number;
  now: () => number;
  /** The target, named in the errors' messages (their codes do not depend on it). */
  target: TargetDescription;
}

export interface JsonRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Statuses that are answers, not failures (e.g. 404 "no draft yet"): returned with `data` undefined. */
  accept?: number[];
}

export interface JsonAnswer<T> {
  status: number;
  headers: Headers;
  data: T | undefined;
  /** The raw body, for error details. */
  text: string;
}

/** Adds the server's own words (a JSON `message` or `error.message`) to a failure, when it sent any. */
function withServerWords(error: SyncError, body: string, target: TargetDescription): SyncError {
  let said: unknown;
  try {
    const parsed = JSON.parse(body) as { message?: unknown; error?: { message?: unknown } };
    said = parsed?.message ?? parsed?.error?.message;
  } catch {
    return error;
  }
  if (typeof said !== 'string' || !said.trim()) return error;
  const plain = said
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
  return new SyncError(error.code, { ...error.data, said: plain }, target, error.retryAfterMs);
}

/**
 * The origin a followed redirect ended at, when it differs from the one asked for (http → https,
 * adding www., a moved site). Browsers drop the Authorization header across origins, so such a
 * request would fail as "wrong password" instead of saying what is wrong.
 */
function redirectedOrigin(requested: string, response: Pick<Response, 'redirected' | 'url'>): string | undefined {
  if (!response.redirected || !response.url) return undefined;
  try {
    const to = new URL(response.url).origin;
    return to !== new URL(requested).origin ? to : undefined;
  } catch {
    return undefined;
  }
}

/** The failure for a request that was redirected: the site address in the options needs changing. */
function redirectError(target: TargetDescription, movedTo: string | undefined): SyncError {
  return new SyncError('moved', movedTo ? { movedTo } : {}, target);
}

/**
 * One HTTP request to a target, bounded in time, with every outcome classified: network errors,
 * timeouts and cut-off bodies are temporary; a redirect to another origin (or of a write) is
 * permanent, naming the new address; statuses follow errorForStatus; a 2xx body must be JSON
 * matching `schema` (anything else — a captive portal, a proxy's page — is temporary).
 */
export async function callJson<T>(http: HttpCall, url: string, schema: z.ZodType<T>, request: JsonRequest = {}): Promise<JsonAnswer<T>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), http.timeoutMs);
  try {
    const method = request.method ?? 'GET';
    let response: Response;
    try {
      response = await http.fetch(url, {
        method,
        headers: {
          Accept: 'application/json',
          ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...request.headers,
        },
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
        signal: controller.signal,
        credentials: 'omit',
        // A redirected POST would arrive as a GET without its body: writes are never redirected.
        redirect: method === 'GET' ? 'follow' : 'manual',
      });
    } catch (error) {
      const timedOut = controller.signal.aborted;
      throw timedOut
        ? new SyncError('timeout', {}, http.target)
        : new SyncError('offline', { text: error instanceof Error ? error.message : String(error) }, http.target);
    }
    if (response.type === 'opaqueredirect') throw redirectError(http.target, undefined);
    const movedTo = redirectedOrigin(url, response);
    if (movedTo) throw redirectError(http.target, movedTo);
    let text: string;
    try {
      text = await response.text();
    } catch {
      throw new SyncError('offline', { text: 'the answer was cut off' }, http.target);
    }
    if (request.accept?.includes(response.status)) return { status: response.status, headers: response.headers, data: undefined, text };
    if (!response.ok)
      throw withServerWords(
        errorForStatus(response.status, http.target, retryAfterMs(response.headers.get('Retry-After'), http.now())),
        text,
        http.target,
      );
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new SyncError('bad-response', {}, http.target);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new SyncError('bad-response', {}, http.target);
    return { status: response.status, headers: response.headers, data: parsed.data, text };
  } finally {
    clearTimeout(timer);
  }
}
