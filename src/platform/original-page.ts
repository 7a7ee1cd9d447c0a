import browser from 'webextension-polyfill';
import { readerViewOriginal } from '../clip/browser-pages';
import { isWebUrl } from '../clip/url-key';

/**
 * Leaves Reader View: loads the original article in the tab (the given one, else the active tab of
 * the popup's window). No permission is needed to navigate a tab. Refuses anything but an http(s)
 * address, and a tab that no longer shows Reader View of that article (when its address is visible).
 */
export async function openOriginalPage(tabId: number | undefined, originalUrl: string): Promise<void> {
  if (!isWebUrl(originalUrl)) throw new Error('The original address is not a web address.');
  const tab = tabId !== undefined ? await browser.tabs.get(tabId) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (!tab || tab.id === undefined) throw new Error('The tab is gone: it was closed or replaced.');
  if (tab.url && tab.url !== originalUrl && readerViewOriginal(tab.url) !== originalUrl) {
    throw new Error('The tab no longer shows Reader View of this article.');
  }
  await browser.tabs.update(tab.id, { url: originalUrl });
}
