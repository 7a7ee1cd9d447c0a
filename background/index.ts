// Wiring only: listeners are registered synchronously at the top level (MV3 workers are killed
// when idle and restarted for the next event), and everything durable lives in IndexedDB.
import '../src/platform/zod-setup';
import '../src/platform/i18n-setup';
import browser, { type Runtime } from 'webextension-polyfill';
import { createRouter, isExtensionPageSender } from '../src/messages/router';
import { onClipShortcutChanged } from '../src/platform/clip-shortcut';
import { CLIP_LINK_MENU_ID, OPEN_DESK_MENU_ID, registerContextMenus } from '../src/platform/context-menu';
import { openIssueDesk } from '../src/platform/extension-pages';
import { DRAIN_ALARM } from '../src/platform/sync-runtime';
import { WEEKLY_BACKUP_ALARM, ensureWeeklyBackupAlarm } from '../src/platform/kept-backups';
import { keepBackup } from '../src/worker/keep-backup';
import type { MessageName } from '../src/messages/protocol';
import { createHandlers } from '../src/worker/handlers';
import { SYNC_AFTER } from '../src/worker/sync-triggers';
import { browserHandlerDeps } from '../src/worker/worker-deps';

const deps = browserHandlerDeps();
const handlers = createHandlers(deps);
const extensionOrigin = browser.runtime.getURL('');
const route = createRouter(handlers, (sender) => isExtensionPageSender(sender, browser.runtime.id, extensionOrigin));

/** Sends what changed without making the editor wait; the alarm retries whatever this misses. */
const syncSoon = () => void deps.sync.drain().catch((error: unknown) => console.warn('newsletter-clipper: sync attempt failed', error));

browser.runtime.onMessage.addListener(async (message: unknown, sender: Runtime.MessageSender) => {
  const reply = await route(message, sender);
  const type = (message as { type?: unknown } | null)?.type;
  if (reply.ok && SYNC_AFTER.has(type as MessageName)) syncSoon();
  return reply;
});

/** The weekly backup's alarm, set once (it survives restarts; `get` before `create`). */
const weeklyBackupAlarm = () =>
  void ensureWeeklyBackupAlarm().catch((error: unknown) => console.warn('newsletter-clipper: no weekly backup alarm', error));

browser.runtime.onInstalled.addListener(() => {
  void registerContextMenus();
  weeklyBackupAlarm();
  syncSoon();
});
browser.runtime.onStartup.addListener(() => {
  weeklyBackupAlarm();
  syncSoon();
});
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === DRAIN_ALARM) syncSoon();
  if (alarm.name === WEEKLY_BACKUP_ALARM)
    keepBackup(deps, { kind: 'weekly' }).catch((error: unknown) => console.warn('newsletter-clipper: the weekly backup failed', error));
});
self.addEventListener('online', syncSoon);
// Access to the target's site granted (from the options page or the browser's own settings): send what waited.
browser.permissions.onAdded.addListener(syncSoon);
// The toolbar button's title names the clip shortcut: recomputed with the badge when the editor changes it (where the browser says so).
onClipShortcutChanged(syncSoon);

browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === OPEN_DESK_MENU_ID) {
    void openIssueDesk();
    return;
  }
  if (info.menuItemId !== CLIP_LINK_MENU_ID || !info.linkUrl) return;
  const text = (info as { linkText?: string }).linkText; // Firefox only; Chrome's event has no link text.
  handlers['clip.link']({ url: info.linkUrl, ...(text ? { text } : {}), ...(tab?.id !== undefined ? { tabId: tab.id } : {}) }, {}).then(
    syncSoon,
    (error: unknown) => console.error('newsletter-clipper: could not clip the link', error),
  );
});
