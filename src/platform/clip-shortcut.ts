import browser from 'webextension-polyfill';
import { CLIP_COMMAND, EXTENSIONS_SHORTCUTS_PAGE, type ShortcutSettingsPlace } from '../clip/clip-shortcut';

/** The clip form's shortcut as the browser has bound it now ('' when none: refused at install, removed or taken). */
export async function readClipShortcut(): Promise<string> {
  try {
    return (await browser.commands.getAll()).find((command) => command.name === CLIP_COMMAND)?.shortcut ?? '';
  } catch {
    return '';
  }
}

/**
 * Where this browser keeps its extension shortcuts. Told by the API it offers, not by its name: a browser
 * with `commands.openShortcutSettings` (Firefox 137+) opens its own; the others get Chromium's page.
 */
export function shortcutSettingsPlace(): ShortcutSettingsPlace {
  return typeof (browser.commands as Partial<typeof browser.commands>).openShortcutSettings === 'function'
    ? 'addons-manager'
    : 'extensions-shortcuts-page';
}

/**
 * Opens the browser's shortcut settings. Extension pages cannot link to chrome:// addresses, but an
 * extension may open chrome://extensions/shortcuts in a tab; Firefox refuses about:addons in tabs.create
 * and offers `commands.openShortcutSettings()` instead.
 */
export async function openShortcutSettings(): Promise<void> {
  if (shortcutSettingsPlace() === 'addons-manager') await browser.commands.openShortcutSettings();
  else await browser.tabs.create({ url: EXTENSIONS_SHORTCUTS_PAGE });
}

/**
 * Calls `listener` when the editor changes a shortcut, where the browser says so (Firefox's
 * `commands.onChanged`; Chromium has no such event, so its views read the binding again when shown).
 */
export function onClipShortcutChanged(listener: () => void): void {
  const event = (browser.commands as Partial<typeof browser.commands>).onChanged;
  event?.addListener((change) => {
    if (change.name === CLIP_COMMAND) listener();
  });
}
