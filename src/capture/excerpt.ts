import type { Found } from './found';
import type { JsonLdFacts } from './json-ld';
import type { MetaTags } from './meta-tags';
import { outsideArticle } from './article-region';
import { firstFound, found } from './found';
import { squash } from './text';

/** Paragraphs that are page furniture, not the article's first words. */
const FURNITURE = /\b(cookies?|javascript|subscribe|sign up|newsletter|log ?in|advertisement|all rights reserved|copyright)\b/i;

/** Blocks that are not prose paragraphs, and whose contents are not either (a caption, a list item, a table cell). */
const NOT_PROSE = 'td,blockquote,li,h1,h2,h3,h4,h5,h6,header,figure,figcaption,pre,table,form,label,button,dt,dd';
const PARAGRAPH_BLOCKS = `p,div,section,article,main,${NOT_PROSE}`;

/**
 * The first real paragraph of the article: the first block of prose (a `<p>`, or a `<div>`
 * holding text directly, as older pages write paragraphs) inside the article region, outside
 * navigation, banners, captions and comment threads. Walks text nodes, so it costs the same on
 * a 5 MB page as on a small one (bounded).
 */
export function firstParagraph(root: Element | undefined): string | undefined {
  if (!root) return undefined;
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let seen = 0;
  let last: Element | null = null;
  for (let node = walker.nextNode(); node && seen < 3000; node = walker.nextNode()) {
    seen++;
    if ((node.nodeValue ?? '').trim().length < 20) continue;
    const parent = node.parentElement;
    if (!parent || /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|A|BUTTON|LABEL|OPTION|TITLE)$/i.test(parent.tagName)) continue;
    const block = parent.closest(PARAGRAPH_BLOCKS);
    if (!block || block === last) continue;
    last = block;
    // A <p> in a table cell or list item is still prose (layout tables, list-shaped posts).
    const notProse = block.closest(NOT_PROSE);
    if ((notProse && !(block.tagName.toUpperCase() === 'P' && /^(TD|LI)$/i.test(notProse.tagName))) || outsideArticle(block)) continue;
    // A container (<div> with paragraphs inside): its direct text is the paragraph.
    const text =
      block.tagName.toUpperCase() === 'P' || !block.querySelector('p,div,ul,ol,table,h1,h2,h3,h4,h5,h6')
        ? squash(block.textContent ?? '')
        : squash(
            Array.from(block.childNodes)
              .filter((child) => child.nodeType === 3)
              .map((child) => child.nodeValue)
              .join(' '),
          );
    // A short line without a sentence's final stop is a tagline or a byline ("From Wikipedia, the free encyclopedia").
    if (text.length < 25 || text.split(' ').length < 4 || (text.length < 100 && !/[.!?…:;"”’)。！？]$/.test(text))) continue;
    if (FURNITURE.test(text) && text.length < 300) continue;
    return text;
  }
  return undefined;
}

/** The article's summary: declared description metadata, else its first real paragraph (`region` is computed only then). */
export function findExcerpt(meta: MetaTags, ld: JsonLdFacts, region: () => Element | undefined): Found | undefined {
  return firstFound(
    [
      found(ld.description, 'json-ld'),
      // Dublin Core descriptions are written per article; the others are sometimes the site's.
      meta.first('dc:description dc.description dcterms.description dcterms.abstract'),
      meta.first('og:description'),
      meta.first('description'),
      meta.first('twitter:description'),
      meta.first('citation_abstract'),
      () => found(firstParagraph(region()), 'page-text'),
    ],
    (value) => (squash(value).length >= 3 ? squash(value) : undefined),
  );
}
