import type { OutboxEntry } from './outbox-entry';
import type { SyncState } from './sync-state';

/** Where one clipping stands against its issue's remote draft. */
export type ClippingSync = 'in-draft' | 'waiting' | 'not-synced';

/** What the issue's sync status says: the outbox entry (if a change waits) and the last successful sync. */
export interface IssueSyncFacts {
  configured: boolean;
  entry?: Pick<OutboxEntry, 'state'> | undefined;
  state?: Pick<SyncState, 'rendered'> | undefined;
}

/**
 * A clipping is in the draft when the last successful sync wrote this very version of it (same id,
 * same `updatedAt`); clock times are not compared, so a change made while a sync was under way, an
 * imported older copy or "keep WordPress's version" are never taken for synced. While the issue's
 * sync is stopped (a permanent failure, a conflict) nothing is in step; otherwise a clipping not
 * in the draft waits when a change is queued, and is not synced when none is (e.g. a new target).
 * Undefined when no target is set up: there is no draft to be in.
 */
export function clippingSync(clipping: { id: string; updatedAt: number }, facts: IssueSyncFacts): ClippingSync | undefined {
  if (!facts.configured) return undefined;
  if (facts.entry && facts.entry.state !== 'pending') return 'not-synced';
  if (facts.state?.rendered?.[clipping.id] === clipping.updatedAt) return 'in-draft';
  return facts.entry ? 'waiting' : 'not-synced';
}
