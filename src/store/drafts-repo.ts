import { DraftClipping, StoredDraft } from '../clip/clipping';
import { type OpenDB, settleQuietly } from './db';

/** Drafts untouched for this long are removed on the next save: the page was abandoned. */
export const DRAFT_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/** The popup's unsaved forms, one per page (keyed by the page's urlKey). */
export class DraftsRepo {
  constructor(private readonly open: OpenDB) {}

  async get(key: string): Promise<DraftClipping | undefined> {
    const db = await this.open();
    const row = await db.get('drafts', key);
    if (row === undefined) return undefined;
    const parsed = StoredDraft.safeParse(row);
    if (!parsed.success) console.warn('newsletter-clipper: ignored an unreadable draft', parsed.error.issues[0]);
    return parsed.success ? parsed.data : undefined;
  }

  /** Saves a draft and sweeps drafts older than DRAFT_MAX_AGE_MS, in one transaction. */
  async put(draft: DraftClipping): Promise<void> {
    const db = await this.open();
    const valid = DraftClipping.parse(draft);
    const tx = db.transaction('drafts', 'readwrite');
    settleQuietly(tx.done);
    await tx.store.put(valid);
    let stale = await tx.store.index('byUpdatedAt').openCursor(IDBKeyRange.upperBound(valid.updatedAt - DRAFT_MAX_AGE_MS));
    while (stale) {
      await stale.delete();
      stale = await stale.continue();
    }
    await tx.done;
  }

  async delete(key: string): Promise<void> {
    const db = await this.open();
    await db.delete('drafts', key);
  }
}
