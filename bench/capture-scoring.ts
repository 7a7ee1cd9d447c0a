/**
 * Scoring rules of the capture benchmark, as written in ../shared/corpus/README.md:
 * - exact: equal after collapsing whitespace, Unicode NFC and folding curly quotes to ASCII;
 *   URLs ignore a trailing slash; dates are the same instant, or the same calendar day when the
 *   expected value has no time.
 * - lenient: case-insensitive containment either way; lang: same primary subtag; URL: also
 *   ignores the scheme and `www.`; dates: the same calendar day (UTC, or the literal YYYY-MM-DD
 *   written in the string), or, against an expected instant, the same day in the value's own zone
 *   (sameDayInZone: a bare day whose local midnight the instant is, or the instant read in the
 *   value's offset).
 * - bylines, lenient, for every extractor alike: diacritics and the spacing around list punctuation
 *   (",", "，", "、", ";") and brackets are folded too, and a list of names ("A, B and C") also matches when each
 *   of its names is in the expected text ("著者 A イラスト B", "By A | Editor: B").
 * - an expected empty value is matched only by an empty value (exact and lenient).
 */

/** The fields a corpus may annotate. */
export const SCORED_FIELDS = ['url', 'title', 'byline', 'siteName', 'publishedTime', 'excerpt', 'lang'] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

/** Whitespace collapsed, NFC, curly quotes folded to ASCII. */
export function normalise(value: string): string {
  return value
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u2035]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u2036]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

const HAS_TIME = /\d{1,2}:\d{2}/;
const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * The instant a date string denotes. ISO strings without an offset are read as UTC (not in the
 * machine's zone) so results do not depend on where the benchmark runs.
 */
export function instantOf(value: string): number | undefined {
  const text = value.trim();
  if (!text) return undefined;
  const iso = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?/.exec(text);
  if (iso) {
    let s = text.replace(' ', 'T');
    if (!OFFSET.test(s)) s = s.length === 10 ? `${s}T00:00:00Z` : `${s}Z`;
    const t = Date.parse(s);
    if (!Number.isNaN(t)) return t;
  }
  const t = Date.parse(/(GMT|UTC|Z|[+-]\d{4}|[A-Z]{3})\s*$/.test(text) ? text : `${text} UTC`);
  return Number.isNaN(t) ? undefined : t;
}

/** Calendar days a date string can stand for: its UTC day and any literal YYYY-MM-DD in it. */
export function daysOf(value: string): Set<string> {
  const days = new Set<string>();
  const literal = /(\d{4}-\d{2}-\d{2})/.exec(value);
  if (literal) days.add(literal[1]!);
  const t = instantOf(value);
  if (t !== undefined) days.add(new Date(t).toISOString().slice(0, 10));
  return days;
}

function exactDate(actual: string, expected: string): boolean {
  if (!HAS_TIME.test(expected)) {
    const want = daysOf(expected);
    return [...daysOf(actual)].some((d) => want.has(d));
  }
  const a = instantOf(actual);
  const e = instantOf(expected);
  return a !== undefined && a === e;
}

/** The calendar day an instant falls on at `offsetMinutes` east of UTC. */
const dayAt = (t: number, offsetMinutes: number) => new Date(t + offsetMinutes * 60_000).toISOString().slice(0, 10);

/**
 * An expected instant that is a day written in a zone: postlight's annotations are days a page
 * shows ("2019/04/04" on a Japanese page) converted to UTC with the site's zone, so they read
 * "2019-04-03T15:00:00.000Z", 00:00 of the 4th at +09:00. A bare day matches such an instant when
 * it is exactly the start of that day in some zone from UTC−12 to UTC+14 (whole quarter hours);
 * a value with its own offset matches when the instant falls on its day in that offset (the same
 * day in the page's zone). Never a day either side of the instant otherwise.
 */
function sameDayInZone(actual: string, expected: string): boolean {
  const e = instantOf(expected);
  if (e === undefined || !HAS_TIME.test(expected)) return false;
  const day = /^(\d{4}-\d{2}-\d{2})(.*)$/.exec(actual);
  if (!day) return false;
  if (!day[2]) {
    const offset = (Date.parse(`${day[1]}T00:00:00Z`) - e) / 60_000;
    return offset >= -720 && offset <= 840 && offset % 15 === 0;
  }
  const zone = /([+-])(\d\d):?(\d\d)$/.exec(day[2]);
  return !!zone && dayAt(e, (zone[1] === '-' ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3]))) === day[1];
}

function lenientDate(actual: string, expected: string): boolean {
  const want = daysOf(expected);
  return [...daysOf(actual)].some((d) => want.has(d)) || sameDayInZone(actual, expected);
}

