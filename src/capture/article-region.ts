/**
 * Where the article sits in the page. Visible-text heuristics (byline, date, first paragraph)
 * look here first so that a sidebar's "By …" or a related story's date is not taken for ours.
 */
import { queryBounded, scanCut } from './bounded-query';
import { wordSet } from './text';

const FURNITURE_TAGS = wordSet('NAV NOSCRIPT TEMPLATE DIALOG');
const FURNITURE_ROLES = wordSet('navigation complementary contentinfo dialog banner search');

/**
 * Class or id tokens of regions that never hold the article's own byline, date or lead
 * paragraph: a stem ("comments", "related", "cookie"), optionally after a one-letter or `js`
 * prefix and followed only by container words ("c-related-stories", "cookie-banner",
 * "js-comments-list"). Never a substring: containers such as "has-social-tools",
 * "modal-enabled" or "no-sidebars" wrap the article itself. Word Sets, not one big regular
 * expression, because that one cost ~0.9 ms to compile on every page.
 */
const STEMS = wordSet(
  'comment related sidebar recommend recommended recommendation cookie consent gdpr newsletter subscribe subscription promo popup share sharing social teaser masthead footer nav navbar navigation menu breadcrumb disqus outbrain taboola trending popular more-from most-popular read-more read-next up-next',
);
const CONTAINERS = wordSet(
  's section list container wrapper wrap area box block bar link module article stories post content widget tool button icon banner notice item thread panel rail',
);

function furnitureToken(token: string): boolean {
  const parts = token.toLowerCase().split(/[-_]/);
  if (parts.length > 1 && (parts[0]!.length === 1 || parts[0] === 'js')) parts.shift();
  // Plurals count as their singular ("comments", "cookies", "buttons").
  const has = (words: Set<string>, word = '') => words.has(word) || words.has(word.replace(/s$/, ''));
  const stem = has(STEMS, `${parts[0]}-${parts[1]}`) ? 2 : has(STEMS, parts[0]) ? 1 : 0;
  return stem > 0 && parts.slice(stem).every((part) => has(CONTAINERS, part));
}

const verdicts = new WeakMap<Element, boolean>();

function isFurniture(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (FURNITURE_TAGS.has(tag)) return true;
  // An <aside> or <footer> inside an article is often the story's own meta (byline, date);
  // elsewhere they are the page's. Themes that put the Article type on <body> or <html> make the
  // whole page "the article": that does not count.
  if (tag === 'ASIDE' || tag === 'FOOTER') {
    const story = el.parentElement?.closest('article,[itemtype*=Article]');
    // Only <html> and its children (<body>) have no grandparent.
    if (!story?.parentElement?.parentElement) return true;
  }
  if (
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true' ||
    /display:\s*none|visibility:\s*hidden/i.test(el.getAttribute('style') as string) // null reads "null"
  )
    return true;
  const role = el.getAttribute('role');
  if (role && FURNITURE_ROLES.has(role)) return true;
  const tokens = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (tokens.length < 3) return false;
  for (const token of tokens.split(/\s+/)) if (furnitureToken(token)) return true; // '' is no furniture
  return false;
}

/**
 * True when `el` is inside a region that is not the article (comments, footer, cookie banner,
 * related stories, …). Memoised per element: the scans ask about siblings with shared ancestors.
 */
export function outsideArticle(el: Element): boolean {
  const chain: Element[] = [];
  let verdict = false;
  for (let node: Element | null = el; node; node = node.parentElement) {
    const known = verdicts.get(node);
    if (known !== undefined) {
      verdict = known;
      break;
    }
    chain.push(node);
    if (isFurniture(node)) {
      verdict = true;
      break;
    }
  }
  // Everything between el and the deciding ancestor shares its verdict.
  for (const node of chain) verdicts.set(node, verdict);
  return verdict;
}

const ROOT_SELECTORS = [
  '[itemtype*="Article" i],[itemtype*="BlogPosting" i]',
  'article',
  '[itemprop~=articleBody]',
  'main,[role=main]',
  '.post,.entry,.article,.story,#article,#content,#main,.content',
];

/** The elements of `root` matching `selector` that are inside the article, at most `max` looked at (among its first elements: bounded-query.ts). */
export function articleElements(root: Element | undefined, selector: string, max: number): Element[] {
  return root ? queryBounded(root, selector, max).filter((el) => !outsideArticle(el)) : [];
}

/**
 * The length of an element's text, counted no further than 100,000 characters on a large page (a
 * 3 MB article's textContent took 60–80 ms to build). A normal page's is read natively in one call:
 * stepping through an article's text nodes from script cost a cold capture more than the whole string.
 */
function textLength(el: Element): number {
  if (!scanCut(el.ownerDocument)) return el.textContent.length;
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let length = 0;
  for (let node = walker.nextNode(); node && length < 1e5; node = walker.nextNode()) length += (node as Text).length;
  return length;
}

/**
 * The element most likely to hold the article: the first `article`-ish element with a
 * substantial amount of text, else `main`, else the body. Cheap: a handful of selector queries.
 */
export function articleRoot(doc: Document): Element | undefined {
  for (const selector of ROOT_SELECTORS) {
    // Several <article>s: teasers in a list are short, the story is long.
    let best: Element | undefined;
    let bestLength = 0;
    for (const el of articleElements(doc.documentElement, selector, 6)) {
      const length = textLength(el);
      if (length > bestLength) {
        best = el;
        bestLength = length;
      }
    }
    if (best && bestLength > 400) return best;
  }
  return doc.body ?? undefined;
}
