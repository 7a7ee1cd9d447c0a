import type { Config, DOMPurify } from 'dompurify';

/**
 * What may survive of the editor's rendered Markdown (summaries, the sponsor message) in the HTML
 * export. The tags are what an email client or CMS keeps when pasted: paragraphs, links, emphasis,
 * code, lists and quotes. Everything else markdown-it can produce (headings, tables, images, rules,
 * code blocks) is unwrapped to its text, since the export's own headings carry the structure.
 * Links may only go to http(s) or mailto: no `javascript:`, no `data:`, and no relative URLs, which
 * would point nowhere in an email.
 */
export const SANITIZE_CONFIG: Config = {
  ALLOWED_TAGS: ['p', 'a', 'em', 'strong', 'code', 'ul', 'ol', 'li', 'blockquote', 'br'],
  ALLOWED_ATTR: ['href', 'title', 'rel'],
  ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
  // DOMPurify tests every allowed attribute that is not on its "URI-safe" list against the URI
  // pattern, so without this a strict pattern also strips `rel="noopener noreferrer"`. (`title` is
  // on the list already.) `href` stays the only attribute held to the pattern.
  ADD_URI_SAFE_ATTR: ['rel'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

/**
 * The `sanitize` function the HTML export wants, from a DOMPurify instance: `DOMPurify` itself in an
 * extension page, or `createDOMPurify(new JSDOM('').window)` in Node.
 */
export function createSanitizer(purify: DOMPurify): (html: string) => string {
  return (html) => purify.sanitize(html, SANITIZE_CONFIG);
}
