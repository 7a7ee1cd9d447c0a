import { type XmlDocument, XmlElement } from '@rgrove/parse-xml';

/**
 * Namespace-aware reading of a parse-xml tree. parse-xml keeps qualified names as written ("dc:creator")
 * and leaves `xmlns` declarations as attributes; feeds use whatever prefixes they like, and some use a
 * prefix they never declare (`dc:`, `content:`), so well-known prefixes are understood without one.
 */

export const NS = {
  none: '',
  atom: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  rss1: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dc: 'http://purl.org/dc/elements/1.1/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  feedburner: 'http://rssnamespace.org/feedburner/ext/1.0',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

const WELL_KNOWN: Record<string, string> = {
  atom: NS.atom,
  rdf: NS.rdf,
  dc: NS.dc,
  content: NS.content,
  feedburner: NS.feedburner,
  xml: NS.xml,
};

function splitName(name: string): [prefix: string, local: string] {
  const colon = name.indexOf(':');
  return colon < 0 ? ['', name] : [name.slice(0, colon), name.slice(colon + 1)];
}

/** The namespace URI a prefix ('' = the default namespace) stands for at `el`. */
function namespaceOf(el: XmlElement, prefix: string): string {
  const attribute = prefix ? `xmlns:${prefix}` : 'xmlns';
  for (let node: XmlElement | XmlDocument | null = el; node instanceof XmlElement; node = node.parent) {
    const uri = node.attributes[attribute];
    if (uri !== undefined) return uri;
  }
  return prefix ? (WELL_KNOWN[prefix] ?? `prefix:${prefix}`) : NS.none;
}

/** The element's local name and namespace URI. */
export function qname(el: XmlElement): { ns: string; local: string } {
  const [prefix, local] = splitName(el.name);
  return { ns: namespaceOf(el, prefix), local };
}

/** True when `el` is `local` in one of the namespaces. */
export function is(el: XmlElement, namespaces: readonly string[], local: string): boolean {
  const name = qname(el);
  return name.local === local && namespaces.includes(name.ns);
}

/** The element children of `el`. */
export function elements(el: XmlElement): XmlElement[] {
  return el.children.filter((child): child is XmlElement => child instanceof XmlElement);
}

/** The children named `local` in one of the namespaces. */
export function childrenNamed(el: XmlElement, namespaces: readonly string[], local: string): XmlElement[] {
  return elements(el).filter((child) => is(child, namespaces, local));
}

/** The first child named `local` in one of the namespaces. */
export function child(el: XmlElement, namespaces: readonly string[], local: string): XmlElement | undefined {
  return elements(el).find((c) => is(c, namespaces, local));
}

/** The text of the first child named `local` ('' when there is none). */
export function childText(el: XmlElement, namespaces: readonly string[], local: string): string {
  return child(el, namespaces, local)?.text ?? '';
}

/** An attribute by its local name, whatever its prefix (`rdf:about` is found as `about`). */
export function attribute(el: XmlElement, local: string): string | undefined {
  if (el.attributes[local] !== undefined) return el.attributes[local];
  for (const [name, value] of Object.entries(el.attributes)) if (splitName(name)[1] === local && !name.startsWith('xmlns')) return value;
  return undefined;
}

/**
 * The base URL in effect at `el`: `xml:base` attributes from the root down, each resolved against the
 * one above it, starting at the feed's own address.
 */
export function baseOf(el: XmlElement, feedUrl: string): string {
  const chain: string[] = [];
  for (let node: XmlElement | XmlDocument | null = el; node instanceof XmlElement; node = node.parent) {
    const base = node.attributes['xml:base'];
    if (base !== undefined) chain.unshift(base);
  }
  let base = feedUrl;
  for (const b of chain) {
    try {
      base = new URL(b, base).href;
    } catch {
      // An unusable xml:base is ignored, as feed readers do.
    }
  }
  return base;
}
