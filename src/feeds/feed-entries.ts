import { parseDate } from '../capture/dates';
import { AUTHOR_LIMITS } from '../clip/authors';
import { FIELD_LIMITS } from '../clip/capture';
import { urlKey } from '../clip/url-key';
import { FEED_LIMITS, FUTURE_SLACK_MS, type FeedItem, type SkippedItem } from './feed-item';
import { type LinkProblem, resolveLink } from './feed-link';
import { htmlToText, oneLineText } from './plain-text';

/**
 * One entry as a format module read it, before cleaning: strings as they stood in the feed (HTML where
 * the format allows it), the link candidates in order of preference.
 */
export interface RawEntry {
  /** Link candidates, best first (FeedBurner's origLink before the proxied link, a permalink guid last). */
  links: (string | undefined)[];
  /** The base that relative links resolve against (xml:base, else the feed's address). */
  base: string;
  /** The title; HTML is read as HTML (RSS titles often carry entities and tags). */
  title: string;
  /** True when `title` is plain text already (Atom type="text", JSON Feed): not decoded again. */
  titleIsText?: boolean;
  authors: string[];
  /** The item's own source or publication, when it names one. */
  publication?: string;
  date?: string;
  /** The description or content, as HTML. */
  summaryHtml?: string;
  /** Plain text summary (JSON Feed content_text, Atom type="text"), used as it is. */
  summaryText?: string;
  guid?: string;
  note?: string;
  readerId?: string;
}

/** What the format modules hand back before the items are finished. */
export interface RawFeed {
  title: string;
  titleIsText?: boolean;
  siteUrl?: string;
  base: string;
  entries: RawEntry[];
}

const EMAIL = /\S+@\S+\.\S+/;

/**
 * Author names out of what feeds write there: "jane@example.org (Jane Doe)" (RSS's form), "Jane Doe
 * <jane@example.org>", "By Jane Doe"; bare addresses are dropped, repeats too.
 */
export function authorNames(raws: readonly string[]): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const raw of raws.slice(0, FEED_LIMITS.authors * 2)) {
    let name = htmlToText(raw, AUTHOR_LIMITS.name * 2);
    const inParens = /^\S+@\S+\s*\((.+)\)$/.exec(name);
    const beforeAngle = /^(.+?)\s*<[^>]*@[^>]*>$/.exec(name);
    if (inParens) name = inParens[1]!;
    else if (beforeAngle) name = beforeAngle[1]!;
    name = oneLineText(name.replace(/^by\s+/i, '').replace(/^["']|["']$/g, ''), AUTHOR_LIMITS.name);
    if (!name || EMAIL.test(name) || /^(unknown|admin|anonymous)$/i.test(name)) continue;
    const key = name.toLowerCase();
    if (!seen.has(key)) names.push(name);
    seen.add(key);
  }
  return names.slice(0, FEED_LIMITS.authors);
}

/** The feed's date as ISO (offset kept), null when missing, unreadable or before 1990; `future` when more than a day ahead. */
export function itemDate(raw: string | undefined, now: number): { publishedAt: string | null; future?: true; time: number } {
  const parsed = raw ? parseDate(raw) : undefined;
  if (!parsed || parsed.time < 631_152_000_000) return { publishedAt: null, time: -Infinity };
  const date = { publishedAt: parsed.iso, time: parsed.time };
  return parsed.time > now + FUTURE_SLACK_MS ? { ...date, future: true } : date;
}

function firstLink(entry: RawEntry): { url: string } | { problem: LinkProblem; scheme?: string } {
  let problem: { problem: LinkProblem; scheme?: string } = { problem: 'missing' };
  for (const candidate of entry.links) {
    const result = resolveLink(candidate, entry.base);
    if ('url' in result) return result;
    if (problem.problem === 'missing') problem = result;
  }
  return problem;
}

export interface FinishedItems {
  items: FeedItem[];
  total: number;
  skippedCount: number;
  skipped: SkippedItem[];
}

/**
 * Raw entries → items, newest first (undated ones after the dated, in feed order), at most
 * FEED_LIMITS.items: dates are read for every entry, then entries are finished in that order until the
 * cap is reached (so a 10,000-item feed costs 1,000 links, not 10,000). Links are resolved and checked,
 * text made plain; an entry without a usable link, or repeating a link already taken (same duplicate
 * key), is skipped with its reason.
 */
export function finishEntries(raw: RawFeed, now: number): FinishedItems & { title: string } {
  const feedTitle = raw.titleIsText ? oneLineText(raw.title, FIELD_LIMITS.siteName) : htmlToText(raw.title, FIELD_LIMITS.siteName);
  const dated = raw.entries.map((entry, order) => ({ entry, order, date: itemDate(entry.date, now) }));
  dated.sort((a, b) => b.date.time - a.date.time || a.order - b.order);
  const items: FeedItem[] = [];
  const skipped: SkippedItem[] = [];
  let skippedCount = 0;
  const seen = new Set<string>();
  for (const { entry, date } of dated) {
    if (items.length >= FEED_LIMITS.items) break;
    const title = entry.titleIsText ? oneLineText(entry.title, FIELD_LIMITS.title) : htmlToText(entry.title, FIELD_LIMITS.title);
    const link = firstLink(entry);
    const key = 'url' in link ? urlKey(link.url) : '';
    if (!('url' in link) || seen.has(key)) {
      skippedCount++;
      if (skipped.length < FEED_LIMITS.skippedListed)
        skipped.push({ title: title.slice(0, 200), ...('url' in link ? { problem: 'duplicate' as const } : link) });
      continue;
    }
    seen.add(key);
    const summary =
      entry.summaryText !== undefined
        ? oneLineText(entry.summaryText, FIELD_LIMITS.excerpt)
        : htmlToText(entry.summaryHtml ?? '', FIELD_LIMITS.excerpt);
    const note = entry.note ? oneLineText(entry.note, FEED_LIMITS.note) : '';
    const publication = entry.publication ? htmlToText(entry.publication, FIELD_LIMITS.siteName) : '';
    items.push({
      link: link.url,
      title,
      authors: authorNames(entry.authors),
      publication: publication || feedTitle,
      publishedAt: date.publishedAt,
      ...(date.future ? { future: true } : {}),
      summary,
      ...(note ? { note } : {}),
      guid: oneLineText(entry.guid ?? '', FEED_LIMITS.guid) || link.url,
      ...(entry.readerId ? { readerId: entry.readerId.slice(0, 64) } : {}),
    });
  }
  return { title: feedTitle, items, total: raw.entries.length, skippedCount, skipped };
}
