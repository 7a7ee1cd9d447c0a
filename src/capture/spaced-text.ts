import { collapse, squash } from './text';

const BLOCKS = /^(DIV|P|LI|UL|OL|SECTION|HEADER|FOOTER|ARTICLE|ASIDE|H\d|T[DH]|D[DTL]|FIGCAPTION|ADDRESS|TIME|BR)$/;

/**
 * The text of a small element with its structure kept as separators: a space between text
 * nodes (`textContent` glues "By<a>Jane</a>" into "ByJane") and " | " where the text moves to
 * another block ("By Jane Doe | NEW YORK DAILY NEWS | Dec 16"). Stops after `maxLength`.
 */
export function spacedText(el: Element, maxLength = 400): string {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let out = '';
  let lastBlock: Element | null | undefined;
  for (let node = walker.nextNode(); node && out.length < maxLength; node = walker.nextNode()) {
    const text = squash(node.nodeValue ?? '');
    if (!text) continue;
    let block = node.parentElement;
    while (block && block !== el && !BLOCKS.test(block.tagName.toUpperCase())) block = block.parentElement;
    // A <br> ends a line as a block does: "Written by A<br>Edited by B".
    if (out) out += block === lastBlock && node.previousSibling?.nodeName !== 'BR' ? ' ' : ' | ';
    out += text;
    lastBlock = block;
  }
  return out;
}

/**
 * The element's text squashed, as `squash(el.textContent)`, or '' when that is longer than `max`.
 * It reads text nodes only until the text is too long: date candidates are read on every page, and
 * a class such as "meta" may sit on a container of the whole article.
 */
export function shortText(el: Element, max: number): string {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // Collapsed but not trimmed: at most one space at each end goes when it is squashed.
    text = collapse(text + (node.nodeValue ?? ''));
    if (text.length > max + 2) return '';
  }
  text = text.trim();
  return text.length > max ? '' : text;
}
