import { textDirection } from '../i18n/text-direction';
import { attributionText } from './attribution';
import { LINK_REL, editorHtml } from './editor-html';
import { escapeHtml } from './html-escape';
import type { DocumentEntry, DocumentSection, IssueDocument } from './issue-document';
import { issueDateRange } from './issue-dates';
import { quoteLinkText, untitled } from './labels';
import { oneLine, paragraphs } from './page-text';
import { webHref } from './safe-url';

/**
 * What the HTML export may get from its host: a second sanitiser layer (DOMPurify with SANITIZE_CONFIG,
 * see sanitize-config.ts) where there is a DOM. Without it (the worker writing a draft) the output is
 * the same: the editor's HTML is written by construction from the same allow-list (editor-html.ts).
 */
export interface HtmlRenderOptions {
  /** Cleans every piece of the editor's rendered Markdown in one call, returning them in order. */
  sanitize?: (pieces: readonly string[]) => string[];
}

/**
 * Sanitises the pieces of the editor's HTML, all in one call of the sanitiser (createSanitizer in
 * sanitize-config.ts parses them as one document: parsing a document per piece was most of the time).
 */
function sanitizeEach(pieces: readonly string[], sanitize: HtmlRenderOptions['sanitize']): string[] {
  if (!sanitize) return [...pieces];
  const filled = pieces.filter((html) => html);
  const clean = filled.length ? sanitize(filled) : [];
  if (clean.length !== filled.length) throw new Error(`The sanitiser returned ${clean.length} pieces of HTML for ${filled.length}.`);
  let next = 0;
  return pieces.map((html) => (html ? clean[next++]!.trim() : ''));
}

function link(href: string, text: string, dir = ''): string {
  return `<a href="${escapeHtml(href)}" rel="${LINK_REL}"${dir}>${escapeHtml(text)}</a>`;
}

/**
 * Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko and the other RTL blocks). Page text
 * holding one is isolated from what surrounds it (`dir="auto"`): an Arabic title must not reorder the
 * dash and the publication after it. Left-to-right text cannot reorder an LTR export, so it is left
 * as it was (bidi controls are gone already: src/clip/bidi.ts).
 */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
const isolate = (text: string) => (RTL.test(text) ? ' dir="auto"' : '');

/** The title as a link when the URL is http(s), else as plain text (a `javascript:` URL is never linked). */
function titleHtml(entry: DocumentEntry): string {
  const href = webHref(entry.url);
  const text = oneLine(entry.title) || href || untitled();
  return href ? link(href, text, isolate(text)) : isolate(text) ? `<bdi>${escapeHtml(text)}</bdi>` : escapeHtml(text);
}

function blockquoteHtml(entry: DocumentEntry): string | undefined {
  const quoted = paragraphs(entry.quote).map(escapeHtml);
  if (!quoted.length) return undefined;
  const href = webHref(entry.quoteLink);
  if (href) quoted[quoted.length - 1] += ` (${link(href, quoteLinkText())})`;
  return `<blockquote>\n${quoted.map((p) => `<p>${p}</p>`).join('\n')}\n</blockquote>`;
}

function entryHtml(entry: DocumentEntry, summary: string, lang: string): string[] {
  const parts = [`<h3>${titleHtml(entry)}</h3>`];
  if (summary) parts.push(summary);
  const quote = blockquoteHtml(entry);
  if (quote) parts.push(quote);
  const attribution = attributionText(entry, lang);
  if (attribution) parts.push(`<p class="attribution"${isolate(attribution)}>${escapeHtml(attribution)}</p>`);
  return parts;
}

function bulletHtml(entry: DocumentEntry, summary: string): string {
  if (!summary) return `<li>${titleHtml(entry)}</li>`;
  return `<li>${titleHtml(entry)}\n<ul>\n<li>${summary}</li>\n</ul>\n</li>`;
}

function sectionHtml(section: DocumentSection, summaries: readonly string[], lang: string): string[] {
  const heading = `<h2>${escapeHtml(oneLine(section.name))}</h2>`;
  if (section.style === 'bullets')
    return [heading, `<ul>\n${section.entries.map((e, i) => bulletHtml(e, summaries[i] ?? '')).join('\n')}\n</ul>`];
  return [heading, ...section.entries.flatMap((e, i) => entryHtml(e, summaries[i] ?? '', lang))];
}

