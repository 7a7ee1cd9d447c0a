import { type FeedErrorCode, FeedErrorData } from './feed-schemas';
import { type SourceLabel, feedErrorWords } from './feed-words';

export { FeedErrorCode, FeedErrorData, FoundKind } from './feed-schemas';

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
