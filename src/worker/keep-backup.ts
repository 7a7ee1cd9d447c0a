import { buildBackup, renderBackup } from '../export/backup';
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
 */
export async function keepBackup(
  deps: Pick<HandlerDeps, 'settings' | 'issues' | 'clippings' | 'backups' | 'backupFiles' | 'now' | 'newId'>,
  reason: BackupReason,
): Promise<KeepBackupResult> {
  const [settings, issues, clippings] = await Promise.all([deps.settings.get(), deps.issues.list(), deps.clippings.listAll()]);
  const now = deps.now();
  const file = buildBackup({ settings, issues, clippings, now });
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
