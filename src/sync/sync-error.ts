/**
 * How a failed sync attempt is treated. temporary: retried with backoff (network, timeouts, 5xx, 429);
 * permanent: that issue stops until the editor acts (401/403, a deleted draft, 400); conflict: the
 * managed region was edited in the target, the editor chooses.
 */
export type SyncErrorKind = 'temporary' | 'permanent' | 'conflict';

/** A classified sync failure, with plain words for the editor and, when they can do something, what. */
export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly options: { action?: string; retryAfterMs?: number } = {},
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/** Reads a Retry-After header (seconds or an HTTP date) as milliseconds from `now`, capped at a day. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  if (!Number.isFinite(ms) || ms < 0) return undefined;
  return Math.min(ms, 24 * 60 * 60 * 1000);
}

/** Classifies an HTTP status the same way for every target (documented in docs/generic-target.md). */
export function errorForStatus(status: number, what: string, retryAfter?: number, credentials = 'user name and Application Password'): SyncError {
  if (status === 401 || status === 403) {
    return new SyncError('permanent', `${what} refused the credentials (HTTP ${status}).`, { action: `Check the ${credentials} in the options, then press “Sync now”.` });
  }
  if (status === 404 || status === 410) {
    return new SyncError('permanent', `The draft is gone from ${what} (HTTP ${status}): it was deleted there.`, { action: 'Press “Recreate the draft” to make a new one.' });
  }
  if (status === 409) return new SyncError('conflict', `${what} reports that the draft changed since the last sync (HTTP 409).`);
  if (status === 408 || status === 429 || status >= 500) {
    return new SyncError('temporary', `${what} is not answering properly (HTTP ${status}); trying again later.`, retryAfter !== undefined ? { retryAfterMs: retryAfter } : {});
  }
  return new SyncError('permanent', `${what} refused the update (HTTP ${status}).`, { action: 'Check the site address in the options.' });
}
