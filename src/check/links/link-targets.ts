import { isWebUrl } from '../../clip/url-key';

/** One link to check and where it sits: the clipping's own address, or a link inside its summary. */
export interface LinkTarget {
  clippingId: string;
  url: string;
  where: 'clipping' | 'summary';
}

/** Markdown links `[text](url "title")`, autolinks `<url>`, HTML `href="url"`, then bare addresses. */
const MARKDOWN = /\]\(\s*<?(https?:\/\/[^\s>]+?)>?(?:\s+["'(][^)]*["')])?\s*\)/gi;
const AUTOLINK = /<(https?:\/\/[^\s>]+)>/gi;
const HREF = /href\s*=\s*(?:"(https?:\/\/[^"]+)"|'(https?:\/\/[^']+)')/gi;
const BARE = /https?:\/\/[^\s<>"'`\]]+/gi;

/** Trailing punctuation that ends a sentence rather than the address; a ")" only when unbalanced. */
function trimBare(url: string): string {
  let out = url.replace(/[.,;:!?*_~]+$/, '');
  while (out.endsWith(')') && (out.match(/\(/g)?.length ?? 0) < (out.match(/\)/g)?.length ?? 0))
    out = out.slice(0, -1).replace(/[.,;:!?*_~]+$/, '');
  return out;
}

/** Every web address in a summary (Markdown, HTML or bare), in order of appearance, each once. */
export function linksInText(text: string): string[] {
  const found: { at: number; url: string }[] = [];
  let rest = text;
  const take = (pattern: RegExp, pick: (m: RegExpExecArray) => string | undefined) => {
    rest = rest.replace(pattern, (...args: unknown[]) => {
      const match = args.slice(0, -2) as unknown as RegExpExecArray;
      const at = args[args.length - 2] as number;
      const url = pick(match);
      if (url) found.push({ at, url: url.replace(/&amp;/g, '&') });
      return ' '.repeat(String(args[0]).length);
    });
  };
  take(MARKDOWN, (m) => m[1]);
  take(AUTOLINK, (m) => m[1]);
  take(HREF, (m) => m[1] ?? m[2]);
  take(BARE, (m) => trimBare(m[0]));
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.at - b.at)
    .map((f) => f.url)
    .filter((url) => isWebUrl(url) && !seen.has(url) && seen.add(url));
}

/** The links of an issue's clippings, in issue order: each clipping's address, then its summary's links. */
export function linkTargets(clippings: readonly { id: string; url: string; summary: string }[]): LinkTarget[] {
  return clippings.flatMap((clipping) => {
    const own: LinkTarget[] = clipping.url ? [{ clippingId: clipping.id, url: clipping.url, where: 'clipping' }] : [];
    const inside = linksInText(clipping.summary)
      .filter((url) => url !== clipping.url)
      .map((url): LinkTarget => ({ clippingId: clipping.id, url, where: 'summary' }));
    return [...own, ...inside];
  });
}

/** The match pattern of a web address's site (`https://example.com/*`; patterns carry no port). */
export function originPattern(url: string): string | undefined {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? `${protocol}//${hostname}/*` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The host access a check of these links needs: each link's site, and for an http:// link the https://
 * form of its site too (the check tries whether the secure address works).
 */
export function accessPatterns(urls: readonly string[]): string[] {
  const patterns = new Set<string>();
  for (const url of urls) {
    const pattern = originPattern(url);
    if (!pattern) continue;
    patterns.add(pattern);
    if (pattern.startsWith('http://')) patterns.add(`https://${pattern.slice('http://'.length)}`);
  }
  return [...patterns];
}
