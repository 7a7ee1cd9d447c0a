import type { CaptureSource } from '../src/clip/capture';
import { SourceBadge } from './source-badge';

interface FieldProps {
  id: string;
  label: string;
  value: string;
  source?: CaptureSource | undefined;
  multiline?: boolean;
  rows?: number;
  placeholder?: string;
  hint?: string | undefined;
  autoFocus?: boolean;
  onInput: (value: string) => void;
}

/** One labelled form field, with a marker saying where its pre-filled value came from. */
export function Field({ id, label, value, source, multiline, rows = 3, placeholder, hint, autoFocus, onInput }: FieldProps) {
  const common = {
    id,
    name: id,
    value,
    placeholder,
    autoFocus,
    // Page text may be right-to-left, or carry bidi marks: each field takes its direction from its own text.
    dir: 'auto' as const,
    onInput: (event: Event) => onInput((event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
  };
  return (
    <div class="field">
      <label for={id}>
        {label}
        {source && source !== 'editor' && <SourceBadge source={source} />}
      </label>
      {multiline ? <textarea rows={rows} {...common} /> : <input type="text" spellcheck={false} {...common} />}
      {hint && <small class="hint">{hint}</small>}
    </div>
  );
}
