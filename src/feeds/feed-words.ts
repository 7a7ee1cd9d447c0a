import type { FeedErrorData } from './feed-error';

/** A source as the editor set it up, for naming it in words. */
export interface SourceLabel {
  kind: 'feed' | 'ttrss';
  /** The host of its address, e.g. "news.example.org". */
  host: string;
}

/** What a successful Test found (see CheckReport in source.ts), as far as the words need it. */
export interface CheckFacts {
  kind: 'rss' | 'rdf' | 'atom' | 'json' | 'ttrss';
  items: number;
  /** The newest item's date (ISO), when any item has one. */
  newest: string | null;
  /** Items left out (no usable link). */
  skipped: number;
}

const MB = 1024 * 1024;

function server(source: SourceLabel | undefined): string {
  if (!source) return 'The server';
  return source.kind === 'ttrss' ? `Tiny Tiny RSS at ${source.host}` : `The server at ${source.host}`;
}

function bytes(n: number): string {
  return n >= MB ? `${Math.round((n / MB) * 10) / 10} MB` : `${Math.round(n / 1024)} KB`;
}

/**
 * The editor-facing words for a failed read: what happened and, when the editor can do something,
 * what to do. Built from the code and its facts only: the one place where feed errors become sentences
 * (the worker's log, the options page's Test and the desk's source list use it).
 */
export function feedErrorWords(error: FeedErrorData, source?: SourceLabel): { message: string; action?: string } {
  const who = server(source);
  const http = error.status ? ` (HTTP ${error.status})` : '';
  const said = error.said ? ` It said: “${error.said}”` : '';
  const ttrss = source?.kind === 'ttrss';
  const later = ' Trying again later.';
  switch (error.code) {
    case 'not-found':
      return { message: `Nothing was found at this address${http}.`, action: 'Check the address.' };
    case 'auth':
      return ttrss
        ? {
            message: `${who} refused the user name or password${http}.${said}`,
            action: 'Check the user name and password, then press Test.',
          }
        : {
            message: `${who} asks for a login${http}.`,
            action: 'Use the feed address with its key or token (the reader shows it), then press Test.',
          };
    case 'forbidden':
      return { message: `${who} refused access to this address${http}.`, action: 'Check the address and its key or token.' };
    case 'host-access':
      return {
        message: `The extension may not read ${source?.host ?? 'this site'}: access was not granted.`,
        action: 'Press Test and allow access to that site.',
      };
    case 'offline':
      return { message: `${who} could not be reached${error.text ? ` (${error.text})` : ''}.${later}` };
    case 'timeout':
      return {
        message: `${who} did not answer in time${error.timeoutMs ? ` (${Math.round(error.timeoutMs / 1000)} s)` : ''}${http}.${later}`,
      };
    case 'redirect-loop':
      return { message: 'The address redirects in a loop (too many redirects).', action: 'Open it in a tab to find where it should lead.' };
    case 'rate-limited':
      return { message: `${who} asked to slow down${http}.${later}` };
    case 'server':
      return { message: `${who} failed${http}.${later}` };
    case 'rejected':
      return { message: `${who} refused the request${http}.${said}`, action: 'Check the address.' };
    case 'too-large':
      return {
        message: `The answer is larger than ${bytes(error.limit ?? 5 * MB)}, more than a feed should be.`,
        action: 'Use a feed of fewer items (many readers offer a limit in the address).',
      };
    case 'empty':
      return { message: `${who} answered with nothing${http}.`, action: 'Check the address.' };
    case 'not-a-feed': {
      const what =
        error.found === 'html'
          ? 'a web page'
          : error.found === 'json'
            ? 'JSON, but not a JSON Feed'
            : error.found === 'xml'
              ? 'XML, but not RSS or Atom'
              : error.contentType
                ? `a file of type ${error.contentType}`
                : 'something else';
      return error.alternate
        ? { message: `This is ${what}, not a feed. The page names its feed: ${error.alternate}`, action: 'Use that address instead.' }
        : { message: `This is ${what}, not a feed.`, action: 'Use the address of the feed itself (RSS, Atom or JSON Feed).' };
    }
    case 'malformed': {
      const where = error.line ? ` (line ${error.line}${error.column ? `, column ${error.column}` : ''})` : '';
      return {
        message: `The feed is broken: it is not well-formed${where}.${error.said ? ` ${error.said}.` : ''}`,
        action: 'Tell the site; nothing from it is imported until it is fixed.',
      };
    }
    case 'no-api':
      if (error.movedTo)
        return {
          message: `This address redirects to ${error.movedTo}, where the API must be asked directly.`,
          action: 'Use that address instead.',
        };
      return {
        message: `No Tiny Tiny RSS API answered at this address${http}.`,
        action: 'Use the address you open Tiny Tiny RSS at (e.g. https://example.org/tt-rss/).',
      };
    case 'api-disabled':
      return {
        message: `${who} has its API switched off for this user.`,
        action: 'In Tiny Tiny RSS: Preferences → General → “Enable API”, then press Test.',
      };
    case 'bad-response':
      return { message: `${who} answered in an unexpected form${http}.${said}${later}` };
    case 'unexpected':
      return { message: `Reading the source failed: ${error.text ?? 'unknown error'}.${later}` };
  }
}

const DAY = 86_400_000;
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "today", "yesterday", "3 days ago", "2 months ago", "in 2 days" for a date against `now` (calendar days, local time). */
export function whenWords(iso: string, now: number): string {
  const then = new Date(iso);
  const today = new Date(now);
  const days = Math.round(
    (Date.UTC(then.getFullYear(), then.getMonth(), then.getDate()) - Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())) /
      DAY,
  );
  if (Math.abs(days) < 45) return relative.format(days, 'day');
  const months = Math.round(days / 30.44);
  return Math.abs(months) < 24 ? relative.format(months, 'month') : relative.format(Math.round(days / 365.25), 'year');
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What a successful Test found, in words: "A feed with 12 items, newest from yesterday." */
export function checkWords(facts: CheckFacts, now: number): string {
  const items = facts.kind === 'ttrss' ? count(facts.items, 'starred item', 'starred items') : count(facts.items, 'item', 'items');
  const newest = facts.newest ? `, newest from ${whenWords(facts.newest, now)}` : facts.items ? ', none of them dated' : '';
  const skipped = facts.skipped ? ` ${count(facts.skipped, 'item has', 'items have')} no usable link and will be left out.` : '';
  const what =
    facts.kind === 'ttrss'
      ? facts.items
        ? `Tiny Tiny RSS answered: ${items}${newest}.`
        : 'Tiny Tiny RSS answered: no starred items yet.'
      : facts.items
        ? `A feed with ${items}${newest}.`
        : 'A feed, with no items yet.';
  return what + skipped;
}
