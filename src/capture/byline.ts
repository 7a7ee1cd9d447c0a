import type { AuthorCandidate, CaptureSource } from '../clip/capture';
import type { JsonLdFacts } from './json-ld';
import type { MetaTags } from './meta-tags';
import { articleElements, outsideArticle } from './article-region';
import { queryBounded } from './bounded-query';
import { CANDIDATE_LIMITS } from './field-limits';
import { spacedText } from './spaced-text';
import { looseKey, squash } from './text';

/**
 * The page half of the byline: raw author strings, in the order of trust, for the worker to
 * clean (pick-byline.ts). Cleaning names is too big for the content script's budget, so the page
 * cannot know which candidate survives: it lists them all, each place's strings as one candidate.
 */

/**
 * Markup that holds a byline: rel=author, microformats (hAtom's `.vcard .fn`; microformats2's
 * `p-author h-card` is matched as an author class), and the class names CMSs use.
 */
const BYLINE_MARKUP =
  '[rel~=author],[class*=byline i],[id*=byline i],.by-line,[class*=author i],[id*=author i],.vcard .fn,[class*=writer i],[data-author],address,[class*=contributor i]';

/** Appends one candidate, its strings squashed and cut to the boundary's caps (cleaning squashes first and reads no further). */
function add(out: AuthorCandidate[], values: string[], source: CaptureSource, ownSite?: boolean): void {
  const names = values.slice(0, CANDIDATE_LIMITS.names).map((value) => squash(value).slice(0, CANDIDATE_LIMITS.name));
  if (names.length && out.length < CANDIDATE_LIMITS.authors) out.push({ source, names, ...(ownSite && { ownSite: true as const }) });
}

/**
 * Microdata authors in the article region; else, when the whole page is the article's item
 * (`itemscope` on `<html>`), its own author wherever it is (a byline block under the
 * headline may be a `<nav>`), but not the author of a comment or teaser item inside the page.
 */
function microdataAuthor(doc: Document, out: AuthorCandidate[]): void {
  const names: string[] = [];
  const selector = '[itemprop~=author],[itemprop~=creator]';
  const root = doc.documentElement;
  const found = articleElements(root, selector, 10);
  for (const el of found.length
    ? found
    : queryBounded(root, selector, 10).filter((el) => el.parentElement?.closest('[itemscope]') === root)) {
    const named = el.querySelector('[itemprop~=name]');
    const value = named?.getAttribute('content') ?? named?.textContent ?? el.getAttribute('content') ?? el.textContent ?? '';
    if (squash(value).length <= 120) names.push(value);
  }
  add(out, names, 'microdata');
}

/**
 * OpenGraph's `article:author` is meant to be a profile address ("…/editors/jon-fingas"): the
 * page's link to that profile, whose text spells the address's last segment, gives the name.
 */
function profileNames(doc: Document, urls: string[], out: AuthorCandidate[]): void {
  const names: string[] = [];
  // One tag may list several addresses, comma-separated.
  for (const url of urls
    .join(' ')
    .split(/[\s,]+/)
    .slice(0, 5)) {
    const slug = /\/([\w-]{3,60})\/?$/.exec(url)?.[1];
    const link =
      slug &&
      doc.documentElement &&
      queryBounded(doc.documentElement, `a[href*="/${slug}"]`, 50).find((a) => looseKey(a.textContent ?? '') === looseKey(slug));
    if (link) names.push(link.textContent ?? '');
  }
  add(out, names, 'opengraph');
}

/** Byline elements of `root`, skipping those already listed (`seen`: the body's scan repeats the article's). */
function markupBylines(root: Element | undefined, seen: Set<Element>, out: AuthorCandidate[], selector = BYLINE_MARKUP): void {
  for (const el of articleElements(root, selector, 60)) {
    if (seen.has(el)) continue;
    seen.add(el);
    const data = el.getAttribute('data-author');
    const text = data ? squash(data) : spacedText(el, 200);
    // Long text is an author bio box or a whole teaser, not a byline.
    if (!text || text.length > 160) continue;
    // Several rel=author links inside one byline: take them all ("A and B").
    const links = Array.from(el.querySelectorAll('[rel~=author],[class*=author i] a,a[href*="/author"]'), (a) => a.textContent ?? '');
    // Author-page links alone are a guess (site menus link columnists too): the worker shows them as a suggestion.
    add(out, links.length > 1 ? links : [text], selector === BYLINE_MARKUP ? 'byline-markup' : 'page-text');
  }
}

/** "By", "Von", "Written by" in any case (the worker half judges the name that follows). */
const BY_TEXT = /^\s*(?:(?:written|posted|published|reported|story|text)\s+)?(?:by|von)(?:\s*:)?(?:\s|$)/i;

/** "By Jane Doe" written in a plain paragraph near the top of the article. */
function textBylines(root: Element | undefined, out: AuthorCandidate[]): void {
  if (!root) return;
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
    if (text.length <= 200 && BY_TEXT.test(text)) add(out, [text], 'page-text');
  }
}

/** The declared authors alone (JSON-LD, meta tags): cheap, so read even when a large page's time budget stops the search of its text. */
export function declaredAuthors(meta: MetaTags, ld: JsonLdFacts): AuthorCandidate[] {
  const out: AuthorCandidate[] = [];
  // A blog named after its author: a declared Person may share the site's name.
  add(out, ld.authors, 'json-ld', ld.persons);
  add(out, meta.all('article:author'), 'opengraph');
  // Dublin Core creators are written per article; a plain `author` tag is often the site's template.
  add(out, meta.all('dc:creator dc.creator dcterms.creator'), 'dublin-core');
  add(out, meta.all('author byl byline parsely-author sailthru.author cxenseparse:author'), 'meta');
  add(out, meta.all('citation_author'), 'highwire');
  return out;
}

/**
 * The raw author candidates, in order of trust: JSON-LD author, author meta tags (OpenGraph,
 * Dublin Core, standard, Highwire), OpenGraph profile links, microdata (the declared ones), then
 * the page's own: byline markup in the article, a "By …" line in it, byline markup elsewhere, and
 * last a link to an author's page (sent as page text: a guess the popup shows as a suggestion).
 */
export function authorCandidates(doc: Document, meta: MetaTags, ld: JsonLdFacts, region: Element | undefined): AuthorCandidate[] {
  const out = declaredAuthors(meta, ld);
  profileNames(doc, meta.all('article:author'), out);
  microdataAuthor(doc, out);
  const seen = new Set<Element>();
  markupBylines(region, seen, out);
  textBylines(region, out);
  const body = doc.body ?? undefined;
  if (region !== body) markupBylines(body, seen, out);
  // Last, a link to an author's page anywhere in the page (a header's "著者：…" with no byline markup): a guess,
  // since site menus link columnists too.
  markupBylines(body, seen, out, 'a[href*="/author/"]');
  return out;
}
