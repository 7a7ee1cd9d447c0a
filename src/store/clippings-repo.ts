import { Clipping, StoredClipping } from '../clip/clipping';
import type { TimeWindow } from '../clip/week';
import { clippingRow, isConstraintError, putClipping } from './clipping-rows';
import { type ClipperDB, type OpenDB, settleQuietly } from './db';
import { markIssuesChanged } from './outbox-marks';

/**
 * What to store for a save, given the live clipping already stored for it (found by id or by
 * address inside the write transaction); undefined leaves the store as it is.
 */
export type ComposeClipping = (existing: Clipping | undefined) => Clipping | undefined;

export interface SaveRequest {
  /** The clipping the form edits, if the popup knew one. */
  id?: string | undefined;
  /** The duplicate key of the address being saved (see url-key.ts). */
  urlKey: string;
  /** The popup draft to remove with the save. */
  draftKey?: string | undefined;
  compose: ComposeClipping;
  now: number;
}

export interface SaveResult {
  /** What is stored now (the merged clipping when the save met a duplicate). */
  clipping: Clipping;
  /** The live clipping the save found and updated, if any. */
  existing: Clipping | undefined;
  /** False when compose left the store as it was. */
  written: boolean;
}

/** A tombstone's identity and version: purged only if it is still this very tombstone. */
export interface TombstoneRef {
  id: string;
  updatedAt: number;
}

/** Parses a stored row; a damaged row is reported and skipped rather than crashing a listing. */
function parseRow(row: unknown): Clipping | undefined {
  if (row === undefined) return undefined;
  const parsed = StoredClipping.safeParse(row);
  if (parsed.success) return parsed.data;
  console.warn('newsletter-clipper: skipped an unreadable clipping row', parsed.error.issues[0]);
  return undefined;
}

/** Reads and writes clippings. Deleted clippings stay as tombstones and are hidden from reads. */
export class ClippingsRepo {
  constructor(private readonly open: OpenDB) {}

  async get(id: string): Promise<Clipping | undefined> {
    const db = await this.open();
    const clipping = parseRow(await db.get('clippings', id));
    return clipping && !clipping.deletedAt ? clipping : undefined;
  }

  /** The live clipping with this duplicate key, if the URL was clipped before (the oldest wins). */
  async findByUrlKey(key: string): Promise<Clipping | undefined> {
    const db = await this.open();
    const rows = await db.getAllFromIndex('clippings', 'byUrlKey', key);
    return rows
      .map(parseRow)
      .filter((c): c is Clipping => !!c && !c.deletedAt)
      .sort((a, b) => a.createdAt - b.createdAt)[0];
  }

  /** Live clippings created inside the window, oldest first. */
  async listCreatedIn(window: TimeWindow): Promise<Clipping[]> {
    const db = await this.open();
    const rows = await db.getAllFromIndex('clippings', 'byCreatedAt', IDBKeyRange.bound(window.start, window.end, false, true));
    return rows.map(parseRow).filter((c): c is Clipping => !!c && !c.deletedAt);
  }

  /** How many live clippings were created inside the window. */
  async countCreatedIn(window: TimeWindow): Promise<number> {
    return (await this.listCreatedIn(window)).length;
  }

  /** The newest live clippings first. */
  async listRecent(limit: number): Promise<Clipping[]> {
    const db = await this.open();
    const result: Clipping[] = [];
    let cursor = await db.transaction('clippings').store.index('byCreatedAt').openCursor(null, 'prev');
    while (cursor && result.length < limit) {
      const clipping = parseRow(cursor.value);
      if (clipping && !clipping.deletedAt) result.push(clipping);
      cursor = await cursor.continue();
    }
    return result;
  }

  /**
   * Stores a clipping and removes the popup draft it came from, in one transaction: either both
   * happen or neither (so the editor's text is never in neither place).
   */
  async saveFromDraft(clipping: Clipping, draftKey: string | undefined): Promise<void> {
    await this.save({ urlKey: clipping.urlKey, draftKey, compose: () => clipping, now: clipping.updatedAt });
  }

  /**
   * The save of the popup and of the context menu: finds the clipping being edited (by id, else the
   * oldest live one with this address), composes what to store and writes it, with its outbox entry
   * and the draft's removal, in ONE read-write transaction, so a concurrent save of the same address
   * either comes before (and is found here) or after (and finds this one). Should a write still meet
   * the unique index (a writer that skipped the look-up), the transaction is aborted and the save runs
   * once more, where the look-up finds that clipping and the save becomes an update of it.
   */
  async save(request: SaveRequest): Promise<SaveResult> {
    const db = await this.open();
    try {
      return await this.saveOnce(db, request);
    } catch (error) {
      if (!isConstraintError(error)) throw error;
      return this.saveOnce(db, request);
    }
  }

