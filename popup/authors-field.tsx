import { useEffect, useState } from 'preact/hooks';
import { splitAuthors } from '../src/clip/authors';
import type { CaptureSource } from '../src/clip/capture';
import { listOf, t } from '../src/i18n/messages';
import { Field } from './field';

const sameNames = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((name, i) => name === b[i]);

/**
 * The authors as one line of text ("Priya Raman and Tomás Ortega"), split back into names as the
 * editor types (commas, "and", "&"). The typed text is held here: re-joining the names on every key
 * would eat a comma just typed. A new list from outside (the capture, a restored draft) replaces the
 * text only when it names other people than the text does.
 */
export function AuthorsField({
  authors,
  source,
  suggestion,
  onChange,
}: {
  authors: readonly string[];
  source?: CaptureSource | undefined;
  suggestion?: { text: string; confirm: () => void } | undefined;
  onChange: (names: string[]) => void;
}) {
  const [text, setText] = useState(() => listOf(authors));
  useEffect(() => setText((current) => (sameNames(splitAuthors(current), authors) ? current : listOf(authors))), [authors]);
  return (
    <Field
      id="authors"
      label={t('authorsLabel')}
      hint={t('authorsHint')}
      value={text}
      source={source}
      suggestion={suggestion}
      onInput={(value) => {
        setText(value);
        onChange(splitAuthors(value));
      }}
    />
  );
}
