import { z } from 'zod';
import { type SourceLabel, feedErrorWords } from './feed-words';

/**
 * Why reading a source failed: one closed set, shared by both sources, the stored source health and
 * (later) the message protocol. Decisions look at the code only; the words come from feed-words.ts.
 */
export const FeedErrorCode = z.enum([
  /** 404 or 410: nothing at the address. */
  'not-found',
  /** 401, or a reader that refused the user name or password. */
  'auth',
  /** 403. */
  'forbidden',
  /** The extension may not read the source's origin (host permission not granted); set by the platform layer. */
  'host-access',
  /** A network failure, or an answer cut off. */
  'offline',
  /** No answer in time. */
  'timeout',
  /** The address redirects in a loop, or more often than a browser follows. */
  'redirect-loop',
  /** 429. */
  'rate-limited',
  /** 5xx. */
  'server',
  /** Any other 4xx. */
  'rejected',
  /** The answer is larger than the size cap. */
  'too-large',
  /** An empty answer. */
  'empty',
  /** Something that is not a feed: a web page, an image, some other JSON or XML. */
  'not-a-feed',
  /** XML or JSON that is not well-formed. */
  'malformed',
  /** The address answers, but not as the reader's API (a web page, a proxy's page). */
  'no-api',
  /** The reader's API is switched off for this user (Tiny Tiny RSS: API_DISABLED). */
  'api-disabled',
  /** The reader's API answered, but not as its protocol says. */
  'bad-response',
  /** Anything else (a bug): its text. */
  'unexpected',
]);
export type FeedErrorCode = z.infer<typeof FeedErrorCode>;

/** What a source answered instead of a feed, for the words of `not-a-feed`. */
export const FoundKind = z.enum(['html', 'json', 'xml', 'text', 'binary']);
export type FoundKind = z.infer<typeof FoundKind>;

/** A failure as data: the code and the facts its words need, never the words themselves. */
export const FeedErrorData = z.object({
  code: FeedErrorCode,
  /** The HTTP status, when there was one. */
  status: z.number().int().min(100).max(599).optional(),
  /** What came instead of a feed (`not-a-feed`). */
  found: FoundKind.optional(),
  /** The Content-Type the server sent, when it matters to the words. */
  contentType: z.string().max(200).optional(),
  /** A feed address that a web page names in its `<link rel="alternate">` (`not-a-feed`). */
  alternate: z.string().max(4096).optional(),
  /** The size cap in bytes (`too-large`). */
  limit: z.number().int().positive().optional(),
  /** Where a syntax error is (`malformed`). */
  line: z.number().int().nonnegative().optional(),
  column: z.number().int().nonnegative().optional(),
  /** Where the address redirects to, when that is the trouble (`no-api`). */
  movedTo: z.string().max(4096).optional(),
  /** The time limit in ms (`timeout`). */
  timeoutMs: z.number().int().positive().optional(),
  /** The server's or parser's own words, plain text. */
  said: z.string().max(300).optional(),
  /** Technical detail: a network error's or an unexpected error's text. */
  text: z.string().max(1000).optional(),
});
export type FeedErrorData = z.infer<typeof FeedErrorData>;

/**
 * How the scheduler treats a failure. `retry`: tried again with backoff (the network, the server, a feed
 * that may be fixed); `editor`: polling waits until the editor acts (credentials, host access, the API
 * switch), because asking again cannot help and a refused login may lock the account.
 */
export type FeedErrorKind = 'retry' | 'editor';

const NEEDS_EDITOR: ReadonlySet<FeedErrorCode> = new Set(['auth', 'forbidden', 'host-access', 'api-disabled']);

/** How a code is treated by the scheduler. */
export function feedErrorKind(code: FeedErrorCode): FeedErrorKind {
  return NEEDS_EDITOR.has(code) ? 'editor' : 'retry';
}

/** A classified failure: a code with its facts; the message is built from them (for logs and tests). */
export class FeedError extends Error {
  readonly data: FeedErrorData;

  constructor(
    code: FeedErrorCode,
    facts: Omit<FeedErrorData, 'code'> = {},
    /** A server's Retry-After, in ms: the wait before the next attempt instead of the backoff. */
    readonly retryAfterMs?: number,
    source?: SourceLabel,
  ) {
    const data = FeedErrorData.parse({
      code,
      ...facts,
      ...(facts.text ? { text: facts.text.slice(0, 1000) } : {}),
      ...(facts.said ? { said: facts.said.slice(0, 300) } : {}),
      ...(facts.contentType ? { contentType: facts.contentType.slice(0, 200) } : {}),
    });
    super(feedErrorWords(data, source).message);
    this.name = 'FeedError';
    this.data = data;
  }

  get code(): FeedErrorCode {
    return this.data.code;
  }
}

/** Any thrown value as a FeedError (a bug's text becomes `unexpected`). */
export function asFeedError(error: unknown): FeedError {
  if (error instanceof FeedError) return error;
  return new FeedError('unexpected', { text: error instanceof Error ? error.message : String(error) });
}

/** Classifies an HTTP failure status. */
export function codeForStatus(status: number): FeedErrorCode {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'rejected';
}
