import { squash } from './text';

/** Markup left in a string: dropped, each tag leaving a space (bounded, so a stray `<` cannot make the pattern scan far). */
const TAG = /<[^>]{0,500}>/g;

/** The `<textarea>` of an inert document that decodes character references (any page's will do). */
let box: HTMLTextAreaElement | undefined;

/**
 * Plain text out of the HTML-ish strings publishers put where text belongs: JSON-LD strings hold
 * already-escaped HTML (`It&#8217;s <em>fine</em>`), and some CMSs escape meta values twice
 * (`&amp;#8217;` reaches the attribute as `&#8217;`). Tags are dropped, then character references are
 * decoded by the page's own HTML parser, exactly as the browser decodes them everywhere else (every
 * named reference HTML defines, numeric ones, a missing `;`, NUL and out-of-range code points as
 * U+FFFD, the Windows-1252 remapping of `&#128;`–`&#159;`), instead of a hand-kept table.
 *
 * The parsing happens in an inert document (`createHTMLDocument`: no browsing context, so no script
 * runs and nothing loads) inside a `<textarea>`, whose content the parser reads as text (RCDATA): only
 * character references are decoded, no element is ever created. Nothing is inserted into the page.
 * The inert document is made once per injected script, on the first string that needs it, and shared by the
 * meta tags and JSON-LD readers (making a document is one of the dearer steps of a cold capture).
 */
export function htmlTextReader(doc: Document): (value: string) => string {
  return (value) => {
    const text = value.includes('<') ? value.replace(TAG, ' ') : value;
    if (!text.includes('&')) return squash(text);
    box ??= doc.implementation.createHTMLDocument('').createElement('textarea');
    box.innerHTML = text;
    return squash(box.value);
  };
}
