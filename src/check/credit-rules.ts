import type { CheckProblem } from './check-problem';
import { type CheckInput, DAY_MS, type PlacedClipping, foldName, inIssueOrder } from './check-input';
import { formattingLocale, plural, t, uiLanguage } from '../i18n/messages';

/**
 * Credits (issue 12): what a reader sees of each piece. Severities: a missing author or publication
 * and an empty summary block publishing (the entry would print without its credit line or commentary);
 * a missing or unreadable date, a short summary, a title with the site's suffix or in capitals, and a
 * date outside the issue's window are worth a look. Author, publication and summary rules apply to
 * the "entries" layout (and to unsorted clippings, which are headed for one): a "bullets" section (the
 * Outages list) prints only the linked title and an optional note.
 */

/** Separators sites put between an article's title and their own name. */
const SUFFIX_SEPARATOR = /\s+[|\-–—·•:»~]\s+/g;

/** A title of at least this many cased letters, nearly all capitals, is shouting. */
const SHOUTING_MIN_LETTERS = 12;
const SHOUTING_SHARE = 0.9;

/** The names a site may append to titles: its publication name, and its host (with and without www. and the domain's ending). */
function siteNames(siteName: string, url: string): string[] {
  const names = [siteName];
  try {
    const host = new URL(url).hostname.replace(/^www\./, '');
    names.push(host, host.split('.').slice(0, -1).join('.'));
  } catch {
    // Not an address: the publication name alone.
  }
  return names.map(foldName).filter((name) => name.length >= 2);
}

/** The title split at its last separator when what follows is the site's name: [title without it, the suffix]. */
export function splitSiteSuffix(title: string, siteName: string, url: string): [string, string] | undefined {
  const matches = [...title.matchAll(SUFFIX_SEPARATOR)];
  const last = matches.at(-1);
  if (!last || last.index === undefined) return undefined;
  const head = title.slice(0, last.index).trim();
  const tail = title.slice(last.index + last[0].length).trim();
  if (foldName(head).length < 3) return undefined;
  const names = siteNames(siteName, url);
  return names.includes(foldName(tail)) ? [head, tail] : undefined;
}

/** Whether a title is written in capitals (a few acronyms in a normal title are not shouting). */
export function isShouting(title: string): boolean {
  const cased = [...title].filter((ch) => ch.toLowerCase() !== ch.toUpperCase());
  if (cased.length < SHOUTING_MIN_LETTERS) return false;
  const upper = cased.filter((ch) => ch === ch.toUpperCase() && ch !== ch.toLowerCase()).length;
  return upper / cased.length >= SHOUTING_SHARE;
}

function formatDate(time: number): string {
  return new Date(time).toLocaleDateString(formattingLocale(uiLanguage()), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function creditsOf({ clipping, section }: PlacedClipping, input: CheckInput): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const at = (problem: Omit<CheckProblem, 'clippingId'>) => problems.push({ clippingId: clipping.id, ...problem });
  const withCredits = section?.style !== 'bullets';
  const suffix = splitSiteSuffix(clipping.title, clipping.siteName, clipping.url);

  if (withCredits && clipping.authors.length === 0) at({ rule: 'credit-author', severity: 'blocks', message: t('checkAuthorMissing') });
  if (withCredits && !clipping.siteName.trim()) {
    // A title that ends with the site's name (matched on its host) says what the publication is.
    const fix = suffix ? { kind: 'set-field' as const, field: 'siteName' as const, value: suffix[1] } : undefined;
    at({ rule: 'credit-publication', severity: 'blocks', message: t('checkPublicationMissing'), ...(fix && { fix }) });
  }
  if (withCredits) {
    const summary = clipping.summary.trim();
    const min = input.settings.check.minSummaryLength;
    if (!summary) at({ rule: 'summary-empty', severity: 'blocks', message: t('checkSummaryEmpty') });
    else if ([...summary].length < min) {
      at({ rule: 'summary-short', severity: 'look', message: plural('checkSummaryShort', [...summary].length, min) });
    }
  }

  if (suffix) {
    at({
      rule: 'title-site-suffix',
      severity: 'look',
      message: t('checkTitleSuffix', suffix[1]),
      fix: { kind: 'set-field', field: 'title', value: suffix[0] },
    });
  }
  if (isShouting(clipping.title)) at({ rule: 'title-shouting', severity: 'look', message: t('checkTitleShouting') });

  const written = clipping.publishedTime.trim();
  const published = written ? Date.parse(written) : NaN;
  if (!written) at({ rule: 'credit-date', severity: 'look', message: t('checkDateMissing') });
  else if (Number.isNaN(published)) at({ rule: 'credit-date', severity: 'look', message: t('checkDateUnreadable', written) });
  else {
    const { maxAgeDays } = input.settings.check;
    // A day of grace either way: a date without a time is midnight UTC, which is the day before in the Americas.
    if (published < input.issue.start - maxAgeDays * DAY_MS - DAY_MS) {
      at({ rule: 'date-too-old', severity: 'look', message: plural('checkDateTooOld', maxAgeDays, formatDate(published)) });
    } else if (published > Math.min(input.now, input.issue.end) + DAY_MS) {
      at({ rule: 'date-in-future', severity: 'look', message: t('checkDateInFuture', formatDate(published)) });
    }
  }
  return problems;
}

/** The credit rules over every clipping of the issue, in issue order. */
export function creditProblems(input: CheckInput): CheckProblem[] {
  return inIssueOrder(input.clippings, input.settings.sections).flatMap((placed) => creditsOf(placed, input));
}
