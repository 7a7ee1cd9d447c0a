import { describe, expect, it } from 'vitest';
import { actionTitle, missingShortcutLine, shortcutStatement } from './clip-shortcut';

describe('the clip shortcut in words', () => {
  it('titles the toolbar button with the binding the browser reports, or none at all', () => {
    expect(actionTitle('Alt+Shift+K')).toBe('Clip this page (Alt+Shift+K)');
    expect(actionTitle('⌃⇧K')).toBe('Clip this page (⌃⇧K)');
    expect(actionTitle('')).toBe('Clip this page');
  });

  it('tells the editor in Chromium where to set a missing shortcut', () => {
    expect(shortcutStatement('', 'extensions-shortcuts-page')).toEqual({
      text: 'No keyboard shortcut is set for clipping.',
      where: 'Set one at chrome://extensions/shortcuts',
      action: 'Set a shortcut',
    });
  });

  it('tells the editor in Firefox the way through the add-ons manager', () => {
    expect(shortcutStatement('', 'addons-manager')).toEqual({
      text: 'No keyboard shortcut is set for clipping.',
      where: 'Set one in about:addons → ⚙ → Manage Extension Shortcuts',
      action: 'Set a shortcut',
    });
  });

  it('names a bound shortcut and where to change it', () => {
    expect(shortcutStatement('Ctrl+Shift+Y', 'extensions-shortcuts-page')).toEqual({
      text: 'Press Ctrl+Shift+Y on any page to clip it.',
      where: 'Change it at chrome://extensions/shortcuts',
      action: 'Change the shortcut',
    });
  });

  it('gives the popup a line only when no shortcut is set', () => {
    expect(missingShortcutLine('Alt+Shift+K', 'addons-manager')).toBe('');
    expect(missingShortcutLine('', 'addons-manager')).toBe(
      'No keyboard shortcut opens this form. Set one in about:addons → ⚙ → Manage Extension Shortcuts',
    );
    expect(missingShortcutLine('', 'extensions-shortcuts-page')).toBe(
      'No keyboard shortcut opens this form. Set one at chrome://extensions/shortcuts',
    );
  });
});
