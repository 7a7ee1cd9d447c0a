import browser from 'webextension-polyfill';
import type { BackupFileSaver } from '../worker/handler-deps';

/** The alarm that keeps a backup every week (alarms, not timers: the worker is killed when idle). */
export const WEEKLY_BACKUP_ALARM = 'weekly-backup';
const WEEK_MINUTES = 7 * 24 * 60;

/** Sets the weekly backup alarm unless it is set (`get` before `create`, so a restart does not push it back a week). */
export async function ensureWeeklyBackupAlarm(): Promise<void> {
  if (await browser.alarms.get(WEEKLY_BACKUP_ALARM)) return;
  await browser.alarms.create(WEEKLY_BACKUP_ALARM, { delayInMinutes: WEEK_MINUTES, periodInMinutes: WEEK_MINUTES });
}

/** The `downloads` permission, asked for only when the editor turns on saving backups as files. */
export const DOWNLOADS_PERMISSION = { permissions: ['downloads' as const] };

/** UTF-8 text as base64, in chunks (a large backup would overflow one spread call). */
function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Saves kept backups as files through the downloads API, into the browser's download folder without
 * asking where. Chromium's service worker has no blob URLs, so the file goes as a data URL there;
 * Firefox's background page makes a blob URL (it lives until the page unloads).
 */
export const browserBackupFiles: BackupFileSaver = {
  async save(name, text) {
    if (!browser.downloads || !(await browser.permissions.contains(DOWNLOADS_PERMISSION))) return false;
    const url =
      typeof URL.createObjectURL === 'function'
        ? URL.createObjectURL(new Blob([text], { type: 'application/json' }))
        : `data:application/json;base64,${base64(text)}`;
    await browser.downloads.download({ url, filename: name, saveAs: false, conflictAction: 'uniquify' });
    return true;
  },
};
