import { z } from 'zod';
import { BackupFile } from './backup';

/** How many automatic backups stay inside the extension; the oldest goes when a newer one arrives. */
export const KEPT_BACKUPS = 8;

/** Why a backup was kept: an issue was published (with its number), or the weekly alarm. */
export const BackupReason = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('published'), issueNumber: z.number().int().positive() }),
  z.object({ kind: z.literal('weekly') }),
]);
export type BackupReason = z.infer<typeof BackupReason>;

/** What the options page lists of a kept backup: when, why, and how much it holds. */
export const KeptBackupSummary = z.object({
  id: z.string().min(1).max(64),
  createdAt: z.number().int().nonnegative(),
  reason: BackupReason,
  issues: z.number().int().nonnegative(),
  /** Live clippings (tombstones are in the file too, but are not what the editor counts). */
  clippings: z.number().int().nonnegative(),
});
export type KeptBackupSummary = z.infer<typeof KeptBackupSummary>;

/** A backup kept inside the extension (the `backups` store): its summary and the backup file itself, in the existing format. */
export const KeptBackup = KeptBackupSummary.extend({ file: BackupFile });
export type KeptBackup = z.infer<typeof KeptBackup>;

/** The kept backup of a backup file: counts from the file's own records. */
export function keptBackup(id: string, reason: BackupReason, file: BackupFile, createdAt: number): KeptBackup {
  const live = file.clippings.filter((c) => !(typeof c === 'object' && c !== null && 'deletedAt' in c && c.deletedAt !== undefined));
  return { id, createdAt, reason, issues: file.issues.length, clippings: live.length, file };
}

/** The file name a kept backup is saved under: the extension's name, the date and the reason. */
export function keptBackupFileName(backup: Pick<KeptBackup, 'createdAt' | 'reason'>): string {
  const day = new Date(backup.createdAt).toISOString().slice(0, 10);
  const why = backup.reason.kind === 'published' ? `published-${backup.reason.issueNumber}` : 'weekly';
  return `newsletter-clipper-backup-${day}-${why}.json`;
}
