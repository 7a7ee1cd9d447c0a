import type { Found } from './found';
import type { JsonLdFacts } from './json-ld';
import type { MetaTags } from './meta-tags';
import { found } from './found';

/**
 * Normalise a language value to a BCP 47 tag: `en_US` → `en-US`, `EN-gb` → `en-GB`,
 * `zh-hant-tw` → `zh-Hant-TW`; the first of a list ("de, en") wins; junk is rejected.
 */
export function toBcp47(value: string): string | undefined {
  const tag = value.split(/[,;]/)[0]!.trim().replace(/_/g, '-');
  if (!/^[a-z]{2,3}(-[a-z\d]{1,8})*$/i.test(tag)) return undefined;
  // Language lower case, region upper case, script title case ("Hant"), the rest lower case.
  const lower = tag.toLowerCase().split('-');
  return lower
    .map((sub, i) =>
      i && sub.length === 2 ? sub.toUpperCase() : i && sub.length === 4 && !/\d/.test(sub) ? sub[0]!.toUpperCase() + sub.slice(1) : sub,
    )
    .join('-');
}

/**
 * The page language: `html[lang]` (or xml:lang), Content-Language, language meta, og:locale,
 * JSON-LD inLanguage. A later source may only refine the first one with a region (en → en-US).
 */
export function findLanguage(doc: Document, meta: MetaTags, ld: JsonLdFacts): Found | undefined {
  const html = doc.documentElement;
  const candidates: (Found | undefined)[] = [
    found(html?.getAttribute('lang') ?? html?.getAttribute('xml:lang') ?? '', 'html-lang'),
    meta.first('http-equiv:content-language content-language language dc.language dcterms.language citation_language'),
    meta.first('og:locale'),
    found(ld.inLanguage, 'json-ld'),
  ];
  let best: Found | undefined;
  for (const candidate of candidates) {
    const value = candidate && toBcp47(candidate.value);
    if (!candidate || !value) continue;
    // `lang="en"` plus `og:locale="en_US"`: the same language, said more precisely.
    if (!best || (!best.value.includes('-') && value.startsWith(`${best.value}-`))) best = found(value, candidate.source);
  }
  return best;
}
