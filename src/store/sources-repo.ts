import { Clipping } from '../clip/clipping';
import type { FeedItem } from '../feeds/feed-item';
import { itemKey, itemsToFile } from '../feeds/import-plan';
import type { SourceCursor } from '../feeds/source';
import type { SourceHealth } from '../feeds/source-health';
import { ImportedRow, SourceStateRow, newSourceState } from '../feeds/source-state';
import { putClipping } from './clipping-rows';
import { type OpenDB, settleQuietly } from './db';
import { markIssuesChanged } from './outbox-marks';

/** What one poll files: the source's items (newest first, as the source gives them) and where polling stands after it. */
export interface FilingRequest {
  sourceId: string;
  items: readonly FeedItem[];
  /** The cursor and health to store with the items (they advance together, or not at all). */
  cursor: SourceCursor;
  health: SourceHealth;
  /** The clipping an item becomes; `index` counts the filed items, oldest first (for its position). */
  compose(item: FeedItem, index: number): Clipping;
  now: number;
}

export interface FilingResult {
  /** The clippings made, oldest first. */
  filed: Clipping[];
  /** The keys of this poll's items that the ledger holds for this source (filed now or before): told to `afterFiled`. */
  ledgerKeys: Set<string>;
}

function parseState(row: unknown, id: string): SourceStateRow {
  const parsed = SourceStateRow.safeParse(row);
  if (parsed.success) return parsed.data;
  if (row !== undefined) console.warn('newsletter-clipper: an unreadable source state was reset', id);
  return newSourceState(id);
}

/**
 * The worker's record of each feed source (cursor and health) and the import ledger. Filing runs in ONE
 * read-write transaction over clippings, imported, sources and outbox: the items, their ledger rows, the
 * source's new cursor and the issue's outbox entry commit together or not at all, so a worker killed
 * mid-import (or a write that fails) leaves nothing half-filed, and the next poll files each item once.
 */
export class SourcesRepo {
  constructor(private readonly open: OpenDB) {}

  /** The stored state of a source, or a new one (due at once) when none is stored. */
  async get(id: string): Promise<SourceStateRow> {
    const db = await this.open();
    return parseState(await db.get('sources', id), id);
  }

  async all(): Promise<Map<string, SourceStateRow>> {
    const db = await this.open();
    const rows = await db.getAll('sources');
    return new Map(rows.map((row) => [row.id, parseState(row, row.id)]));
  }

  /** Stores a source's state (a failed poll's health, a 304's). */
  async put(state: SourceStateRow): Promise<void> {
    const db = await this.open();
    await db.put('sources', SourceStateRow.parse(state));
  }

  /** Forgets where polling stood (a new or changed address): due at once, no validators. The ledger stays. */
  async reset(id: string): Promise<void> {
    await this.put(newSourceState(id));
  }

  /** Removes a source's state; its ledger rows stay, so what it filed is never filed again. */
  async delete(id: string): Promise<void> {
    const db = await this.open();
    await db.delete('sources', id);
  }

  /** How many items each source filed (ledger rows it made clippings of). */
  async filedCounts(): Promise<Map<string, number>> {
    const db = await this.open();
    const counts = new Map<string, number>();
    let cursor = await db.transaction('imported').store.openCursor();
    while (cursor) {
      const row = ImportedRow.safeParse(cursor.value);
      if (row.success && row.data.filed) counts.set(row.data.sourceId, (counts.get(row.data.sourceId) ?? 0) + 1);
      cursor = await cursor.continue();
    }
    return counts;
  }

  /** The ledger's rows for a source. */
  async ledger(sourceId: string): Promise<ImportedRow[]> {
    const db = await this.open();
    return (await db.getAllFromIndex('imported', 'bySource', sourceId)).flatMap((row) => {
      const parsed = ImportedRow.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    });
  }

  /**
   * Files what is new among a poll's items, once each: an item is known when its key is in the ledger or
   * a clipping with that key exists in any issue (published ones and deleted ones not yet purged included).
   * A known item clipped by hand gets a ledger row too (not counted as filed), so the reader's
   * `afterFiled` (un-star) covers it. Any failure aborts the whole transaction.
   */
  async file(request: FilingRequest): Promise<FilingResult> {
    const { sourceId, items, cursor, health, now } = request;
    const db = await this.open();
    const tx = db.transaction(['clippings', 'imported', 'sources', 'outbox'], 'readwrite');
    settleQuietly(tx.done);
    try {
      const clippings = tx.objectStore('clippings');
      const imported = tx.objectStore('imported');
      const known = new Set<string>();
      const ledgerKeys = new Set<string>();
      for (const key of new Set(items.map(itemKey))) {
        const row = ImportedRow.safeParse(await imported.get(key));
        if (row.success) {
          known.add(key);
          if (row.data.sourceId === sourceId) ledgerKeys.add(key);
          continue;
        }
        const clipped = (await clippings.index('byUrlKey').getAll(key)) as { id: string; createdAt: number }[];
        if (!clipped.length) continue;
        known.add(key);
        const item = items.find((i) => itemKey(i) === key)!;
        const oldest = clipped.sort((a, b) => a.createdAt - b.createdAt)[0]!;
        await imported.put(ledgerRow(item, key, sourceId, oldest.id, false, now));
        ledgerKeys.add(key);
      }
      const fresh = itemsToFile(items, (key) => known.has(key));
      const filed: Clipping[] = [];
      for (const [index, item] of fresh.entries()) {
        const key = itemKey(item);
        const clipping = await putClipping(clippings, Clipping.parse(request.compose(item, index)), now);
        await imported.put(ledgerRow(item, key, sourceId, clipping.id, true, now));
        ledgerKeys.add(key);
        filed.push(clipping);
      }
      await tx.objectStore('sources').put(SourceStateRow.parse({ id: sourceId, cursor, health }));
      await markIssuesChanged(
        tx.objectStore('outbox'),
        filed.map((c) => c.issueId),
        now,
      );
      await tx.done;
      return { filed, ledgerKeys };
    } catch (error) {
      // Nothing half-filed: undo every write of this transaction (an error thrown between requests would otherwise let it commit).
      try {
        tx.abort();
      } catch {
        // Already aborted or finished.
      }
      throw error;
    }
  }
}

function ledgerRow(item: FeedItem, key: string, sourceId: string, clippingId: string, filed: boolean, at: number): ImportedRow {
  return ImportedRow.parse({
    key,
    sourceId,
    guid: item.guid,
    ...(item.readerId ? { readerId: item.readerId } : {}),
    clippingId,
    filed,
    at,
  });
}
