/**
 * Date parsing for published times. Deliberately not `Date.parse`: it reads offset-less strings
 * in the machine's time zone and accepts nonsense, so results would differ between the editor's
 * browser and the tests. We read the shapes pages really use (ISO 8601, RFC 2822, month names in
 * six languages, D.M.YYYY, Unix timestamps) and keep the page's own offset.
 */

/**
 * Month names by their first three or four letters, in the main European languages (English,
 * German, French, Spanish, Portuguese, Italian, Dutch, the Scandinavian languages, Polish, Czech,
 * Hungarian, Romanian, Finnish, Turkish, Russian, Ukrainian) and Arabic (both the Egyptian and the
 * Levantine names): "januari"/"janvier"/"januar" all start with "jan", and inflected forms
 * ("3. února", "5 października", "12 января") share the stem. A four-letter key is tried first, so
 * Finnish "marraskuu" (November) is not read as March. Ambiguous stems (Croatian "listopad" is
 * October, Polish and Czech November) are left out rather than guessed.
 */
const MONTHS =
  'jan ene gen jän ian sty led янв січ oca tam ينا كان|feb fév fev lut úno фев лют şub hel فبر شبا|mar mär maa már bře мар бер مار آذا|apr avr abr ápr kwi dub апр кві huh أبر ابر نيس|may mai mag mei maj máj kvě мая май тра tou مای ماي أيا|jun juin giu jún iun cze čer июн чер haz kes يون حزي|jul juil lug júl iul lipc čec июл лип tem hei يول تمو|aug aoû aou ago sie srp авг сер ağu elo أغس آب|sep set sze wrz zář сен вер eyl syy سبت أيل|oct okt ott out paź říj окт жов eki lok أكت اكت تشر|nov noi lis ноя kas marr نوف|dec dez déc dic des gru pro дек гру ara jou ديس'.split(
    '|',
  );

function monthOf(word = ''): number {
  const w = word.toLowerCase();
  for (const key of [w.slice(0, 4), w.slice(0, 3)]) {
    const index = MONTHS.findIndex((names) => ` ${names} `.includes(` ${key} `));
    if (index >= 0) return index + 1;
  }
  return 0;
}

