import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { renderBackup } from '../src/export/backup';
import { keptBackupFileName, type KeptBackupSummary } from '../src/export/kept-backup';
import { formattingLocale, listOf, plural, t, uiLanguage } from '../src/i18n/messages';
import { send } from '../src/messages/client';
import { mergeReportText } from '../src/messages/merge-report-text';
import { DOWNLOADS_PERMISSION } from '../src/platform/kept-backups';
import { downloadText } from '../src/platform/download';

const formatTime = (time: number) =>
  new Date(time).toLocaleString(formattingLocale(uiLanguage()), { dateStyle: 'medium', timeStyle: 'short' });

const reasonText = (backup: KeptBackupSummary) =>
  backup.reason.kind === 'published' ? t('optionsKeptPublished', backup.reason.issueNumber) : t('optionsKeptWeekly');

/**
 * The backups kept inside the extension (on publishing, and weekly): each one downloadable and
 * restorable, and the choice to have each saved as a file too (the downloads permission is asked for
 * only then, inside the click).
 */
export function KeptBackups({ onRestored, onStatus }: { onRestored: () => void; onStatus: (text: string, error?: boolean) => void }) {
  const [list, setList] = useState<{ backups: KeptBackupSummary[]; saveFiles: boolean } | undefined>();
  const [busy, setBusy] = useState(false);
  const load = useCallback(async () => {
    try {
      const answer = await send('backups.list', {});
      // The choice counts only while the browser still grants the permission (the editor may withdraw it there).
      const granted = answer.saveFiles && (await browser.permissions.contains(DOWNLOADS_PERMISSION));
      setList({ ...answer, saveFiles: granted });
    } catch (error) {
      onStatus(error instanceof Error ? error.message : String(error), true);
    }
  }, [onStatus]);
  useEffect(() => {
    void load();
  }, [load]);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      onStatus(t('optionsBackupFailed', error instanceof Error ? error.message : String(error)), true);
    } finally {
      setBusy(false);
    }
  };
  const download = (backup: KeptBackupSummary) =>
    run(async () => {
      const file = await send('backups.file', { id: backup.id });
      downloadText(keptBackupFileName(backup), 'application/json', renderBackup(file));
    });
  const restore = (backup: KeptBackupSummary) =>
    run(async () => {
      onStatus(t('optionsWorking'));
      onStatus(mergeReportText(await send('backups.restore', { id: backup.id }), 'Restored'));
      onRestored();
      await load();
    });
  /** Runs inside the click: permissions.request needs the editor's gesture. */
  const toggleFiles = async (on: boolean) => {
    let allowed = on;
    if (on) {
      try {
        allowed = await browser.permissions.request(DOWNLOADS_PERMISSION);
      } catch {
        allowed = false;
      }
      if (!allowed) onStatus(t('optionsKeptSaveFilesRefused'), true);
    }
    await run(async () => {
      await send('backups.setSaveFiles', { on: allowed });
      await load();
    });
  };

  if (!list) return null;
  return (
    <div class="kept-backups">
      <h3 id="kept-heading">{t('optionsKeptHeading')}</h3>
      <p class="help">{t('optionsKeptHelp')}</p>
      <label>
        <input type="checkbox" checked={list.saveFiles} disabled={busy} onChange={(e) => void toggleFiles(e.currentTarget.checked)} />{' '}
        {t('optionsKeptSaveFiles')}
      </label>
      {list.backups.length === 0 ? (
        <p class="help">{t('optionsKeptNone')}</p>
      ) : (
        <table class="kept" aria-labelledby="kept-heading" data-testid="kept-backups">
          <thead>
            <tr>
              <th scope="col">{t('optionsKeptWhen')}</th>
              <th scope="col">{t('optionsKeptWhy')}</th>
              <th scope="col">{t('optionsKeptHolds')}</th>
              <th scope="col">{t('optionsKeptActions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.backups.map((backup) => (
              <tr key={backup.id} data-testid="kept-backup">
                <td>{formatTime(backup.createdAt)}</td>
                <td>{reasonText(backup)}</td>
                <td>{listOf([plural('reportIssues', backup.issues), plural('reportClippings', backup.clippings)])}</td>
                <td>
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={t('optionsKeptDownloadLabel', formatTime(backup.createdAt))}
                    onClick={() => void download(backup)}
                  >
                    {t('optionsKeptDownload')}
                  </button>{' '}
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={t('optionsKeptRestoreLabel', formatTime(backup.createdAt))}
                    onClick={() => void restore(backup)}
                  >
                    {t('optionsKeptRestore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
