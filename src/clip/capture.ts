import { z } from 'zod';

/**
 * Where a captured field's value came from, in the extractor's order of trust.
 * Shown to the editor ("from JSON-LD") so they know what to double-check.
 */
export const CAPTURE_SOURCES = [
  'json-ld',
  'opengraph',
  'twitter',
  'meta',
  'dublin-core',
  'highwire',
  'microdata',
  'canonical-link',
  'time-element',
  'byline-markup',
  'page-text',
  'document-title',
  'html-lang',
  'url',
  'host',
  'selection',
  'tab',
  'link',
  'editor',
] as const;
export const CaptureSource = z.enum(CAPTURE_SOURCES);
export type CaptureSource = z.infer<typeof CaptureSource>;

/** Human words for each source, used in tooltips. */
export const SOURCE_LABELS: Record<CaptureSource, string> = {
  'json-ld': 'JSON-LD structured data',
  opengraph: 'OpenGraph tags',
  twitter: 'Twitter card tags',
  meta: 'standard <meta> tags',
  'dublin-core': 'Dublin Core tags',
  highwire: 'Highwire (citation_*) tags',
  microdata: 'microdata (itemprop)',
  'canonical-link': 'the canonical link',
  'time-element': 'a <time> element',
  'byline-markup': 'byline markup in the page',
  'page-text': 'the visible page text',
  'document-title': 'the document title',
  'html-lang': 'the page language attribute',
  url: 'the address',
  host: 'the host name',
  selection: 'your selection',
  tab: 'the browser tab',
  link: 'the link you right-clicked',
  editor: 'you',
};

/** Generous caps: a hostile page must not be able to bloat the store or the popup. */
export const FIELD_LIMITS = {
  url: 4096,
  title: 1000,
  byline: 500,
  siteName: 300,
  publishedTime: 64,
  excerpt: 5000,
  lang: 35,
  quote: 20000,
} as const;

const field = (max: number) => z.object({ value: z.string().max(max), source: CaptureSource });

/** A value plus the source it was read from. */
export const CapturedField = field(FIELD_LIMITS.excerpt);
export type CapturedField = z.infer<typeof CapturedField>;

export const CapturedQuote = z.object({
  /** The selected text, paragraph breaks kept as blank lines. */
  text: z.string().max(FIELD_LIMITS.quote),
  /** The page URL with a `#:~:text=` fragment pointing at the quoted passage, when one could be built. */
  link: z.string().max(FIELD_LIMITS.url * 2).optional(),
});
export type CapturedQuote = z.infer<typeof CapturedQuote>;

/** A tab that showed Reader View, and the http(s) address of the article it was made from. */
export const ReaderView = z.object({
  originalUrl: z
    .string()
    .max(FIELD_LIMITS.url)
    .regex(/^https?:\/\//i),
});
export type ReaderView = z.infer<typeof ReaderView>;

/**
 * What the content script reads from a page at one moment. Pure data, produced by a pure
 * function over a `Document` (see src/capture/extract.ts). It crosses the page→extension
 * boundary, so the worker parses it with this schema and never trusts it.
 */
export const Capture = z.object({
  /** `document.URL` at capture time. */
  pageUrl: z.string().max(FIELD_LIMITS.url),
  canonicalUrl: field(FIELD_LIMITS.url).optional(),
  title: field(FIELD_LIMITS.title).optional(),
  byline: field(FIELD_LIMITS.byline).optional(),
  siteName: field(FIELD_LIMITS.siteName).optional(),
  /** ISO 8601, with the page's offset when known, or a plain YYYY-MM-DD. */
  publishedTime: field(FIELD_LIMITS.publishedTime).optional(),
  excerpt: field(FIELD_LIMITS.excerpt).optional(),
  /** BCP 47 tag, e.g. `en-GB`. */
  lang: field(FIELD_LIMITS.lang).optional(),
  quote: CapturedQuote.optional(),
  /** A section id the page looks like it belongs to (e.g. `outages` for a status page). */
  suggestedSection: z.string().max(64).optional(),
  /** Plain-words notes of what could not be read, shown to the editor. */
  notes: z.array(z.string().max(500)).max(20),
  /**
   * Set when the tab showed Firefox's Reader View: the popup offers to open the original page.
   * Only the tab fallback sets it; a capture read from a page never carries it (see tab-capture.ts).
   */
  readerView: ReaderView.optional(),
});
export type Capture = z.infer<typeof Capture>;

export type CaptureFieldName = 'canonicalUrl' | 'title' | 'byline' | 'siteName' | 'publishedTime' | 'excerpt' | 'lang';
