import type { CaptureCandidates, DateCandidate } from '../clip/capture';
import type { Found } from './found';
import { dateFromUrl, plausibleDate } from './dates';
import { found } from './found';

/** A date element's date: its attribute's, or its visible text's (which may add the zone the attribute lacks). */
function fromElement({ value: attr, shown: text }: DateCandidate, now: Date): string | undefined {
  const date = attr && plausibleDate(attr, now);
  // The text counts only when the attribute gives no date, or one without its zone.
  const shown = (!date || date.length === 19) && text ? plausibleDate(text, now) : undefined;
  // datetime="2022-10-17 16:01:26" shown as "04:01 PM EDT": the attribute's time in the shown zone.
  return date && date.length === 19 && shown && shown.length > 19 && shown.startsWith(date.slice(0, 16))
    ? date + shown.slice(19)
    : date || shown;
}

/**
 * The first date in the markup. A bare day (found here, "Oct 13, 2016", or given as `day`) gives
 * way to the first later date of that day with a time (the same byline's `<time datetime>`).
 */
function markupDate(list: readonly DateCandidate[], now: Date, day?: Found): Found | undefined {
  for (const candidate of list) {
    const value = fromElement(candidate, now);
    if (!value || (day && !value.startsWith(day.value))) continue;
    const date = found(value, candidate.source);
    if (value.length > 10) return date;
    day ??= date;
  }
  return day;
}

/** The first plausible date of a list of meta and JSON-LD values. */
function firstPlausible(list: readonly DateCandidate[], now: Date): Found | undefined {
  for (const { value, source } of list) {
    const date = value && plausibleDate(value, now);
    if (date) return found(date, source);
  }
  return undefined;
}

/**
 * The worker half of the publication date, as ISO 8601 with the page's offset when it gives one.
 * Order: JSON-LD datePublished and publication meta tags, date markup in the article (else
 * elsewhere in the page), modified dates, then a date in `url`. Dates before 1990 or after `now`
 * are skipped, not trusted.
 */
export function pickPublishedTime(candidates: Omit<CaptureCandidates, 'authors'>, url: string, now: Date): Found | undefined {
  // With a `day`, the article's markup always answers (at least that day): the rest of the page is read only without one.
  const inPage = (day?: Found) => markupDate(candidates.inArticle, now, day) ?? markupDate(candidates.elsewhere, now);
  const fromUrl = dateFromUrl(url);
  const best =
    firstPlausible(candidates.published, now) ??
    inPage() ??
    firstPlausible(candidates.modified, now) ??
    found(fromUrl && plausibleDate(fromUrl, now), 'url');
  // A bare day in the metadata (<meta name="date" content="2016-12-15">): the article's own
  // <time> of that day also knows the hour.
  return best?.value.length === 10 ? inPage(best) : best;
}
