import { z } from 'zod';
import { type TargetDescription, syncErrorWords } from './sync-words';

/**
 * Why a sync attempt failed: one closed set, shared by the adapters, the stored outbox entry and the
 * message protocol. Pages decide on the code only; the words come from sync-words.ts.
 */
export const SyncErrorCode = z.enum([
  /** 401, or a password the site treats as a visitor's. */
  'auth',
  /** 403: the account may not do this. */
  'forbidden',
  /** No API at the address (a 404 anywhere but on the draft itself). */
  'not-found',
  /** The draft was deleted in the target (404/410 on it, or missing where it was). */
  'draft-deleted',
  /** The draft is in WordPress's trash. */
  'draft-trashed',
  /** The post was published in the target: the extension no longer changes it. */
  'published',
  /** The managed region was edited in the target (or a 409): the editor chooses. */
  'conflict',
  /** A redirect: the target moved, or a write would have been redirected. */
  'moved',
  /** A network failure, or an answer cut off. */
  'offline',
  /** No answer in time (or a 408). */
  'timeout',
  /** 429. */
  'rate-limited',
  /** 5xx. */
  'server',
  /** A 2xx whose body is not JSON or not what the protocol promises (a captive portal, a proxy's page). */
  'bad-response',
  /** Any other 4xx. */
  'rejected',
  /** The draft changed while it was being written (a generic server's 409 race): retried at once. */
  'edit-race',
  /** Anything else thrown during a sync (a bug): retried, with its text. */
  'unexpected',
]);
export type SyncErrorCode = z.infer<typeof SyncErrorCode>;

/**
 * A sync failure as data: the code and the facts its words need. Never the words themselves, so the
 * UI can name the target the editor configured and no decision depends on wording.
 */
export const SyncErrorData = z.object({
  code: SyncErrorCode,
  /** The HTTP status, when there was one. */
  status: z.number().int().min(100).max(599).optional(),
  /** Where a redirect led (code `moved`). */
  movedTo: z.string().max(2000).optional(),
  /** The server's own words (a JSON `message`), tags stripped. */
  said: z.string().max(300).optional(),
  /** Technical detail: a network error's or an unexpected error's text. */
  text: z.string().max(1000).optional(),
});
export type SyncErrorData = z.infer<typeof SyncErrorData>;

/**
 * How a failed sync attempt is treated. temporary: retried with backoff (network, timeouts, 5xx, 429);
 * permanent: that issue stops until the editor acts (401/403, a deleted draft, 400); conflict: the
 * managed region was edited in the target, the editor chooses.
 */
export type SyncErrorKind = 'temporary' | 'permanent' | 'conflict';

const KIND: Record<SyncErrorCode, SyncErrorKind> = {
  auth: 'permanent',
  forbidden: 'permanent',
  'not-found': 'permanent',
  'draft-deleted': 'permanent',
  'draft-trashed': 'permanent',
  published: 'permanent',
  conflict: 'conflict',
  moved: 'permanent',
  offline: 'temporary',
  timeout: 'temporary',
  'rate-limited': 'temporary',
  server: 'temporary',
  'bad-response': 'temporary',
  rejected: 'permanent',
  'edit-race': 'temporary',
  unexpected: 'temporary',
};

/** How a code is treated by the engine. */
export function kindOf(code: SyncErrorCode): SyncErrorKind {
  return KIND[code];
}

/** The codes after which the desk offers "Recreate the draft" (the draft the issue had is no more). */
export function draftIsGone(code: SyncErrorCode | undefined): boolean {
  return code === 'draft-deleted' || code === 'draft-trashed';
}

/** A classified sync failure: a code with its facts; the message is built from them (for logs and tests). */
export class SyncError extends Error {
  readonly data: SyncErrorData;

  constructor(
    code: SyncErrorCode,
    facts: Omit<SyncErrorData, 'code'> = {},
    /** The target, to name it in the message. */
    target?: TargetDescription,
    /** A server's Retry-After, in ms: the wait before the next attempt instead of the backoff. */
    readonly retryAfterMs?: number,
  ) {
    const data = SyncErrorData.parse({
      code,
      ...facts,
      ...(facts.text ? { text: facts.text.slice(0, 1000) } : {}),
      ...(facts.said ? { said: facts.said.slice(0, 300) } : {}),
    });
    super(syncErrorWords(data, target).message);
    this.name = 'SyncError';
    this.data = data;
  }

  get code(): SyncErrorCode {
    return this.data.code;
  }

  get kind(): SyncErrorKind {
    return kindOf(this.data.code);
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

/** Classifies an HTTP failure status the same way for every target (documented in docs/generic-target.md). */
export function codeForStatus(status: number): SyncErrorCode {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  // A 404 on the draft itself is a deleted draft: the adapters, which know the route, say so.
  if (status === 404) return 'not-found';
  if (status === 410) return 'draft-deleted';
  if (status === 409) return 'conflict';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'rejected';
}

/** The SyncError for an HTTP failure status. */
export function errorForStatus(status: number, target?: TargetDescription, retryAfter?: number): SyncError {
  return new SyncError(codeForStatus(status), { status }, target, retryAfter);
}
