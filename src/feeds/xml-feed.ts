import type { XmlElement } from '@rgrove/parse-xml';
import type { FeedKind } from './feed-item';
import type { RawEntry, RawFeed } from './feed-entries';
import { NS, attribute, baseOf, child, childText, childrenNamed, elements, is, qname } from './xml-tree';

/**
 * RSS 2.0 (and 0.9x), RSS 1.0 / RDF and Atom (1.0, and 0.3's names) as raw entries. Only reading:
 * cleaning, links and dates are feed-entries.ts's job.
 */

const RSS = [NS.none];
const RDF_ITEM = [NS.rss1, NS.rss090];
const ATOM = [NS.atom, NS.atom03];
const DC = [NS.dc];
const CONTENT = [NS.content];
const FEEDBURNER = [NS.feedburner];

/** Which XML feed the root element is, or undefined for any other XML. */
export function xmlFeedKind(root: XmlElement): Exclude<FeedKind, 'json'> | undefined {
  const { local, ns } = qname(root);
  if (local === 'rss' && ns === NS.none) return 'rss';
  if (local === 'RDF' && ns === NS.rdf) return 'rdf';
  if (local === 'feed' && (ns === NS.atom || ns === NS.atom03)) return 'atom';
  return undefined;
}

/** The first of the Dublin Core / RSS creators: each element one author. */
function dcCreators(el: XmlElement): string[] {
  return [...childrenNamed(el, DC, 'creator'), ...childrenNamed(el, DC, 'contributor')].map((c) => c.text);
}

function rssEntry(item: XmlElement, feedUrl: string, rdf: boolean): RawEntry {
  const ns = rdf ? RDF_ITEM : RSS;
  const guidEl = child(item, RSS, 'guid');
  // A guid is a link only when it says so (isPermaLink defaults to true) and looks like one.
  const guidLink =
    guidEl && attribute(guidEl, 'isPermaLink') !== 'false' && /^https?:\/\//i.test(guidEl.text.trim()) ? guidEl.text : undefined;
  const atomLink = childrenNamed(item, ATOM, 'link').find((l) => (attribute(l, 'rel') ?? 'alternate') === 'alternate');
  const source = child(item, RSS, 'source');
  const description = childText(item, ns, 'description') || childText(item, RSS, 'description');
  return {
    links: [
      childText(item, FEEDBURNER, 'origLink'),
      childText(item, ns, 'link') || undefined,
      atomLink ? attribute(atomLink, 'href') : undefined,
      rdf ? attribute(item, 'about') : guidLink,
    ],
    base: baseOf(item, feedUrl),
    title: childText(item, ns, 'title') || childText(item, DC, 'title'),
    authors: [...childrenNamed(item, RSS, 'author').map((a) => a.text), ...dcCreators(item)],
    publication: source?.text || childText(item, DC, 'source') || undefined,
    date: childText(item, RSS, 'pubDate') || childText(item, DC, 'date') || childText(item, ATOM, 'updated'),
    summaryHtml: description || childText(item, CONTENT, 'encoded'),
    guid: guidEl?.text ?? (rdf ? attribute(item, 'about') : undefined),
  };
}

/** An Atom text construct's plain text or HTML: type="text" is text, "html" is escaped HTML, "xhtml" is markup inside a div. */
function atomText(el: XmlElement | undefined): { html?: string; text?: string } {
  if (!el) return {};
  const type = attribute(el, 'type') ?? 'text';
  if (type === 'html' || type === 'text/html') return { html: el.text };
  // xhtml: the element's text content is the text (tags are structure, not escaped HTML).
  return { text: el.text };
}

function atomLink(el: XmlElement): string | undefined {
  const links = childrenNamed(el, ATOM, 'link');
  const alternate =
    links.find((l) => (attribute(l, 'rel') ?? 'alternate') === 'alternate' && /html/.test(attribute(l, 'type') ?? 'text/html')) ??
    links.find((l) => (attribute(l, 'rel') ?? 'alternate') === 'alternate');
  return alternate ? attribute(alternate, 'href') : undefined;
}

function atomAuthors(el: XmlElement): string[] {
  return childrenNamed(el, ATOM, 'author').map((a) => childText(a, ATOM, 'name') || a.text);
}

function atomEntry(entry: XmlElement, feedUrl: string, feedAuthors: string[]): RawEntry {
  const title = atomText(child(entry, ATOM, 'title'));
  const summary = atomText(child(entry, ATOM, 'summary') ?? child(entry, ATOM, 'content'));
  const source = child(entry, ATOM, 'source');
  const id = childText(entry, ATOM, 'id');
  const authors = atomAuthors(entry);
  return {
    links: [childText(entry, FEEDBURNER, 'origLink'), atomLink(entry), /^https?:\/\//i.test(id.trim()) ? id : undefined],
    base: baseOf(entry, feedUrl),
    title: title.html ?? title.text ?? '',
    titleIsText: title.html === undefined,
    authors: authors.length ? authors : source && atomAuthors(source).length ? atomAuthors(source) : feedAuthors,
    publication: source ? (atomText(child(source, ATOM, 'title')).text ?? atomText(child(source, ATOM, 'title')).html) : undefined,
    date:
      childText(entry, ATOM, 'published') ||
      childText(entry, ATOM, 'issued') ||
      childText(entry, ATOM, 'updated') ||
      childText(entry, ATOM, 'modified'),
    ...(summary.html !== undefined ? { summaryHtml: summary.html } : summary.text !== undefined ? { summaryText: summary.text } : {}),
    guid: id,
  };
}

/** The raw feed of an RSS, RDF or Atom document whose root is `root`. */
export function readXmlFeed(root: XmlElement, kind: Exclude<FeedKind, 'json'>, feedUrl: string): RawFeed {
  if (kind === 'atom') {
    const title = atomText(child(root, ATOM, 'title'));
    const authors = atomAuthors(root);
    return {
      title: title.html ?? title.text ?? '',
      titleIsText: title.html === undefined,
      siteUrl: atomLink(root),
      base: baseOf(root, feedUrl),
      entries: childrenNamed(root, ATOM, 'entry').map((entry) => atomEntry(entry, feedUrl, authors)),
    };
  }
  if (kind === 'rdf') {
    const channel = elements(root).find((el) => is(el, RDF_ITEM, 'channel'));
    return {
      title: channel ? childText(channel, RDF_ITEM, 'title') : '',
      siteUrl: channel ? childText(channel, RDF_ITEM, 'link') : undefined,
      base: baseOf(root, feedUrl),
      entries: childrenNamed(root, RDF_ITEM, 'item').map((item) => rssEntry(item, feedUrl, true)),
    };
  }
  const channel = child(root, RSS, 'channel');
  if (!channel) return { title: '', base: feedUrl, entries: [] };
  // RSS 0.91 allowed items beside the channel; some feeds still put them there.
  const items = [...childrenNamed(channel, RSS, 'item'), ...childrenNamed(root, RSS, 'item')];
  return {
    title: childText(channel, RSS, 'title'),
    siteUrl: childText(channel, RSS, 'link') || undefined,
    base: baseOf(channel, feedUrl),
    entries: items.map((item) => rssEntry(item, feedUrl, false)),
  };
}
