// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { altArrow, checkChord, isCheckChord, isUndoChord, ownsAltArrows, typesText, undoChord } from './desk-keys';

const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init);
const element = (html: string) => {
  const box = document.createElement('div');
  box.innerHTML = html;
  return box.firstElementChild!;
};

describe('desk keys', () => {
  it('Ctrl+Z undoes (⌘Z on a Mac); Shift (redo), Alt or the other modifier do not', () => {
    expect(isUndoChord(key({ key: 'z', ctrlKey: true }), false)).toBe(true);
    expect(isUndoChord(key({ key: 'Z', ctrlKey: true }), false)).toBe(true);
    expect(isUndoChord(key({ key: 'z', ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(isUndoChord(key({ key: 'z', ctrlKey: true, altKey: true }), false)).toBe(false);
    expect(isUndoChord(key({ key: 'z', metaKey: true }), false)).toBe(false);
    expect(isUndoChord(key({ key: 'z', metaKey: true }), true)).toBe(true);
    expect(isUndoChord(key({ key: 'y', ctrlKey: true }), false)).toBe(false);
    expect(undoChord(false)).toEqual({ label: 'Ctrl+Z', aria: 'Control+Z' });
    expect(undoChord(true)).toEqual({ label: '⌘Z', aria: 'Meta+Z' });
  });

  it('text fields keep their own undo; buttons, selects, checkboxes and cards do not type text', () => {
    expect(typesText(element('<textarea></textarea>'))).toBe(true);
    expect(typesText(element('<input type="search">'))).toBe(true);
    expect(typesText(element('<input>'))).toBe(true);
    expect(typesText(element('<input readonly>'))).toBe(false);
    expect(typesText(element('<input type="checkbox">'))).toBe(false);
    expect(typesText(element('<select></select>'))).toBe(false);
    expect(typesText(element('<button>Delete</button>'))).toBe(false);
    expect(typesText(element('<li tabindex="0">card</li>'))).toBe(false);
    expect(typesText(null)).toBe(false);
  });

  it('Alt+↑/↓ is the card’s move, except in a select (Alt+↓ opens its list) or a text field', () => {
    expect(altArrow(key({ key: 'ArrowUp', altKey: true }))).toBe(-1);
    expect(altArrow(key({ key: 'ArrowDown', altKey: true }))).toBe(1);
    expect(altArrow(key({ key: 'ArrowDown' }))).toBeUndefined();
    expect(altArrow(key({ key: 'ArrowDown', altKey: true, shiftKey: true }))).toBeUndefined();
    expect(ownsAltArrows(element('<select></select>'))).toBe(true);
    expect(ownsAltArrows(element('<textarea></textarea>'))).toBe(true);
    expect(ownsAltArrows(element('<input>'))).toBe(true);
    expect(ownsAltArrows(element('<button>↑</button>'))).toBe(false);
    expect(ownsAltArrows(element('<li tabindex="0">card</li>'))).toBe(false);
  });

  it('Alt+Shift+C is Check issue, by the physical key (a Mac’s Option+Shift+C types “Ç”)', () => {
    expect(isCheckChord(key({ code: 'KeyC', key: 'C', altKey: true, shiftKey: true }))).toBe(true);
    expect(isCheckChord(key({ code: 'KeyC', key: 'Ç', altKey: true, shiftKey: true }))).toBe(true);
    expect(isCheckChord(key({ code: 'KeyC', key: 'c', altKey: true }))).toBe(false);
    expect(isCheckChord(key({ code: 'KeyC', key: 'C', ctrlKey: true, shiftKey: true }))).toBe(false); // the developer tools' inspector
    expect(checkChord(false)).toEqual({ label: 'Alt+Shift+C', aria: 'Alt+Shift+C' });
    expect(checkChord(true).label).toBe('⌥⇧C');
  });
});
