import type { Found } from './found';
import type { JsonLdFacts } from './json-ld';
import type { MetaTags } from './meta-tags';

/**
 * Normalise a language value to a BCP 47 tag: `en_US` → `en-US`, `EN-gb` → `en-GB`,
 * `zh-hant-tw` → `zh-Hant-TW`; the first of a list ("de, en") wins; junk is rejected.
 */
export function toBcp47(value: string): string | undefined {
  const first = value.split(/[,;]/)[0]!.trim().replace(/_/g, '-');
  if (!/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(first)) return undefined;
  const [language, ...rest] = first.split('-');
  if (language!.toLowerCase() === 'x' || language!.toLowerCase() === 'i') return undefined;
  const subtags = rest.map((tag) => (tag.length === 2 ? tag.toUpperCase() : tag.length === 4 && /^[a-z]+$/i.test(tag) ? tag[0]!.toUpperCase() + tag.slice(1).toLowerCase() : tag.toLowerCase()));
  return [language!.toLowerCase(), ...subtags].join('-');
}

/**
 * The page language: `html[lang]` (or xml:lang), Content-Language, language meta, og:locale,
 * JSON-LD inLanguage. A later source may only refine the first one with a region (en → en-US).
 */
export function findLanguage(doc: Document, meta: MetaTags, ld: JsonLdFacts): Found | undefined {
  const html = doc.documentElement;
  const candidates: (Found | undefined)[] = [
    { value: html?.getAttribute('lang') ?? html?.getAttribute('xml:lang') ?? '', source: 'html-lang' },
    meta.first('http-equiv:content-language', 'content-language', 'language', 'dc.language', 'dcterms.language', 'citation_language'),
    meta.first('og:locale'),
    ld.inLanguage ? { value: ld.inLanguage, source: 'json-ld' } : undefined,
  ];
  let best: Found | undefined;
  for (const candidate of candidates) {
    const value = candidate && toBcp47(candidate.value);
    if (!candidate || !value) continue;
    if (!best) best = { value, source: candidate.source };
    // `lang="en"` plus `og:locale="en_US"`: the same language, said more precisely.
    else if (!best.value.includes('-') && value.startsWith(`${best.value}-`)) return { value, source: candidate.source };
  }
  return best;
}