  private async saveOnce(db: ClipperDB, { id, urlKey, draftKey, compose, now }: SaveRequest): Promise<SaveResult> {
    const tx = db.transaction(['clippings', 'drafts', 'outbox'], 'readwrite');
    settleQuietly(tx.done);
    const store = tx.objectStore('clippings');
    const live = (row: unknown) => {
      const clipping = parseRow(row);
      return clipping && !clipping.deletedAt ? clipping : undefined;
    };
    const byId = id ? live(await store.get(id)) : undefined;
    const existing =
      byId ??
      (await store.index('byUrlKey').getAll(urlKey))
        .map(live)
        .filter((c): c is Clipping => !!c)
        .sort((a, b) => a.createdAt - b.createdAt)[0];
    const composed = compose(existing);
    if (!composed) {
      await tx.done;
      if (!existing) throw new Error('Nothing to save: no clipping was composed and none is stored.');
      return { clipping: existing, existing, written: false };
    }
    const valid = Clipping.parse(composed);
    const before = valid.id === existing?.id ? existing : live(await store.get(valid.id));
    const stored = await putClipping(store, valid, now);
    if (draftKey) await tx.objectStore('drafts').delete(draftKey);
    await markIssuesChanged(tx.objectStore('outbox'), [stored.issueId, before?.issueId], now);
    await tx.done;
    return { clipping: stored, existing, written: true };
  }

  /** The live clippings of an issue (in no particular order: the issue view sorts them). */
  async listByIssue(issueId: string): Promise<Clipping[]> {
    const db = await this.open();
    return (await db.getAllFromIndex('clippings', 'byIssue', issueId)).map(parseRow).filter((c): c is Clipping => !!c && !c.deletedAt);
  }

  /** Every row, tombstones included (for a backup). Unreadable rows are skipped. */
  async listAll(): Promise<Clipping[]> {
    const db = await this.open();
    return (await db.getAll('clippings')).map(parseRow).filter((c): c is Clipping => !!c);
  }

  /**
   * Writes several clippings in one transaction (a reorder touches a whole section), marking both the
   * issues they are in now and the ones they left as changed.
   */
  async putMany(clippings: readonly Clipping[]): Promise<void> {
    const valid = clippings.map((c) => Clipping.parse(c));
    if (!valid.length) return;
    const db = await this.open();
    const tx = db.transaction(['clippings', 'outbox'], 'readwrite');
    settleQuietly(tx.done);
    const store = tx.objectStore('clippings');
    const before = await Promise.all(valid.map((c) => store.get(c.id)));
    const now = Math.max(...valid.map((c) => c.updatedAt));
    // One at a time: a write may merge with a clipping written just before it in the same batch.
    for (const clipping of valid) await putClipping(store, clipping, now);
    await markIssuesChanged(tx.objectStore('outbox'), [...valid.map((c) => c.issueId), ...before.map((c) => c?.issueId)], now);
    await tx.done;
  }

  /**
   * Brings a deleted clipping back (undo), if its tombstone is still there. If the article was clipped
   * again in its issue meanwhile, the two are merged and the merged clipping is returned.
   */
  async restore(id: string, now: number): Promise<Clipping | undefined> {
    const db = await this.open();
    const tx = db.transaction(['clippings', 'outbox'], 'readwrite');
    settleQuietly(tx.done);
    const store = tx.objectStore('clippings');
    const clipping = parseRow(await store.get(id));
    if (!clipping || !clipping.deletedAt) {
      await tx.done;
      return undefined;
    }
    const { deletedAt: _gone, ...rest } = clipping;
    const restored = await putClipping(store, { ...rest, updatedAt: now }, now);
    await markIssuesChanged(tx.objectStore('outbox'), [restored.issueId], now);
    await tx.done;
    return restored;
  }

  /** Marks a clipping deleted (a tombstone, kept until synced). */
  async markDeleted(id: string, now: number): Promise<boolean> {
    const db = await this.open();
    const tx = db.transaction(['clippings', 'outbox'], 'readwrite');
    settleQuietly(tx.done);
    const store = tx.objectStore('clippings');
    const clipping = parseRow(await store.get(id));
    if (!clipping || clipping.deletedAt) {
      await tx.done;
      return false;
    }
    await store.put(clippingRow({ ...clipping, deletedAt: now, updatedAt: now }));
    await markIssuesChanged(tx.objectStore('outbox'), [clipping.issueId], now);
    await tx.done;
    return true;
  }

  /** Every tombstone (deleted clipping not yet purged), oldest deletion first. */
  async listTombstones(): Promise<Clipping[]> {
    const db = await this.open();
    return (await db.getAllFromIndex('clippings', 'byDeletedAt'))
      .map(parseRow)
      .filter((c): c is Clipping => !!c && c.deletedAt !== undefined);
  }

  /**
   * Deletes these tombstones for good, in one transaction; one restored (or deleted again) since it
   * was listed has another version and stays. Returns how many went.
   */
  async purgeTombstones(tombstones: readonly TombstoneRef[]): Promise<number> {
    if (!tombstones.length) return 0;
    const db = await this.open();
    const tx = db.transaction('clippings', 'readwrite');
    settleQuietly(tx.done);
    let purged = 0;
    for (const { id, updatedAt } of tombstones) {
      const row = parseRow(await tx.store.get(id));
      if (!row || row.deletedAt === undefined || row.updatedAt !== updatedAt) continue;
      await tx.store.delete(id);
      purged += 1;
    }
    await tx.done;
    return purged;
  }
}
