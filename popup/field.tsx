import type { CaptureSource } from '../src/clip/capture';
import { SOURCE_LABELS } from '../src/clip/capture';

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
  onInput(value: string): void;
}

/** One labelled form field, with a marker saying where its pre-filled value came from. */
export function Field({ id, label, value, source, multiline, rows = 3, placeholder, hint, autoFocus, onInput }: FieldProps) {
  const sourceLabel = source ? `from ${SOURCE_LABELS[source]}` : undefined;
  const common = {
    id,
    name: id,
    value,
    placeholder,
    autoFocus,
    onInput: (event: Event) => onInput((event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
  };
  return (
    <div class="field">
      <label for={id}>
        {label}
        {sourceLabel && source !== 'editor' && (
          <span class="source" title={sourceLabel} aria-label={sourceLabel} data-source={source}>
            {source}
          </span>
        )}
      </label>
      {multiline ? <textarea rows={rows} {...common} /> : <input type="text" spellcheck={false} {...common} />}
      {hint && <small class="hint">{hint}</small>}
    </div>
  );
}
