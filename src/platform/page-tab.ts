import browser from 'webextension-polyfill';
import type { TabInfo } from './tab-capture';

/** A page that has not finished loading by then is read as far as it got. */
export const PAGE_LOAD_TIMEOUT_MS = 20_000;

/** A background tab the worker opened to read a page, and how to close it. */
export interface OpenedTab {
  tab: TabInfo;
  /** Whether the page finished loading (false: read as far as it got within PAGE_LOAD_TIMEOUT_MS). */
  loaded: boolean;
  close(): Promise<void>;
}

/** Resolves once the tab's page has loaded, or after `timeoutMs` (false then). */
function loadedWithin(tabId: number, timeoutMs: number): Promise<boolean> {
  return new Promise((done) => {
    const finish = (loaded: boolean) => {
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(listener);
      done(loaded);
    };
    // Firefox reports the new tab's initial about:blank as complete before the page starts loading: wait for the page.
    const loadedPage = (tab: browser.Tabs.Tab) => tab.status === 'complete' && !!tab.url && tab.url !== 'about:blank';
    const listener = (id: number, change: browser.Tabs.OnUpdatedChangeInfoType, tab: browser.Tabs.Tab) => {
      if (id === tabId && change.status === 'complete' && loadedPage(tab)) finish(true);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    browser.tabs.onUpdated.addListener(listener);
    // It may have loaded before the listener was added.
    void browser.tabs.get(tabId).then(
      (tab) => loadedPage(tab) && finish(true),
      () => finish(false),
    );
  });
}

/**
 * Opens `url` in a background tab (the editor's own tab keeps the focus) and waits for it to load, so
 * the normal capture can read it. The caller closes it (always: `close` never throws).
 */
export async function openPageTab(url: string, timeoutMs = PAGE_LOAD_TIMEOUT_MS): Promise<OpenedTab> {
  const created = await browser.tabs.create({ url, active: false });
  const id = created.id;
  if (id === undefined) throw new Error('the browser opened no tab');
  const loaded = await loadedWithin(id, timeoutMs);
  const current = await browser.tabs.get(id).catch(() => created);
  return {
    tab: { id, url: current.url || url, ...(current.title ? { title: current.title } : {}) },
    loaded,
    close: async () => {
      await browser.tabs.remove(id).catch(() => {});
    },
  };
}
