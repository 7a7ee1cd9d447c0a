/**
 * Where the article sits in the page. Visible-text heuristics (byline, date, first paragraph)
 * look here first so that a sidebar's "By …" or a related story's date is not taken for ours.
 */

const FURNITURE_TAGS = new Set(['NAV', 'FOOTER', 'NOSCRIPT', 'TEMPLATE', 'DIALOG']);
const FURNITURE_ROLES = /^(navigation|complementary|contentinfo|dialog|banner|search)$/;

/**
 * Class or id tokens of regions that never hold the article's own byline, date or lead
 * paragraph. Matched per token and from its start ("comments", "c-related-stories",
 * "cookie-banner"), never as a substring: containers such as "has-social-tools",
 * "modal-enabled" or "no-sidebars" wrap the article itself.
 */
const FURNITURE_TOKEN =
  /^(?:[a-z][-_]|js[-_])?(?:comments?|related|sidebar|recommend(?:ed|ations?)?|cookies?|consent|gdpr|newsletter|subscribe|subscription|promo|popup|share|sharing|social|widget|teaser|more-from|footer|nav|navbar|navigation|menu|breadcrumbs?|disqus|outbrain|taboola|trending|most-popular|popular|read-more|read-next|up-next)(?:[-_]?(?:s|section|list|container|wrapper|wrap|area|box|block|bar|links|module|articles|stories|posts|content|widget|tools|buttons|icons|banner|notice|items?|thread|panel|rail))*$/i;

const verdicts = new WeakMap<Element, boolean>();

function isFurniture(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (FURNITURE_TAGS.has(tag)) return true;
  // An <aside> inside an <article> is often the story's own meta column (byline, date).
  if (tag === 'ASIDE' && !el.parentElement?.closest('article')) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const role = el.getAttribute('role');
  if (role && FURNITURE_ROLES.test(role)) return true;
  const tokens = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (tokens.length < 3) return false;
  for (const token of tokens.split(/\s+/)) if (token && FURNITURE_TOKEN.test(token)) return true;
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
  '[itemtype*="Article" i], [itemtype*="BlogPosting" i]',
  'article',
  '[itemprop~=articleBody]',
  'main, [role=main]',
  '.post, .entry, .article, .story, #article, #content, #main, .content',
];

/**
 * The element most likely to hold the article: the first `article`-ish element with a
 * substantial amount of text, else `main`, else the body. Cheap: a handful of selector queries.
 */
export function articleRoot(doc: Document): Element | undefined {
  for (const selector of ROOT_SELECTORS) {
    const found = Array.from(doc.querySelectorAll(selector)).slice(0, 6);
    // Several <article>s: teasers in a list are short, the story is long.
    let best: Element | undefined;
    let bestLength = 0;
    for (const el of found) {
      if (outsideArticle(el)) continue;
      const length = (el.textContent ?? '').length;
      if (length > bestLength) {
        best = el;
        bestLength = length;
      }
    }
    if (best && bestLength > 400) return best;
  }
  return doc.body ?? undefined;
}
