import type { CaptureCandidates, DateCandidate } from '../clip/capture';
import type { Found } from './found';
import { dateFromUrl, plausibleDate } from './dates';
import { found } from './found';

/**
 * A date element's date: its attribute's, or its visible text's (which may add the zone the
 * attribute lacks, or name another day: `<time datetime="2019-07-03T10:18:46Z">Publié le 29 juin
 * 2019</time>`, an edit's time in the attribute, and the day readers see is the text's).
 */
function fromElement({ value: attr, shown: text }: DateCandidate, read: Read): string | undefined {
  const date = attr && read(attr);
  const said = text && read(text);
  if (date && said && Math.abs(daysApart(date, said)) > 1) return said;
  // The text counts only when the attribute gives no date, or one without its zone.
  const shown = (!date || date.length === 19) && said ? said : undefined;
  // datetime="2022-10-17 16:01:26" shown as "04:01 PM EDT": the attribute's time in the shown zone.
  return date && date.length === 19 && shown && shown.length > 19 && shown.startsWith(date.slice(0, 16))
    ? date + shown.slice(19)
    : date || shown;
}

/** Reads one raw date string into ISO 8601, or undefined when it is no plausible publication date. */
type Read = (text: string) => string | undefined;

/**
 * The first date in the markup. A bare day (found here, "Oct 13, 2016", or given as `day`) gives
 * way to the first later date of that day with a time (the same byline's `<time datetime>`).
 */
function markupDate(list: readonly DateCandidate[], read: Read, day?: Found): Found | undefined {
  let relative = false;
  const given = day;
  for (const candidate of list) {
    const value = fromElement(candidate, read);
    // "prije 26 minuta", "vor 3 Tagen", "2 hours ago" first: the story's own date is relative, and a later full date may be another story's.
    relative ||= !value && RELATIVE.test(candidate.shown ?? '');
    if (!value || (day && !value.startsWith(day.value))) continue;
    const date: Found = { ...found(value, candidate.source)!, ...(relative && !given ? { uncertain: true as const } : {}) };
    if (value.length > 10) return date;
    day ??= date;
  }
  return day;
}

/** A relative time ("3 days ago", "vor 2 Stunden", "il y a 2 jours", "hace 5 minutos", "prije 26 minuta", "2 uur geleden", "5 минут назад", "قبل 19 دقيقة"). */
const RELATIVE = /\d\s*\p{L}+\.?\s+(ago|fa|geleden|sedan|siden|temu|назад)(?!\p{L})|(?<!\p{L})(vor|il y a|hace|prije|pre|před|قبل)\s+\d/iu;

/** The first plausible date of a list of meta and JSON-LD values (or of visible text: `shown`). */
function firstPlausible(list: readonly DateCandidate[] = [], read: Read): Found | undefined {
  for (const { value, shown, source } of list) {
    const date = read(value || shown || '');
    if (date) return found(date, source);
  }
  return undefined;
}

const HOUR = 3_600_000;
/** Days between two ISO dates' calendar days as written (their own offsets), signed. */
const daysApart = (a: string, b: string) => (Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / (24 * HOUR);
/** A time given in UTC or with no zone at all: its day may not be the page's own (an evening story in the Americas is "tomorrow" in UTC). */
const zoneless = (iso: string) => iso.length > 10 && /(Z|\+00:00|T[\d:.]+)$/.test(iso);
const pad = (n: number) => String(n).padStart(2, '0');
const OFFSET = /(Z|[+-]\d\d:\d\d)$/;
/** The instant of an ISO value; a bare day or a zoneless time read as UTC (no machine zone). */
const instant = (iso: string) => Date.parse(iso.length === 10 || OFFSET.test(iso) ? iso : `${iso}Z`);

/**
 * Another declared date further from `value` than a zone can explain: more than 2 hours apart when
 * both have a time, else more than a day (a bare day against a time).
 */
function disagree(list: readonly DateCandidate[], read: Read, value: string): boolean {
  return list.some((candidate) => {
    const other = read(candidate.value);
    return !!other && Math.abs(instant(other) - instant(value)) / HOUR > (other.length > 10 && value.length > 10 ? 2 : 26);
  });
}

/** The instant `iso` written in the offset of `other` (to the millisecond it gives). */
function inOffsetOf(iso: string, other: string): string {
  const zone = OFFSET.exec(other)![1]!;
  const minutes = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4)));
  const wall = new Date(Date.parse(iso) + minutes * 60_000).toISOString();
  return `${/\.\d+/.test(iso) ? wall.slice(0, 23) : wall.slice(0, 19)}${zone === 'Z' ? 'Z' : zone}`;
}
/** Both times with a zone, and the same instant (to the minute). */
const sameInstant = (a: string, b: string) =>
  OFFSET.test(a) && OFFSET.test(b) && a.length > 16 && b.length > 16 && Math.abs(Date.parse(a) - Date.parse(b)) < 60_000;

