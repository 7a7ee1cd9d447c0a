import { cleanUrl, isWebUrl } from '../../clip/url-key';
import type { BrokenReason, LinkVerdict } from './link-verdict';
import { isRedirectHome, looksLikeBotWall, looksNotFound } from './page-signals';

/** How the check reaches the network and the clock; the worker passes the browser's, the tests Node's. */
export interface LinkCheckDeps {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** Resolves after `ms`, or at once when `signal` aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
}

export interface LinkCheckLimits {
  /** One request, headers and the first bytes of the body, must finish within this. */
  timeoutMs: number;
  /** Further tries after a timeout, a cut connection or a server error. */
  retries: number;
  /** The wait before such a retry. */
  retryDelayMs: number;
  /** Redirects followed at most for one link. */
  maxRedirects: number;
  /** The longest Retry-After the check waits for; a longer one leaves the link unverified. */
  maxRetryAfterMs: number;
  /** Bytes of a page read at most (enough for its title and first heading). */
  bodyBytes: number;
}

export const DEFAULT_LINK_LIMITS: LinkCheckLimits = {
  timeoutMs: 10_000,
  retries: 1,
  retryDelayMs: 1_000,
  maxRedirects: 10,
  maxRetryAfterMs: 15_000,
  bodyBytes: 32_768,
};

/** A sleep on the platform's timers (setTimeout is in every context: page, worker, Node). */
export function timerSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((done) => {
    if (signal?.aborted) return done();
    const timer = setTimeout(done, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        done();
      },
      { once: true },
    );
  });
}

/** Thrown when the whole check is cancelled; the runner records the link as cancelled. */
export class LinkCheckCancelled extends Error {
  constructor() {
    super('The link check was cancelled.');
    this.name = 'LinkCheckCancelled';
  }
}

interface Answer {
  kind: 'answer';
  status: number;
  /** 'opaqueredirect' when the browser hides a redirect from `redirect: 'manual'` (see followHidden). */
  type: ResponseType;
  url: string;
  location: string | null;
  headers: Headers;
  body: string;
}
type Attempt = Answer | { kind: 'failed'; reason: BrokenReason };

type Method = 'HEAD' | 'GET';

const TLS_CODES = /CERT|SSL|TLS|EPROTO/i;

/** The kind of a network failure. Node's fetch names it in `cause.code`; browsers say only "failed to fetch". */
export function networkFailure(error: unknown): BrokenReason {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'dns';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return 'reset';
  if (TLS_CODES.test(code)) return 'tls';
  return 'unreachable';
}

async function readStart(response: Response, max: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    while (total < max) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const bytes = new Uint8Array(Math.min(total, max));
  let at = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, bytes.length - at);
    bytes.set(part, at);
    at += part.length;
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

