import type { Found } from './found';
import { firstFound, found } from './found';
import type { JsonLdFacts } from './json-ld';
import type { MetaTags } from './meta-tags';
import { matchesSite } from './site-name';
import { PUNCTUATION, looksLikeUrl, looseKey, squash } from './text';

/** Separators between a headline and a site name in titles: "Title | Site", "Site — Title". */
const SEPARATOR = /\s+(?:[|–—·»•~/]|-{1,2}|::|\/\/)\s+/;

/** Split "A | B - C" into parts (separators dropped). */
export function titleParts(title: string): string[] {
  return title
    .split(SEPARATOR)
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * Remove site-name prefixes and suffixes, but only those that name the site (declared name
 * or host): "Outage report | Example Blog" → "Outage report", while "Kubernetes - the hard
 * way" keeps its dash. Returns the removed parts too, so the caller can use them as a site name.
 */
export function stripSiteAffixes(title: string, site: string | undefined, host: string): { title: string; removed: string[] } {
  const parts = titleParts(title);
  let start = 0;
  let end = parts.length;
  while (end - start > 1 && matchesSite(parts[end - 1]!, site, host)) end--;
  while (end - start > 1 && matchesSite(parts[start]!, site, host)) start++;
  const last = parts[end - 1] ?? '';
  // Cut from the original text so the kept separators stay as the page wrote them.
  const kept = title.slice(title.indexOf(parts[start] ?? ''), title.lastIndexOf(last) + last.length);
  return { title: kept || title, removed: [...parts.slice(end), ...parts.slice(0, start)] };
}

const words = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(PUNCTUATION)
      .filter((w) => w.length > 2),
  );

/** True when two titles share at least half of the shorter one's words (rewrites of one headline). */
function similarTitles(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared >= 2 && shared >= Math.min(wa.size, wb.size) * 0.5;
}

function cleanTitle(value: string): string | undefined {
  const title = squash(value);
  return title && !looksLikeUrl(title) ? title : undefined;
}

/** The visible headline: the first `<h1>` of the article region, else the page's only `<h1>`. */
export interface Headline {
  text: string;
  /** True when it sits inside the article region (not just somewhere on the page). */
  inArticle: boolean;
}

/** Find the visible headline; `root` is the article region from {@link articleRoot}. */
export function visibleHeadline(root: Element | undefined, doc: Document): Headline | undefined {
  const inArticle = !!root && root !== doc.body && root !== doc.documentElement;
  const h1s = inArticle ? Array.from(root.querySelectorAll('h1')) : [];
  const candidates = h1s.length ? h1s : Array.from(doc.querySelectorAll('h1')).slice(0, 2);
  // Two or more h1s outside an article: one is usually the logo; too ambiguous.
  if (!h1s.length && candidates.length !== 1) return undefined;
  // Without the permalink sign documentation generators append ("Install¶"); "#" is left alone (C#, F#).
  const text = squash(candidates[0]?.textContent ?? '').replace(/\s*¶$/, '');
  return text.length >= 3 && text.length < 300 ? { text, inArticle: h1s.length > 0 } : undefined;
}

/**
 * The article's title, from the headline the publisher declared (JSON-LD headline, OpenGraph,
 * Twitter, Dublin Core, Highwire, other meta) before the SEO `<title>`; site-name affixes are
 * stripped only when they match the site. When a candidate still has several parts and one of
 * them is the visible `<h1>`, that part is the headline.
 */
export function findTitle(
  doc: Document,
  meta: MetaTags,
  ld: JsonLdFacts,
  site: string | undefined,
  host: string,
  visible: Headline | undefined,
): Found | undefined {
  const headline = visible?.text;
  const social = meta.first('og:title twitter:title')?.value;
  // The article's own <h1> is what readers (and the newsletter) call the title; social and SEO
  // titles are often rewritten variants of it ("… hands-on: …" vs "… is …"). Take the <h1> when
  // it is a variant of the declared title (shares most words), never when it is a different
  // text altogether (a blog's name, a section heading) or the site's name.
  // The <h1> also wins when a second declared title (JSON-LD, Twitter, the <title> without the
  // site's name) is that very text and only OpenGraph says otherwise (a social rewrite).
  const key = headline && looseKey(headline);
  const confirmed = [ld.headline, meta.first('twitter:title')?.value, doc.title, stripSiteAffixes(doc.title, site, host).title].some(
    (t) => t && looseKey(t) === key,
  );
  if (
    visible &&
    !matchesSite(visible.text, site, host) &&
    (confirmed || (visible.inArticle && social && similarTitles(visible.text, social)))
  ) {
    return found(visible.text, 'page-text');
  }
  // JSON-LD headlines are sometimes a description (Wikipedia: "constitutional monarchy in
  // Oceania"): trust them only when they resemble another declared title, if there is one.
  const others = [social, doc.title].filter((t): t is string => !!t);
  const plausible = (t: string | undefined) =>
    t && (!others.length || others.some((o) => similarTitles(t, o) || looseKey(o).includes(looseKey(t))));
  const chosen = firstFound(
    [
      found(plausible(ld.headline) ? ld.headline : plausible(ld.name) ? ld.name : undefined, 'json-ld'),
      // Dublin Core titles are bibliographic, written per document; social titles are often rewritten.
      meta.first('dc:title dc.title dcterms.title'),
      meta.first('og:title'),
      meta.first('twitter:title'),
      meta.first('citation_title'),
      meta.first('parsely-title title sailthru.title'),
      found(ld.name, 'json-ld'),
      found(doc.title, 'document-title'),
      found(headline, 'page-text'),
    ],
    cleanTitle,
  );
  if (!chosen) return undefined;
  const stripped = stripSiteAffixes(chosen.value, site, host).title;
  // A title of several parts, one of which is the visible headline: that part is the title.
  if (headline && stripped !== headline && titleParts(stripped).some((part) => looseKey(part) === looseKey(headline)))
    return found(headline, 'page-text');
  return found(stripped, chosen.source);
}

/**
 * A site name read from the document title: the affix removed next to the headline
 * ("Headline | Example Times" with the headline known), used when no site name is declared.
 */
export function siteNameFromTitle(doc: Document, headline: string | undefined, host: string): string | undefined {
  const parts = titleParts(squash(doc.title ?? ''));
  if (parts.length < 2) return undefined;
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const key = headline ? looseKey(headline) : '';
  const short = (part: string) => part.length <= 40 && part.split(' ').length <= 5;
  if (key && looseKey(first) === key && short(last)) return last;
  if (key && looseKey(last) === key && short(first)) return first;
  if (matchesSite(last, undefined, host) && short(last)) return last;
  if (matchesSite(first, undefined, host) && short(first)) return first;
  return undefined;
}
