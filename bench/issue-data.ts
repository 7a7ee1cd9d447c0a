/**
 * The issue benchmark's store: clippings over two years of weekly issues, plus the open issue,
 * made reproducibly (seeded) in Node and checked against the product's zod schemas before any row
 * reaches IndexedDB. Rows look like what the extension stores: cleaned URLs with their urlKey,
 * titles, bylines and site names from a page's metadata (with their sources), the editor's Markdown
 * commentary (links, emphasis, the odd list), quotes with a text-fragment link, tombstones, and
 * positions that are creation times (as buildClipping makes them).
 */
import { Clipping } from '../src/clip/clipping';
import { urlKey } from '../src/clip/url-key';
import { weekWindow, type TimeWindow } from '../src/clip/week';
import { Issue, issueTitle } from '../src/issue/issue';
import type { Settings } from '../src/settings/settings';
import { seededRandom } from '../e2e/servers/fault-proxy';

interface Site {
  host: string;
  name: string;
  authors: string[];
}

const SITES: Site[] = [
  { host: 'blog.pagernotes.example', name: 'Pager Notes', authors: ['Priya Raman', 'Tomás Ortega', 'Lena Fischer'] },
  { host: 'engineering.northwind.example', name: 'Northwind Engineering', authors: ['Sam Okafor', 'Mei Chen'] },
  { host: 'www.reliability-weekly.example', name: 'Reliability Weekly', authors: ['Jordan Blake'] },
  { host: 'status.cloudhost.example', name: 'CloudHost Status', authors: [] },
  { host: 'tech.fabrikam.example', name: 'Fabrikam Tech Blog', authors: ['Ana Souza', 'Kenji Watanabe', 'Olu Adeyemi'] },
  { host: 'www.opsdiaries.example', name: 'Ops Diaries', authors: ['Chris Morgan'] },
  { host: 'medium.example', name: 'Medium', authors: ['Hannah Lee', 'Ravi Patel', 'Sofia Rossi', 'Max Müller'] },
  { host: 'queue.acm.example', name: 'ACM Queue', authors: ['Dr. Elaine Park', 'Marcus Webb'] },
  { host: 'www.infoq.example', name: 'InfoQ', authors: ['Daniel Bryant', 'Renato Losio'] },
  { host: 'netflixtechblog.example', name: 'Netflix Technology Blog', authors: ['Netflix Technology Blog'] },
  { host: 'slack.engineering.example', name: 'Slack Engineering', authors: ['Laura Nolan'] },
  { host: 'www.thenewstack.example', name: 'The New Stack', authors: ['Joab Jackson', 'Alex Williams'] },
  { host: 'dev.to.example', name: 'DEV Community', authors: ['Aisha Khan', 'Pedro Alves'] },
  { host: 'githubstatus.example', name: 'GitHub Status', authors: [] },
  { host: 'aws-health.example', name: 'AWS Health Dashboard', authors: [] },
  { host: 'blog.cloudflare.example', name: 'The Cloudflare Blog', authors: ['Tom Lianza', 'Jeremy Hartman'] },
  { host: 'increment.example', name: 'Increment', authors: ['Charity Majors', 'Liz Fong-Jones'] },
  { host: 'www.heise.example', name: 'heise online', authors: ['Jürgen Schmidt'] },
];

const COMPANIES = [
  'Northwind',
  'Contoso',
  'Fabrikam',
  'Tailspin',
  'Litware',
  'Proseware',
  'Adatum',
  'Wingtip',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
];
const SYSTEMS = [
  'Kafka',
  'Kubernetes',
  'PostgreSQL',
  'etcd',
  'DNS',
  'BGP',
  'Redis',
  'the CDN',
  'the load balancer',
  'Terraform',
  'the service mesh',
  'Cassandra',
  'the deploy pipeline',
  'TLS certificates',
  'the feature-flag service',
];
const PRACTICES = [
  'on-call',
  'incident review',
  'SLOs',
  'error budgets',
  'chaos engineering',
  'capacity planning',
  'observability',
  'canary releases',
  'load shedding',
  'runbooks',
  'blameless postmortems',
  'toil reduction',
];
const METRICS = ['p99 latency', 'pages per week', 'MTTR', 'deploy time', 'cloud spend', 'alert noise', 'cold-start time', 'failed deploys'];
const REGIONS = ['us-east-1', 'eu-west-2', 'ap-southeast-1', 'eu-central-1', 'us-west-2'];
const FAILURES = [
  'a certificate expiry',
  'a bad config push',
  'a thundering herd',
  'a full disk',
  'a leap-second bug',
  'a retry storm',
  'a split brain',
  'a DNS misconfiguration',
  'an expired domain',
  'a runaway cron job',
];
const OPINIONS = [
  'The best part is the honest timeline.',
  'I love how they wrote down what they did not know at the time.',
  'A good reminder that retries are a load multiplier.',
  'Worth reading for the graphs alone.',
  'This matches what we saw last year, almost to the minute.',
  'Their fix is boring, which is exactly why I like it.',
  'Note how the alert fired and nobody could act on it.',
  'The section on contributing factors is the one to share with your team.',
  'It is refreshing to see a vendor admit the second-order effects.',
  'Short, but every paragraph earns its place.',
];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

