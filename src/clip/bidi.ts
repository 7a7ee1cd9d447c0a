/**
 * Bidirectional formatting controls: the embeddings and overrides (U+202A–U+202E), the isolates
 * (U+2066–U+2069), the left-to-right and right-to-left marks (U+200E, U+200F) and the Arabic letter
 * mark (U+061C). In a one-line field they serve no honest purpose and a hostile page uses them to
 * show text reversed ("‮gpj.exe" reads "exe.jpg"), in the form, the desk and every export. They are
 * removed from single-line fields wherever a clipping is made or edited (the form's schema, which
 * every save, edit, draft, restore and import passes, and the capture); multi-line page text (the
 * quote, the description) keeps them and is isolated where it is shown (`dir="auto"`, `<bdi>`).
 */
import type { Capture } from './capture';

const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** `value` without bidirectional formatting controls. */
export function stripBidi(value: string): string {
  return value.replace(BIDI_CONTROLS, '');
}

/** A capture with its single-line fields and notes stripped of bidi controls; the quote and the description keep theirs. */
export function captureWithoutBidi(capture: Capture): Capture {
  const out: Capture = { ...capture, pageUrl: stripBidi(capture.pageUrl), notes: capture.notes.map(stripBidi) };
  for (const name of ['canonicalUrl', 'title', 'siteName', 'publishedTime', 'lang'] as const) {
    const field = capture[name];
    if (field) out[name] = { ...field, value: stripBidi(field.value) };
  }
  if (capture.authors) out.authors = { ...capture.authors, value: capture.authors.value.map(stripBidi) };
  return out;
}