const stripSlash = (u: string) => u.replace(/\/+$/, '');
const looseUrl = (u: string) =>
  stripSlash(
    u
      .toLowerCase()
      .replace(/^[a-z]+:\/\//, '')
      .replace(/^www\./, ''),
  );

/** Is `actual` exactly right for `field`? */
export function exactMatch(field: ScoredField, actual: string | undefined | null, expected: string): boolean {
  if (actual === null || actual === undefined || actual === '') return expected.trim() === '';
  const a = normalise(actual);
  const e = normalise(expected);
  if (field === 'publishedTime') return exactDate(a, e);
  if (field === 'url') return stripSlash(a) === stripSlash(e);
  return a === e;
}

/** Byline text for the lenient comparison: lower case, no diacritics, no spaces around list punctuation and brackets. */
const foldByline = (value: string) =>
  normalise(value)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s*([,;、[\]()（）])\s*/g, '$1');

/** The names of a byline written as a list: "A, B and C", "A、B", "A & B" (a single name is one part). */
const bylineParts = (folded: string) => folded.split(/[,;、]|\s(?:and|&|und|et|y|e)\s/).map((part) => part.trim());

function lenientByline(actual: string, expected: string): boolean {
  const [a, e] = [foldByline(actual), foldByline(expected)];
  if (a.includes(e) || e.includes(a)) return true;
  const parts = bylineParts(a);
  return parts.length > 1 && parts.every((part) => part && e.includes(part));
}

/** Is `actual` right for `field` under the lenient rules? */
export function lenientMatch(field: ScoredField, actual: string | undefined | null, expected: string): boolean {
  if (actual === null || actual === undefined || actual === '') return expected.trim() === '';
  if (!expected.trim()) return false;
  if (field === 'byline') return lenientByline(actual, expected);
  const a = normalise(actual);
  const e = normalise(expected);
  if (field === 'publishedTime') return lenientDate(a, e) || exactDate(a, e);
  if (field === 'lang') return a.toLowerCase().split(/[-_]/)[0] === e.toLowerCase().split(/[-_]/)[0];
  if (field === 'url') {
    const la = looseUrl(a);
    const le = looseUrl(e);
    return la === le || la.includes(le) || le.includes(la);
  }
  const la = a.toLowerCase();
  const le = e.toLowerCase();
  return la.includes(le) || le.includes(la);
}

/**
 * A corpus annotated with bare days (htmldate: the publication day a person read off the page)
 * is scored on that day alone. Exact: the day the value itself writes (its literal YYYY-MM-DD,
 * in the page's own offset; else its UTC day); lenient: that day or the UTC day. Other fields,
 * and times of day, are not scored there.
 */
export interface CorpusScoring {
  /** Only these fields are scored (all annotated ones when absent). */
  fields?: readonly ScoredField[];
  /** Expected dates are days as the page wrote them. */
  daysAsWritten?: boolean;
}

/** The calendar day a date value writes: its literal YYYY-MM-DD, else its UTC day. */
export function writtenDay(value: string): string | undefined {
  const literal = /(\d{4}-\d{2}-\d{2})/.exec(value)?.[1];
  if (literal) return literal;
  const t = instantOf(normalise(value));
  return t === undefined ? undefined : new Date(t).toISOString().slice(0, 10);
}

/** Per-field tallies for one extractor. */
export interface FieldTally {
  n: number;
  exact: number;
  lenient: number;
}

/** Add one case's result to the tallies; only fields with an expected value count. */
export function scoreCase(
  tallies: Partial<Record<ScoredField, FieldTally>>,
  expected: Partial<Record<ScoredField, string>>,
  actual: Partial<Record<ScoredField, string | undefined>> | undefined,
  scoring: CorpusScoring = {},
): { field: ScoredField; exact: boolean; lenient: boolean }[] {
  const results: { field: ScoredField; exact: boolean; lenient: boolean }[] = [];
  for (const field of scoring.fields ?? SCORED_FIELDS) {
    const want = expected[field];
    if (typeof want !== 'string') continue;
    const got = actual?.[field];
    const tally = (tallies[field] ??= { n: 0, exact: 0, lenient: 0 });
    const exact =
      scoring.daysAsWritten && field === 'publishedTime'
        ? !!got && writtenDay(got) === want.trim().slice(0, 10)
        : exactMatch(field, got, want);
    const lenient = exact || lenientMatch(field, got, want);
    tally.n++;
    if (exact) tally.exact++;
    if (lenient) tally.lenient++;
    results.push({ field, exact, lenient });
  }
  return results;
}

/** Percentage with one decimal. */
export function percent(part: number, whole: number): number {
  return whole ? Math.round((part / whole) * 1000) / 10 : 0;
}

/** The q-quantile (0..1) of a list of numbers, nearest-rank. */
export function quantile(values: number[], q: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}
