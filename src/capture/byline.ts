import type { Candidate, Found } from './found';
import type { JsonLdFacts } from './json-ld';
import type { MetaTags } from './meta-tags';
import { articleElements, outsideArticle } from './article-region';
import { cleanByline } from './author-names';
import { firstFound, found } from './found';
import { looseKey, spacedText, squash } from './text';

/** Markup that holds a byline: rel=author, microformats, and the class names CMSs use. */
const BYLINE_MARKUP =
  '[rel~=author],[class*=byline i],[id*=byline i],.by-line,[class*=author i],[id*=author i],.vcard .fn,.p-author,.h-card .p-name,[class*=writer i],[data-author],address,[class*=contributor i]';

function microdataAuthor(doc: Document, site: string): Found | undefined {
  const names: string[] = [];
  for (const el of articleElements(doc.documentElement, '[itemprop~=author],[itemprop~=creator]', 10)) {
    const named = el.querySelector('[itemprop~=name]');
    const value = named?.getAttribute('content') ?? named?.textContent ?? el.getAttribute('content') ?? el.textContent ?? '';
    if (squash(value).length <= 120) names.push(value);
  }
  return found(cleanByline(names, site), 'microdata');
}

/**
 * OpenGraph's `article:author` is meant to be a profile address ("…/editors/jon-fingas"): the
 * page's link to that profile, whose text spells the address's last segment, gives the name.
 */
function profileNames(doc: Document, urls: string[], site: string): Found | undefined {
  const names: string[] = [];
  // One tag may list several addresses, comma-separated.
  for (const url of urls.join(' ').split(/[\s,]+/).slice(0, 5)) {
    const slug = /\/([\w-]{3,60})\/?$/.exec(url)?.[1];
    const link = slug && Array.from(doc.querySelectorAll(`a[href*="/${slug}"]`)).find((a) => looseKey(a.textContent ?? '') === looseKey(slug));
    if (link) names.push(link.textContent ?? '');
  }
  return found(cleanByline(names, site), 'opengraph');
}

function markupByline(root: Element | undefined, site: string): Found | undefined {
  for (const el of articleElements(root, BYLINE_MARKUP, 60)) {
    const data = el.getAttribute('data-author');
    const text = data ? squash(data) : spacedText(el, 200);
    // Long text is an author bio box or a whole teaser, not a byline.
    if (!text || text.length > 160) continue;
    // Several rel=author links inside one byline: take them all ("A and B").
    const links = Array.from(el.querySelectorAll('[rel~=author],[class*=author i] a,a[href*="/author"]'), (a) => a.textContent ?? '');
    const value = cleanByline(links.length > 1 ? links : [text], site, true);
    if (value) return found(value, 'byline-markup');
  }
  return undefined;
}

const BY_TEXT = /^\s*(?:(?:written|posted|published|reported|story|text)\s+)?(?:By|BY|by|Von|VON|von)(?:\s*:)?(?:\s|$)/;

/** "By Jane Doe" written in a plain paragraph near the top of the article. */
function textByline(root: Element | undefined, site: string): Found | undefined {
  if (!root) return undefined;
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(), seen = 0; node && seen++ < 400; node = walker.nextNode()) {
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
    if (value) return found(value, 'page-text');
  }
  return undefined;
}

/**
 * The article's author(s), cleaned and joined. Sources in order of trust: JSON-LD author,
 * author meta tags (OpenGraph, standard, Dublin Core, Highwire), microdata, byline markup in
 * the article, then a "By …" line in the text. `region` gives the article region, computed
 * only when the metadata had no author.
 */
export function findByline(doc: Document, meta: MetaTags, ld: JsonLdFacts, region: () => Element | undefined, site: string): Found | undefined {
  const fromList = (values: string[], source: Found['source'], siteName = site): Candidate => () => found(cleanByline(values, siteName), source);
  const body = doc.body ?? undefined;
  // The article's byline markup, then a "By …" line in it, then byline markup elsewhere in the page.
  const inPage = () => markupByline(region(), site) ?? textByline(region(), site) ?? (region() !== body ? markupByline(body, site) : undefined);
  const declared = firstFound([
    // A blog named after its author: a declared Person may share the site's name.
    fromList(ld.authors, 'json-ld', ld.persons ? '' : site),
    fromList(meta.all('article:author'), 'opengraph'),
    // Dublin Core creators are written per article; a plain `author` tag is often the site's template.
    fromList(meta.all('dc:creator dc.creator dcterms.creator'), 'dublin-core'),
    fromList(meta.all('author byl byline parsely-author sailthru.author cxenseparse:author'), 'meta'),
    fromList(meta.all('citation_author'), 'highwire'),
    () => profileNames(doc, meta.all('article:author'), site),
    () => microdataAuthor(doc, site),
  ]);
  // "Us Weekly Staff" is a desk's credit: the page's own byline names the person when it has one.
  if (declared && /\bstaff\b/i.test(declared.value)) return inPage() ?? declared;
  return declared ?? inPage();
}
