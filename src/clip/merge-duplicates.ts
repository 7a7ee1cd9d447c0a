import { FIELD_LIMITS } from './capture';
import { type Clipping, SUMMARY_LIMIT } from './clipping';

/** Which clipping's page fields (title, byline, section…) win when both have one; blanks are always filled from the other. */
export type PreferFields = 'older' | 'newer';

/**
 * Two texts the editor typed for the same article, as one. When one already contains the other
 * (the same text, or an edit that only added to it), the longer is kept; otherwise both are kept,
 * the older first, separated by a blank line (a Markdown paragraph break), so nothing typed is lost.
 * Capped at the field's limit, as the form is (only a pair of near-limit texts can reach it).
 */
export function joinTexts(older: string, newer: string, limit: number): string {
  const a = older.trim();
  const b = newer.trim();
  if (!a || b.includes(a)) return newer;
  if (!b || a.includes(b)) return older;
  return `${a}\n\n${b}`.slice(0, limit);
}

/** Whether `a` was made before `b` (creation time, then id: the same answer on every run and in every browser). */
export function isOlder(a: Pick<Clipping, 'createdAt' | 'id'>, b: Pick<Clipping, 'createdAt' | 'id'>): boolean {
  return a.createdAt !== b.createdAt ? a.createdAt < b.createdAt : a.id < b.id;
}

/**
 * Two live clippings of the same article in the same issue, as one. The older one's identity stays
 * (id, creation time, issue, position, origin), so the backends' idempotency key and the editor's
 * ordering do not move. The editor's text from both is kept: summaries and quotes are joined by
 * {@link joinTexts}; page fields and the section come from `prefer` (the older one in a migration,
 * the newer one when a popup saves over a clipping it did not know about), blanks filled from the other.
 */
export function mergeDuplicates(older: Clipping, newer: Clipping, now: number, prefer: PreferFields = 'older'): Clipping {
  const [first, second] = prefer === 'older' ? [older, newer] : [newer, older];
  const fill = (field: 'url' | 'title' | 'siteName' | 'publishedTime' | 'excerpt' | 'lang') => first[field] || second[field];
  const quote = joinTexts(older.quote, newer.quote, FIELD_LIMITS.quote);
  const url = fill('url');
  // The address the editor was reading goes with the canonical one kept (and only when it differs from it).
  const visitedUrl = [first, second].find((c) => c.url === url && c.visitedUrl && c.visitedUrl !== url)?.visitedUrl;
  const { visitedUrl: _olderVisited, ...olderFields } = older;
  return {
    ...olderFields,
    ...(visitedUrl && { visitedUrl }),
    url,
    title: fill('title'),
    authors: first.authors.length ? first.authors : second.authors,
    siteName: fill('siteName'),
    publishedTime: fill('publishedTime'),
    excerpt: fill('excerpt'),
    lang: fill('lang'),
    summary: joinTexts(older.summary, newer.summary, SUMMARY_LIMIT),
    quote,
    // The link goes with the quote kept; a joined quote keeps the older one's link.
    quoteLink: quote === newer.quote ? newer.quoteLink : older.quoteLink || newer.quoteLink,
    section: first.section ?? second.section,
    sources: { ...second.sources, ...first.sources },
    notes: [...new Set([...first.notes, ...second.notes])].slice(0, 20),
    updatedAt: Math.max(now, older.updatedAt, newer.updatedAt),
  };
}