/**
 * The issue as an HTML fragment, safe to paste into an email or a CMS: the Markdown export's layout
 * with `<h1>`, a dates line, the sponsor message and a rule, then per section `<h2>` and either
 * entries (`<h3><a>` title, commentary, `<blockquote>`, `<p class="attribution">`) or a `<ul>` of
 * links with the commentary as a nested list. Empty sections are skipped.
 *
 * Page values (titles, bylines, site names, quotes) are HTML-escaped, and only http(s) URLs become
 * links. The editor's Markdown (summaries, sponsor) is parsed with markdown-it and written from the
 * allow-list by construction (editor-html.ts), then passed through `sanitize` where the host has one,
 * so nothing a summary holds — `<script>`, `[x](javascript:…)`, event handlers — reaches the output
 * as markup, in a page or in the worker's draft.
 */
export function renderHtml(doc: IssueDocument, { sanitize }: HtmlRenderOptions = {}): string {
  const sections = doc.sections.filter((section) => section.entries.length);
  const [sponsor = '', ...summaries] = sanitizeEach(
    [
      editorHtml(doc.sponsor),
      ...sections.flatMap((section) => section.entries.map((e) => editorHtml(e.summary, section.style === 'bullets'))),
    ],
    sanitize,
  );
  const parts = [`<h1>${escapeHtml(oneLine(doc.title))}</h1>`];
  const dates = issueDateRange(doc.start, doc.end, doc.lang);
  if (dates) parts.push(`<p class="issue-dates">${escapeHtml(dates)}</p>`);
  if (sponsor) parts.push(`<div class="sponsor">\n${sponsor}\n</div>`, '<hr>');
  let next = 0;
  for (const section of sections) {
    parts.push(...sectionHtml(section, summaries.slice(next, next + section.entries.length), doc.lang));
    next += section.entries.length;
  }
  return `${parts.join('\n')}\n`;
}

// Readable on screen and in print without any resource from outside the file; on a screen in the dark
// scheme (the reader's setting, or the issue desk's preview frame, which follows the desk) dark too.
const PAGE_STYLE = `:root{color-scheme:light dark}
body{margin:0;background:#fff;color:#1d1d1f;font:16px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif}
main{max-width:42rem;margin:0 auto;padding:2rem 1.25rem 4rem}
h1{font-size:1.9rem;line-height:1.2;margin:0 0 .25rem}
h2{font-size:1.35rem;margin:2.5rem 0 .75rem;padding-bottom:.25rem;border-bottom:1px solid #ddd}
h3{font-size:1.1rem;margin:1.75rem 0 .4rem}
a{color:#0b5cad}
.issue-dates{color:#666;margin-top:0}
.sponsor{background:#f6f6f8;border-radius:6px;padding:.25rem 1rem}
blockquote{margin:.75rem 0;padding-left:1rem;border-left:3px solid #ccc;color:#444}
.attribution{color:#666;font-size:.92rem}
hr{border:0;border-top:1px solid #ddd;margin:2rem 0}
code{font-size:.9em;background:#f3f3f3;padding:0 .2em;border-radius:3px}
@media screen and (prefers-color-scheme:dark){body{background:#1e2127;color:#e6e8eb}a{color:#8ab4f8}h2,hr{border-color:#3a3f48}.issue-dates,.attribution{color:#a4abb6}.sponsor,code{background:#272b32}blockquote{border-color:#5a616c;color:#c9cdd3}}`;

/**
 * The HTML export as a standalone page for downloading: the fragment of {@link renderHtml} in a
 * minimal `<!doctype html>` document with inline CSS, its `lang` the newsletter's language and its `dir`
 * the direction that language is written in (so screen readers and the browser's layout read it right). Its Content-Security-Policy allows no script
 * and nothing loaded from elsewhere, a second lock behind the escaping should the file be opened
 * in a browser.
 */
export function renderHtmlPage(doc: IssueDocument, options: HtmlRenderOptions = {}): string {
  return `<!doctype html>
<html lang="${escapeHtml(doc.lang)}" dir="${textDirection(doc.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(oneLine(doc.title))}</title>
<style>
${PAGE_STYLE}
</style>
</head>
<body>
<main>
${renderHtml(doc, options)}</main>
</body>
</html>
`;
}
