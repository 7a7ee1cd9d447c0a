/**
 * Date parsing for published times. Deliberately not `Date.parse`: it reads offset-less strings
 * in the machine's time zone and accepts nonsense, so results would differ between the editor's
 * browser and the tests. We read the shapes pages really use (ISO 8601, RFC 2822, English and
 * German month names, D.M.YYYY, Unix timestamps) and keep the page's own offset.
 */

const MONTHS: Record<string, number> = {};
const MONTH_NAMES = [
  // English, German, French, Spanish, Italian, Dutch (prefixes; matched on the first 3+ letters)
  ['jan', 'januar', 'janvier', 'enero', 'gennaio', 'januari', 'jänner', 'jän'],
  ['feb', 'februar', 'février', 'fevrier', 'febrero', 'febbraio', 'februari'],
  ['mar', 'märz', 'maerz', 'mars', 'marzo', 'maart', 'mär'],
  ['apr', 'april', 'avril', 'abril', 'aprile'],
  ['may', 'mai', 'mayo', 'maggio', 'mei'],
  ['jun', 'juni', 'juin', 'junio', 'giugno'],
  ['jul', 'juli', 'juillet', 'julio', 'luglio'],
  ['aug', 'august', 'août', 'aout', 'agosto', 'augustus'],
  ['sep', 'sept', 'september', 'septembre', 'septiembre', 'settembre'],
  ['oct', 'okt', 'oktober', 'octobre', 'octubre', 'ottobre'],
  ['nov', 'november', 'novembre', 'noviembre'],
  ['dec', 'dez', 'dezember', 'décembre', 'decembre', 'diciembre', 'dicembre', 'december'],
];
MONTH_NAMES.forEach((names, index) => names.forEach((name) => (MONTHS[name] = index + 1)));

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS[w] ?? (w.length >= 3 ? MONTHS[w.slice(0, 3)] ?? MONTHS[w.slice(0, 4)] : undefined);
}

/** Zone abbreviations seen in bylines, as minutes east of UTC. */
const ZONES: Record<string, number> = {
  z: 0, utc: 0, gmt: 0, ut: 0, wet: 0, bst: 60, cet: 60, mez: 60, cest: 120, mesz: 120, eet: 120, eest: 180,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420, jst: 540, ist: 330,
  aest: 600, aedt: 660,
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** A parsed date: the ISO string to show, and the UTC instant when the zone is known (else local midnight/time as UTC). */
export interface ParsedDate {
  iso: string;
  /** Milliseconds; for values without an offset, the wall-clock time read as UTC (good enough for range checks). */
  time: number;
}

function build(y: number, mo: number, d: number, h?: number, mi?: number, s?: number, offset?: number, ms = 0): ParsedDate | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1000 || y > 9999) return undefined;
  const wall = Date.UTC(y, mo - 1, d, h ?? 0, mi ?? 0, s ?? 0);
  const check = new Date(wall);
  if (check.getUTCDate() !== d) return undefined; // 31 February and friends
  const day = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  if (h === undefined) return { iso: day, time: wall };
  if (h > 23 || (mi ?? 0) > 59 || (s ?? 0) > 60) return undefined;
  // Milliseconds are kept when the page gives them, so the instant is the page's exactly.
  const clock = `${pad(h)}:${pad(mi ?? 0)}:${pad(s ?? 0)}${ms ? `.${pad(ms, 3)}` : ''}`;
  if (offset === undefined) return { iso: `${day}T${clock}`, time: wall + ms };
  return { iso: `${day}T${clock}${formatOffset(offset)}`, time: wall + ms - offset * 60_000 };
}

function parseOffset(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const t = text.trim().toLowerCase();
  if (t in ZONES) return ZONES[t];
  const m = /^(?:gmt|utc)?([+-])(\d{1,2}):?(\d{2})?$/.exec(t);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return minutes > 14 * 60 ? undefined : m[1] === '-' ? -minutes : minutes;
}