/**
 * A UTC (or zoneless) time moved onto the page's own day, `step` (±1) days away: the same instant
 * written with the smallest whole-hour offset that puts it on that day ("2016-12-20T00:08:44Z" on
 * a page dated the 19th reads "2016-12-19T23:08:44-01:00"). At most 10 hours: a bigger gap is no
 * zone's doing (a print edition's date in the address, say).
 */
function onOwnDay(iso: string, step: number): string | undefined {
  const time = iso.slice(11, 19);
  const [h, m, sec] = time.split(':').map(Number) as [number, number, number];
  const into = h * HOUR + m * 60_000 + sec * 1000;
  const hours = step > 0 ? Math.ceil((24 * HOUR - into) / HOUR) : -Math.floor(into / HOUR) - 1;
  if (Math.abs(hours) > 10) return undefined;
  const local = new Date(Date.parse(`${iso.slice(0, 19)}Z`) + hours * HOUR).toISOString().slice(0, 19);
  return `${local}${hours < 0 ? '-' : '+'}${pad(Math.abs(hours))}:00`;
}

/**
 * The worker half of the publication date, as ISO 8601 with the page's offset when it gives one.
 * Order: JSON-LD datePublished and publication meta tags, date markup in the article (else
 * elsewhere in the page), a date written in the article's text, modified dates, then a date in
 * `url`. Dates before 1990 or after `now` are skipped, not trusted. Numeric dates ("04/05/2020")
 * are read in the order of the page's language (`lang`: month first only in US English).
 *
 * The page's own day (the address's date, else the date the article shows) settles two cases:
 * a declared time in UTC (or with no zone) one day off it is that day's (the day the page shows its
 * readers); a declared date further off it, or a date read from free text alone, is a suggestion
 * to confirm (`uncertain`), not a fact.
 */
export function pickPublishedTime(candidates: Omit<CaptureCandidates, 'authors'>, url: string, now: Date, lang = ''): Found | undefined {
  const monthFirst = !lang || /^en(-us)?$/i.test(lang);
  const read: Read = (text) => plausibleDate(text, now, monthFirst);
  // With a `day`, the article's markup always answers (at least that day): the rest of the page is read only without one.
  const inArticle = markupDate(candidates.inArticle, read);
  const inPage = (day?: Found) => markupDate(candidates.inArticle, read, day) ?? markupDate(candidates.elsewhere, read);
  const fromUrl = dateFromUrl(url);
  const addressDay = found(fromUrl && read(fromUrl), 'url');
  // A line that is a date and little else (a dateline) before a date inside a sentence (a caption's, an event's).
  const texts = candidates.inText ?? [];
  const inText =
    firstPlausible(
      texts.filter((text) => (text.shown ?? '').length <= 40),
      read,
    ) ?? firstPlausible(texts, read);
  const declared = firstPlausible(candidates.published, read);
  let best = declared ?? inPage() ?? inText ?? firstPlausible(candidates.modified, read) ?? addressDay;
  // A bare day in the metadata (<meta name="date" content="2016-12-15">): the article's own
  // <time> of that day also knows the hour.
  if (best?.value.length === 10) best = inPage(best) ?? best;
  if (!best) return undefined;
  // The page's own day, as its readers see it: the address's date, else the article's visible one,
  // else a date shown elsewhere in the page (a header outside the article region).
  const chosen = best;
  const elsewhere = inArticle ? undefined : markupDate(candidates.elsewhere, read);
  const own = [addressDay, inArticle, inText, elsewhere].find(
    (date) => date && (date.source !== chosen.source || date.value !== chosen.value),
  );
  // The same instant written in the page's own offset (a UTC datePublished, the article's
  // <time datetime="…-05:00">): the page's way of writing it, whose day is the readers'.
  const local = [inArticle, elsewhere].find((date) => date && sameInstant(date.value, chosen.value));
  if (local && local.value !== best.value) return { ...best, value: inOffsetOf(best.value, local.value) };
  if (own) {
    const apart = daysApart(best.value, own.value);
    // The own day must be written without a zone of its own: a time with an offset is another instant, not the page's day.
    const moved = Math.abs(apart) === 1 && zoneless(best.value) && !OFFSET.test(own.value) && onOwnDay(best.value, apart);
    if (moved) return found(moved, best.source);
    if (Math.abs(apart) > 1) return { ...best, uncertain: true };
  }
  // Declared publication dates that disagree (JSON-LD 2020-01-10, a meta tag 2023-01-01): which one the page shows is not known.
  if (best === declared && disagree(candidates.published, read, best.value)) return { ...best, uncertain: true };
  // A date read from free text, with nothing to confirm it, is a guess.
  return best.source === 'page-text' && !own ? { ...best, uncertain: true } : best;
}
