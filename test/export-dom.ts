// Node-side DOM helpers for the export tests: the real sanitiser (DOMPurify on jsdom, as the brief
// for the extension's pages has it on window) and a parser to inspect what an export would become.
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';
import { createSanitizer } from '../src/export/sanitize-config';

/** DOMPurify on a jsdom window, used the way the extension's pages use it. */
export const testPurify = createDOMPurify(new JSDOM('').window);

/** The HTML export's sanitiser, as in the extension. */
export const testSanitize = createSanitizer(testPurify);

/** `html` parsed as a fragment, for assertions on the elements and attributes it would create. */
export function parseFragment(html: string): DocumentFragment {
  return JSDOM.fragment(html);
}

/** Every element `html` would create: its tag and attributes, for checking nothing live got through. */
export function elementsIn(html: string): { tag: string; attributes: Record<string, string> }[] {
  return [...parseFragment(html).querySelectorAll('*')].map((element) => ({
    tag: element.tagName.toLowerCase(),
    attributes: Object.fromEntries([...element.attributes].map((a) => [a.name, a.value])),
  }));
}

/**
 * A permissive Markdown renderer (raw HTML allowed, as some CMSs and static-site generators do):
 * what the worst place the Markdown export could be pasted into would make of it.
 */
export const permissiveMarkdown = new MarkdownIt({ html: true, linkify: false });
