import { z } from 'zod';
import { stripBidi } from './bidi';
import { Authors, withAuthorList } from './authors';
import { CaptureSource, FIELD_LIMITS, ReaderView } from './capture';

/**
 * How a clipping came to be: from a page read in full, from a right-clicked link, from a tab that could not
 * be read, or imported from a feed source (issue 13).
 */
export const ClippingOrigin = z.enum(['page', 'link', 'tab', 'feed']);
export type ClippingOrigin = z.infer<typeof ClippingOrigin>;

export const SUMMARY_LIMIT = 20000;

/** A single-line field: bidirectional controls are removed from it (see bidi.ts) whoever sends it. */
const line = (max: number) => z.string().max(max).transform(stripBidi);

/**
 * The fields the editor sees and edits in the popup. Everything but the authors is a string (empty =
 * not known), so a form can hold it as typed; `authors` is a list of names ([] = not known); `section`
 * is null until the editor picks one.
 */
export const ClippingForm = z.object({
  url: z
    .string()
    .trim()
    .max(FIELD_LIMITS.url)
    .transform((url) => stripBidi(url).trim()),
  title: line(FIELD_LIMITS.title),
  authors: Authors,
  siteName: line(FIELD_LIMITS.siteName),
  publishedTime: line(FIELD_LIMITS.publishedTime),
  excerpt: z.string().max(FIELD_LIMITS.excerpt),
  lang: line(FIELD_LIMITS.lang),
  quote: z.string().max(FIELD_LIMITS.quote),
  quoteLink: line(FIELD_LIMITS.url * 2),
  summary: z.string().max(SUMMARY_LIMIT),
  section: z.string().max(64).nullable(),
  /**
   * The address of the page the editor was reading, when its canonical address (`url`) is on another
   * host (a syndicated copy, a mirror, an AMP cache): kept so the clipping says where it was read.
   * Absent when it would equal `url`. Optional: clippings from before it have none.
   */
  visitedUrl: z
    .string()
    .trim()
    .max(FIELD_LIMITS.url)
    .transform((url) => stripBidi(url).trim())
    .optional(),
});
export type ClippingForm = z.infer<typeof ClippingForm>;

export const FORM_FIELDS_WITH_SOURCE = ['url', 'title', 'authors', 'siteName', 'publishedTime', 'excerpt', 'lang', 'quote'] as const;
export type FormFieldWithSource = (typeof FORM_FIELDS_WITH_SOURCE)[number];

/** For each pre-filled field, where its value came from. */
export const FieldSources = z.partialRecord(z.enum(FORM_FIELDS_WITH_SOURCE), CaptureSource);
export type FieldSources = z.infer<typeof FieldSources>;

/** What the worker needs, beyond the form, to turn a capture into a clipping. */
export const CaptureContext = z.object({
  origin: ClippingOrigin,
  sources: FieldSources,
  notes: z.array(z.string().max(500)).max(20),
  /** The tab showed Reader View: the popup offers to open the original page in it. */
  readerView: ReaderView.optional(),
  /**
   * Fields the capture was unsure of (dates from different sources disagree, a byline guessed from
   * the text): the popup offers them as suggestions to confirm. A field leaves the list once confirmed or edited.
   */
  unsure: z
    .array(z.enum(['authors', 'publishedTime']))
    .max(2)
    .optional(),
  /** The selection was longer than the quote keeps: how long it was, for the popup to say so. */
  quoteCut: z.object({ selectionLength: z.number().int().positive().max(1e9) }).optional(),
});
export type CaptureContext = z.infer<typeof CaptureContext>;

/** What the editor keeps: a capture plus their summary and section. Stored in IndexedDB. */
export const Clipping = ClippingForm.extend({
  /** Client-made, stable forever; also the idempotency key towards backends. */
  id: z.string().min(8).max(64),
  /** The duplicate-detection key (see url-key.ts). */
  urlKey: z.string().max(FIELD_LIMITS.url),
  origin: ClippingOrigin,
  sources: FieldSources,
  notes: z.array(z.string().max(500)).max(20),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
  /** Set when deleted: kept as a tombstone until synced. */
  deletedAt: z.number().int().nonnegative().optional(),
  /** The issue it belongs to; null until it is placed in one (rows from before issues existed). */
  issueId: z.string().max(64).nullable().default(null),
  /** Order within its section of the issue: smaller first. */
  position: z.number().default(0),
});
export type Clipping = z.infer<typeof Clipping>;

/**
 * A clipping read back from the store or from a file. A record written before authors were a list
 * (its `byline` a string) is upgraded on the way in (see withAuthorList), so a row the database
 * upgrade has not reached yet, or a version-1 backup or issue file, still reads.
 */
export const StoredClipping = z.preprocess(withAuthorList, Clipping);

/** The popup's unsaved form for one page, kept so nothing typed is lost. */
export const DraftClipping = z.object({
  /** urlKey of the page the popup was opened on. */
  key: z.string().max(FIELD_LIMITS.url),
  form: ClippingForm,
  context: CaptureContext,
  /** The clipping being edited, when the page was clipped before. */
  clippingId: z.string().max(64).optional(),
  updatedAt: z.number().int().nonnegative(),
});
export type DraftClipping = z.infer<typeof DraftClipping>;

/** A draft read back from the store: one kept before authors were a list is upgraded on the way in. */
export const StoredDraft = z.preprocess(
  (row: unknown) =>
    typeof row === 'object' && row !== null && 'form' in row && 'context' in row
      ? { ...row, form: withAuthorList(row.form), context: withAuthorList(row.context) }
      : row,
  DraftClipping,
);
