import { z } from 'zod';

/**
 * "Issue X changed since its last sync": one entry per issue, however many changes (they coalesce
 * into one update of the draft). Written in the same IndexedDB transaction as the change itself.
 */
export const OutboxEntry = z.object({
  issueId: z.string().min(1).max(64),
  /** When the issue last changed; a sync removes the entry only if this did not move meanwhile. */
  changedAt: z.number().int().nonnegative(),
  /** Failed attempts since the last success (drives the backoff). */
  attempts: z.number().int().nonnegative(),
  /** Not before this time (epoch ms): backoff, or a server's Retry-After. */
  nextAttemptAt: z.number().int().nonnegative(),
  /** pending: will be tried; failed: stopped by a permanent error until the editor acts; conflict: the draft was edited in WordPress. */
  state: z.enum(['pending', 'failed', 'conflict']),
  lastError: z
    .object({
      message: z.string().max(1000),
      /** What the editor can do about it, in words ("Re-enter the Application Password in the options"). */
      action: z.string().max(300).optional(),
      at: z.number().int().nonnegative(),
    })
    .optional(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/** The entry after a change to the issue: due now, unless the editor must act first (failed, conflict). */
export function entryAfterChange(existing: OutboxEntry | undefined, issueId: string, now: number): OutboxEntry {
  if (!existing) return { issueId, changedAt: now, attempts: 0, nextAttemptAt: now, state: 'pending' };
  if (existing.state !== 'pending') return { ...existing, changedAt: now };
  // A pending entry in backoff keeps its wait: new changes must not hammer a server that is failing.
  return { ...existing, changedAt: now, nextAttemptAt: existing.attempts ? existing.nextAttemptAt : now };
}
