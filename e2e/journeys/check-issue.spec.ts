import { expect, test } from './fixtures';
import { byLabel, eventually, openDesk, waitForText } from './steps';
import type { BrowserTab } from '../driver/extension-browser';

const DAY = 86_400_000;
const LINK_RULES = ['link-broken', 'link-moved', 'link-unverified', 'link-soft-404', 'link-https-available'];

/**
 * A store with issue #1 published and issue #2 open, planted with one problem of each kind the rules
 * find: an article that ran in #1, missing credits, a short summary, a title with its site's suffix,
 * one in capitals and too old, Articles over its budget, Outages empty, no sponsor. The link rules are
 * switched off: this journey is about the rules and the panel (the link check has its own tests).
 */
function plantedBackup(now: number): string {
  const clipping = (id: string, issueId: string, position: number, fields: Record<string, unknown>) => ({
    id,
    url: 'https://example.org/',
    urlKey: 'https://example.org',
    title: 'Untitled',
    authors: ['Ada Lovelace'],
    siteName: 'Example Times',
    publishedTime: new Date(now - DAY).toISOString(),
    excerpt: '',
    lang: 'en',
    quote: '',
    quoteLink: '',
    summary: 'A summary that is long enough to pass the minimum length.',
    section: 'articles',
    origin: 'page',
    sources: {},
    notes: [],
    createdAt: now - DAY,
    updatedAt: now - DAY,
    issueId,
    position,
    ...fields,
  });
  return JSON.stringify({
    format: 'newsletter-clipper.backup',
    version: 2,
    exportedAt: new Date(now).toISOString(),
    settings: {
      version: 1,
      newsletterName: 'SRE Weekly',
      titleTemplate: '{newsletter} Issue #{number}',
      sections: [
        { id: 'articles', name: 'Articles', style: 'entries', budget: 2 },
        { id: 'outages', name: 'Outages', style: 'bullets' },
      ],
      weekStartsOn: 1,
      language: '',
      timeZone: '',
      check: { minSummaryLength: 40, maxAgeDays: 14, maxPerPublication: 2, off: LINK_RULES },
    },
    issues: [
      {
        id: 'issue-one-0001',
        number: 1,
        title: 'SRE Weekly Issue #1',
        status: 'closed',
        start: now - 9 * DAY,
        end: now - 2 * DAY,
        sponsor: 'Thanks.',
        createdAt: now - 9 * DAY,
        updatedAt: now - 2 * DAY,
        closedAt: now - 2 * DAY,
      },
      {
        id: 'issue-two-0002',
        number: 2,
        title: 'SRE Weekly Issue #2',
        status: 'open',
        start: now - 2 * DAY,
        end: now + 5 * DAY,
        sponsor: '',
        createdAt: now - 2 * DAY,
        updatedAt: now - 2 * DAY,
      },
    ],
    clippings: [
      clipping('clip-ran-before', 'issue-one-0001', 1, {
        url: 'https://example.org/old-news',
        urlKey: 'https://example.org/old-news',
        title: 'Old news',
      }),
      clipping('clip-repeat-0001', 'issue-two-0002', 1, {
        url: 'https://example.org/old-news?utm_source=feed',
        urlKey: 'https://example.org/old-news',
        title: 'The old news again',
      }),
      clipping('clip-credits-01', 'issue-two-0002', 2, {
        url: 'https://pagernotes.example/scaling',
        urlKey: 'https://pagernotes.example/scaling',
        title: 'Scaling Postgres | Pager Notes',
        authors: [],
        siteName: '',
        summary: 'Good read.',
      }),
      clipping('clip-shouting-1', 'issue-two-0002', 3, {
        url: 'https://example.org/k8s',
        urlKey: 'https://example.org/k8s',
        title: 'KUBERNETES RELEASE NOTES EXPLAINED',
        publishedTime: new Date(now - 60 * DAY).toISOString(),
      }),
    ],
  });
}

/** The rules of the problems the panel lists, in its order. */
const listedRules = (desk: BrowserTab) =>
  desk.evaluate<string[]>(`Array.from(document.querySelectorAll('[data-testid=check-problem]')).map((li) => li.dataset.rule)`);

