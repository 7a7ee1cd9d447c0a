import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { withAuthorList } from '../clip/authors';
import type { Clipping, DraftClipping } from '../clip/clipping';
import { mergeStoredDuplicates } from './clipping-rows';
import type { Issue } from '../issue/issue';
import type { ImportedRow, SourceStateRow } from '../feeds/source-state';
import type { KeptBackup } from '../export/kept-backup';
import type { OutboxEntry } from '../sync/outbox-entry';
import type { SyncState } from '../sync/sync-state';

export const DB_NAME = 'newsletter-clipper';
export const DB_VERSION = 7;

/**
 * The IndexedDB layout. Rows are typed here for convenience, but every read is parsed with zod
 * by the repos (a row may have been written by an older version, or damaged).
 */
export interface ClipperSchema extends DBSchema {
  clippings: {
    key: string;
    value: ClippingRow;
    /**
     * byIssueUrl (unique, version 4): one live clipping per article per issue. It covers only rows that
     * have both an issue and a `liveUrlKey`, which tombstones and rows in no issue lack (see clipping-rows.ts).
     * byDeletedAt: tombstones only (live rows have no deletedAt), for the purge after sync.
     */
    indexes: { byUrlKey: string; byCreatedAt: number; byIssue: string; byIssueUrl: [string, string]; byDeletedAt: number };
  };
  issues: {
    key: string;
    value: Issue;
    indexes: { byNumber: number; byStatus: string };
  };
  drafts: {
    key: string;
    value: DraftClipping;
    indexes: { byUpdatedAt: number };
  };
  /** One entry per issue changed since its last sync (see src/sync/outbox-entry.ts). */
  outbox: {
    key: string;
    value: OutboxEntry;
    indexes: { byNextAttempt: number };
  };
  /** Per issue: the remote draft it syncs to and what was last written there. */
  syncState: {
    key: string;
    value: SyncState;
  };
  /** Per feed source (version 6): its cursor (validators, body hash) and health; the source's settings live in the settings. */
  sources: {
    key: string;
    value: SourceStateRow;
  };
  /**
   * The import ledger (version 6): every item ever filed from a source, keyed by its urlKey, never purged,
   * so an item the editor deleted does not come back when the source still offers it.
   */
  imported: {
    key: string;
    value: ImportedRow;
    indexes: { bySource: string };
  };
  /** The backups kept inside the extension (version 7): the last few, made on publishing and weekly. */
  backups: {
    key: string;
    value: KeptBackup;
    indexes: { byCreatedAt: number };
  };
  /** Small singleton records (settings), keyed by name. */
  meta: {
    key: string;
    value: unknown;
  };
}

export type ClipperDB = IDBPDatabase<ClipperSchema>;

/**
 * A clipping as stored: the record plus `liveUrlKey`, a copy of its urlKey present only while it is
 * live, so the unique index skips tombstones and a deleted article can be clipped again. Storage-only:
 * the zod schema drops it on every read, so it never reaches messages, exports or backups.
 */
export type ClippingRow = Clipping & { liveUrlKey?: string };

/**
 * Marks a transaction's `done` promise as handled. When a request in the transaction fails, `done`
 * rejects too; if the failing request's own await already reported the error, nobody awaits `done`
 * and the rejection would surface as unhandled in the worker (STYLE rule 3: errors are data).
 */
export function settleQuietly(done: Promise<unknown>): void {
  done.catch(() => undefined);
}

/** How repos reach the database: opened lazily, so a killed worker simply opens it again. */
export type OpenDB = () => Promise<ClipperDB>;