function uuid(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16));
  hex[12] = '4';
  hex[16] = (8 + Math.floor(rand() * 4)).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * urlKey() for the generated addresses (https, lower-case, no query or fragment, trailing slash):
 * the product's normalize-url call costs ~0.2 ms, 20 s for the whole store. validateStoreData
 * checks it against the real urlKey() on every sampled row.
 */
function quickUrlKey(url: string): string {
  return url.replace(/^https:\/\/www\./, 'https://').replace(/\/$/, '');
}

function articleTitle(rand: () => number): string {
  const templates = [
    () => `How ${pick(rand, COMPANIES)} cut ${pick(rand, METRICS)} by ${10 + Math.floor(rand() * 80)}%`,
    () => {
      const practice = pick(rand, PRACTICES);
      return `${practice[0]!.toUpperCase()}${practice.slice(1)}: lessons from ${2 + Math.floor(rand() * 12)} years at ${pick(rand, COMPANIES)}`;
    },
    () => `Postmortem: ${pick(rand, SYSTEMS)} and ${pick(rand, FAILURES)}`,
    () => `Why ${pick(rand, PRACTICES)} is harder than it looks`,
    () => `A practical guide to ${pick(rand, PRACTICES)} with ${pick(rand, SYSTEMS)}`,
    () => `We moved ${pick(rand, SYSTEMS)} to a new region — here’s what broke`,
    () => `“It’s always ${pick(rand, SYSTEMS)}”: a field guide`,
    () => `The hidden cost of ${pick(rand, PRACTICES)}`,
  ];
  return pick(rand, templates)();
}

function outageTitle(rand: () => number, date: Date): string {
  const day = date.toISOString().slice(0, 10);
  const templates = [
    () => `${pick(rand, COMPANIES)} ${pick(rand, SYSTEMS)} outage`,
    () => `Incident: elevated error rates in ${pick(rand, REGIONS)}`,
    () => `${pick(rand, COMPANIES)} status: degraded ${pick(rand, SYSTEMS)} on ${day}`,
    () => `Partial outage of ${pick(rand, COMPANIES)} login (${day})`,
  ];
  return pick(rand, templates)();
}

function commentary(rand: () => number, url: string): string {
  const sentences = [
    `${pick(rand, COMPANIES)} traces the trouble to ${pick(rand, FAILURES)} in ${pick(rand, SYSTEMS)}.`,
    pick(rand, OPINIONS),
    `If you run ${pick(rand, SYSTEMS)}, read the part about ${pick(rand, PRACTICES)}.`,
  ];
  const count = 1 + Math.floor(rand() * 3);
  let text = sentences.slice(0, count).join(' ');
  const flavour = rand();
  if (flavour < 0.25) text += ` See also [the follow-up](${url}#follow-up).`;
  else if (flavour < 0.4) text = text.replace(/\b(read|Worth|boring|honest)\b/, '*$1*');
  else if (flavour < 0.5) text += `\n\n- ${pick(rand, PRACTICES)}\n- ${pick(rand, PRACTICES)}`;
  else if (flavour < 0.55) text += ' **Strongly recommended.**';
  return text;
}

export interface StoreData {
  openIssue: Issue;
  issues: Issue[];
  /** Every clipping row; the open issue's come first. */
  clippings: Clipping[];
  openIssueClippings: number;
  closedIssues: number;
}

export interface StoreDataOptions {
  /** How many clipping rows in all (default 100,000). */
  total: number;
  /** How many of them in the open issue (default 200). */
  openCount: number;
  /** How many weekly issues before the open one (default 104: two years). */
  closedIssues: number;
  /** The clock: the open issue's window contains it. */
  now: number;
  settings: Settings;
  /** The browser's IANA zone, so week boundaries match the worker's (settings.timeZone '' = the browser's). */
  timeZone: string;
  seed?: number;
}

