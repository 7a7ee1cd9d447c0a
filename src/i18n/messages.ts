import type english from '../../public/_locales/en/messages.json';

/**
 * The extension's words, looked up by key in `_locales/<language>/messages.json` (public/_locales/en is
 * the source; the browser picks the editor's language and falls back to English key by key). The core
 * reaches no browser API, so the lookup is injected: each entry point installs the browser's
 * (src/platform/i18n-setup.ts), the unit tests install one over the English file (test/i18n-setup.ts).
 * The catalogue itself is not bundled: only its keys are read here, as a type.
 *
 * Adding a language needs no code: a `_locales/<tag>/messages.json` with the same keys (plural
 * messages per category the language has, see {@link plural}).
 */
export type MessageKey = keyof typeof english;

/** The base names of plural messages: `clippingCount` for `clippingCount_one` / `clippingCount_other`. */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}_other` ? Base : never }[MessageKey];

/** A value filled into a message's `$1`…`$9` placeholders; numbers are written in the UI language. */
export type Substitution = string | number;

/** Where messages come from: the browser's i18n API in the extension, the English file in tests. */
export interface MessageSource {
  /** The message for a key with its substitutions filled in, or '' when no catalogue has the key (as `i18n.getMessage`). */
  message(key: string, substitutions: string[]): string;
  /** The language the messages are in (`i18n.getUILanguage()`), for plural rules and number, list and date formats. */
  language: string;
  /** A key no catalogue has: the tests throw; the extension logs and shows the key. */
  missing(key: string): string;
}

let source: MessageSource | undefined;

/** Installs the lookup (once, at an entry point's start, before anything renders). */
export function useMessageSource(next: MessageSource): void {
  source = next;
}

function current(): MessageSource {
  if (!source) throw new Error('No message source: the entry point must import src/platform/i18n-setup first.');
  return source;
}

/** The UI language (BCP 47), e.g. `en-US`. */
export function uiLanguage(): string {
  return current().language;
}

function written(substitutions: readonly Substitution[]): string[] {
  const numbers = new Intl.NumberFormat(uiLanguage());
  return substitutions.map((value) => (typeof value === 'number' ? numbers.format(value) : value));
}

/** The message for `key`, its `$1`…`$9` filled with `substitutions`. */
export function t(key: MessageKey, ...substitutions: Substitution[]): string {
  const from = current();
  return from.message(key, written(substitutions)) || from.missing(key);
}

/**
 * A message that depends on a count: `key_<category>` for the UI language's plural category of
 * `count` (Intl.PluralRules: `one`, `few`, `many`, `other`…), falling back to `key_other` where the
 * language's file has no message for that category. `count` fills `$1`, then `substitutions`.
 */
export function plural(key: PluralKey, count: number, ...substitutions: Substitution[]): string {
  const base: string = key;
  const from = current();
  const filled = written([count, ...substitutions]);
  const category = new Intl.PluralRules(from.language).select(count);
  return from.message(`${base}_${category}`, filled) || from.message(`${base}_other`, filled) || from.missing(`${base}_other`);
}

/**
 * `tag` if Intl can format in it, else undefined (Intl's default language): a language tag from a
 * setting, a file or a page must not make a formatter throw.
 */
export function formattingLocale(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** Names joined as the UI language (or `language`) joins a list: "A", "A and B", "A, B, and C". */
export function listOf(items: readonly string[], language: string = uiLanguage()): string {
  return new Intl.ListFormat(formattingLocale(language), { style: 'long', type: 'conjunction' }).format(items);
}
