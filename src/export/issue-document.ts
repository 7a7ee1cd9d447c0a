import { z } from 'zod';
import { SectionStyle } from '../settings/settings';

/** One clipping as the exports print it: the editor's words and the article's attribution. */
export const DocumentEntry = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string(),
  /** The article's authors, one name each, printed as a list in "Author — Publication". */
  authors: z.array(z.string()),
  siteName: z.string(),
  /** ISO 8601 or YYYY-MM-DD; empty when unknown. */
  publishedTime: z.string(),
  /** The editor's commentary: Markdown (links, emphasis, lists). */
  summary: z.string(),
  /** Quoted text from the article (plain text; blank lines separate paragraphs). */
  quote: z.string(),
  /** A link to the quoted passage (text fragment), when known. */
  quoteLink: z.string(),
});
export type DocumentEntry = z.infer<typeof DocumentEntry>;

export const DocumentSection = z.object({
  id: z.string(),
  name: z.string(),
  style: SectionStyle,
  entries: z.array(DocumentEntry),
});
export type DocumentSection = z.infer<typeof DocumentSection>;

/**
 * Everything an export renders, already grouped and ordered: sections in the newsletter's order
 * (empty ones included; renderers skip them), entries by position. Built from the store by
 * `issueDocument()`; renderers are pure functions of this.
 */
export const IssueDocument = z.object({
  newsletter: z.string(),
  /** The newsletter's language (BCP 47): how author lists and dates are written, and the exports' `lang`. */
  lang: z.string(),
  number: z.number().int().positive(),
  title: z.string(),
  /** The issue's date window, as ISO 8601 instants. */
  start: z.string(),
  end: z.string(),
  /** Markdown; empty when the issue has no sponsor. */
  sponsor: z.string(),
  sections: z.array(DocumentSection),
});
export type IssueDocument = z.infer<typeof IssueDocument>;