/**
 * Issues (closed ones week after week, then the open one whose window contains `now`) and their
 * clippings. Closed issues get their clippings by creation time (about total/closedIssues each, a
 * few as tombstones); the open one gets exactly `openCount` live ones, created this week before now.
 */
export function makeStoreData({ total, openCount, closedIssues, now, settings, timeZone, seed = 4 }: StoreDataOptions): StoreData {
  const rand = seededRandom(seed);
  const zone = settings.timeZone || timeZone;
  const openWindow = weekWindow(new Date(now), settings.weekStartsOn, zone);
  const windows: TimeWindow[] = [];
  let end = openWindow.start;
  for (let i = 0; i < closedIssues; i++) {
    const week = weekWindow(new Date(end - 1), settings.weekStartsOn, zone);
    windows.unshift({ start: week.start, end });
    end = week.start;
  }
  const title = (number: number) => issueTitle(settings.titleTemplate, { newsletter: settings.newsletterName, number });
  const issues: Issue[] = windows.map((w, i) => ({
    id: `issue-${String(i + 1).padStart(4, '0')}-${uuid(rand).slice(0, 8)}`,
    number: i + 1,
    title: title(i + 1),
    status: 'closed',
    start: w.start,
    end: w.end,
    sponsor:
      rand() < 0.3 ? `This issue is brought to you by **${pick(rand, COMPANIES)}**: [try it free](https://sponsor.example/${i + 1}).` : '',
    createdAt: w.start,
    updatedAt: w.end + 3_600_000,
    closedAt: w.end + 3_600_000,
  }));
  const openIssue: Issue = {
    id: `issue-${String(closedIssues + 1).padStart(4, '0')}-${uuid(rand).slice(0, 8)}`,
    number: closedIssues + 1,
    title: title(closedIssues + 1),
    status: 'open',
    start: openWindow.start,
    end: openWindow.end,
    sponsor: `This week’s issue is sponsored by **Contoso Observability**: traces, logs and metrics in one place. [Start a free trial](https://sponsor.example/contoso).`,
    createdAt: openWindow.start,
    updatedAt: now,
  };
  issues.push(openIssue);

  let serial = 0;
  const clipping = (createdAt: number, issueId: string, open: boolean): Clipping => {
    serial += 1;
    const site = pick(rand, SITES);
    const outage = rand() < (open ? 0.3 : 0.27);
    const section = outage ? 'outages' : 'articles';
    const date = new Date(createdAt);
    const title = outage ? outageTitle(rand, date) : articleTitle(rand);
    const year = date.getUTCFullYear();
    const month = String(date.getUTCMonth() + 1).padStart(2, '0');
    const url = `https://${site.host}/${year}/${month}/${slugify(title)}-${serial.toString(36)}/`;
    const origin = rand() < 0.9 ? 'page' : rand() < 0.8 ? 'link' : 'tab';
    const authors = site.authors.length && origin === 'page' ? site.authors.filter(() => rand() < 0.5) : [];
    const siteName = origin === 'page' ? site.name : '';
    const publishedTime =
      origin === 'page' ? new Date(createdAt - Math.floor(rand() * 3 * 86_400_000)).toISOString().replace(/\.\d{3}Z$/, 'Z') : '';
    const excerpt =
      origin === 'page'
        ? `${pick(rand, OPINIONS)} ${pick(rand, COMPANIES)} explains ${pick(rand, PRACTICES)} and ${pick(rand, SYSTEMS)}.`
        : '';
    const hasQuote = origin === 'page' && rand() < 0.3;
    const quote = hasQuote ? `We had tested the failover, but never with ${pick(rand, SYSTEMS)} already degraded.` : '';
    const quoteLink = hasQuote ? `${url}#:~:text=${encodeURIComponent(quote.split(' ').slice(0, 4).join(' '))}` : '';
    const summary = rand() < (open ? 0.15 : 0.05) ? '' : commentary(rand, url);
    const sources: Clipping['sources'] =
      origin === 'page'
        ? {
            url: 'canonical-link',
            title: rand() < 0.6 ? 'json-ld' : 'opengraph',
            ...(authors.length ? { authors: rand() < 0.7 ? 'json-ld' : 'byline-markup' } : {}),
            siteName: 'opengraph',
            publishedTime: rand() < 0.7 ? 'json-ld' : 'time-element',
            excerpt: 'meta',
            lang: 'html-lang',
            ...(hasQuote ? { quote: 'selection' } : {}),
          }
        : origin === 'link'
          ? { url: 'link', title: 'link' }
          : { url: 'tab', title: 'tab' };
    const updatedAt = open ? Math.min(now, createdAt + Math.floor(rand() * 3_600_000)) : createdAt + Math.floor(rand() * 2 * 86_400_000);
    const deleted = !open && rand() < 0.005;
    return {
      url,
      title,
      authors,
      siteName,
      publishedTime,
      excerpt,
      lang: origin === 'page' ? (site.host.includes('heise') ? 'de' : 'en') : '',
      quote,
      quoteLink,
      summary,
      section,
      id: uuid(rand),
      urlKey: quickUrlKey(url),
      origin,
      sources,
      notes: origin === 'tab' ? ['The page could not be read: only the tab’s title and address were kept.'] : [],
      createdAt,
      updatedAt,
      ...(deleted ? { deletedAt: updatedAt } : {}),
      issueId,
      position: createdAt,
    };
  };

  const clippings: Clipping[] = [];
  // The open issue: clipped this week, before now.
  const openSpan = Math.max(1, now - 60_000 - openWindow.start);
  const openTimes = Array.from({ length: openCount }, () => openWindow.start + Math.floor(rand() * openSpan)).sort((a, b) => a - b);
  for (const t of openTimes) clippings.push(clipping(t, openIssue.id, true));
  // The closed issues: creation times spread over their windows, each clipping in the issue of its week.
  const first = windows[0]?.start ?? openWindow.start;
  const span = openWindow.start - first;
  const closedTimes = Array.from({ length: Math.max(0, total - openCount) }, () => first + Math.floor(rand() * span)).sort((a, b) => a - b);
  let w = 0;
  for (const t of closedTimes) {
    while (w < windows.length - 1 && t >= windows[w]!.end) w++;
    clippings.push(clipping(t, issues[w]!.id, false));
  }
  return { openIssue, issues, clippings, openIssueClippings: openCount, closedIssues };
}

