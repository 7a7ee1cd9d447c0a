import { attributionText } from './attribution';
import { safeEditorMarkdown } from './editor-markdown';
import type { DocumentEntry, DocumentSection, IssueDocument } from './issue-document';
import { issueDateRange } from './issue-dates';
import { quoteLinkText, untitled } from './labels';
import { escapeMarkdownHeading, escapeMarkdownText, markdownDestination } from './markdown-escape';
import { oneLine, paragraphs } from './page-text';
import { webHref } from './safe-url';

/**
 * The entry's title as Markdown: a link when the URL is http(s), otherwise plain text, so a
 * `javascript:` or `data:` URL from a page never becomes a link. A missing title falls back to the URL.
 */
function titleLink(entry: DocumentEntry, atBlockStart: boolean): string {
  const href = webHref(entry.url);
  const text = oneLine(entry.title) || href || untitled();
  if (!href) return escapeMarkdownText(text, { atBlockStart });
  return `[${escapeMarkdownText(text)}](${markdownDestination(href)})`;
}

/** The quote as a blockquote: one `> ` paragraph per quoted paragraph, the passage link on the last. */
function blockquote(entry: DocumentEntry): string | undefined {
  const quoted = paragraphs(entry.quote).map((p) => escapeMarkdownText(p, { atBlockStart: true }));
  if (!quoted.length) return undefined;
  const href = webHref(entry.quoteLink);
  if (href) quoted[quoted.length - 1] += ` ([${quoteLinkText()}](${markdownDestination(href)}))`;
  return quoted.map((p) => `> ${p}`).join('\n>\n');
}

// SRE Weekly's article layout. The title is a `###` heading rather than a bold link: it reads the
// same in a Markdown viewer, gives each article an anchor and a place in a CMS's outline, and cannot
// run into the commentary paragraph the way a bold line can when a blank line goes missing.
function entryBlocks(entry: DocumentEntry, lang: string): string[] {
  const blocks = [`### ${titleLink(entry, false)}`];
  // The commentary is the editor's own Markdown, printed as written but for raw HTML and unsafe links (see renderMarkdown).
  const summary = safeEditorMarkdown(entry.summary);
  if (summary) blocks.push(summary);
  const quote = blockquote(entry);
  if (quote) blocks.push(quote);
  const attribution = attributionText(entry, lang);
  if (attribution) blocks.push(escapeMarkdownText(attribution, { atBlockStart: true }));
  return blocks;
}

// The Outages layout: one bullet per link; the commentary as a nested bullet, its continuation
// lines indented to the nested item's content column (4) so a multi-line note stays inside it.
function bullet(entry: DocumentEntry): string {
  const lines = [`* ${titleLink(entry, true)}`];
  const summary = safeEditorMarkdown(entry.summary);
  if (summary) {
    const [first = '', ...rest] = summary.split('\n');
    lines.push(`  * ${first}`, ...rest.map((line) => (line.trim() ? `    ${line}` : '')));
  }
  return lines.join('\n');
}

function sectionBlocks(section: DocumentSection, lang: string): string[] {
  const heading = `## ${escapeMarkdownHeading(section.name)}`;
  if (section.style === 'bullets') return [heading, section.entries.map(bullet).join('\n')];
  return [heading, ...section.entries.flatMap((entry) => entryBlocks(entry, lang))];
}

/**
 * The issue as Markdown, in the layout of an SRE Weekly issue:
 *
 * ```md
 * # {title}
 *
 * *{date range}*
 *
 * {sponsor}
 *
 * ---
 *
 * ## {section}
 *
 * ### [{title}]({url})
 *
 * {summary}
 *
 * > {quote} ([in context]({quoteLink}))
 *
 * {byline} — {siteName}
 *
 * ## {bullets section}
 *
 * * [{title}]({url})
 *   * {summary}
 * ```
 *
 * Empty sections are skipped; the sponsor block and its rule only appear when there is a sponsor.
 *
 * Every value that came from a page (titles, bylines, site names, quotes, URLs) is escaped so it
 * prints literally and only http(s) URLs become links. The editor's Markdown — the summaries and the
 * sponsor message — is kept as written, so its links, emphasis and lists work, except for raw HTML
 * and links whose URL fails the safe-URL check, which are escaped to print as typed
 * (safeEditorMarkdown): a summary may hold a paste from a page, and wherever this Markdown is pasted
 * may pass HTML through.
 */
export function renderMarkdown(doc: IssueDocument): string {
  const blocks = [`# ${escapeMarkdownHeading(doc.title)}`];
  const dates = issueDateRange(doc.start, doc.end, doc.lang);
  if (dates) blocks.push(`*${dates}*`);
  const sponsor = safeEditorMarkdown(doc.sponsor);
  if (sponsor) blocks.push(sponsor, '---');
  for (const section of doc.sections) {
    if (section.entries.length) blocks.push(...sectionBlocks(section, doc.lang));
  }
  return `${blocks.join('\n\n')}\n`;
}
