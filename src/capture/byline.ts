import type { Found } from './found';
import type { JsonLdFacts } from './json-ld';
import type { MetaTags } from './meta-tags';
import { outsideArticle } from './article-region';
import { cleanByline } from './author-names';
import { spacedText, squash } from './text';

/** Markup that holds a byline: rel=author, microformats, and the class names CMSs use. */
const BYLINE_MARKUP =
  '[rel~=author], .byline, .by-line, [class*=byline i], [id*=byline i], [class*=author i], [id*=author i], ' +
  '.vcard .fn, .p-author, .h-card .p-name, [class*=writer i], [data-author], address, [class*=contributor i]';

/** Citation tags write "Doe, Jane"; the newsletter writes "Jane Doe". */
function citationName(value: string): string {
  const m = /^([^,]+),\s*([^,]+)$/.exec(value.trim());
  return m ? `${m[2]} ${m[1]}` : value;
}

function microdataAuthor(doc: Document, site: string): Found | undefined {
  const names: string[] = [];
  for (const el of Array.from(doc.querySelectorAll('[itemprop~=author], [itemprop~=creator]')).slice(0, 10)) {
    if (outsideArticle(el)) continue;
    const named = el.querySelector('[itemprop~=name]');
    const value = named?.getAttribute('content') ?? named?.textContent ?? el.getAttribute('content') ?? el.textContent ?? '';
    if (squash(value).length <= 120) names.push(value);
  }
  const value = cleanByline(names, site);
  return value ? { value, source: 'microdata' } : undefined;
}

function markupByline(root: Element, site: string): Found | undefined {
  let checked = 0;
  for (const el of Array.from(root.querySelectorAll(BYLINE_MARKUP))) {
    if (++checked > 60) break;
    if (outsideArticle(el)) continue;
    const data = el.getAttribute('data-author');
    const text = data ? squash(data) : spacedText(el, 200);
    // Long text is an author bio box or a whole teaser, not a byline.
    if (!text || text.length > 160) continue;
    // Several rel=author links inside one byline: take them all ("A and B").
    const links = Array.from(el.querySelectorAll('[rel~=author], [class*=author i] a, a[href*="/author"]')).map((a) => a.textContent ?? '');
    const value = cleanByline(links.length > 1 ? links : [text], site, true);
    if (value) return { value, source: 'byline-markup' };
  }
  return undefined;
}

/** A link to an author page ("/author/jane-doe") near the top of the article. */
function authorLink(root: Element, site: string): Found | undefined {
  let checked = 0;
  for (const a of Array.from(root.querySelectorAll('a[href*="/author/" i], a[href*="/authors/" i], a[href*="/autor/" i], a[href*="/profile/" i], a[href*="/people/" i]'))) {
    if (++checked > 10) break;
    if (outsideArticle(a)) continue;
    const value = cleanByline([spacedText(a, 100)], site, true);
    if (value) return { value, source: 'byline-markup' };
  }
  return undefined;
}

const BY_TEXT = /^\s*(?:(?:written|posted|published|reported|story|text)\s+)?(?:By|BY|by|Von|VON|von)(?:\s*:)?(?:\s|$)/;

/** "By Jane Doe" written in a plain paragraph near the top of the article. */
function textByline(root: Element, site: string): Found | undefined {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let seen = 0;
  for (let node = walker.nextNode(); node && seen < 400; node = walker.nextNode()) {
    seen++;
    const data = node.nodeValue ?? '';
    if (!BY_TEXT.test(data)) continue;
    let block = node.parentElement;
    // "By " can be its own text node or element before <a>Jane Doe</a>: use the enclosing element's text.
    const bare = squash(data).length;
    if (bare <= 3) while (block && squash(block.textContent ?? '').length < bare + 4 && block.parentElement) block = block.parentElement;
    if (!block || outsideArticle(block)) continue;
    const text = spacedText(block, 250).replace(/^(\S+) \| /, '$1 ');
    if (text.length > 200 || !BY_TEXT.test(text)) continue;
    const value = cleanByline([text], site, true);
    if (value) return { value, source: 'page-text' };
  }
  return undefined;
}

/**
 * The article's author(s), cleaned and joined. Sources in order of trust: JSON-LD author,
 * author meta tags (OpenGraph, standard, Dublin Core, Highwire), microdata, byline markup in
 * the article, then a "By …" line in the text.
 */
export function findByline(doc: Document, meta: MetaTags, ld: JsonLdFacts, root: Element | undefined, site: string): Found | undefined {
  const fromList = (values: string[], source: Found['source']): Found | undefined => {
    const value = cleanByline(values, site);
    return value ? { value, source } : undefined;
  };
  const candidates: (() => Found | undefined)[] = [
    () => fromList(ld.authors, 'json-ld'),
    () => fromList(meta.all('article:author'), 'opengraph'),
    () => fromList([...meta.all('author'), ...meta.all('byl'), ...meta.all('parsely-author'), ...meta.all('sailthru.author')], 'meta'),
    () => fromList([...meta.all('dc.creator'), ...meta.all('dcterms.creator'), ...meta.all('dc:creator')], 'dublin-core'),
    () => fromList(meta.all('citation_author').map(citationName), 'highwire'),
    () => microdataAuthor(doc, site),
    () => (root ? markupByline(root, site) : undefined),
    () => (doc.body && root !== doc.body ? markupByline(doc.body, site) : undefined),
    () => (root ? textByline(root, site) : undefined),
    () => (root ? authorLink(root, site) : undefined),
  ];
  for (const candidate of candidates) {
    const found = candidate();
    if (found) return found;
  }
  return undefined;
}