/** Read "9:13", "9:13:05", "9:13 pm", "21.13 Uhr", with an optional zone after it. */
function parseClock(rest: string): { h: number; mi: number; s: number; offset?: number } | undefined {
  const m = /^[\s,T@|–-]*(?:at|um|à)?\s*(\d{1,2})[:.h](\d{2})(?:[:.](\d{2}))?(?:[.,]\d+)?\s*(a\.?m\.?|p\.?m\.?)?\s*(?:uhr)?\s*\(?(z|[a-z]{2,4}(?![a-z])|(?:gmt|utc)?[+-]\d{1,2}:?\d{0,2})?/i.exec(rest);
  if (!m) return undefined;
  let h = Number(m[1]);
  const ampm = m[4]?.toLowerCase();
  if (ampm) {
    if (h > 12) return undefined;
    if (ampm.startsWith('p') && h < 12) h += 12;
    if (ampm.startsWith('a') && h === 12) h = 0;
  }
  return { h, mi: Number(m[2]), s: Number(m[3] ?? 0), offset: parseOffset(m[5]) };
}

/**
 * Parse a date string into ISO 8601 (keeping the page's offset), or undefined when it is not a
 * date we can read with confidence. `text` may be a meta value or a short piece of visible text.
 */
export function parseDate(text: string): ParsedDate | undefined {
  const value = text.trim().slice(0, 200);
  if (!value) return undefined;

  // Unix timestamps (seconds or milliseconds).
  if (/^\d{10}(\d{3})?$/.test(value)) {
    const ms = value.length === 13 ? Number(value) : Number(value) * 1000;
    const d = new Date(ms);
    return build(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), 0);
  }

  // ISO 8601 and its common variants ("2016-12-09 09:13:00", "2016/12/09", "20161209").
  let m = /(?:^|[^\d])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)(?:(?:T|\s+|\s*,\s*)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|(?:GMT|UTC)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{3,4}(?![a-z]))?)?/.exec(value);
  if (m) {
    return build(Number(m[1]), Number(m[3]), Number(m[4]), m[5] === undefined ? undefined : Number(m[5]), Number(m[6] ?? 0), Number(m[7] ?? 0), m[9] ? parseOffset(m[9]) : undefined, m[8] ? Math.round(Number(`0.${m[8]}`) * 1000) % 1000 : 0);
  }
  // JavaScript's Date#toString, which some CMSs print: "Mon Aug 03 12:45:00 EDT 2015".
  m = /^[a-z]{3}\s+([a-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(?:GMT)?([a-z]{3,4}|[+-]\d{4})\s+(\d{4})$/i.exec(value);
  if (m && monthOf(m[1]!)) return build(Number(m[7]), monthOf(m[1]!)!, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), parseOffset(m[6]));
  m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z)?)?$/.exec(value);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? undefined : Number(m[4]), Number(m[5] ?? 0), Number(m[6] ?? 0), m[7] ? 0 : undefined);

  // "2019年4月4日 08時00分" (Japanese, Chinese).
  m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:[^\d]{0,12}?(\d{1,2})\s*[:時]\s*(\d{2}))?/.exec(value);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? undefined : Number(m[4]), Number(m[5] ?? 0), 0);

  // "9 December 2016", "9. Dezember 2016", "Fri, 09 Dec 2016 09:13:00 GMT".
  m = /(?:^|[^a-zà-ÿ\d])(\d{1,2})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?([a-zà-ÿ]{3,10})\.?,?\s+(?:de\s+)?(\d{4})(?!\d)(.*)$/i.exec(value);
  if (m) {
    const month = monthOf(m[2]!);
    if (month) return withClock(Number(m[3]), month, Number(m[1]), m[4]!);
  }
  // "December 9, 2016", "Dec. 9th 2016 at 9:13 pm EST", "Friday, December 9, 2016".
  m = /(?:^|[^a-zà-ÿ])([a-zà-ÿ]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)(.*)$/i.exec(value);
  if (m) {
    const month = monthOf(m[1]!);
    if (month) return withClock(Number(m[3]), month, Number(m[2]), m[4]!);
  }
  // "09.12.2016" (German and most of Europe: day first), "12/09/2016" (US: month first unless impossible).
  m = /(?:^|[^\d])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?!\d)(.*)$/.exec(value);
  if (m) {
    let day = Number(m[1]);
    let month = Number(m[3]);
    if (m[2] === '/' && month <= 12 && day <= 12) [day, month] = [month, day];
    else if (m[2] === '/' && month > 12) [day, month] = [month, day];
    return withClock(Number(m[4]), month, day, m[5]!);
  }
  return undefined;
}

function withClock(y: number, mo: number, d: number, rest: string): ParsedDate | undefined {
  const clock = parseClock(rest);
  return clock ? build(y, mo, d, clock.h, clock.mi, clock.s, clock.offset) : build(y, mo, d);
}

const EARLIEST = Date.UTC(1990, 0, 1);
const DAY = 86_400_000;

/**
 * Parse and accept only plausible publication dates: not before 1990 (junk defaults like 1970
 * or 0001) and not in the future relative to `now` (scheduled-post and "expires" dates). A day
 * of slack covers offset-less values and time zones ahead of the clock.
 */
export function plausibleDate(text: string, now: Date): string | undefined {
  const parsed = parseDate(text);
  if (!parsed) return undefined;
  if (parsed.time < EARLIEST || parsed.time > now.getTime() + DAY) return undefined;
  return parsed.iso;
}

/** A date written in the URL path (/2017/04/21/, /2017-04-21-, /20170421/), the last resort. */
export function dateFromUrl(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const m = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/\-_.]|$)/.exec(path) ?? /\/((?:19|20)\d{2})(\d{2})(\d{2})(?:[/\-_.]|$)/.exec(path);
  if (!m) return undefined;
  return build(Number(m[1]), Number(m[2]), Number(m[3]))?.iso;
}
