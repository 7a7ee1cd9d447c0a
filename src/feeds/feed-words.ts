import { plural, t, uiLanguage } from '../i18n/messages';
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

/** Words for one failure: what happened and, when the editor can do something, what to do. */
export interface ProblemWords {
  message: string;
  action?: string;
}

const MB = 1024 * 1024;

function server(source: SourceLabel | undefined): string {
  if (!source) return t('feedTheServer');
  return source.kind === 'ttrss' ? t('feedTtrssAt', source.host) : t('feedServerAt', source.host);
}

function bytes(n: number): string {
  return n >= MB ? t('feedSizeMb', Math.round((n / MB) * 10) / 10) : t('feedSizeKb', Math.round(n / 1024));
}

/** A sentence, then the optional ones after it, joined by spaces. */
function sentences(...parts: (string | false | undefined)[]): string {
  return parts.filter(Boolean).join(' ');
}

function found(error: FeedErrorData): string {
  if (error.found === 'html') return t('feedFoundHtml');
  if (error.found === 'json') return t('feedFoundJson');
  if (error.found === 'xml') return t('feedFoundXml');
  return error.contentType ? t('feedFoundType', error.contentType) : t('feedFoundOther');
}

/**
 * The editor-facing words for a failed read: what happened and, when the editor can do something,
 * what to do. Built from the code and its facts only: the one place where feed errors become sentences
 * (the worker's log, the options page's Test and the desk's source list use it).
 */
export function feedErrorWords(error: FeedErrorData, source?: SourceLabel): ProblemWords {
  const who = server(source);
  // Optional details go inside the sentence, after its verb: " (HTTP 404)".
  const http = error.status ? ` ${t('feedHttpStatus', error.status)}` : '';
  const said = error.said ? t('feedServerSaid', error.said) : undefined;
  const later = t('feedTryingLater');
  switch (error.code) {
    case 'not-found':
      return { message: t('feedErrNotFound', http), action: t('feedActCheckAddress') };
    case 'auth':
      return source?.kind === 'ttrss'
        ? { message: sentences(t('feedErrAuthReader', who, http), said), action: t('feedActCheckLogin') }
        : { message: t('feedErrAuthFeed', who, http), action: t('feedActFeedToken') };
    case 'forbidden':
      return { message: t('feedErrForbidden', who, http), action: t('feedActCheckToken') };
    case 'host-access':
      return { message: t('feedErrHostAccess', source?.host ?? t('feedThisSite')), action: t('feedActAllowAccess') };
    case 'offline':
      return { message: sentences(t('feedErrOffline', who, error.text ? ` (${error.text})` : ''), later) };
    case 'timeout': {
      const limit = error.timeoutMs ? ` ${t('feedSeconds', Math.round(error.timeoutMs / 1000))}` : '';
      return { message: sentences(t('feedErrTimeout', who, limit, http), later) };
    }
    case 'redirect-loop':
      return { message: t('feedErrRedirectLoop'), action: t('feedActOpenInTab') };
    case 'rate-limited':
      return { message: sentences(t('feedErrRateLimited', who, http), later) };
    case 'server':
      return { message: sentences(t('feedErrServer', who, http), later) };
    case 'rejected':
      return { message: sentences(t('feedErrRejected', who, http), said), action: t('feedActCheckAddress') };
    case 'too-large':
      return { message: t('feedErrTooLarge', bytes(error.limit ?? 5 * MB)), action: t('feedActFewerItems') };
    case 'empty':
      return { message: t('feedErrEmpty', who, http), action: t('feedActCheckAddress') };
    case 'not-a-feed':
      return error.alternate
        ? { message: t('feedErrNotAFeedAlternate', found(error), error.alternate), action: t('feedActUseThat') }
        : { message: t('feedErrNotAFeed', found(error)), action: t('feedActFeedItself') };
    case 'malformed': {
      const where = error.line ? ` ${error.column ? t('feedAtLineColumn', error.line, error.column) : t('feedAtLine', error.line)}` : '';
      return { message: sentences(t('feedErrMalformed', where), error.said && `${error.said}.`), action: t('feedActTellSite') };
    }
    case 'no-api':
      return error.movedTo
        ? { message: t('feedErrApiMoved', error.movedTo), action: t('feedActUseThat') }
        : { message: t('feedErrNoApi', http), action: t('feedActTtrssAddress') };
    case 'api-disabled':
      return { message: t('feedErrApiDisabled', who), action: t('feedActEnableApi') };
    case 'bad-response':
      return { message: sentences(t('feedErrBadResponse', who, http), said, later) };
    case 'unexpected':
      return { message: sentences(t('feedErrUnexpected', error.text ?? t('feedUnknownError')), later) };
  }
}

const DAY = 86_400_000;

/** "5 minutes ago", "in 2 days", … in the UI language. */
export function relativeWords(value: number, unit: Intl.RelativeTimeFormatUnit): string {
  return new Intl.RelativeTimeFormat(uiLanguage(), { numeric: 'auto' }).format(value, unit);
}

/** "today", "yesterday", "3 days ago", "2 months ago", "in 2 days" for a date against `now` (calendar days, local time). */
export function whenWords(iso: string, now: number): string {
  const then = new Date(iso);
  const today = new Date(now);
  const days = Math.round(
    (Date.UTC(then.getFullYear(), then.getMonth(), then.getDate()) - Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())) /
      DAY,
  );
  if (Math.abs(days) < 45) return relativeWords(days, 'day');
  const months = Math.round(days / 30.44);
  return Math.abs(months) < 24 ? relativeWords(months, 'month') : relativeWords(Math.round(days / 365.25), 'year');
}

/** A span of time from now, in the coarsest unit that reads well: "in 25 minutes", "3 hours ago", "yesterday". */
export function spanWords(at: number, now: number): string {
  const minutes = Math.round((at - now) / 60_000);
  if (Math.abs(minutes) < 60) return relativeWords(minutes, 'minute');
  if (Math.abs(minutes) < 12 * 60) return relativeWords(Math.round(minutes / 60), 'hour');
  return whenWords(new Date(at).toISOString(), now);
}

/** What a successful Test found, in words: "A feed with 12 items, newest from yesterday." */
export function checkWords(facts: CheckFacts, now: number): string {
  const reader = facts.kind === 'ttrss';
  const items = reader ? plural('feedStarredCount', facts.items) : plural('feedItemCount', facts.items);
  const when = facts.newest ? whenWords(facts.newest, now) : undefined;
  const what = !facts.items
    ? reader
      ? t('feedCheckTtrssEmpty')
      : t('feedCheckFeedEmpty')
    : when
      ? t(reader ? 'feedCheckTtrss' : 'feedCheckFeed', items, when)
      : t(reader ? 'feedCheckTtrssUndated' : 'feedCheckFeedUndated', items);
  return sentences(what, facts.skipped > 0 && plural('feedCheckSkipped', facts.skipped));
}
