import { t } from '../i18n/messages';

/**
 * The words about the keyboard shortcut that opens the clip form (the manifest's `_execute_action`
 * command). The browser owns the binding: the manifest only suggests one, which the browser may refuse
 * at install (Chromium on Linux and Windows gives no extension a key its own window uses: Alt+Shift+C
 * is "add a new tab to the group" there), and the editor may change or remove it. So every view says
 * the binding the browser reports, or where to set one.
 */

/** The command the manifest binds to the toolbar button: its shortcut opens the popup on the page. */
export const CLIP_COMMAND = '_execute_action';

/**
 * Where the browser keeps its extension shortcuts: Chromium's page chrome://extensions/shortcuts, which
 * an extension may open in a tab (a plain link to a chrome:// address does nothing), or Firefox's
 * add-ons manager, which only `commands.openShortcutSettings()` opens (tabs.create refuses about:addons).
 */
export type ShortcutSettingsPlace = 'extensions-shortcuts-page' | 'addons-manager';

/** The address of Chromium's shortcut settings. */
export const EXTENSIONS_SHORTCUTS_PAGE = 'chrome://extensions/shortcuts';

/** The toolbar button's tooltip: what it does, with the real shortcut when there is one. */
export function actionTitle(shortcut: string): string {
  return shortcut ? t('actionTitleWithShortcut', shortcut) : t('actionTitle');
}

/** What the options page says about the shortcut. */
export interface ShortcutStatement {
  /** The sentence: the binding, or that there is none. */
  text: string;
  /** Where to set or change it, in words. */
  where: string;
  /** The label of the button that opens the browser's shortcut settings. */
  action: string;
}

/** The options page's statement of the shortcut (bound or not) and where to change it. */
export function shortcutStatement(shortcut: string, place: ShortcutSettingsPlace): ShortcutStatement {
  const inAddons = place === 'addons-manager';
  return shortcut
    ? {
        text: t('shortcutPress', shortcut),
        where: inAddons ? t('shortcutChangeInAddons') : t('shortcutChangeAtPage', EXTENSIONS_SHORTCUTS_PAGE),
        action: t('shortcutChangeAction'),
      }
    : {
        text: t('shortcutNone'),
        where: inAddons ? t('shortcutSetInAddons') : t('shortcutSetAtPage', EXTENSIONS_SHORTCUTS_PAGE),
        action: t('shortcutSetAction'),
      };
}

/** The popup's quiet line when no shortcut is set ('' when one is: the popup then says nothing about it). */
export function missingShortcutLine(shortcut: string, place: ShortcutSettingsPlace): string {
  if (shortcut) return '';
  return place === 'addons-manager' ? t('shortcutMissingInAddons') : t('shortcutMissingAtPage', EXTENSIONS_SHORTCUTS_PAGE);
}
