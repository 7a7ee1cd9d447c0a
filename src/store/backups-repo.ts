import { KEPT_BACKUPS, KeptBackup, type KeptBackupSummary } from '../export/kept-backup';
import { type OpenDB, settleQuietly } from './db';

/** The `meta` key of the editor's choice to have each kept backup saved as a file too. */
const SAVE_FILES_KEY = 'backupSaveFiles';

function parseBackup(row: unknown): KeptBackup | undefined {
  const parsed = KeptBackup.safeParse(row);
  if (!parsed.success) console.warn('newsletter-clipper: skipped an unreadable kept backup', parsed.error.issues[0]);
  return parsed.success ? parsed.data : undefined;
}

const summaryOf = ({ file: _file, ...summary }: KeptBackup): KeptBackupSummary => summary;

/**
 * The backups kept inside the extension (on publishing, and weekly): at most KEPT_BACKUPS, newest
 * first. Adding one and dropping the oldest happen in one transaction, so a killed worker never
 * leaves nine or seven.
 */
export class BackupsRepo {
  constructor(private readonly open: OpenDB) {}

  /** Stores a backup and drops the oldest beyond the limit; returns the summaries of those dropped. */
  async add(backup: KeptBackup, keep: number = KEPT_BACKUPS): Promise<KeptBackupSummary[]> {
    const valid = KeptBackup.parse(backup);
    const db = await this.open();
    const tx = db.transaction('backups', 'readwrite');
    settleQuietly(tx.done);
    await tx.store.put(valid);
    const dropped: KeptBackupSummary[] = [];
    // Newest first by creation time; the id breaks ties so two backups in one millisecond keep an order.
    let cursor = await tx.store.index('byCreatedAt').openCursor(null, 'prev');
    let seen = 0;
    while (cursor) {
      seen += 1;
      if (seen > keep) {
        const old = parseBackup(cursor.value);
        if (old) dropped.push(summaryOf(old));
        await cursor.delete();
      }
      cursor = await cursor.continue();
    }
    await tx.done;
    return dropped;
  }

  /** The kept backups' summaries, newest first (a damaged row is skipped with a warning). */
  async list(): Promise<KeptBackupSummary[]> {
    const db = await this.open();
    const rows = await db.getAllFromIndex('backups', 'byCreatedAt');
    return rows
      .map(parseBackup)
      .filter((b): b is KeptBackup => !!b)
      .reverse()
      .map(summaryOf);
  }

  async get(id: string): Promise<KeptBackup | undefined> {
    const db = await this.open();
    const row = await db.get('backups', id);
    return row === undefined ? undefined : parseBackup(row);
  }

  /** Whether each kept backup is also saved as a file (the downloads permission is the browser's part of the answer). */
  async saveFiles(): Promise<boolean> {
    const db = await this.open();
    return (await db.get('meta', SAVE_FILES_KEY)) === true;
  }

  async setSaveFiles(on: boolean): Promise<void> {
    const db = await this.open();
    await db.put('meta', on, SAVE_FILES_KEY);
  }
}
