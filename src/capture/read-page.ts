import type { CaptureFieldName, PageCapture } from '../clip/capture';
import type { Found } from './found';
import type { SelectionInput } from './quote';
import { articleRoot } from './article-region';
import { SCAN_LIMIT, scanBudget, scanCut } from './bounded-query';
import { authorCandidates, declaredAuthors } from './byline';
import { findCanonicalUrl } from './canonical';
import { findExcerpt } from './excerpt';
import { FIELD_LIMITS } from './field-limits';
import { found } from './found';
import { readJsonLd } from './json-ld';
import { findLanguage } from './language';
import { readMetaTags } from './meta-tags';
import { baseUrl, documentUrl, hostOf, withoutTracking } from './page-address';
import { nonHtmlNote } from './page-kind';
import { dateCandidates, declaredDates } from './published-time';
import { quoteFromSelection } from './quote';
import { companyName, suggestSection } from './section-suggestion';
import { declaredSiteName, siteNameFromHost } from './site-name';
import { clip, squash } from './text';
import { findTitle, siteNameFromTitle, stripSiteAffixes, visibleHeadline } from './title';

export type { SelectionInput } from './quote';

/** Options of {@link readPage}. */
export interface ReadOptions {
  /** The page selection (or `{ text }`); becomes the quote. */
  selection?: SelectionInput;
  /**
   * Milliseconds the capture of a large page (over SCAN_LIMIT elements) may spend: once they are spent,
   * the steps that search the page's text (article region, author, dates, first paragraph, page type)
   * are skipped and a note names them.
   * The metadata is always read. No limit when absent (the tests); the content script gives one.
   */
  budgetMs?: number;
  /** The clock for the budget, in ms (the content script's `performance.now`). */
  clock?: () => number;
}

/**
 * The page half of the capture pipeline: read a {@link PageCapture} from a document. Pure: no
 * `window`, no extension APIs, no network, so it runs the same in the content script and in Node
 * tests (linkedom). It never throws: a field that cannot be read is left out and a plain-words
 * note says so. The byline and the published time are left to the worker half
 * (finish-capture.ts): the page sends their raw candidates, since cleaning names and parsing
 * dates would not fit the content script's size budget. `extractCapture` (extract.ts) runs both halves.
 *
 * Order of trust for every field: JSON-LD, OpenGraph (`og:*`, `article:*`), Twitter cards,
 * standard meta tags, Dublin Core, Highwire (`citation_*`), microdata, `<time>` elements,
 * byline markup (hAtom, rel=author, byline classes), the visible text, then the title and
 * the address. Each field records the source it came from.
 *
 * Fast path: the metadata (meta tags, JSON-LD) is read first; the article region, which the
 * text heuristics need, is looked for only when a field is still missing after the metadata.
 */
export function readPage(doc: Document, options: ReadOptions = {}): PageCapture {
  const clock = options.clock ?? Date.now;
  const deadline = clock() + (options.budgetMs ?? Infinity);
  Object.assign(scanBudget, { until: deadline, now: clock, stopped: false });
  try {
    return readWithin(doc, options, clock, deadline);
  } finally {
    scanBudget.until = Infinity;
  }
}

