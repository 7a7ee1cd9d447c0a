import type { CaptureSource } from '../src/clip/capture';
import { t } from '../src/i18n/messages';
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
  /**
   * Set when the capture was unsure of the value: it is shown as a suggestion, with words saying so
   * and a Confirm button; Enter in the field confirms too (one key, where Enter would otherwise submit).
   */
  suggestion?: { text: string; confirm: () => void } | undefined;
  onInput: (value: string) => void;
}

/** One labelled form field, with a marker saying where its pre-filled value came from. */
export function Field({ id, label, value, source, multiline, rows = 3, placeholder, hint, autoFocus, suggestion, onInput }: FieldProps) {
  const common = {
    id,
    name: id,
    value,
    placeholder,
    autoFocus,
    // Page text may be right-to-left, or carry bidi marks: each field takes its direction from its own text.
    dir: 'auto' as const,
    onInput: (event: Event) => onInput((event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
    ...(suggestion && {
      class: 'unsure',
      'aria-describedby': `${id}-unsure`,
      onKeyDown: (event: KeyboardEvent) => {
        if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.isComposing) return;
        event.preventDefault();
        suggestion.confirm();
      },
    }),
  };
  return (
    <div class="field">
      <label for={id}>
        {label}
        {source && source !== 'editor' && <SourceBadge source={source} />}
      </label>
      {multiline ? <textarea rows={rows} {...common} /> : <input type="text" spellcheck={false} {...common} />}
      {hint && <small class="hint">{hint}</small>}
      {suggestion && (
        <p class="suggestion" id={`${id}-unsure`} data-testid={`${id}-unsure`}>
          {suggestion.text}{' '}
          <button type="button" class="link" aria-label={t('popupConfirmSuggestionLabel', label)} onClick={suggestion.confirm}>
            {t('popupConfirmSuggestion')}
          </button>
        </p>
      )}
    </div>
  );
}
