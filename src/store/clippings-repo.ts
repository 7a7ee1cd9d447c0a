import { Clipping } from '../clip/clipping';
import type { TimeWindow } from '../clip/week';
import { type OpenDB, settleQuietly } from './db';
import { markIssuesChanged } from './outbox-marks';

/** Parses a stored row; a damaged row is reported and skipped rather than crashing a listing. */
function parseRow(row: unknown): Clipping | undefined {
  if (row === undefined) return undefined;
  const parsed = Clipping.safeParse(row);
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
    const db = await this.open();
    const valid = Clipping.parse(clipping);
    const tx = db.transaction(['clippings', 'drafts', 'outbox'], 'readwrite');
    settleQuietly(tx.done);
    await Promise.all([
      tx.objectStore('clippings').put(valid),
      draftKey ? tx.objectStore('drafts').delete(draftKey) : Promise.resolve(),
      markIssuesChanged(tx.objectStore('outbox'), [valid.issueId], valid.updatedAt),
      tx.done,
    ]);
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
    await Promise.all(valid.map((c) => store.put(c)));
    const now = Math.max(...valid.map((c) => c.updatedAt));
    await markIssuesChanged(tx.objectStore('outbox'), [...valid.map((c) => c.issueId), ...before.map((c) => c?.issueId)], now);
    await tx.done;
  }

  /** Brings a deleted clipping back (undo), if its tombstone is still there. */
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
    const restored = { ...rest, updatedAt: now };
    await store.put(restored);
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
    await store.put({ ...clipping, deletedAt: now, updatedAt: now });
    await markIssuesChanged(tx.objectStore('outbox'), [clipping.issueId], now);
    await tx.done;
    return true;
  }
}

