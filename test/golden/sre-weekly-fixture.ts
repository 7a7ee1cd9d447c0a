// The golden issue: SRE Weekly's layout, filled from the project's sample articles
// (samples/articles/*.expected.json: what capture reads from each page) plus the editor's words.
// Frozen data: fixed ids, times and window, so the golden files never change by themselves.
import { readFileSync } from 'node:fs';
import { splitAuthors } from '../../src/clip/authors';
import type { Clipping } from '../../src/clip/clipping';
import { urlKey } from '../../src/clip/url-key';
import type { Issue } from '../../src/issue/issue';
import type { Section } from '../../src/settings/settings';
import type { DocumentEntry, IssueDocument } from '../../src/export/issue-document';

interface SampleExpectation {
  canonicalUrl: string;
  title: string;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  excerpt?: string | null;
  lang?: string | null;
}

function sample(name: string): SampleExpectation {
  return JSON.parse(readFileSync(new URL(`../../samples/articles/${name}.expected.json`, import.meta.url), 'utf8')) as SampleExpectation;
}

/** Monday 16 November 2026, 00:00 in New York (UTC−5): the issue's window is that week. */
const WEEK_START = Date.UTC(2026, 10, 16, 5);
const WEEK_END = Date.UTC(2026, 10, 23, 5);
const HOUR = 3_600_000;

export const GOLDEN_NOW = Date.UTC(2026, 10, 22, 18, 30);

export const GOLDEN_SECTIONS: Section[] = [
  { id: 'articles', name: 'Articles', style: 'entries', budget: 8 },
  // Empty this week: the renderers skip it.
  { id: 'tools', name: 'Tools', style: 'entries' },
  { id: 'outages', name: 'Outages', style: 'bullets' },
];

export const GOLDEN_ISSUE: Issue = {
  id: 'issue-2026-501',
  number: 501,
  title: 'SRE Weekly Issue #501',
  status: 'open',
  start: WEEK_START,
  end: WEEK_END,
  sponsor: [
    '**A message from our sponsor, Quietpage:**',
    '',
    'On-call doesn’t have to mean up all night. Quietpage groups related alerts into one page and sends it to the team that owns the service, with the runbook attached.',
    '',
    '[Try Quietpage free for 30 days](https://quietpage.example/trial?utm_source=sreweekly)',
  ].join('\n'),
  createdAt: WEEK_START,
  updatedAt: GOLDEN_NOW,
};

interface GoldenArticle {
  sample?: string;
  /** For a link the editor added by hand (no sample page). */
  page?: SampleExpectation;
  section: string;
  summary: string;
  quote?: string;
  quoteLink?: string;
}

const ARTICLES: GoldenArticle[] = [
  {
    sample: 'error-budgets-blog',
    section: 'articles',
    summary:
      'Two platform teams moved their error budget out of a dashboard and into the first five minutes of weekly planning. I especially like the advice to start with the service that has the noisiest pager.',
    quote:
      'An error budget only changes behaviour when somebody looks at it at the moment a decision is made. For most teams that moment is the weekly planning meeting, not the quarterly review.\n\nAmbitious targets can come later; a budget that is always exhausted teaches people to ignore it.',
    quoteLink:
      'https://blog.pagernotes.example/2026/11/error-budgets-that-teams-use/#:~:text=An%20error%20budget%20only%20changes%20behaviour,not%20the%20quarterly%20review.',
  },
  {
    sample: 'on-call-news',
    section: 'articles',
    summary:
      'A single failing disk paged forty engineers across three hospital networks. The fix wasn’t a new disk: every alert now names *exactly one* owning team, and a page goes to a person only when they can act on it. Overnight pages dropped by **two thirds**.\n\nThis pairs well with the [SRE book chapter on being on-call](https://sre.google/sre-book/being-on-call/).',
  },
  {
    sample: 'kubernetes-german',
    section: 'articles',
    summary:
      'In German, and worth a trip through your translator of choice: a cluster upgrade that took two days because of deprecated APIs and an admission webhook that nobody owned. Who owns *your* webhooks?',
  },
  {
    sample: 'cloud-status-incident',
    section: 'outages',
    summary: 'A primary database in eu-west stopped accepting writes; API error rates stayed elevated for 40 minutes while they failed over to a replica.',
  },
  {
    sample: 'postmortem',
    section: 'outages',
    summary: 'A 30-second failover took 47 minutes: connection pools kept talking to the old primary.',
  },
  {
    page: { canonicalUrl: 'https://status.fabrikam-mail.example/incidents/2026-11-19', title: 'Fabrikam Mail', siteName: 'Fabrikam Mail Status' },
    section: 'outages',
    summary: '',
  },
];

/** The golden issue's clippings, as the store holds them. */
export function goldenClippings(): Clipping[] {
  const perSection = new Map<string, number>();
  return ARTICLES.map((article, index): Clipping => {
    const page = article.page ?? sample(article.sample ?? '');
    const position = (perSection.get(article.section) ?? 0) + 1024;
    perSection.set(article.section, position);
    const createdAt = WEEK_START + (index + 1) * 13 * HOUR;
    return {
      id: `clip-golden-${String(index + 1).padStart(2, '0')}`,
      url: page.canonicalUrl,
      urlKey: urlKey(page.canonicalUrl),
      title: page.title,
      authors: splitAuthors(page.byline ?? ''),
      siteName: page.siteName ?? '',
      publishedTime: page.publishedTime ?? '',
      excerpt: page.excerpt ?? '',
      lang: page.lang ?? '',
      quote: article.quote ?? '',
      quoteLink: article.quoteLink ?? '',
      summary: article.summary,
      section: article.section,
      origin: article.page ? 'link' : 'page',
      sources: article.page ? { url: 'link', title: 'link' } : { title: 'json-ld', url: 'canonical-link', ...(article.quote ? { quote: 'selection' as const } : {}) },
      notes: [],
      createdAt,
      updatedAt: createdAt + HOUR,
      issueId: GOLDEN_ISSUE.id,
      position,
    };
  });
}

function entry(clipping: Clipping): DocumentEntry {
  const { id, url, title, authors, siteName, publishedTime, summary, quote, quoteLink } = clipping;
  return { id, url, title, authors, siteName, publishedTime, summary, quote, quoteLink };
}

/**
 * The golden issue as the renderers get it. The window is written in the newsletter's zone
 * (New York), the way the document builder is asked to write it, so the dates line reads 16–22.
 */
export function goldenDocument(): IssueDocument {
  const clippings = goldenClippings();
  return {
    newsletter: 'SRE Weekly',
    lang: 'en-US',
    number: GOLDEN_ISSUE.number,
    title: GOLDEN_ISSUE.title,
    start: '2026-11-16T00:00:00.000-05:00',
    end: '2026-11-23T00:00:00.000-05:00',
    sponsor: GOLDEN_ISSUE.sponsor,
    sections: GOLDEN_SECTIONS.map((section) => ({
      id: section.id,
      name: section.name,
      style: section.style,
      entries: clippings.filter((c) => c.section === section.id).map(entry),
    })),
  };
}
