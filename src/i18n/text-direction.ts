/** Scripts written right to left (ISO 15924), for engines whose Intl.Locale has no text info. */
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr', 'Mend', 'Yezi']);

interface LocaleTextInfo {
  direction?: string;
}
/** Intl.Locale with text info: a `getTextInfo()` method (the standard) or a `textInfo` getter (older V8). */
type LocaleWithTextInfo = Intl.Locale & { getTextInfo?: () => LocaleTextInfo; textInfo?: LocaleTextInfo };

/**
 * The direction a language is written in, for an export's `dir`: the script the tag names, else
 * Intl.Locale's text info where the engine has it, else whether the language's likely script (Intl.Locale#maximize: `ar` → `Arab`)
 * is one written right to left. `ltr` for a tag that does not parse.
 */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  let locale: LocaleWithTextInfo;
  try {
    locale = new Intl.Locale(lang);
  } catch {
    return 'ltr';
  }
  // A script named in the tag decides (V8's text info reads the language alone: it calls az-Arab ltr).
  if (locale.script) return RTL_SCRIPTS.has(locale.script) ? 'rtl' : 'ltr';
  const info = typeof locale.getTextInfo === 'function' ? locale.getTextInfo() : locale.textInfo;
  if (info?.direction === 'rtl' || info?.direction === 'ltr') return info.direction;
  return RTL_SCRIPTS.has(locale.maximize().script ?? '') ? 'rtl' : 'ltr';
}
