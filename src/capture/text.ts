/**
 * Small string helpers shared by the capture modules. Page text arrives with NBSPs and zero-width
 * characters; every field goes through these first. Strings only, no DOM: the worker half
 * (finish-capture.ts) uses them too, and the worker has no DOM types (reading text out of elements
 * is spaced-text.ts; decoding the entity soup of JSON-LD and meta values is html-text.ts, in the page).
 */

/** A Set of the space-separated words: word lists as Sets, not regular expressions, which cost time to compile in every page. */
export const wordSet = (list: string) => new Set(list.split(' '));

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** Collapse runs of whitespace (incl. NBSP) to one space and drop zero-width characters, without trimming. */
export const collapse = (value: string): string => value.replace(ZERO_WIDTH, '').replace(/\s+/g, ' ');

/** Collapse runs of whitespace (incl. NBSP) to one space, drop zero-width characters, trim. */
export function squash(value: string): string {
  return collapse(value).trim();
}

/** Cut to at most `max` characters, at a word boundary when one is near, without an ellipsis (keeps it a substring). */
export function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return space > max * 0.8 ? cut.slice(0, space) : cut;
}

/**
 * Runs of white space and punctuation (ASCII, Latin-1, general and CJK punctuation). Explicit
 * ranges instead of `\p{P}`: Unicode property classes cost milliseconds to compile, and capture
 * runs cold in every page.
 */
export const PUNCTUATION = /[\s!-/:-@[-`{-~\u00a0-\u00bf\u2000-\u206f\u3000-\u303f]+/g;

/** A comparison key: lower case, accents and punctuation removed ("Ars Technica" ≈ "arstechnica"). */
export function looseKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(PUNCTUATION, '');
}

/** True when the value looks like an address rather than words (authors and titles must not be URLs). */
export function looksLikeUrl(value: string): boolean {
  return /^(https?:)?\/|^www\.|^[\w-]+(\.[\w-]+)+\/\S*$/i.test(value.trim());
}
