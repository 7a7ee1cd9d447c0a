import type { Found } from './found';
import type { JsonLdFacts } from './json-ld';
import type { MetaTags } from './meta-tags';
import { articleElements } from './article-region';
import { dateFromUrl, plausibleDate } from './dates';
import { firstFound, found } from './found';
import { sourceOfMetaKey } from './meta-tags';
import { squash } from './text';

/** Meta keys for the publication date, most specific first. */
const PUBLISHED_KEYS =
  'article:published_time og:article:published_time article:published og:published_time published_time datepublished pubdate publishdate publish-date publish_date sailthru.date parsely-pub-date dc.date.issued dcterms.issued dc.date dcterms.date dcterms.created citation_publication_date citation_date date';
const MODIFIED_KEYS = 'article:modified_time og:updated_time datemodified dcterms.modified';

/** Markup that holds the publication date, best first. */
const DATE_MARKUP = [
  'time[pubdate],[itemprop~=datePublished],[itemprop~=dateCreated],.published[title],abbr.published,.dt-published',
  'time[datetime]',
  '[class*=date i],[class*=time i],[class*=publish i],[class*=meta i],[class*=byline i]',
];

function fromElement(el: Element, now: Date): string | undefined {
  const attr = el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.getAttribute('title') ?? el.getAttribute('data-timestamp');
  const date = attr && plausibleDate(attr, now);
  if (date) return date;
  const text = squash(el.textContent ?? '');
  return text.length <= 80 ? plausibleDate(text, now) : undefined;
}

function markupDate(root: Element | undefined, now: Date): Found | undefined {
  for (const [index, selector] of DATE_MARKUP.entries()) {
    for (const el of articleElements(root, selector, 30)) {
      const value = fromElement(el, now);
      if (value) return found(value, index === 0 && el.hasAttribute('itemprop') ? 'microdata' : el.localName === 'time' ? 'time-element' : 'byline-markup');
    }
  }
  return undefined;
}

/**
 * When the article was published, as ISO 8601 with the page's offset when it gives one.
 * Order: JSON-LD datePublished, publication meta tags (OpenGraph, Dublin Core, Highwire, …),
 * date markup in the article (microdata, `<time>`, date classes), then modified dates, then a
 * date in the URL. Dates before 1990 or after `now` are skipped, not trusted. `region` gives
 * the article region, computed only when the metadata had no date.
 */
export function findPublishedTime(doc: Document, meta: MetaTags, ld: JsonLdFacts, region: () => Element | undefined, url: string, now: Date): Found | undefined {
  const check = (value: string | undefined, source: Found['source']) => () => found(value && plausibleDate(value, now), source);
  const fromKeys = (keys: string) => () => {
    for (const key of keys.split(' ')) for (const value of meta.all(key)) {
      const date = plausibleDate(value, now);
      if (date) return found(date, sourceOfMetaKey(key));
    }
    return undefined;
  };
  const body = doc.body ?? undefined;
  return firstFound([
    check(ld.datePublished, 'json-ld'),
    fromKeys(PUBLISHED_KEYS),
    () => markupDate(region(), now),
    () => (region() !== body ? markupDate(body, now) : undefined),
    check(ld.dateModified, 'json-ld'),
    fromKeys(MODIFIED_KEYS),
    check(dateFromUrl(url), 'url'),
  ]);
}
