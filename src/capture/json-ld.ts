import { htmlTextReader } from './html-text';

/**
 * What the page's JSON-LD says about the article, flattened. Publishers nest it every way the
 * spec allows (`@graph`, arrays of graphs, `@id` references, types as arrays), so we walk all
 * of it and pick the node that best describes this page.
 */
export interface JsonLdFacts {
  headline?: string;
  /** `name` of the article node (often the SEO title; used only after `headline`). */
  name?: string;
  /** Person authors first; organisations only when there is no person. */
  authors: string[];
  /** True when the authors are persons (not organisations): then a name equal to the site's is the blogger's own. */
  persons?: boolean;
  datePublished?: string;
  dateModified?: string;
  description?: string;
  /** publisher.name of the article, or the WebSite node's name. */
  publisher?: string;
  inLanguage?: string;
  url?: string;
  /** Every @type seen on the page (lower case), e.g. to recognise a `Report`. */
  types: Set<string>;
}

type Node = Record<string, unknown>;

/** Article-like types ("NewsArticle", "BlogPosting", "Report", …) and page types ("WebPage", "FAQPage", …), lower case. */
const ARTICLE_TYPE = /article$|posting$|^(report|review|creativework|videoobject|podcastepisode|recipe|howto)$/;
const PAGE_TYPE = /page$|^mediagallery$/;
const MAX_NODES = 400;

/** Parse one script body, forgiving the usual publisher mistakes (comments, CDATA, raw newlines, trailing commas). */
function parseBlock(text: string): unknown {
  // Comments and CDATA wrappers around the JSON: keep what lies between the first and the last bracket.
  const unwrapped = text.replace(/<!\[CDATA\[|\]\]>/g, '');
  const body = unwrapped.slice(Math.max(0, unwrapped.search(/[[{]/)), Math.max(unwrapped.lastIndexOf('}'), unwrapped.lastIndexOf(']')) + 1);
  try {
    return JSON.parse(body);
  } catch {
    try {
      // Raw control characters inside strings and trailing commas are the two common breakages.
      // eslint-disable-next-line no-control-regex -- raw control characters are what breaks pages' JSON-LD
      return JSON.parse(body.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1'));
    } catch {
      return undefined;
    }
  }
}

function typesOf(node: Node): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/#:]/, '').toLowerCase());
}

/** Collect every object node (depth-first, bounded) and index those with an @id. */
function collect(root: unknown, nodes: Node[], byId: Map<string, Node>, depth = 0): void {
  if (depth > 8 || nodes.length > MAX_NODES || root === null || typeof root !== 'object') return;
  if (Array.isArray(root)) {
    for (const item of root) collect(item, nodes, byId, depth + 1);
    return;
  }
  const node = root as Node;
  nodes.push(node);
  const id = node['@id'];
  if (typeof id === 'string' && Object.keys(node).length > 1 && !byId.has(id)) byId.set(id, node);
  for (const [key, value] of Object.entries(node)) {
    if (key !== '@context' && value && typeof value === 'object') collect(value, nodes, byId, depth + 1);
  }
}

function deref(value: unknown, byId: Map<string, Node>): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const id = (value as Node)['@id'];
    if (typeof id === 'string' && Object.keys(value).length === 1) return byId.get(id) ?? value;
  }
  return value;
}

