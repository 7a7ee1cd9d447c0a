import { listOf } from '../i18n/messages';
import type { DocumentEntry } from './issue-document';
import { oneLine } from './page-text';

/** Separates author and publication in "Author — Publication" (an em dash, as SRE Weekly prints it). */
export const ATTRIBUTION_SEPARATOR = ' — ';

/**
 * The plain-text attribution line of an entry, "{authors} — {siteName}", with only the parts that
 * exist (no dangling dash). The authors are joined as `lang` joins a list (Intl.ListFormat: "A and B",
 * "A, B und C"). When the byline and the site are the same words (a company blog bylined with the
 * company's name) the name is printed once. Empty when neither is known. Not escaped: each
 * renderer escapes it for its own format.
 */
export function attributionText(entry: Pick<DocumentEntry, 'authors' | 'siteName'>, lang: string): string {
  const byline = listOf(entry.authors.map(oneLine).filter(Boolean), lang);
  const site = oneLine(entry.siteName);
  if (byline && site && byline.toLowerCase() === site.toLowerCase()) return byline;
  return [byline, site].filter(Boolean).join(ATTRIBUTION_SEPARATOR);
}
