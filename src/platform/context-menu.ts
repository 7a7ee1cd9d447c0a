import browser from 'webextension-polyfill';
import { t } from '../i18n/messages';

/** Menu item ids: they persist across worker restarts, so they are constants, created once on install. */
export const CLIP_LINK_MENU_ID = 'clip-link';
export const OPEN_DESK_MENU_ID = 'open-issue-desk';

/** Creates the extension's context-menu items (call from runtime.onInstalled). */
export async function registerContextMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: CLIP_LINK_MENU_ID, title: t('menuClipLink'), contexts: ['link'] });
  // On the toolbar button's own menu (right-click the button).
  browser.contextMenus.create({ id: OPEN_DESK_MENU_ID, title: t('menuOpenDesk'), contexts: ['action'] });
}
