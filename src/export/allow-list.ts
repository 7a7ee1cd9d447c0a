import { LINK_SCHEMES } from './safe-url';

/**
 * The one allow-list for the editor's rendered Markdown (summaries, the sponsor message) wherever it
 * becomes HTML: the HTML export, the preview and the WordPress or generic draft. Each element that
 * may appear, with the attributes it may carry; `href` is the only URL attribute and must pass
 * {@link linkHref} (http, https, mailto). The tags are what an email client or CMS keeps when pasted:
 * paragraphs, links, emphasis, code, lists and quotes. Everything else markdown-it can produce
 * (headings, tables, images, rules, code blocks) is unwrapped to its text, since the export's own
 * headings carry the structure.
 *
 * editor-html.ts writes HTML from this list by construction (it runs everywhere, the worker included);
 * SANITIZE_CONFIG in sanitize-config.ts is the same list in DOMPurify's terms, for the pages' second layer.
 */
export const EDITOR_ALLOW_LIST = {
  elements: {
    p: [],
    a: ['href', 'title', 'rel'],
    em: [],
    strong: [],
    code: [],
    ul: [],
    ol: [],
    li: [],
    blockquote: [],
    br: [],
  } satisfies Record<string, readonly string[]> as Record<string, readonly string[] | undefined>,
  /** Attributes holding a URL, checked with the safe-URL check before they are written. */
  urlAttributes: ['href'] as readonly string[],
  urlSchemes: LINK_SCHEMES,
};
