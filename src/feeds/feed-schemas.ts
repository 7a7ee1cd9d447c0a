import { z } from 'zod';

/*
 * The feed schemas the message protocol carries, with nothing but zod: the protocol's chunk is shared by the
 * popup, the options page and the worker, so the words (feed-words.ts), the parser and the sources stay out
 * of the pages that only pass these along. The modules that own each concept re-export them.
 */

export const FeedKind = z.enum(['rss', 'rdf', 'atom', 'json']);
export type FeedKind = z.infer<typeof FeedKind>;

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

/** What a successful Test found. Its words: checkWords in feed-words.ts. */
export const CheckReport = z.object({
  kind: z.union([FeedKind, z.literal('ttrss')]),
  /** The feed's title (for a feed), or the reader's version (Tiny Tiny RSS). */
  title: z.string().max(300),
  /** Items the source offers now (after the caps). */
  items: z.number().int().nonnegative(),
  /** The newest item's date, ISO, or null when none is dated. */
  newest: z.string().max(64).nullable(),
  /** Items left out for a missing or unusable link. */
  skipped: z.number().int().nonnegative(),
  /** The address the answer came from, when a redirect led elsewhere. */
  finalUrl: z.string().max(4096).optional(),
});
export type CheckReport = z.infer<typeof CheckReport>;

/**
 * How a source is doing, stored by the worker per source and shown in the options page and the desk:
 * when it last worked, its last error (as data), how many polls in a row failed, and when it is due.
 */
export const SourceHealth = z.object({
  /** When it last answered (new items or not), ms; null before the first success. */
  lastOkAt: z.number().int().nonnegative().nullable(),
  lastTriedAt: z.number().int().nonnegative().nullable(),
  /** Failed polls in a row. */
  failures: z.number().int().nonnegative(),
  lastError: FeedErrorData.nullable(),
  /** When the next poll is due, ms; null = waiting for the editor (credentials, host access, the API switch). */
  nextAt: z.number().int().nonnegative().nullable(),
});
export type SourceHealth = z.infer<typeof SourceHealth>;
