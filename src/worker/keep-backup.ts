import { type BackupFile, buildBackup, renderBackup } from '../export/backup';
import { stableJson } from '../export/stable-json';
import { type BackupReason, type KeptBackupSummary, keptBackup, keptBackupFileName } from '../export/kept-backup';
import type { HandlerDeps } from './handler-deps';

export interface KeepBackupResult {
  kept: KeptBackupSummary;
  /** True when it was also saved as a file (the editor's choice, with the downloads permission granted). */
  savedAsFile: boolean;
}

/**
 * Makes a backup of the whole store in the existing format (the same as "Download backup"), keeps it
 * inside the extension (the last few stay: BackupsRepo) and, when the editor asked for it, saves it as
 * a file too. A failed file save is logged and never undoes the kept copy.
 *
 * A weekly backup is kept only when something changed since the newest kept backup: a quiet week
 * would otherwise push an older, different backup out of the few that stay. It then returns undefined.
 * A backup on publishing is always kept: it marks the issue that went out.
 */
export async function keepBackup(
  deps: Pick<HandlerDeps, 'settings' | 'issues' | 'clippings' | 'backups' | 'backupFiles' | 'now' | 'newId'>,
  reason: BackupReason,
): Promise<KeepBackupResult | undefined> {
  const [settings, issues, clippings] = await Promise.all([deps.settings.get(), deps.issues.list(), deps.clippings.listAll()]);
  const now = deps.now();
  const file = buildBackup({ settings, issues, clippings, now });
  if (reason.kind === 'weekly' && (await sameAsNewestKept(deps.backups, file))) return undefined;
  const backup = keptBackup(deps.newId(), reason, file, now);
  await deps.backups.add(backup);
  const { file: _file, ...kept } = backup;
  let savedAsFile = false;
  if (await deps.backups.saveFiles()) {
    try {
      savedAsFile = await deps.backupFiles.save(keptBackupFileName(backup), renderBackup(file));
    } catch (error) {
      console.warn('newsletter-clipper: the backup is kept, but could not be saved as a file', error);
    }
  }
  return { kept, savedAsFile };
}

/** Whether the newest kept backup holds the same records as `file` (its time aside). */
async function sameAsNewestKept(backups: HandlerDeps['backups'], file: BackupFile): Promise<boolean> {
  const [newest] = await backups.list();
  const kept = newest && (await backups.get(newest.id));
  return !!kept && contentOf(kept.file) === contentOf(file);
}

const contentOf = (file: BackupFile) => stableJson({ ...file, exportedAt: '' });
