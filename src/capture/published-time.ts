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
  // <time datetime>, and custom elements that copy it (<relative-time datetime>); not <ins>/<del>, whose date is an edit's.
  '[datetime]:not(ins,del)',
  '[class*=date i],[class*=time i],[class*=publish i],[class*=meta i],[class*=byline i]',
];

function fromElement(el: Element, now: Date): string | undefined {
  const attr = el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.getAttribute('title') ?? el.getAttribute('data-timestamp');
  const date = attr && plausibleDate(attr, now);
  // The text is read only when the attribute gives no date, or one without its zone.
  const text = !date || date.length === 19 ? squash(el.textContent ?? '') : '';
  const shown = text && text.length <= 80 ? plausibleDate(text, now) : undefined;
  // datetime="2022-10-17 16:01:26" shown as "04:01 PM EDT": the attribute's time in the shown zone.
  return date && date.length === 19 && shown && shown.length > 19 && shown.startsWith(date.slice(0, 16)) ? date + shown.slice(19) : date || shown;
}

/**
 * The first date in the markup. A bare day (found here, "Oct 13, 2016", or given as `day`) gives
 * way to the first later date of that day with a time (the same byline's `<time datetime>`).
 */
function markupDate(root: Element | undefined, now: Date, day?: Found): Found | undefined {
  for (const [index, selector] of DATE_MARKUP.entries()) {
    for (const el of articleElements(root, selector, 30)) {
      const value = fromElement(el, now);
      if (!value || (day && !value.startsWith(day.value))) continue;
      const date = found(value, index === 0 && el.hasAttribute('itemprop') ? 'microdata' : el.localName === 'time' ? 'time-element' : 'byline-markup');
      if (value.length > 10) return date;
      day ??= date;
    }
  }
  return day;
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
  const inPage = (day?: Found) => markupDate(region(), now, day) ?? (region() !== body ? markupDate(body, now) : undefined);
  const best = firstFound([check(ld.datePublished, 'json-ld'), fromKeys(PUBLISHED_KEYS), () => inPage(), check(ld.dateModified, 'json-ld'), fromKeys(MODIFIED_KEYS), check(dateFromUrl(url), 'url')]);
  // A bare day in the metadata (<meta name="date" content="2016-12-15">): the article's own
  // <time> of that day also knows the hour.
  return best?.value.length === 10 ? inPage(best) : best;
}
