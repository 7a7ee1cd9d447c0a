import { formattingLocale } from '../i18n/messages';

// Date, optional time, optional offset: what `toISOString()` and @date-fns/tz's `TZDate#toISOString()` write.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * The wall-clock time written in an ISO string, as if it were UTC: the local time in the string's own
 * offset. Reading dates "as written" keeps the renderers pure (no time-zone database, no clock) and
 * right as long as the document builder writes instants in the issue's time zone.
 */
function wallClock(iso: string): number | null {
  const match = ISO.exec(iso.trim());
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0'] = match;
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  const time = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  const check = new Date(time);
  // Date.UTC rolls 2026-02-31 over into March; a date that does not exist is not a date.
  if (check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1) return null;
  return time;
}

const DAY = 86_400_000;
/** Midnight UTC of the calendar day `time` falls on (as written: see wallClock). */
const dayOf = (time: number) => Math.floor(time / DAY) * DAY;

/**
 * The issue's window as readers of `lang` see it, through Intl.DateTimeFormat#formatRange: in English
 * "November 16 – 22, 2026", "November 30 – December 6, 2026", "December 28, 2026 – January 3, 2027"
 * or "November 16, 2026"; in German "16.–22. November 2026". `start` and `end` are ISO instants of
 * the window [start, end): the last day printed is the day before an `end` at midnight. Dates are the
 * calendar days in each string's own offset (so `2026-11-16T00:00:00+01:00` is the 16th), formatted in
 * UTC so the result depends on neither the machine's zone nor its clock. Empty when either is not an
 * ISO date or the window is empty.
 */
export function issueDateRange(start: string, end: string, lang: string): string {
  const from = wallClock(start);
  const until = wallClock(end);
  if (from === null || until === null || until <= from) return '';
  const first = dayOf(from);
  const last = dayOf(until - 1);
  const format = new Intl.DateTimeFormat(formattingLocale(lang), { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  return first === last ? format.format(first) : format.formatRange(first, last);
}
