import browser from 'webextension-polyfill';

/** Menu item ids: they persist across worker restarts, so they are constants, created once on install. */
export const CLIP_LINK_MENU_ID = 'clip-link';

/** Creates the extension's context-menu items (call from runtime.onInstalled). */
export async function registerContextMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: CLIP_LINK_MENU_ID, title: 'Clip link', contexts: ['link'] });
}