function sameUrl(a: string | undefined, b: string): boolean {
  if (!a || !b) return false;
  const strip = (u: string) =>
    u
      .replace(/^https?:\/\/(www\.)?/i, '')
      .replace(/[#?].*$/, '')
      .replace(/\/$/, '');
  return strip(a) === strip(b);
}

/**
 * The readers of JSON-LD values, decoding strings with `plainText` (publishers put escaped HTML in them:
 * html-text.ts).
 */
function valueReaders(plainText: (value: string) => string) {
  /** A string value, with references resolved and `{"@value": …}` unwrapped. */
  function str(value: unknown): string | undefined {
    if (typeof value === 'string') return plainText(value) || undefined;
    if (typeof value === 'number') return String(value);
    if (Array.isArray(value)) return str(value[0]);
    if (value && typeof value === 'object' && '@value' in value) return str((value as Node)['@value']);
    return undefined;
  }

  function nameOf(value: unknown, byId: Map<string, Node>): string | undefined {
    const node = deref(value, byId);
    if (typeof node === 'string') return str(node);
    if (!node || typeof node !== 'object' || Array.isArray(node)) return str(node);
    const n = node as Node;
    const given = str(n.givenName);
    const family = str(n.familyName);
    return str(n.name) ?? (given || family ? [given, family].filter(Boolean).join(' ') : undefined);
  }

  /** Author names into `facts`, persons before organisations (an organisation "author" is usually the publisher). */
  function authorsOf(value: unknown, byId: Map<string, Node>, facts: JsonLdFacts): void {
    const persons: string[] = [];
    const orgs: string[] = [];
    const list = Array.isArray(value) ? value : [value];
    for (const item of list.slice(0, 20)) {
      const node = deref(item, byId);
      const name = nameOf(node, byId);
      if (!name) continue;
      const isOrg = node && typeof node === 'object' && typesOf(node as Node).some((t) => /organization|corporation/.test(t));
      (isOrg ? orgs : persons).push(name);
    }
    facts.persons = !!persons.length;
    facts.authors = facts.persons ? persons : orgs;
  }

  /** The first non-empty string among the space-separated `keys` of `node`. */
  const pick = (node: Node, keys: string) =>
    keys
      .split(' ')
      .map((key) => str(node[key]))
      .find(Boolean);

  return { str, nameOf, authorsOf, pick };
}

/** Read all `application/ld+json` blocks of the document. Never throws. */
export function readJsonLd(doc: Document, pageUrl: string): JsonLdFacts {
  const facts: JsonLdFacts = { authors: [], types: new Set() };
  const { str, nameOf, authorsOf, pick } = valueReaders(htmlTextReader(doc));
  const nodes: Node[] = [];
  const byId = new Map<string, Node>();
  for (const script of Array.from(doc.querySelectorAll('script[type*="ld+json" i]')).slice(0, 50)) {
    collect(parseBlock(script.textContent ?? ''), nodes, byId);
  }

  let best: Node | undefined;
  let bestScore = 0;
  let page: Node | undefined;
  let website: Node | undefined;
  for (const node of nodes) {
    const types = typesOf(node);
    for (const t of types) facts.types.add(t);
    if (!page && types.some((t) => PAGE_TYPE.test(t))) page = node;
    if (!website && types.includes('website')) website = node;
    if (!types.some((t) => ARTICLE_TYPE.test(t))) continue;
    // Prefer the node about this very page, then one with a headline, then the first.
    const main = deref(node.mainEntityOfPage, byId);
    const mainUrl = typeof main === 'string' ? main : main ? pick(main as Node, '@id url') : undefined;
    let score = 1;
    if (node.headline) score += 2;
    if (node.author) score += 1;
    if (sameUrl(str(node.url), pageUrl) || sameUrl(mainUrl, pageUrl)) score += 3;
    if (types.some((t) => /^(videoobject|creativework|review)$/.test(t))) score -= 1;
    if (score > bestScore) {
      best = node;
      bestScore = score;
    }
  }

  const main = best ?? page;
  if (main) {
    facts.headline = pick(main, 'headline alternativeHeadline');
    facts.name = str(main.name);
    authorsOf(main.author ?? main.creator, byId, facts);
    facts.datePublished = pick(main, 'datePublished dateCreated uploadDate');
    facts.dateModified = str(main.dateModified);
    facts.description = str(main.description);
    facts.publisher = nameOf(main.publisher, byId);
    facts.inLanguage = str(main.inLanguage);
    facts.url = str(main.url);
  }
  // A WebPage node next to the article fills what the article node leaves out (Yoast's layout).
  if (page && page !== main) {
    for (const key of ['datePublished', 'dateModified', 'description', 'inLanguage'] as const) facts[key] ??= str(page[key]);
    if (!facts.authors.length) authorsOf(page.author, byId, facts);
  }
  if (website) {
    facts.publisher ??= nameOf(website, byId) ?? nameOf(website.publisher, byId);
    facts.inLanguage ??= str(website.inLanguage);
  }
  return facts;
}
