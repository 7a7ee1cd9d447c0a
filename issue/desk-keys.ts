/** The desk's keyboard: which keys it takes for itself, and which it leaves to the focused control. */

const NOT_TEXT_INPUTS = new Set(['button', 'checkbox', 'color', 'file', 'hidden', 'image', 'radio', 'range', 'reset', 'submit']);

/** Whether the element takes typed text (a text field, a textarea, editable content): its own undo works there. */
export function typesText(element: EventTarget | null): boolean {
  if (!(element instanceof HTMLElement)) return false;
  if (element instanceof HTMLTextAreaElement) return !element.readOnly;
  if (element instanceof HTMLInputElement) return !NOT_TEXT_INPUTS.has(element.type) && !element.readOnly;
  return element.isContentEditable === true; // (undefined in jsdom)
}

/**
 * Whether the element uses Alt+↑/↓ itself: a <select> opens its list, a text field moves the caret (or
 * opens its suggestions). The card's Alt+↑/↓ move is left to them.
 */
export function ownsAltArrows(element: EventTarget | null): boolean {
  return element instanceof HTMLSelectElement || element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement;
}

/** Alt+↑ or Alt+↓ (and nothing else held): -1 or 1, the card's move; undefined for any other key. */
export function altArrow(event: KeyboardEvent): -1 | 1 | undefined {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return undefined;
  return event.key === 'ArrowUp' ? -1 : event.key === 'ArrowDown' ? 1 : undefined;
}

/** Whether this is the platform's undo chord, Ctrl+Z (⌘Z on a Mac), without Shift (redo) or Alt. */
export function isUndoChord(event: KeyboardEvent, mac = onMac()): boolean {
  const command = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  return command && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'z';
}

function onMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform);
}

/** The undo chord as the editor's keyboard labels it, and as aria-keyshortcuts names it. */
export function undoChord(mac = onMac()): { label: string; aria: string } {
  return mac ? { label: '⌘Z', aria: 'Meta+Z' } : { label: 'Ctrl+Z', aria: 'Control+Z' };
}

/**
 * The desk's Check issue chord: Alt+Shift+C (Option+Shift+C on a Mac), matched on the physical key so
 * it works on any layout and with the Mac's Option characters. Neither Chromium nor Firefox binds it
 * (Firefox's Alt+Shift access keys apply only to elements that declare one; the desk declares none).
 */
export function isCheckChord(event: KeyboardEvent): boolean {
  return event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyC';
}

/** The check chord as the editor's keyboard labels it, and as aria-keyshortcuts names it. */
export function checkChord(mac = onMac()): { label: string; aria: string } {
  return mac ? { label: '⌥⇧C', aria: 'Alt+Shift+C' } : { label: 'Alt+Shift+C', aria: 'Alt+Shift+C' };
}
