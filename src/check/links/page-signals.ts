/**
 * What the start of a page says about itself, for the link check: a "not found" page served with 200
 * (a soft 404) and a bot wall (captcha, "checking your browser") that stands between the check and the
 * article. Both read only the first kilobytes of the HTML as text; nothing is parsed as a document.
 */

const TITLE = /<title[^>]*>([\s\S]{0,400}?)<\/title>/i;
const HEADING = /<h1[^>]*>([\s\S]{0,400}?)<\/h1>/i;
const TAGS = /<[^>]*>/g;

/** Words with which sites title the page they show for an address they do not have. */
const NOT_FOUND =
  /(\b404\b|\bnot found\b|\bpage (?:cannot|can['’]t|could not|couldn['’]t) be found\b|\bno longer (?:exists|available)\b|\b(?:doesn['’]t|does not) exist\b|\bcould(?:n['’]t| not) find (?:that|this|the) page\b)/i;

/** Marks of the pages that anti-bot services show instead of the article (in the HTML or the headers). */
const BOT_WALL =
  /(captcha|cf-chl|challenge-platform|<title>\s*just a moment|attention required|verify (?:that )?you are (?:a )?human|are you a robot|checking your browser|px-captcha|ddos-guard|access to this page has been denied)/i;

function textOf(match: RegExpExecArray | null): string {
  return match ? match[1]!.replace(TAGS, ' ').replace(/\s+/g, ' ').trim() : '';
}

/** True when the page's title or first heading says the page was not found. */
export function looksNotFound(html: string): boolean {
  const title = textOf(TITLE.exec(html));
  const heading = textOf(HEADING.exec(html));
  return NOT_FOUND.test(title) || NOT_FOUND.test(heading);
}

/** True when the answer is an anti-bot challenge rather than the page. */
export function looksLikeBotWall(html: string, headers: { get(name: string): string | null }): boolean {
  if (headers.get('cf-mitigated') === 'challenge') return true;
  if (headers.get('x-amzn-waf-action')) return true;
  return BOT_WALL.test(html);
}

/** True for a redirect from an article's address to the bare home page of a site: the article is gone. */
export function isRedirectHome(from: string, to: string): boolean {
  try {
    const a = new URL(from);
    const b = new URL(to);
    const deep = a.pathname.replace(/\/+$/, '') !== '';
    return deep && (b.pathname === '/' || b.pathname === '') && !b.search;
  } catch {
    return false;
  }
}
