import { useEffect, useRef } from 'preact/hooks';
import { isCheckChord, isUndoChord, typesText } from './desk-keys';

/** What the desk's own chords do now; the desk sets them on each render (undefined: the chord does nothing). */
export interface DeskKeyActions {
  /** Alt+Shift+C anywhere on the desk, in a text field too (it types nothing there): Check issue. */
  check?: () => void;
  /** Ctrl+Z (⌘Z) anywhere but in a text field (whose own undo it stays): undo the last delete. */
  undo?: () => void;
}

/** Listens for the desk's chords on the document for the desk's lifetime; the returned ref holds what they do. */
export function useDeskKeys(): { current: DeskKeyActions } {
  const actions = useRef<DeskKeyActions>({});
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const { check, undo } = actions.current;
      if (!event.defaultPrevented && isCheckChord(event) && check) {
        event.preventDefault();
        check();
        return;
      }
      if (event.defaultPrevented || !isUndoChord(event) || typesText(event.target) || !undo) return;
      event.preventDefault();
      undo();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
  return actions;
}
