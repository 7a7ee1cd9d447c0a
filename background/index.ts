// Wiring only: listeners are registered synchronously at the top level (MV3 workers are killed
// when idle and restarted for the next event), and everything durable lives in IndexedDB.
import '../src/platform/zod-setup';
import browser, { type Runtime } from 'webextension-polyfill';
import { createRouter, isExtensionPageSender } from '../src/messages/router';
import { CLIP_LINK_MENU_ID, OPEN_DESK_MENU_ID, registerContextMenus } from '../src/platform/context-menu';
import { openIssueDesk } from '../src/platform/extension-pages';
import { createHandlers } from '../src/worker/handlers';
import { browserHandlerDeps } from '../src/worker/worker-deps';

const handlers = createHandlers(browserHandlerDeps());
const extensionOrigin = browser.runtime.getURL('');
const route = createRouter(handlers, (sender) => isExtensionPageSender(sender, browser.runtime.id, extensionOrigin));

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));

browser.runtime.onInstalled.addListener(() => {
  void registerContextMenus();
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === OPEN_DESK_MENU_ID) {
    void openIssueDesk();
    return;
  }
  if (info.menuItemId !== CLIP_LINK_MENU_ID || !info.linkUrl) return;
  const text = (info as { linkText?: string }).linkText; // Firefox only; Chrome's event has no link text.
  handlers['clip.link']({ url: info.linkUrl, ...(text ? { text } : {}), ...(tab?.id !== undefined ? { tabId: tab.id } : {}) }, {}).catch(
    (error: unknown) => console.error('newsletter-clipper: could not clip the link', error),
  );
});
