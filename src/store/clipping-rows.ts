// How clippings are written so that an issue holds one live clipping per article: every write goes
// through clippingRow() (which sets or clears the unique index's key) and, inside a read-write
// transaction, through putClipping() (which merges instead of tripping the unique index).
import { type Clipping, StoredClipping } from '../clip/clipping';
import { isOlder, mergeDuplicates } from '../clip/merge-duplicates';
import type { ClippingRow } from './db';
import { type OutboxStore, markIssuesChanged } from './outbox-marks';

/**
 * The clippings store as seen inside a read-write (or upgrade) transaction, whatever else it spans.
 * Structural, like OutboxStore, so the repos, the import and the upgrade ladder share one writer.
 */
export interface ClippingsStore {
  get(id: string): Promise<unknown>;
  put(row: ClippingRow): Promise<unknown>;
  index(name: 'byIssueUrl'): { get(key: [string, string]): Promise<unknown> };
}

/**
 * The row to store for a clipping. A live one carries `liveUrlKey` (its urlKey), so the unique index
 * [issueId, liveUrlKey] covers it; a tombstone does not, so however many times an article is deleted
 * and clipped again in one issue, its tombstones never collide with each other or with the live one.
 * (A row in no issue is not covered either: null is not a valid IndexedDB key.)
 */
export function clippingRow(clipping: Clipping): ClippingRow {
  const { liveUrlKey: _stale, ...rest } = clipping as ClippingRow;
  return rest.deletedAt === undefined ? { ...rest, liveUrlKey: rest.urlKey } : rest;
}

/** Whether an IndexedDB write failed on a unique index (another write got there first). */
export function isConstraintError(error: unknown): boolean {
  // A DOMException, which is not an Error subclass in every engine.
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'ConstraintError';
}

/**
 * Writes a clipping inside the caller's transaction, and returns what was stored. When another live
 * clipping of the same article is already in the same issue (an edit changed the address to one
 * clipped before, a clipping moved or restored into an issue that has the article, an import),
 * the two become one (see mergeDuplicates: the older one's id stays, both texts are kept) and the
 * other is tombstoned, so its removal reaches the draft. The check runs in the same transaction as
 * the write, so no other write can come between them.
 */
export async function putClipping(store: ClippingsStore, clipping: Clipping, now: number): Promise<Clipping> {
  const row = clippingRow(clipping);
  if (row.liveUrlKey === undefined || row.issueId === null) {
    await store.put(row);
    return clipping;
  }
  const found = (await store.index('byIssueUrl').get([row.issueId, row.liveUrlKey])) as ClippingRow | undefined;
  if (!found || found.id === row.id) {
    await store.put(row);
    return clipping;
  }
  const other = StoredClipping.safeParse(found);
  if (!other.success) {
    // A damaged row holds the slot: keep it as it is (a backup still has it), just out of the index.
    const { liveUrlKey: _slot, ...kept } = found;
    await store.put(kept);
    await store.put(row);
    return clipping;
  }
  const [older, newer] = isOlder(other.data, clipping) ? [other.data, clipping] : [clipping, other.data];
  // The one that goes is tombstoned first, which frees the index slot for the merged one.
  const newerStored = newer === other.data || (await store.get(newer.id)) !== undefined;
  if (newerStored) await store.put(clippingRow({ ...newer, deletedAt: now, updatedAt: now }));
  const merged = mergeDuplicates(older, newer, now);
  await store.put(clippingRow(merged));
  return merged;
}

/** The clippings store while the database upgrades: a cursor over every row. */
export interface UpgradingClippingsStore {
  openCursor(): Promise<{ value: unknown; update(row: ClippingRow): Promise<unknown>; continue(): Promise<unknown> } | null>;
  put(row: ClippingRow): Promise<unknown>;
}

/**
 * Upgrade step 4: merges the live clippings of the same article in the same issue (rows in no issue
 * count as one group: the first open issue adopts them all), keeping the oldest clipping and the text
 * of every one (see mergeDuplicates), tombstones the others, marks their issues changed so the drafts
 * follow, and gives every live row its `liveUrlKey`. Runs before the unique index is built.
 */
export async function mergeStoredDuplicates(store: UpgradingClippingsStore, outbox: OutboxStore, now: number): Promise<void> {
  const groups = new Map<string, Clipping[]>();
  let cursor = await store.openCursor();
  while (cursor) {
    const raw = cursor.value as ClippingRow;
    const parsed = StoredClipping.safeParse(raw);
    if (parsed.success && parsed.data.deletedAt === undefined) {
      const key = `${parsed.data.issueId ?? ''}\u0000${parsed.data.urlKey}`;
      groups.set(key, [...(groups.get(key) ?? []), parsed.data]);
      // The row as it was (nothing the parse would drop is lost), now in the index.
      await cursor.update({ ...raw, liveUrlKey: parsed.data.urlKey });
    }
    cursor = (await cursor.continue()) as typeof cursor;
  }
  const changed = new Set<string>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const [oldest, ...rest] = [...group].sort((a, b) => (isOlder(a, b) ? -1 : 1));
    let merged = oldest!;
    for (const duplicate of rest) {
      merged = mergeDuplicates(merged, duplicate, now);
      await store.put(clippingRow({ ...duplicate, deletedAt: now, updatedAt: now }));
    }
    await store.put(clippingRow(merged));
    if (merged.issueId) changed.add(merged.issueId);
  }
  await markIssuesChanged(outbox, changed, now);
}
