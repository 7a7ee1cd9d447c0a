import browser from 'webextension-polyfill';
import { MessageError } from '../messages/message-error';
import type { TabInfo } from './tab-capture';

/** The tab with this id, or the active tab of the window the editor last used. */
export async function resolveTab(tabId: number | undefined): Promise<TabInfo> {
  const tab =
    tabId !== undefined
      ? await browser.tabs.get(tabId).catch(() => undefined)
      : (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];
  if (!tab || tab.id === undefined) throw new MessageError('not-found', 'The tab to clip is gone: it was closed or replaced.');
  // Without host access the url is hidden for tabs the editor has not invoked the extension on.
  return { id: tab.id, url: tab.url ?? tab.pendingUrl ?? '', ...(tab.title ? { title: tab.title } : {}) };
}
