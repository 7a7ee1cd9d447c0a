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
import { FEED_ALARM } from '../src/platform/feed-runtime';
import { scheduleFeedPolls } from '../src/worker/feed-handlers';
import { pollSources } from '../src/worker/feed-poll';
import { listenForLinkChecks } from '../src/platform/link-check-port';
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

/** Polls the feed sources that are due (or one just saved), then sends what they filed. */
const pollSoon = (only?: string) =>
  void pollSources(deps, only ? { only, force: true } : {}).then(
    (report) => report.filed && syncSoon(),
    (error: unknown) => console.warn('newsletter-clipper: feed poll failed', error),
  );
/** The poll alarm as the settings want it (on install and startup: an update or a cleared profile loses alarms). */
const scheduleFeeds = () =>
  void scheduleFeedPolls(deps).catch((error: unknown) => console.warn('newsletter-clipper: feed alarm not set', error));

browser.runtime.onMessage.addListener(async (message: unknown, sender: Runtime.MessageSender) => {
  const reply = await route(message, sender);
  const type = (message as { type?: unknown } | null)?.type;
  if (reply.ok && SYNC_AFTER.has(type as MessageName)) syncSoon();
  // A source just saved is read at once, not at the next alarm.
  if (reply.ok && type === 'sources.save') {
    const saved = (reply.value as { source?: { id?: string; enabled?: boolean } }).source;
    if (saved?.id && saved.enabled) pollSoon(saved.id);
  }
  return reply;
});

// The desk's link check: a long-lived port per check (progress streamed, closing it aborts the check).
listenForLinkChecks({
  clippingsOf: (issueId) => deps.clippings.listByIssue(issueId),
  sections: async () => (await deps.settings.get()).sections,
});
/** The weekly backup's alarm, set once (it survives restarts; `get` before `create`). */
const weeklyBackupAlarm = () =>
  void ensureWeeklyBackupAlarm().catch((error: unknown) => console.warn('newsletter-clipper: no weekly backup alarm', error));

browser.runtime.onInstalled.addListener(() => {
  void registerContextMenus();
  weeklyBackupAlarm();
  syncSoon();
  scheduleFeeds();
});
browser.runtime.onStartup.addListener(() => {
  weeklyBackupAlarm();
  syncSoon();
  scheduleFeeds();
});
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === DRAIN_ALARM) syncSoon();
  if (alarm.name === FEED_ALARM) pollSoon();
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
