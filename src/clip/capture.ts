import { z } from 'zod';
import { Authors } from './authors';

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
  'feed',
  'editor',
] as const;
export const CaptureSource = z.enum(CAPTURE_SOURCES);
export type CaptureSource = z.infer<typeof CaptureSource>;

/** Generous caps: a hostile page must not be able to bloat the store or the popup. */
export const FIELD_LIMITS = {
  url: 4096,
  title: 1000,
  siteName: 300,
  publishedTime: 64,
  excerpt: 5000,
  lang: 35,
  quote: 20000,
} as const;

const field = (max: number) => z.object({ value: z.string().max(max), source: CaptureSource });

/**
 * Set when the capture is unsure of a value (dates from different sources disagree, a byline guessed
 * from the text): the popup shows it as a suggestion to confirm, not as fact.
 */
const uncertain = { uncertain: z.literal(true).optional() };

/** A value plus the source it was read from. */
export const CapturedField = field(FIELD_LIMITS.excerpt);
export type CapturedField = z.infer<typeof CapturedField>;

export const CapturedQuote = z.object({
  /** The selected text, paragraph breaks kept as blank lines. */
  text: z.string().max(FIELD_LIMITS.quote),
  /** The page URL with a `#:~:text=` fragment pointing at the quoted passage, when one could be built. */
  link: z
    .string()
    .max(FIELD_LIMITS.url * 2)
    .optional(),
  /** Set when the selection was longer than the quote keeps: its length in characters (the quote is its beginning). */
  selectionLength: z.number().int().positive().max(1e9).optional(),
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
  /** The article's authors, one name each (a byline "A and B" is two). */
  authors: z.object({ value: Authors.min(1), source: CaptureSource, ...uncertain }).optional(),
  siteName: field(FIELD_LIMITS.siteName).optional(),
  /** ISO 8601, with the page's offset when known, or a plain YYYY-MM-DD. */
  publishedTime: field(FIELD_LIMITS.publishedTime).extend(uncertain).optional(),
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

export type CaptureFieldName = 'canonicalUrl' | 'title' | 'siteName' | 'publishedTime' | 'excerpt' | 'lang';

/**
 * Caps on the raw candidates a page sends. The content script cuts to these before sending
 * (src/capture/candidate-limits.ts keeps a copy, as field-limits.ts does), so an honest page never
 * exceeds them: cleaning reads no further (`cleanAuthors` takes 20 strings, `parseDate` 200 characters).
 */
export const CANDIDATE_LIMITS = {
  /** Characters of one raw author string (already squashed). */
  name: 1000,
  /** Raw strings per author candidate. */
  names: 20,
  /** Author candidates: 7 declared families, 60 byline elements twice, 400 "By …" lines. */
  authors: 600,
  /** Characters of a raw date (attribute or meta value), and of a date's shown text. */
  date: 200,
  shown: 80,
  /** Date candidates per list. */
  dates: 100,
} as const;

/**
 * Raw author strings from one place in the page, uncleaned ("By JANE DOE, Staff Writer"). Byline
 * markup and "By …" lines in the text (sources `byline-markup`, `page-text`) are the page's own;
 * every other source is declared metadata.
 */
export const AuthorCandidate = z.object({
  source: CaptureSource,
  names: z.array(z.string().max(CANDIDATE_LIMITS.name)).min(1).max(CANDIDATE_LIMITS.names),
  /** JSON-LD persons: a name equal to the site's is the blogger's own, so it is kept. */
  ownSite: z.literal(true).optional(),
});
export type AuthorCandidate = z.infer<typeof AuthorCandidate>;

/** A raw date: a meta or JSON-LD value, or a date element's attribute (`value`) and its visible text (`shown`). */
export const DateCandidate = z.object({
  source: CaptureSource,
  value: z.string().max(CANDIDATE_LIMITS.date),
  shown: z.string().max(CANDIDATE_LIMITS.shown).optional(),
});
export type DateCandidate = z.infer<typeof DateCandidate>;

const dateList = z.array(DateCandidate).max(CANDIDATE_LIMITS.dates);

/** What the page half found for the fields the worker half decides (authors, published time), in order of trust. */
export const CaptureCandidates = z.object({
  authors: z.array(AuthorCandidate).max(CANDIDATE_LIMITS.authors),
  /** JSON-LD datePublished, then the publication meta tags. */
  published: dateList,
  /** Date markup in the article region. */
  inArticle: dateList,
  /** Date markup in the rest of the page (when the region is not the body), read only when the article has none. */
  elsewhere: dateList,
  /** JSON-LD dateModified, then the modification meta tags. */
  modified: dateList,
  /** Visible text with a year in it, in the article region in reading order (`shown` only): dates no markup names. */
  inText: dateList.optional(),
});
export type CaptureCandidates = z.infer<typeof CaptureCandidates>;

/**
 * What the content script sends (src/capture/read-page.ts): the fields the page decides, and raw
 * candidates for the ones the worker decides (src/capture/finish-capture.ts), whose cleaning and
 * date parsing are too big for the content script's budget. Without `candidates` (a page that
 * could not be read, a non-HTML page) the worker adds nothing. A page cannot claim Reader View.
 */
export const PageCapture = Capture.omit({ authors: true, publishedTime: true, readerView: true }).extend({
  candidates: CaptureCandidates.optional(),
});
export type PageCapture = z.infer<typeof PageCapture>;