/** Zone abbreviations seen in bylines, as hours east of UTC. */
const ZONES: Record<string, number> = {
  z: 0,
  utc: 0,
  gmt: 0,
  bst: 1,
  cet: 1,
  mez: 1,
  cest: 2,
  mesz: 2,
  est: -5,
  edt: -4,
  cst: -6,
  cdt: -5,
  mst: -7,
  mdt: -6,
  pst: -8,
  pdt: -7,
  jst: 9,
  ist: 5.5,
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A parsed date: the ISO string to show, and the UTC instant when the zone is known (else local midnight/time as UTC). */
export interface ParsedDate {
  iso: string;
  /** Milliseconds; for values without an offset, the wall-clock time read as UTC (good enough for range checks). */
  time: number;
}

/** `offset` is in minutes east of UTC. */
function build(y: number, mo: number, d: number, h?: number, mi = 0, s = 0, offset?: number, ms = 0): ParsedDate | undefined {
  const wall = Date.UTC(y, mo - 1, d, h ?? 0, mi, s);
  // Out-of-range parts (31 February, month 13, 25 o'clock) make Date roll over: refuse those.
  if (mo < 1 || mo > 12 || y < 1000 || y > 9999 || new Date(wall).getUTCDate() !== d) return undefined;
  const day = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  if (h === undefined) return { iso: day, time: wall };
  if (h > 23 || mi > 59 || s > 60) return undefined;
  // Milliseconds are kept when the page gives them, so the instant is the page's exactly.
  let iso = `${day}T${pad(h)}:${pad(mi)}:${pad(s)}${ms ? `.${pad(ms, 3)}` : ''}`;
  if (offset !== undefined) {
    const abs = Math.abs(offset);
    iso += offset ? `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}` : 'Z';
  }
  return { iso, time: wall + ms - (offset ?? 0) * 60_000 };
}

/** "Z", "EST", "+0100", "-05:00", "GMT+2" as minutes east of UTC. */
function parseOffset(text = ''): number | undefined {
  const t = text.trim().toLowerCase();
  if (t in ZONES) return ZONES[t]! * 60;
  const m = /^(?:gmt|utc)?([+-])(\d\d?):?(\d\d)?$/.exec(t);
  const minutes = m ? Number(m[2]) * 60 + Number(m[3] ?? 0) : 900;
  return minutes > 840 ? undefined : m![1] === '-' ? -minutes : minutes;
}

/** The date with the time that follows it ("9:13", "9:13:05 pm EST", "21.13 Uhr"), if any. */
function withClock(y: number, mo: number, d: number, rest: string): ParsedDate | undefined {
  const m =
    /^[\s,T@|–-]*(?:at|um|à|u|om|kl\.?)?\s*(\d\d?)[:.h](\d\d)(?:[:.](\d\d))?(?:[.,]\d+)?\s*(?:([ap])\.?m\b\.?)?\s*(?:uhr)?\s*\(?((?:gmt|utc)?[+-][\d:]{1,5}|z|[a-z]{2,4}(?![a-z]))?/i.exec(
      rest,
    );
  if (!m) return build(y, mo, d);
  let h = Number(m[1]);
  const half = m[4]?.toLowerCase();
  if (half) {
    if (h > 12) return undefined;
    h = (h % 12) + (half === 'p' ? 12 : 0);
  }
  return build(y, mo, d, h, Number(m[2]), Number(m[3] ?? 0), parseOffset(m[5]));
}

/**
 * Parse a date string into ISO 8601 (keeping the page's offset), or undefined when it is not a
 * date we can read with confidence. `text` may be a meta value or a short piece of visible text.
 */
export function parseDate(text: string, monthFirst = true): ParsedDate | undefined {
  const value = text
    .trim()
    .slice(0, 200)
    // "2019年4月4日 08時00分" (Japanese, Chinese) and "2020년 3월 4일" (Korean) read as "2019-4-4 08:00".
    .replace(/(\d{4})\s*[年년]\s*(\d\d?)\s*[月월]\s*(\d\d?)\s*[日일]\D{0,12}/, '$1-$2-$3 ')
    .replace('時', ':')
    // Java's Date#toString, which some CMSs print: "Mon Aug 03 12:45:00 EDT 2015" reads as "Aug 03 2015 12:45:00 EDT".
    .replace(/^[a-z]{3} ([a-z]{3} \d\d?) (\S+ \S+) (\d{4})$/i, '$1 $3 $2');
  // Unix timestamps (seconds or milliseconds).
  if (/^\d{10}(\d{3})?$/.test(value)) {
    const d = new Date(value.length > 10 ? Number(value) : Number(value) * 1000);
    return build(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), 0);
  }
  // ISO 8601 and its common variants ("2016-12-09 09:13:00 +0100", "2016/12/09", "20161209T0913Z").
  let m =
    /(?:^|\D)(\d{4})([-/.]?)(\d\d?)\2(\d\d?)(?!\d)(?:(?:T|\s+|\s*,\s*)(\d\d?):?(\d\d)(?::?(\d\d)(?:[.,](\d+))?)?\s*(Z|[+-]\d\d?(?::?\d\d)?(?!\d)|(?:GMT|UTC)(?:[+-]\d\d?(?::?\d\d)?)?|[A-Z]{3,4}(?![a-z]))?)?/.exec(
      value,
    );
  if (m && (m[2] || /^\d{8}(T|$)/.test(value))) {
    return build(
      +m[1]!,
      +m[3]!,
      +m[4]!,
      m[5] ? +m[5] : undefined,
      +(m[6] ?? 0),
      +(m[7] ?? 0),
      parseOffset(m[9]),
      m[8] ? Math.round(+`0.${m[8]}` * 1000) % 1000 : 0,
    );
  }
  // "9 December 2016", "9. Dezember 2016", "Fri, 09 Dec 2016 09:13:00 GMT", "12 de marzo de 2020",
  // "3. února 2022", "24 نيسان / أبريل 2020" (a second name after a slash is skipped).
  m =
    /(?<![\p{L}\d])(\d\d?)(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?(\p{L}[\p{L}\p{M}]{2,11})\.?(?:\s*\/\s*\p{L}+)?,?\s+(?:de\s+|del\s+)?(\d{4})(?!\d)(.*)$/iu.exec(
      value,
    );
  if (m && monthOf(m[2])) return withClock(+m[3]!, monthOf(m[2]), +m[1]!, m[4]!);
  // "December 9, 2016", "Dec. 9th 2016 at 9:13 pm EST", "Friday, December 9, 2016".
  m = /(?<!\p{L})(\p{L}{3,12})\.?\s+(\d\d?)(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)(.*)$/iu.exec(value);
  if (m && monthOf(m[1])) return withClock(+m[3]!, monthOf(m[1]), +m[2]!, m[4]!);
  // "2022. február 3." (Hungarian), "2020 Oct 3": the year first.
  m = /(?<!\d)(\d{4})\.?\s+(\p{L}{3,12})\.?\s+(\d\d?)(?!\d)(.*)$/iu.exec(value);
  if (m && monthOf(m[2])) return withClock(+m[1]!, monthOf(m[2]), +m[3]!, m[4]!);
  // "09.12.2016", "24-04-2020" (most of the world: day first); "12/09/2016" is month first on
  // US-English pages (`monthFirst`) unless impossible, else day first unless impossible.
  // A two-digit year only with dots ("Party, 30.10.23", German and Nordic bylines): "10/30/23"
  // and "30-10-23" are as often parts of numbers or codes.
  m = /(?:^|[^\d.])(\d\d?)([./-])(\d\d?)\2(\d{4}|(?<=\.)\d\d)(?![\d.])(.*)$/.exec(value);
  if (m) {
    const [first, second] = [+m[1]!, +m[3]!];
    const swap = m[2] === '/' && (monthFirst ? first <= 12 : second > 12);
    const [day, month] = swap ? [second, first] : [first, second];
    const year = +m[4]!;
    return withClock(year < 100 ? year + (year < 90 ? 2000 : 1900) : year, month, day, m[5]!);
  }
  return undefined;
}

/**
 * Parse and accept only plausible publication dates: not before 1990 (junk defaults like 1970
 * or 0001) and not in the future relative to `now` (scheduled-post and "expires" dates). A day
 * of slack covers offset-less values and time zones ahead of the clock.
 */
export function plausibleDate(text: string, now: Date, monthFirst?: boolean): string | undefined {
  const parsed = parseDate(text, monthFirst);
  return parsed && parsed.time >= 631_152_000_000 && parsed.time <= now.getTime() + 86_400_000 ? parsed.iso : undefined;
}

/** A date written in the URL path (/2017/04/21/, /2017-04-21-, /20170421/), the last resort. */
export function dateFromUrl(url: string): string | undefined {
  const m = /^[^?#]*?\/((?:19|20)\d\d)([/-]?)(\d\d?)\2(\d\d?)(?:[/\-_.?#]|$)/.exec(url.replace(/^\w+:\/\/[^/]*/, ''));
  return m && (m[2] || m[3]!.length + m[4]!.length === 4) ? build(+m[1]!, +m[3]!, +m[4]!)?.iso : undefined;
}
