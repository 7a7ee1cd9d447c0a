import type { OutboxEntry } from './outbox-entry';
import type { SyncState } from './sync-state';

/** Where one clipping stands against its issue's remote draft. */
export type ClippingSync = 'in-draft' | 'waiting' | 'not-synced';

/** What the issue's sync status says: the outbox entry (if a change waits) and the last successful sync. */
export interface IssueSyncFacts {
  configured: boolean;
  entry?: Pick<OutboxEntry, 'state'> | undefined;
  state?: Pick<SyncState, 'lastSyncedAt' | 'renderedAt'> | undefined;
}

/**
 * A clipping is in the draft when its last change is older than the render the last successful sync
 * wrote (`renderedAt`; older states only know when that sync ended). A newer change waits while the
 * issue's entry is pending and is not synced while it is stopped (a permanent failure or a conflict).
 * Undefined when no target is set up: there is no draft to be in.
 */
export function clippingSync(updatedAt: number, facts: IssueSyncFacts): ClippingSync | undefined {
  if (!facts.configured) return undefined;
  const syncedThrough = facts.state ? (facts.state.renderedAt ?? facts.state.lastSyncedAt) : -1;
  if (updatedAt <= syncedThrough) return 'in-draft';
  if (!facts.entry) return facts.state ? 'in-draft' : 'waiting';
  return facts.entry.state === 'pending' ? 'waiting' : 'not-synced';
}
