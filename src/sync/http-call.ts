import type { z } from 'zod';
import { SyncError, errorForStatus, retryAfterMs } from './sync-error';

export interface HttpCall {
  fetch: typeof fetch;
  /** A request that takes longer is abandoned and counts as a temporary failure. */
  timeoutMs: number;
  now: () => number;
  /** The target's name in messages ("WordPress", "The drafting server"). */
  label: string;
  /** What the editor re-enters when they are refused ("user name and Application Password", "token"). */
  credentials?: string;
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
function withServerWords(error: SyncError, body: string, label: string): SyncError {
  let said: unknown;
  try {
    const parsed = JSON.parse(body) as { message?: unknown; error?: { message?: unknown } };
    said = parsed?.message ?? parsed?.error?.message;
  } catch {
    return error;
  }
  if (typeof said !== 'string' || !said.trim()) return error;
  const plain = said.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim().slice(0, 200);
  return new SyncError(error.kind, `${error.message} ${label} said: “${plain}”`, error.options);
}

/**
 * One HTTP request to a target, bounded in time, with every outcome classified: network errors,
 * timeouts and cut-off bodies are temporary; statuses follow errorForStatus; a 2xx body must be JSON
 * matching `schema` (anything else — a captive portal, a proxy's page — is temporary).
 */
export async function callJson<T>(http: HttpCall, url: string, schema: z.ZodType<T>, request: JsonRequest = {}): Promise<JsonAnswer<T>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), http.timeoutMs);
  try {
    let response: Response;
    try {
      response = await http.fetch(url, {
        method: request.method ?? 'GET',
        headers: { Accept: 'application/json', ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...request.headers },
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
        signal: controller.signal,
        credentials: 'omit',
        redirect: 'follow',
      });
    } catch (error) {
      const timedOut = controller.signal.aborted;
      throw new SyncError(
        'temporary',
        timedOut
          ? `${http.label} did not answer within ${Math.round(http.timeoutMs / 1000)} s; trying again later.`
          : `${http.label} could not be reached (${error instanceof Error ? error.message : String(error)}); trying again later.`,
      );
    }
    let text: string;
    try {
      text = await response.text();
    } catch {
      throw new SyncError('temporary', `${http.label}'s answer was cut off; trying again later.`);
    }
    if (request.accept?.includes(response.status)) return { status: response.status, headers: response.headers, data: undefined, text };
    if (!response.ok) throw withServerWords(errorForStatus(response.status, http.label, retryAfterMs(response.headers.get('Retry-After'), http.now()), http.credentials), text, http.label);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new SyncError('temporary', `${http.label} answered with something that is not JSON (is the address right?); trying again later.`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new SyncError('temporary', `${http.label}'s answer was not what its protocol promises (is the address right?); trying again later.`);
    return { status: response.status, headers: response.headers, data: parsed.data, text };
  } finally {
    clearTimeout(timer);
  }
}