function readWithin(doc: Document, options: ReadOptions, clock: () => number, deadline: number): PageCapture {
  const pageUrl = clip(documentUrl(doc), FIELD_LIMITS.url);
  const capture: PageCapture = { pageUrl, notes: [] };
  const note = (text: string) => {
    if (capture.notes.length < 20) capture.notes.push(clip(text, 500));
  };
  const set = (name: Exclude<CaptureFieldName, 'byline' | 'publishedTime'>, candidate: Found | undefined) => {
    const value = candidate && clip(squash(candidate.value), FIELD_LIMITS[name === 'canonicalUrl' ? 'url' : name]);
    if (value) capture[name] = found(value, candidate.source);
  };
  /** What was not looked for because the time budget was spent. */
  const skipped: string[] = [];
  /**
   * Run one step; a failure costs that step only and becomes a note naming `what` in plain words.
   * A step that searches the page's text (`search`) is skipped once the time budget is spent.
   */
  const attempt = <T>(what: string, step: () => T, search?: boolean): T | undefined => {
    // Only a large page (more elements than a scan reads) is cut short: a normal one is read whole
    // however busy the machine, so its capture does not depend on the moment.
    if (search && clock() > deadline && scanCut(doc)) {
      if (!skipped.includes(what)) skipped.push(what);
      return undefined;
    }
    try {
      return step();
    } catch {
      note(`The ${what} could not be read from this page.`);
      return undefined;
    }
  };

  attempt('selected text', () => {
    const quote = quoteFromSelection(options.selection, pageUrl, FIELD_LIMITS.quote);
    if (quote) capture.quote = quote;
  });

  const notHtml = attempt('page type', () => nonHtmlNote(doc));
  if (notHtml) {
    attempt('title', () => set('title', found(doc.title, 'document-title')));
    attempt('canonical address', () => set('canonicalUrl', found(withoutTracking(pageUrl), 'url')));
    note(notHtml);
    return capture;
  }

  const meta = attempt('meta tags', () => readMetaTags(doc)) ?? { all: () => [], first: () => undefined };
  const ld = attempt('structured data', () => readJsonLd(doc, pageUrl)) ?? { authors: [], types: new Set<string>() };
  let root: Element | undefined | null = null;
  /** The article region, looked for on first use only. */
  const region = () => (root === null ? (root = attempt('article', () => articleRoot(doc), true)) : root);
  const host = hostOf(pageUrl);

  attempt('canonical address', () => set('canonicalUrl', findCanonicalUrl(doc, meta, baseUrl(doc), pageUrl)));
  const url = capture.canonicalUrl?.value ?? pageUrl;
  const declared = attempt('publication', () => declaredSiteName(meta, ld));
  const headline = attempt('headline', () => visibleHeadline(region(), doc), true);
  attempt('title', () => set('title', findTitle(doc, meta, ld, declared?.value, host, headline)));
  attempt('publication', () => {
    const fromTitle = declared ? undefined : siteNameFromTitle(doc, capture.title?.value ?? headline?.text, host);
    set('siteName', declared ?? found(fromTitle, 'document-title') ?? found(siteNameFromHost(url), 'host'));
  });
  // Past the time budget, the declared author and dates (metadata, cheap) are still sent: only the text search is skipped.
  const authors = attempt('author', () => authorCandidates(doc, meta, ld, region()), true) ?? declaredAuthors(meta, ld);
  const dates = attempt('publication date', () => dateCandidates(doc, meta, ld, region()), true) ?? declaredDates(meta, ld);
  capture.candidates = { authors, ...dates };
  attempt('description', () =>
    set(
      'excerpt',
      findExcerpt(meta, ld, () => attempt('description', region, true)),
    ),
  );
  attempt('language', () => set('lang', findLanguage(doc, meta, ld)));

  attempt(
    'page type',
    () => {
      const pageTitle = squash(doc.title ?? '');
      const original = capture.title?.value;
      const section = suggestSection(doc, host, `${original ?? ''} ${pageTitle}`, ld);
      if (!section) return;
      capture.suggestedSection = section;
      // Outages are listed by company: "GitHub", not "Incident with Actions".
      const fromHost = capture.siteName?.source === 'host';
      const company = companyName(
        fromHost ? undefined : (capture.siteName?.value ?? stripSiteAffixes(pageTitle, undefined, host).removed[0]),
        host,
      );
      if (company && original !== company) {
        capture.title = found(clip(company, FIELD_LIMITS.title), fromHost || !capture.siteName ? 'host' : capture.siteName.source);
        note(`Looks like an outage report: the title is the company name${original ? ` (the page title was “${original}”)` : ''}.`);
      }
    },
    true,
  );
  // Say what a large page's capture left out, so the editor checks those fields.
  if (skipped.length || scanBudget.stopped)
    note(
      `This page is very large: to keep it responsive, the capture stopped reading it after ${options.budgetMs} ms${skipped.length ? ` (it did not look for the ${skipped.join(', ')})` : ''}. Check the author and date.`,
    );
  else if (root !== null && scanCut(doc))
    note(`This page is very large: only its first ${SCAN_LIMIT / 1000},000 elements were searched for the author and date.`);
  return capture;
}