/** Opens the database once and hands out the same connection; a failed open is retried next time. */
export function lazyOpener(open: () => Promise<ClipperDB> = () => openClipperDB()): OpenDB {
  let pending: Promise<ClipperDB> | undefined;
  return () => {
    pending ??= open().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

/**
 * The upgrade ladder: one `if (oldVersion < N)` step per schema version, applied in order, so a
 * database of any age reaches DB_VERSION. Each step has a test in db.test.ts.
 */
export async function openClipperDB(name: string = DB_NAME, now: () => number = Date.now): Promise<ClipperDB> {
  const db: ClipperDB = await openDB<ClipperSchema>(name, DB_VERSION, {
    // idb types the callback as returning nothing; the steps await only requests of the upgrade
    // transaction itself, which stays open for them (idb's documented pattern).
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    async upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        const clippings = db.createObjectStore('clippings', { keyPath: 'id' });
        clippings.createIndex('byUrlKey', 'urlKey');
        clippings.createIndex('byCreatedAt', 'createdAt');
        const drafts = db.createObjectStore('drafts', { keyPath: 'key' });
        drafts.createIndex('byUpdatedAt', 'updatedAt');
        db.createObjectStore('meta');
      }
      if (oldVersion < 2) {
        // Issues arrive: clippings gain issueId (null = not yet placed) and a position in their section.
        const issues = db.createObjectStore('issues', { keyPath: 'id' });
        issues.createIndex('byNumber', 'number', { unique: true });
        issues.createIndex('byStatus', 'status');
        const clippings = tx.objectStore('clippings');
        clippings.createIndex('byIssue', 'issueId');
        let cursor = await clippings.openCursor();
        while (cursor) {
          const row = cursor.value as Partial<Clipping> & { createdAt?: number };
          await cursor.update({ ...row, issueId: row.issueId ?? null, position: row.position ?? row.createdAt ?? 0 } as Clipping);
          cursor = await cursor.continue();
        }
      }
      if (oldVersion < 3) {
        // Sync: the durable outbox, and what each issue's remote draft looked like after the last sync.
        db.createObjectStore('outbox', { keyPath: 'issueId' }).createIndex('byNextAttempt', 'nextAttemptAt');
        db.createObjectStore('syncState', { keyPath: 'issueId' });
      }
      if (oldVersion < 4) {
        // One clipping per article per issue, enforced by a unique index (a popup save and a context-menu
        // clip racing used to make two). Duplicates stored before are merged first, or the index could not be built.
        const clippings = tx.objectStore('clippings');
        await mergeStoredDuplicates(clippings, tx.objectStore('outbox'), now());
        clippings.createIndex('byIssueUrl', ['issueId', 'liveUrlKey'], { unique: true });
        clippings.createIndex('byDeletedAt', 'deletedAt');
      }
      if (oldVersion < 5) {
        // Authors become a list: a clipping's or draft's `byline` string ("A and B") is split into names.
        let row = await tx.objectStore('clippings').openCursor();
        while (row) {
          const upgraded = withAuthorList(row.value);
          if (upgraded !== row.value) await row.update(upgraded as ClippingRow);
          row = await row.continue();
        }
        let draft = await tx.objectStore('drafts').openCursor();
        while (draft) {
          const { form, context } = draft.value as { form?: unknown; context?: unknown };
          const upgraded = { ...draft.value, form: withAuthorList(form), context: withAuthorList(context) };
          if (upgraded.form !== form || upgraded.context !== context) await draft.update(upgraded as DraftClipping);
          draft = await draft.continue();
        }
      }
      if (oldVersion < 6) {
        // Feed sources (issue 13): each source's cursor and health, and the ledger of items filed from them.
        db.createObjectStore('sources', { keyPath: 'id' });
        db.createObjectStore('imported', { keyPath: 'key' }).createIndex('bySource', 'sourceId');
      }
      if (oldVersion < 7) {
        // Publishing (issue 12): backups kept inside the extension, newest by creation time.
        db.createObjectStore('backups', { keyPath: 'id' }).createIndex('byCreatedAt', 'createdAt');
      }
    },
    blocking() {
      // A newer version of the extension (or a test) wants to upgrade: let it, rather than hang its open().
      db.close();
    },
  });
  return db;
}
