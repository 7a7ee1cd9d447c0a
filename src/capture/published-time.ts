import type { Found } from './found';
import type { JsonLdFacts } from './json-ld';
import type { MetaTags } from './meta-tags';
import { outsideArticle } from './article-region';
import { dateFromUrl, plausibleDate } from './dates';
import { sourceOfMetaKey } from './meta-tags';
import { squash } from './text';

/** Meta keys for the publication date, most specific first. */
const PUBLISHED_KEYS = [
  'article:published_time', 'og:article:published_time', 'article:published', 'og:published_time', 'published_time', 'datepublished',
  'pubdate', 'publishdate', 'publish-date', 'publish_date', 'sailthru.date', 'parsely-pub-date', 'dc.date.issued', 'dcterms.issued',
  'dc.date', 'dcterms.date', 'dcterms.created', 'citation_publication_date', 'citation_date', 'date',
];
const MODIFIED_KEYS = ['article:modified_time', 'og:updated_time', 'datemodified', 'dcterms.modified'];

/** Markup that holds the publication date, best first. */
const DATE_MARKUP = [
  'time[pubdate], [itemprop~=datePublished], [itemprop~=dateCreated], .published[title], abbr.published, .dt-published',
  'time[datetime]',
  '[class*=date i], [class*=time i], [class*=publish i], [class*=dateline i], [class*=meta i], [class*=byline i]',
];

function fromElement(el: Element, now: Date): string | undefined {
  const attr = el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.getAttribute('title') ?? el.getAttribute('data-timestamp');
  if (attr) {
    const value = plausibleDate(attr, now);
    if (value) return value;
  }
  const text = squash(el.textContent ?? '');
  return text.length <= 80 ? plausibleDate(text, now) : undefined;
}

function markupDate(root: Element, now: Date): Found | undefined {
  for (const [index, selector] of DATE_MARKUP.entries()) {
    let checked = 0;
    for (const el of Array.from(root.querySelectorAll(selector))) {
      if (++checked > 30) break;
      if (outsideArticle(el)) continue;
      const value = fromElement(el, now);
      if (value) return { value, source: index === 0 && el.hasAttribute('itemprop') ? 'microdata' : el.localName === 'time' ? 'time-element' : 'byline-markup' };
    }
  }
  return undefined;
}

/**
 * When the article was published, as ISO 8601 with the page's offset when it gives one.
 * Order: JSON-LD datePublished, publication meta tags (OpenGraph, Dublin Core, Highwire, …),
 * date markup in the article (microdata, `<time>`, date classes), then modified dates, then a
 * date in the URL. Dates before 1990 or after `now` are skipped, not trusted.
 */
export function findPublishedTime(doc: Document, meta: MetaTags, ld: JsonLdFacts, root: Element | undefined, url: string, now: Date): Found | undefined {
  const check = (value: string | undefined, source: Found['source']): Found | undefined => {
    const date = value ? plausibleDate(value, now) : undefined;
    return date ? { value: date, source } : undefined;
  };
  const fromKeys = (keys: string[]): Found | undefined => {
    for (const key of keys) for (const value of meta.all(key)) {
      const found = check(value, sourceOfMetaKey(key));
      if (found) return found;
    }
    return undefined;
  };
  const candidates: (() => Found | undefined)[] = [
    () => check(ld.datePublished, 'json-ld'),
    () => fromKeys(PUBLISHED_KEYS),
    () => (root ? markupDate(root, now) : undefined),
    () => (doc.body && root !== doc.body ? markupDate(doc.body, now) : undefined),
    () => check(ld.dateModified, 'json-ld'),
    () => fromKeys(MODIFIED_KEYS),
    () => check(dateFromUrl(url), 'url'),
  ];
  for (const candidate of candidates) {
    const found = candidate();
    if (found) return found;
  }
  return undefined;
}
