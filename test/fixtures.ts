// Test-only builders shared by the unit tests (never imported by extension code): a page capture, a
// form, a capture context, a clipping, an issue, settings, and a fresh fake-indexeddb database with its repos.
// Every base value is parsed with the real zod schema, so a fixture cannot drift from the schema;
// overrides are applied after parsing, unchecked, so a test can still build an invalid record on purpose.
import 'fake-indexeddb/auto';
import { Issue } from '../src/issue/issue';
import { DEFAULT_SECTIONS, SETTINGS_VERSION, Settings } from '../src/settings/settings';
import { ClippingsRepo } from '../src/store/clippings-repo';
import { type ClipperDB, type OpenDB, openClipperDB } from '../src/store/db';
import { BackupsRepo } from '../src/store/backups-repo';
import { DraftsRepo } from '../src/store/drafts-repo';
import { IssuesRepo } from '../src/store/issues-repo';
import { SettingsRepo } from '../src/store/settings-repo';
import { SourcesRepo } from '../src/store/sources-repo';
import { OutboxRepo, SyncStateRepo } from '../src/store/sync-repos';
import { Capture } from '../src/clip/capture';
import { CaptureContext, Clipping, ClippingForm } from '../src/clip/clipping';

/** Monday 8 June 2026, 00:00 UTC: the moment the numbered fixtures are dated from. */
export const FIXTURE_MONDAY = Date.parse('2026-06-08T00:00:00Z');

const WEEK = 7 * 86_400_000;

/** `n` as the four-digit suffix of a fixture id: 7 → `0007`. */
const pad4 = (n: number) => String(n).padStart(4, '0');

/**
 * What the capture script would read from an ordinary article at `url`: "What went wrong on Tuesday" by
 * Ada Lovelace in Example Times (2026-06-09, English), with an excerpt and no notes; `overrides`
 * replace any field (unchecked).
 */
export function makeCapture(url: string, overrides: Partial<Capture> = {}): Capture {
  const base = Capture.parse({
    pageUrl: url,
    title: { value: 'What went wrong on Tuesday', source: 'json-ld' },
    authors: { value: ['Ada Lovelace'], source: 'json-ld' },
    siteName: { value: 'Example Times', source: 'opengraph' },
    publishedTime: { value: '2026-06-09', source: 'json-ld' },
    excerpt: { value: 'A post-incident review.', source: 'meta' },
    lang: { value: 'en', source: 'html-lang' },
    notes: [],
  });
  return { ...base, ...overrides };
}

/**
 * A popup form for `https://example.com/post` titled "A post", filed under Articles, every other field
 * empty; `overrides` replace any field.
 */
export function makeForm(overrides: Partial<ClippingForm> = {}): ClippingForm {
  const base = ClippingForm.parse({
    url: 'https://example.com/post',
    title: 'A post',
    authors: [],
    siteName: '',
    publishedTime: '',
    excerpt: '',
    lang: '',
    quote: '',
    quoteLink: '',
    summary: '',
    section: 'articles',
  });
  return { ...base, ...overrides };
}

/** The context of a page read in full, with no recorded sources and no notes; `overrides` replace any field. */
export function makeContext(overrides: Partial<CaptureContext> = {}): CaptureContext {
  const base = CaptureContext.parse({ origin: 'page', sources: {}, notes: [] });
  return { ...base, ...overrides };
}

/**
 * Clipping number `n`: `https://example.com/post-{n}` (also its urlKey), titled `Post {n}`, summary
 * `Summary {n}`, id `clipping-{nnnn}`, under Articles, in no issue, at position `n`, created and updated
 * `n` seconds after FIXTURE_MONDAY, no sources or notes; `overrides` replace any field (unchecked).
 */
export function makeClipping(n: number, overrides: Partial<Clipping> = {}): Clipping {
  const url = `https://example.com/post-${n}`;
  const base = Clipping.parse({
    ...makeForm({ url, title: `Post ${n}`, summary: `Summary ${n}` }),
    id: `clipping-${pad4(n)}`,
    urlKey: url,
    origin: 'page',
    sources: {},
    notes: [],
    createdAt: FIXTURE_MONDAY + n * 1000,
    updatedAt: FIXTURE_MONDAY + n * 1000,
    issueId: null,
    position: n,
  });
  return { ...base, ...overrides };
}

/**
 * Issue number `number`: id `issue-{nnnn}`, titled `Issue #{number}`, open, for the `number`-th week
 * counted from FIXTURE_MONDAY (issue 1 is that week), no sponsor, created and updated at FIXTURE_MONDAY;
 * `overrides` replace any field (unchecked).
 */
export function makeIssue(number: number, overrides: Partial<Issue> = {}): Issue {
  const base = Issue.parse({
    id: `issue-${pad4(number)}`,
    number,
    title: `Issue #${number}`,
    status: 'open',
    start: FIXTURE_MONDAY + (number - 1) * WEEK,
    end: FIXTURE_MONDAY + number * WEEK,
    sponsor: '',
    createdAt: FIXTURE_MONDAY,
    updatedAt: FIXTURE_MONDAY,
  });
  return { ...base, ...overrides };
}

/**
 * Settings of "SRE Weekly" with the default title template and sections, weeks starting on Sunday,
 * in New York; `overrides` replace any field (unchecked).
 */
export function makeSettings(overrides: Partial<Settings> = {}): Settings {
  const base = Settings.parse({
    version: SETTINGS_VERSION,
    newsletterName: 'SRE Weekly',
    titleTemplate: '{newsletter} Issue #{number}',
    sections: structuredClone(DEFAULT_SECTIONS),
    weekStartsOn: 0,
    timeZone: 'America/New_York',
  });
  return { ...base, ...overrides };
}

let databases = 0;

/** A database name no other test uses: `{prefix}-{count}-{random}`. */
export function freshDatabaseName(prefix = 'test'): string {
  return `${prefix}-${++databases}-${Math.random().toString(36).slice(2)}`;
}

/** An opened test database: the connection, an OpenDB that hands it out, and a way to close it. */
export interface FreshDatabase {
  db: ClipperDB;
  open: OpenDB;
  close(): void;
}

/**
 * Opens a new, empty database at the current layout (openClipperDB, in fake-indexeddb) under a unique
 * name starting with `prefix`. The caller closes it (usually in afterEach).
 */
export async function freshDatabase(prefix = 'test'): Promise<FreshDatabase> {
  const db = await openClipperDB(freshDatabaseName(prefix));
  return { db, open: () => Promise.resolve(db), close: () => db.close() };
}

/** Every repo the worker's handlers take, each over `open`, plus `openDb` itself (spread into HandlerDeps). */
export function makeRepos(open: OpenDB) {
  return {
    clippings: new ClippingsRepo(open),
    drafts: new DraftsRepo(open),
    backups: new BackupsRepo(open),
    /** No downloads in Node: a test that saves files passes its own. */
    backupFiles: { save: () => Promise.resolve(false) },
    settings: new SettingsRepo(open),
    issues: new IssuesRepo(open),
    openDb: open,
    outbox: new OutboxRepo(open),
    syncStates: new SyncStateRepo(open),
    sources: new SourcesRepo(open),
  };
}
