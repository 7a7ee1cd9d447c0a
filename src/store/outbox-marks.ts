import { OutboxEntry, entryAfterChange } from '../sync/outbox-entry';

/** The outbox store as seen inside a read-write transaction (any idb transaction that includes it). */
export interface OutboxStore {
  get(issueId: string): Promise<OutboxEntry | undefined>;
  put(entry: OutboxEntry): Promise<unknown>;
}

/**
 * Records, inside the caller's transaction, that these issues changed: the change and its outbox
 * entry commit together or not at all (DESIGN invariant 2). Nulls (clippings in no issue) are skipped.
 */
export async function markIssuesChanged(outbox: OutboxStore, issueIds: Iterable<string | null | undefined>, now: number): Promise<void> {
  for (const issueId of new Set(issueIds)) {
    if (!issueId) continue;
    const existing = OutboxEntry.safeParse(await outbox.get(issueId));
    await outbox.put(entryAfterChange(existing.success ? existing.data : undefined, issueId, now));
  }
}
