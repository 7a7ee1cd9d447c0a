import type { CaptureCandidates, CaptureSource, DateCandidate } from '../clip/capture';
import type { JsonLdFacts } from './json-ld';
import type { MetaTags } from './meta-tags';
import { articleElements, outsideArticle } from './article-region';
import { CANDIDATE_LIMITS } from './field-limits';
import { sourceOfMetaKey } from './meta-tags';
import { shortText } from './spaced-text';
import { squash } from './text';

/**
 * The page half of the publication date: raw date strings, in the order of trust, for the worker
 * to parse and check (pick-published-time.ts). Date parsing is too big for the content script's
 * budget, so the page lists every candidate; the worker takes the first plausible one.
 */

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

type DateList = DateCandidate[];

/** Appends a date cut to the boundary's cap: parsing trims and reads 200 characters, no more. */
function add(out: DateList, value: string | undefined, source: CaptureSource, shown?: string): void {
  const date = (value ?? '').trim().slice(0, CANDIDATE_LIMITS.date);
  if ((date || shown) && out.length < CANDIDATE_LIMITS.dates) out.push({ source, value: date, ...(shown && { shown }) });
}

/** The JSON-LD value, then every value of the meta `keys`, in order. */
function declared(value: string | undefined, meta: MetaTags, keys: string): DateList {
  const out: DateList = [];
  add(out, value, 'json-ld');
  for (const key of keys.split(' ')) for (const metaValue of meta.all(key)) add(out, metaValue, sourceOfMetaKey(key));
  return out;
}

/**
 * Date elements of `root`: the first attribute that may hold a date and the visible text (when
 * short). Each scanned element goes into `scanned`; elements in `skip` are left out (the body's
 * scan repeats the article's, whose elements held no date when the body's list is read at all).
 */
function markup(root: Element | undefined, scanned: Set<Element>, skip?: Set<Element>): DateList {
  const out: DateList = [];
  for (const [index, selector] of DATE_MARKUP.entries()) {
    for (const el of articleElements(root, selector, 30)) {
      if (skip?.has(el)) continue;
      scanned.add(el);
      const attr =
        el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.getAttribute('title') ?? el.getAttribute('data-timestamp');
      const text = shortText(el, CANDIDATE_LIMITS.shown);
      const source = index === 0 && el.hasAttribute('itemprop') ? 'microdata' : el.localName === 'time' ? 'time-element' : 'byline-markup';
      add(out, attr ?? '', source, text);
    }
  }
  return out;
}

/**
 * Text with a year in it ("Veröffentlicht am 3. Februar 2022", "14/02/2019 às 10h"), in reading
 * order, outside comments and related links: the worker reads the date in it in the page's language.
 */
function textDates(root: Element | undefined, out: DateList): void {
  const walker = root?.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  // 900 text nodes with text: the blank ones between elements (half of most pages' nodes) do not count.
  for (let node = walker?.nextNode(), n = 0; node && n < 900; node = walker!.nextNode()) {
    const text = squash(node.nodeValue!);
    if (text) n++;
    const at = text.search(/(?<!\d)(19|20)\d\d(?!\d)/);
    const parent = node.parentElement!;
    if (at >= 0 && !/^(SCRIPT|STYLE)$/.test(parent.tagName) && !outsideArticle(parent))
      add(out, '', 'page-text', text.slice(Math.max(0, at - 50), at + 25));
  }
}

/**
 * The raw date candidates: JSON-LD datePublished and the publication meta tags (OpenGraph,
 * Dublin Core, Highwire, …), date markup in the article (microdata, `<time>`, date classes) and
 * elsewhere in the page, then the modified dates. The date in the address is the worker's to read.
 */
export function dateCandidates(
  doc: Document,
  meta: MetaTags,
  ld: JsonLdFacts,
  region: Element | undefined,
): Omit<CaptureCandidates, 'authors'> {
  const scanned = new Set<Element>();
  const texts: DateList = [];
  textDates(region, texts);
  const inArticle = markup(region, scanned);
  const body = doc.body ?? undefined;
  return {
    ...declaredDates(meta, ld),
    inArticle,
    elsewhere: region !== body ? markup(body, new Set(), scanned) : [],
    inText: texts,
  };
}

/** The declared dates alone (JSON-LD, meta tags): cheap, so read even when a large page's time budget stops the search of its text. */
export function declaredDates(meta: MetaTags, ld: JsonLdFacts): Omit<CaptureCandidates, 'authors'> {
  return {
    published: declared(ld.datePublished, meta, PUBLISHED_KEYS),
    inArticle: [],
    elsewhere: [],
    modified: declared(ld.dateModified, meta, MODIFIED_KEYS),
  };
}
