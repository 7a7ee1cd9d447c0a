import type { TargetedEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

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
  /** Called on leaving the field, with what the editor typed, when it differs from `value`. */
  onCommit: (text: string) => void;
  multiline?: boolean;
}

/**
 * An input or textarea edited in place and saved when the editor leaves it. What is being typed is
 * held here, not in the stored value: the desk re-renders while a sync runs (and after other changes),
 * and a field bound to the stored value would be reset to it mid-sentence. A new stored value (a
 * reload after an edit elsewhere) replaces the text only when nothing unsaved is typed in it; the
 * stored form of text just saved (trimmed, tracking parameters removed by the worker) replaces it
 * too. If saving fails, the typed text stays in the field. The same text is handed over once.
 */
export function EditField({ value, onCommit, multiline = false, rows, ...native }: EditFieldProps) {
  const [text, setText] = useState(value);
  // The stored value the text started from: a new one replaces the text only if nothing unsaved was
  // typed (a reload must not wipe typing; leaving the field then saves what the editor wrote).
  const base = useRef(value);
  /** The text last handed to onCommit: saved already, so its stored form may replace it. */
  const committed = useRef<string | undefined>(undefined);
  useEffect(() => {
    setText((current) => (current === base.current || current === committed.current ? value : current));
    base.current = value;
  }, [value]);
  const props = {
    ...native,
    value: text,
    onInput: (event: TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) => setText(event.currentTarget.value),
    onBlur: () => {
      if (text === value || text === committed.current) return;
      committed.current = text;
      onCommit(text);
    },
  };
  return multiline ? <textarea {...props} rows={rows} /> : <input {...props} />;
}
