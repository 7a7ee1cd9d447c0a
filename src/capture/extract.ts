import type { Capture, CaptureFieldName } from '../clip/capture';
import { FIELD_LIMITS } from './field-limits';
import type { Found } from './found';
import type { JsonLdFacts } from './json-ld';
import type { MetaTags } from './meta-tags';
import type { SelectionInput } from './quote';
import { articleRoot } from './article-region';
import { findByline } from './byline';
import { findCanonicalUrl } from './canonical';
import { findExcerpt } from './excerpt';
import { readJsonLd } from './json-ld';
import { findLanguage } from './language';
import { readMetaTags } from './meta-tags';
import { baseUrl, documentUrl } from './page-address';
import { nonHtmlNote } from './page-kind';
import { findPublishedTime } from './published-time';
import { quoteFromSelection } from './quote';
import { companyName, suggestSection } from './section-suggestion';
import { declaredSiteName, siteNameFromHost } from './site-name';
import { clip, squash } from './text';
import { findTitle, siteNameFromTitle, stripSiteAffixes, visibleHeadline } from './title';

export type { SelectionInput } from './quote';

/** Options of {@link extractCapture}. */
export interface ExtractOptions {
  /** The page selection (or `{ text }`); becomes the quote. */
  selection?: SelectionInput;
  /** "Now" for rejecting future dates; defaults to the current time. */
  now?: Date;
}

/** Sources that count as article metadata (as opposed to guesses from the title, text or host). */
const METADATA_SOURCES = ['json-ld', 'opengraph', 'twitter', 'meta', 'dublin-core', 'highwire', 'microdata', 'byline-markup', 'time-element'];

/** How the notes name each field, in plain words. */
const FIELD_WORDS: Record<CaptureFieldName, string> = {
  canonicalUrl: 'canonical address', title: 'title', byline: 'author', siteName: 'publication',
  publishedTime: 'publication date', excerpt: 'description', lang: 'language',
};

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/**
 * Read a {@link Capture} from a document. Pure: no `window`, no extension APIs, no network, so
 * it runs the same in the content script and in Node tests (linkedom). It never throws: a
 * field that cannot be read is left out and a plain-words note says so.
 *
 * Order of trust for every field: JSON-LD, OpenGraph (`og:*`, `article:*`), Twitter cards,
 * standard meta tags, Dublin Core, Highwire (`citation_*`), microdata, `<time>` elements,
 * byline markup (hAtom, rel=author, byline classes), the visible text, then the title and
 * the address. Each field records the source it came from.
 */
export function extractCapture(doc: Document, options: ExtractOptions = {}): Capture {
  const now = options.now ?? new Date();
  const pageUrl = clip(documentUrl(doc), FIELD_LIMITS.url);
  const capture: Capture = { pageUrl, notes: [] };
  const note = (text: string) => {
    if (capture.notes.length < 20) capture.notes.push(clip(text, 500));
  };
  const set = (name: CaptureFieldName, found: Found | undefined) => {
    const value = found && clip(squash(found.value), FIELD_LIMITS[name === 'canonicalUrl' ? 'url' : name]);
    if (found && value) capture[name] = { value, source: found.source };
  };
  /** Run one step; a failure costs that field only. */
  const attempt = <T>(name: CaptureFieldName | 'quote' | 'page', step: () => T): T | undefined => {
    try {
      return step();
    } catch {
      note(name === 'quote' ? 'The selected text could not be read.' : name === 'page' ? 'Part of this page could not be read.' : `The ${FIELD_WORDS[name]} could not be read from this page.`);
      return undefined;
    }
  };

  attempt('quote', () => {
    const quote = quoteFromSelection(options.selection, pageUrl, FIELD_LIMITS.quote);
    if (quote) capture.quote = quote;
  });

  const notHtml = attempt('page', () => nonHtmlNote(doc));
  if (notHtml) {
    attempt('title', () => set('title', { value: doc.title ?? '', source: 'document-title' }));
    attempt('canonicalUrl', () => set('canonicalUrl', findCanonicalUrl(doc, readMetaTags(doc), pageUrl, pageUrl)));
    note(notHtml);
    return capture;
  }

  const empty: MetaTags = { all: () => [], first: () => undefined, size: 0 };
  const meta = attempt('page', () => readMetaTags(doc)) ?? empty;
  const ld = attempt('page', () => readJsonLd(doc, pageUrl)) ?? ({ authors: [], types: new Set<string>(), found: false } satisfies JsonLdFacts);
  const root = attempt('page', () => articleRoot(doc));
  const host = hostOf(pageUrl);

  attempt('canonicalUrl', () => set('canonicalUrl', findCanonicalUrl(doc, meta, baseUrl(doc), pageUrl)));
  const declared = attempt('siteName', () => declaredSiteName(meta, ld));
  const headline = attempt('title', () => visibleHeadline(root, doc));
  attempt('title', () => set('title', findTitle(doc, meta, ld, declared?.value, host, headline)));
  attempt('siteName', () => {
    const fromTitle = declared ? undefined : siteNameFromTitle(doc, capture.title?.value ?? headline?.text, host);
    const fromHost = siteNameFromHost(capture.canonicalUrl?.value ?? pageUrl);
    set('siteName', declared ?? (fromTitle ? { value: fromTitle, source: 'document-title' } : fromHost ? { value: fromHost, source: 'host' } : undefined));
  });
  const site = capture.siteName?.source === 'host' ? '' : (capture.siteName?.value ?? '');
  attempt('byline', () => set('byline', findByline(doc, meta, ld, root, site)));
  attempt('publishedTime', () => set('publishedTime', findPublishedTime(doc, meta, ld, root, capture.canonicalUrl?.value ?? pageUrl, now)));
  attempt('excerpt', () => set('excerpt', findExcerpt(meta, ld, root)));
  attempt('lang', () => set('lang', findLanguage(doc, meta, ld)));

  attempt('page', () => {
    const pageTitle = squash(doc.title ?? '');
    const section = suggestSection(doc, host, `${capture.title?.value ?? ''} ${pageTitle}`, ld);
    if (!section) return;
    capture.suggestedSection = section;
    // Outages are listed by company: "GitHub", not "Incident with Actions".
    const company = companyName(capture.siteName?.source === 'host' ? undefined : capture.siteName?.value ?? stripSiteAffixes(pageTitle, undefined, host).removed[0], host);
    if (company && capture.title?.value !== company) {
      const original = capture.title?.value;
      capture.title = { value: clip(company, FIELD_LIMITS.title), source: capture.siteName?.source === 'host' || !capture.siteName ? 'host' : capture.siteName.source };
      note(`Looks like an outage report: the title is the company name${original ? ` (the page title was “${original}”)` : ''}.`);
    }
  });

  const fields: CaptureFieldName[] = ['title', 'byline', 'publishedTime', 'excerpt', 'siteName'];
  if (!fields.some((name) => METADATA_SOURCES.includes(capture[name]?.source as string))) {
    note('No article metadata found: check the title and author.');
  }
  return capture;
}
