import type { TargetedEvent } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createLatestSaver } from '../src/messages/latest-saver';

/** How long the editor pauses typing before a field saves what it holds. */
export const SAVE_AFTER_TYPING_MS = 500;

/** The attributes the desk sets on its fields, passed on to the input or textarea as they are. */
interface NativeAttributes {
  id?: string;
  class?: string;
  'aria-label'?: string;
  'aria-describedby'?: string;
  placeholder?: string;
  /** The textarea's height in lines (ignored by a single-line input). */
  rows?: number | undefined;
  readOnly?: boolean;
}

interface EditFieldProps extends NativeAttributes {
  /** The stored value; a new one (after a reload) replaces what is shown. */
  value: string;
  /**
   * Called with what the editor typed when it differs from `value`: after a pause in typing, on
   * leaving the field, and when the page is hidden or closed.
   */
  onCommit: (text: string) => void;
  multiline?: boolean;
  /**
   * Save after a pause in typing (the default). Off for a field whose half-typed value is no value at
   * all (an address): it saves on leaving the field, and when the page is hidden or closed.
   */
  saveWhileTyping?: boolean;
}

/**
 * An input or textarea edited in place and saved as the editor types (SAVE_AFTER_TYPING_MS after the
 * last keystroke), on leaving it, and when the tab is hidden or closed, so nothing typed is lost.
 *
 * What is being typed is held here, not in the stored value: the desk re-renders while a sync runs
 * (and after every save), and a field bound to the stored value would be reset to it mid-sentence. A
 * new stored value (a reload after an edit elsewhere) replaces the text only when nothing unsaved is
 * typed in it. The stored form of text just saved (trimmed, tracking parameters removed by the worker)
 * replaces it too, but only once the editor has left the field: while they type, a save must not move
 * the caret or eat the space they just typed. If saving fails, the typed text stays in the field. The
 * same text is handed over once.
 */
export function EditField({ value, onCommit, multiline = false, saveWhileTyping = true, rows, ...native }: EditFieldProps) {
  const [text, setText] = useState(value);
  // The stored value the text started from: a new one replaces the text only if nothing unsaved was
  // typed (a reload must not wipe typing; leaving the field then saves what the editor wrote).
  const base = useRef(value);
  /** The text last handed to onCommit: saved already, so its stored form may replace it. */
  const committed = useRef<string | undefined>(undefined);
  /** The stored form of the committed text, when it came back while the editor was still typing. */
  const heldBack = useRef<string | undefined>(undefined);
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const latest = useRef({ value, onCommit });
  latest.current = { value, onCommit };

  const saver = useMemo(
    () =>
      createLatestSaver(
        (typed: string) => {
          if (typed === latest.current.value || typed === committed.current) return Promise.resolve();
          committed.current = typed;
          latest.current.onCommit(typed);
          return Promise.resolve();
        },
        // onCommit reports its own failures (the desk's notice).
        () => undefined,
        { delayMs: saveWhileTyping ? SAVE_AFTER_TYPING_MS : Number.POSITIVE_INFINITY },
      ),
    // Fixed for the field's life, as its kind is.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  useEffect(() => {
    const editing = field.current !== null && field.current === document.activeElement;
    setText((current) => {
      if (current === base.current) return value;
      if (current !== committed.current) return current;
      if (!editing) return value;
      heldBack.current = value;
      return current;
    });
    base.current = value;
  }, [value]);

  // Closing the tab or switching away right after typing: send what is pending now.
  useEffect(() => {
    const leave = () => saver.leave();
    const hidden = () => document.visibilityState === 'hidden' && saver.leave();
    addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', hidden);
      saver.flush(); // the field goes (its card moved or was deleted): keep what was typed
    };
  }, [saver]);

  const props = {
    ...native,
    ref: field,
    // Page text may be right-to-left, or carry bidi marks: the field takes its direction from its own text.
    dir: 'auto' as const,
    value: text,
    onInput: (event: TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const typed = event.currentTarget.value;
      heldBack.current = undefined;
      setText(typed);
      saver.schedule(typed);
    },
    onBlur: (event: TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const typed = event.currentTarget.value;
      saver.schedule(typed);
      saver.flush();
      // Saved while typing: now that the editor has left, show the stored form (trimmed, cleaned).
      const stored = heldBack.current;
      heldBack.current = undefined;
      if (stored !== undefined && typed === committed.current) setText(stored);
    },
  };
  return multiline ? <textarea {...props} rows={rows} /> : <input {...props} />;
}