/** One request with its own time limit. No cookies, no credentials, no referrer: the check is anonymous. */
async function attempt(
  url: string,
  method: Method,
  redirect: RequestRedirect,
  deps: LinkCheckDeps,
  limits: LinkCheckLimits,
  outer: AbortSignal,
): Promise<Attempt> {
  if (outer.aborted) throw new LinkCheckCancelled();
  const controller = new AbortController();
  const timer = new AbortController();
  let timedOut = false;
  const cancel = () => controller.abort();
  outer.addEventListener('abort', cancel, { once: true });
  void deps.sleep(limits.timeoutMs, timer.signal).then(() => {
    if (timer.signal.aborted) return;
    timedOut = true;
    controller.abort();
  });
  try {
    const response = await deps.fetch(url, {
      method,
      redirect,
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      headers: { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
      signal: controller.signal,
    });
    const html = /html|xml/i.test(response.headers.get('content-type') ?? '');
    const body = method === 'GET' && html ? await readStart(response, limits.bodyBytes) : '';
    if (!body) await response.body?.cancel().catch(() => undefined);
    return {
      kind: 'answer',
      status: response.status,
      type: response.type,
      url: response.url || url,
      location: response.headers.get('location'),
      headers: response.headers,
      body,
    };
  } catch (error) {
    if (outer.aborted) throw new LinkCheckCancelled();
    return { kind: 'failed', reason: timedOut ? 'timeout' : networkFailure(error) };
  } finally {
    timer.abort();
    outer.removeEventListener('abort', cancel);
  }
}

const RETRIED_FAILURES: readonly BrokenReason[] = ['timeout', 'reset', 'unreachable'];

/** Reads Retry-After (seconds or an HTTP date) as milliseconds from now. */
function retryAfter(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}

/**
 * One address, asked with HEAD and then, where HEAD is refused or the page must be read, with GET;
 * network failures and server errors retried, a 429 retried after the Retry-After it names (bounded).
 */
async function ask(
  url: string,
  deps: LinkCheckDeps,
  limits: LinkCheckLimits,
  signal: AbortSignal,
  redirect: RequestRedirect = 'manual',
): Promise<Attempt> {
  let method: Method = 'HEAD';
  let retries = limits.retries;
  let rateRetries = 2;
  for (;;) {
    const result = await attempt(url, method, redirect, deps, limits, signal);
    if (result.kind === 'failed') {
      if (RETRIED_FAILURES.includes(result.reason) && retries-- > 0) {
        await deps.sleep(limits.retryDelayMs, signal);
        continue;
      }
      return result;
    }
    const { status } = result;
    if (status === 429) {
      const wait = retryAfter(result.headers.get('retry-after'), deps.now()) ?? limits.retryDelayMs;
      if (wait <= limits.maxRetryAfterMs && rateRetries-- > 0) {
        await deps.sleep(wait, signal);
        continue;
      }
      return result;
    }
    // Servers that refuse or mishandle HEAD (405, 501, some 403s and 404s) answer GET properly; a page
    // that looks fine is read with GET too, for its title (soft 404) and for a bot wall.
    const readable = status >= 200 && status < 300 && /html|xml/i.test(result.headers.get('content-type') ?? '');
    if (method === 'HEAD' && (status >= 400 || readable)) {
      method = 'GET';
      continue;
    }
    if (status >= 500 && retries-- > 0) {
      await deps.sleep(limits.retryDelayMs, signal);
      continue;
    }
    return result;
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const PERMANENT = new Set([301, 308]);

/** The verdict on the final answer of a chain (no more redirects). */
function judgeFinal(url: string, answer: Answer): LinkVerdict | { kind: 'ok' } {
  const { status } = answer;
  const finalUrl = answer.url;
  if (status >= 200 && status < 300) {
    if (looksLikeBotWall(answer.body, answer.headers)) return { kind: 'unverified', url, reason: 'bot-wall', status };
    if (looksNotFound(answer.body) || isRedirectHome(url, finalUrl)) return { kind: 'soft-404', url, finalUrl };
    return { kind: 'ok' };
  }
  if (status === 404) return { kind: 'broken', url, reason: 'not-found', status, finalUrl };
  if (status === 410) return { kind: 'broken', url, reason: 'gone', status, finalUrl };
  if (status === 401 || status === 407) return { kind: 'unverified', url, reason: 'login', status };
  if (status === 429) return { kind: 'unverified', url, reason: 'rate-limited', status };
  if (looksLikeBotWall(answer.body, answer.headers)) return { kind: 'unverified', url, reason: 'bot-wall', status };
  if (status === 403) return { kind: 'unverified', url, reason: 'forbidden', status };
  if (status >= 500) return { kind: 'unverified', url, reason: 'server-error', status };
  return { kind: 'unverified', url, reason: 'odd-status', status };
}

function sameAddress(a: string, b: string): boolean {
  return cleanUrl(a) === cleanUrl(b);
}

/**
 * Where the browser hides a redirect (an `opaqueredirect` answer: status 0, no Location, as Chromium and
 * Firefox give extension code for `redirect: 'manual'`), the chain is followed by the browser itself:
 * the final address is known (`response.url`), whether the move is permanent is not.
 */
async function followHidden(url: string, deps: LinkCheckDeps, limits: LinkCheckLimits, signal: AbortSignal): Promise<LinkVerdict> {
  const answer = await ask(url, deps, limits, signal, 'follow');
  // The browser says only "failed to fetch" for a redirect loop, a hop to a site the extension may not
  // visit, or a dead site after the redirect: not enough to call the link broken.
  if (answer.kind === 'failed') return { kind: 'unverified', url, reason: 'redirect-failed' };
  const judged = judgeFinal(url, answer);
  if (judged.kind !== 'ok') return judged;
  if (sameAddress(answer.url, url)) return { kind: 'fine', url, status: answer.status };
  return { kind: 'moved', url, to: cleanUrl(answer.url), permanent: undefined };
}

/** Whether the https:// form of an http:// address answers as well (then the link can be upgraded). */
async function httpsWorks(url: string, deps: LinkCheckDeps, limits: LinkCheckLimits, signal: AbortSignal): Promise<string | undefined> {
  const secure = new URL(url);
  secure.protocol = 'https:';
  const answer = await ask(secure.href, deps, { ...limits, retries: 0 }, signal, 'follow');
  if (answer.kind === 'failed' || answer.status < 200 || answer.status >= 300) return undefined;
  if (looksNotFound(answer.body) || looksLikeBotWall(answer.body, answer.headers)) return undefined;
  return secure.href;
}

/**
 * Checks one address: redirects followed hop by hop (bounded, loops detected) so the final address and
 * whether the move is permanent (301/308) are known; classified as fine, moved, broken, unverified or soft 404.
 * Throws {@link LinkCheckCancelled} when `signal` aborts.
 */
export async function checkLink(url: string, deps: LinkCheckDeps, limits: LinkCheckLimits, signal: AbortSignal): Promise<LinkVerdict> {
  if (!isWebUrl(url)) return { kind: 'unverified', url, reason: 'not-address' };
  const visited = new Set<string>([url]);
  let current = url;
  /** The address reached by permanent redirects only, from the start of the chain. */
  let movedTo: string | undefined;
  let permanentSoFar = true;
  for (let hop = 0; ; hop++) {
    const answer = await ask(current, deps, limits, signal);
    if (answer.kind === 'failed') return { kind: 'broken', url, reason: answer.reason, ...(hop > 0 ? { finalUrl: current } : {}) };
    if (answer.type === 'opaqueredirect')
      return followHidden(current === url ? url : current, deps, limits, signal).then((v) => relabel(v, url, current, movedTo));
    if (REDIRECTS.has(answer.status) && answer.location) {
      if (hop >= limits.maxRedirects) return { kind: 'broken', url, reason: 'too-many-redirects', finalUrl: current };
      const next = new URL(answer.location, current).href;
      if (visited.has(next)) return { kind: 'broken', url, reason: 'loop', finalUrl: next };
      visited.add(next);
      permanentSoFar &&= PERMANENT.has(answer.status);
      if (permanentSoFar) movedTo = next;
      current = next;
      continue;
    }
    const judged = judgeFinal(url, { ...answer, url: current });
    if (judged.kind !== 'ok') return judged;
    if (movedTo && !sameAddress(movedTo, url)) return { kind: 'moved', url, to: cleanUrl(movedTo), permanent: true };
    if (new URL(url).protocol === 'http:') {
      const httpsUrl = await httpsWorks(url, deps, limits, signal);
      if (httpsUrl) return { kind: 'fine', url, status: answer.status, httpsUrl };
    }
    return { kind: 'fine', url, status: answer.status };
  }
}

/** A verdict from {@link followHidden} on a later hop, restated for the address the editor wrote. */
function relabel(verdict: LinkVerdict, url: string, current: string, movedTo: string | undefined): LinkVerdict {
  if (current === url) return verdict;
  if (verdict.kind === 'fine')
    return movedTo && !sameAddress(movedTo, url) ? { kind: 'moved', url, to: cleanUrl(movedTo), permanent: true } : { ...verdict, url };
  if (verdict.kind === 'moved') return { ...verdict, url };
  return { ...verdict, url };
}
