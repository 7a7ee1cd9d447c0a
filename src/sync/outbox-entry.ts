import { z } from 'zod';
import { SyncErrorData, codeForStatus, type SyncErrorCode } from './sync-error';

/** The last failure as stored: its code and facts (never its words), and when it happened. */
export const StoredSyncError = SyncErrorData.extend({ at: z.number().int().nonnegative() });
export type StoredSyncError = z.infer<typeof StoredSyncError>;

/**
 * The code for a message stored by a version before codes (which kept only the words). Conservative:
 * a draft counts as deleted only on the words that version used for it (its desk offered "Recreate
 * the draft" on exactly these), and anything unrecognised is `unexpected`, keeping its words.
 */
function codeForOldMessage(message: string, state: unknown): { code: SyncErrorCode; status?: number; movedTo?: string } {
  if (/\btrash\b/i.test(message)) return { code: 'draft-trashed' };
  if (/\bis gone\b/i.test(message)) return { code: 'draft-deleted' };
  if (state === 'conflict') return { code: 'conflict' };
  if (/\bwas published\b/i.test(message)) return { code: 'published' };
  const moved = /\bmoved to (https?:\/\/[^\s()]+)/i.exec(message);
  if (moved) return { code: 'moved', movedTo: moved[1]! };
  if (/\bredirected\b/i.test(message)) return { code: 'moved' };
  const status = /\bHTTP (\d{3})\b/.exec(message);
  if (status) return { code: codeForStatus(Number(status[1])), status: Number(status[1]) };
  if (/did not answer within/i.test(message)) return { code: 'timeout' };
  if (/could not be reached|was cut off/i.test(message)) return { code: 'offline' };
  return { code: 'unexpected' };
}

/**
 * Repairs a stored `lastError`: a current one is kept; one from before codes (`{ message, action?, at }`)
 * gets a code derived from its words; anything unreadable is dropped (the entry's state still says
 * what to do), so old data never makes the entry unreadable and never crashes a page.
 */
export function repairLastError(raw: unknown, state: unknown): StoredSyncError | undefined {
  if (raw === undefined || raw === null || typeof raw !== 'object') return undefined;
  const current = StoredSyncError.safeParse(raw);
  if (current.success) return current.data;
  const old = raw as { message?: unknown; at?: unknown };
  const at = typeof old.at === 'number' && Number.isInteger(old.at) && old.at >= 0 ? old.at : 0;
  if (typeof old.message !== 'string') {
    console.warn('newsletter-clipper: dropped an unreadable outbox lastError', raw);
    return undefined;
  }
  const derived = codeForOldMessage(old.message, state);
  const repaired = StoredSyncError.safeParse({
    ...derived,
    ...(derived.code === 'unexpected' ? { text: old.message.slice(0, 1000) } : {}),
    at,
  });
  return repaired.success ? repaired.data : { code: 'unexpected', at };
}

/**
 * "Issue X changed since its last sync": one entry per issue, however many changes (they coalesce
 * into one update of the draft). Written in the same IndexedDB transaction as the change itself.
 */
const OutboxEntryShape = z.object({
  issueId: z.string().min(1).max(64),
  /** When the issue last changed; a sync removes the entry only if this did not move meanwhile. */
  changedAt: z.number().int().nonnegative(),
  /** Failed attempts since the last success (drives the backoff). */
  attempts: z.number().int().nonnegative(),
  /** Not before this time (epoch ms): backoff, or a server's Retry-After. */
  nextAttemptAt: z.number().int().nonnegative(),
  /** pending: will be tried; failed: stopped by a permanent error until the editor acts; conflict: the draft was edited in WordPress. */
  state: z.enum(['pending', 'failed', 'conflict']),
  /** The last failure, as a code (its words are built where they are shown, naming the target). */
  lastError: StoredSyncError.optional(),
});

/**
 * An outbox entry as read from the store (or a message): a `lastError` written by an earlier version
 * is repaired on the way in (see repairLastError), and written back in the new form by the next attempt.
 */
export const OutboxEntry = z.preprocess((raw) => {
  if (!raw || typeof raw !== 'object' || !('lastError' in raw)) return raw;
  const { lastError, ...rest } = raw as { lastError?: unknown; state?: unknown };
  const repaired = repairLastError(lastError, rest.state);
  return repaired ? { ...rest, lastError: repaired } : rest;
}, OutboxEntryShape);
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/** The entry after a change to the issue: due now, unless the editor must act first (failed, conflict). */
export function entryAfterChange(existing: OutboxEntry | undefined, issueId: string, now: number): OutboxEntry {
  if (!existing) return { issueId, changedAt: now, attempts: 0, nextAttemptAt: now, state: 'pending' };
  if (existing.state !== 'pending') return { ...existing, changedAt: now };
  // A pending entry in backoff keeps its wait: new changes must not hammer a server that is failing.
  return { ...existing, changedAt: now, nextAttemptAt: existing.attempts ? existing.nextAttemptAt : now };
}