/** What the page that makes the rows sends back to Node to be checked before they are written. */
export interface StoreSample {
  issues: Issue[];
  /** Every open-issue row and every `every`-th other row, with its index. */
  rows: { index: number; row: Clipping }[];
  total: number;
  openIssueId: string;
  /** Live clippings of the open issue. */
  openLive: number;
  /** Rows with an id another row has too. */
  duplicateIds: number;
}

/** The sample of `data` to validate in Node (made in the page, next to the rows). */
export function sampleStoreData(data: StoreData, every: number): StoreSample {
  return {
    issues: data.issues,
    rows: data.clippings.flatMap((row, index) => (index < data.openIssueClippings || index % every === 0 ? [{ index, row }] : [])),
    total: data.clippings.length,
    openIssueId: data.openIssue.id,
    openLive: data.clippings.filter((c) => c.issueId === data.openIssue.id && !c.deletedAt).length,
    duplicateIds: data.clippings.length - new Set(data.clippings.map((c) => c.id)).size,
  };
}

/**
 * Checks the sample against the product's schemas, in Node: each row must parse, and parse to
 * itself (no default filled in, nothing stripped), or the benchmark would measure rows the
 * extension never writes. Returns how many clipping rows were checked.
 */
export function validateSample(sample: StoreSample, expected: { total: number; open: number }): number {
  // Key order aside (zod writes keys in the schema's order), the parsed row must be the row.
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
          )
        : value;
  const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
  for (const issue of sample.issues) {
    const parsed = Issue.safeParse(issue);
    if (!parsed.success) throw new Error(`issue ${issue.number} is invalid: ${JSON.stringify(parsed.error.issues[0])}`);
    if (!same(parsed.data, issue)) throw new Error(`issue ${issue.number} does not round-trip through the Issue schema`);
  }
  if (sample.issues.filter((i) => i.status === 'open').length !== 1) throw new Error('there must be exactly one open issue');
  for (const { index, row } of sample.rows) {
    const parsed = Clipping.safeParse(row);
    if (!parsed.success) throw new Error(`clipping row ${index} is invalid: ${JSON.stringify(parsed.error.issues[0])}`);
    if (!same(parsed.data, row)) throw new Error(`clipping row ${index} does not round-trip through the Clipping schema`);
    if (urlKey(row.url) !== row.urlKey) throw new Error(`clipping row ${index}: urlKey ${row.urlKey} is not urlKey(${row.url})`);
  }
  if (sample.total !== expected.total) throw new Error(`${sample.total} rows made, not ${expected.total}`);
  if (sample.openLive !== expected.open) throw new Error(`the open issue holds ${sample.openLive} live clippings, not ${expected.open}`);
  if (sample.duplicateIds) throw new Error(`${sample.duplicateIds} duplicate clipping ids`);
  return sample.rows.length;
}