test('check an issue of planted problems: each listed with its fix or a jump to the card, fixed one by one until clean', async ({
  app,
}) => {
  const now = Date.now();
  await app.message('backup.restore', { text: plantedBackup(now) });

  // The rules run as the desk opens: the header counts the problems and the cards carry a mark.
  const desk = await openDesk(app);
  await waitForText(desk, '[data-testid=check-count]', '10 to check');
  expect(await desk.count('[data-testid=clipping-check]')).toBe(3);

  // Check issue by its keyboard shortcut: the panel opens with focus on its heading.
  await desk.press('#issue-heading', 'Alt+Shift+C');
  await waitForText(desk, '[data-testid=check-summary]', '3 problems block publishing · 7 are worth a look');
  await expect.poll(() => desk.focused()).toContain('Pre-publish check');
  expect(await listedRules(desk)).toEqual([
    'sponsor-empty',
    'section-over-budget',
    'repeat-published',
    'credit-author',
    'credit-publication',
    'summary-short',
    'title-site-suffix',
    'title-shouting',
    'date-too-old',
    'section-empty',
  ]);
  expect(await desk.text('[data-rule=repeat-published]')).toContain('Already ran in issue #1, “SRE Weekly Issue #1”.');

  // One-click fixes go through the ordinary edit; the list follows.
  await desk.click('[data-testid=check-problem] button', 'Set the publication to “Pager Notes”');
  await eventually(
    () => listedRules(desk),
    (rules) => !rules.includes('credit-publication'),
    'the publication fix to be applied',
  );
  await desk.click('[data-testid=check-problem] button', 'Use the title “Scaling Postgres”');
  await eventually(
    () => listedRules(desk),
    (rules) => !rules.includes('title-site-suffix'),
    'the title fix to be applied',
  );

  // A jump puts focus in the card's field (behind "Edit details" too), where the editor fixes it by hand.
  const gone = (rule: string) =>
    eventually(
      () => listedRules(desk),
      (rules) => !rules.includes(rule),
      `${rule} to leave the list`,
    );
  await desk.click(`[data-rule=credit-author] ${byLabel('button', 'Go to “Scaling Postgres”')}`);
  await expect.poll(() => desk.focused()).toContain('Authors');
  await desk.type(':focus', 'Priya Raman');
  await desk.press(':focus', 'Tab');
  await gone('credit-author');
  await desk.click(`[data-rule=summary-short] ${byLabel('button', 'Go to “Scaling Postgres”')}`);
  await expect.poll(() => desk.focused()).toBe('Summary of “Scaling Postgres”');
  await desk.fill(':focus', 'How one team scaled Postgres to a billion rows without sharding.');
  await desk.press(':focus', 'Tab');
  await gone('summary-short');
  await desk.click(`[data-rule=date-too-old] ${byLabel('button', 'Go to “KUBERNETES RELEASE NOTES EXPLAINED”')}`);
  await expect.poll(() => desk.focused()).toContain('Published');
  await desk.fill(':focus', new Date(now - DAY).toISOString());
  await desk.press(':focus', 'Tab');
  await gone('date-too-old');
  await desk.click(`[data-rule=title-shouting] ${byLabel('button', 'Go to “KUBERNETES RELEASE NOTES EXPLAINED”')}`);
  await expect.poll(() => desk.focused()).toContain('Title');
  await desk.fill(':focus', 'Kubernetes release notes, explained');
  await desk.press(':focus', 'Tab');
  await gone('title-shouting');
  // The repeat goes (which also brings Articles within budget), and the sponsor slot is filled.
  await desk.click(byLabel('button', 'Delete “The old news again”'));
  await waitForText(desk, '[data-testid=notice]', 'Deleted “The old news again”');
  await desk.click('[data-rule=sponsor-empty] button', 'Go to the sponsor slot');
  await expect.poll(() => desk.focused()).toContain('Sponsor');
  await desk.fill(':focus', 'This issue is brought to you by Acme Pager.');
  await desk.press(':focus', 'Tab');
  await eventually(
    () => listedRules(desk),
    (rules) => rules.join() === 'section-empty',
    'only the empty Outages section to be left',
  );
  await waitForText(desk, '[data-testid=check-summary]', '1 is worth a look');

  // A quiet week has no outages: the editor switches that rule off in the options.
  const options = await app.openExtensionPage('options/index.html');
  await options.click('label.check-rule', 'Empty section');
  await options.click('button', 'Save');
  await waitForText(options, '[role=status]', 'Saved');

  const again = await openDesk(app);
  await again.click('#check-issue');
  await waitForText(again, '[data-testid=check-summary]', 'Nothing to fix: every rule you have switched on passes.');
  expect(await again.count('[data-testid=check-count]')).toBe(0);
  expect(await again.count('[data-testid=clipping-check]')).toBe(0);
});
