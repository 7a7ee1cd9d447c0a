import { expect } from '@playwright/test';
import type { BrowserTab } from '../driver/extension-browser';
import type { FirefoxBrowser } from '../driver/firefox/firefox-browser';
import { SAMPLE } from '../samples';
import { startFaultProxy } from '../servers/fault-proxy';
import type { WordPress } from '../servers/wordpress';
import { byLabel, clipArticle, eventually, openDesk, waitForText } from './steps';
import { test } from './sync-fixtures';

interface Post {
  id: number;
  content: { raw: string };
}

const MARK = 'newsletter-clipper:managed';

/** The one managed draft, once it holds every text in `expected` (polled, bounded). */
async function draftHolding(wp: WordPress, expected: string[]): Promise<Post> {
  const read = async () =>
    (await wp.restJson<Post[]>('/wp/v2/posts?context=edit&status=draft&per_page=100')).filter((p) => p.content.raw.includes(MARK));
  const posts = await eventually(
    read,
    (found) => found.length === 1 && expected.every((text) => found[0]!.content.raw.includes(text)),
    `the draft to hold ${expected.join(', ')}`,
  );
  return posts[0]!;
}

/** Fills the options page's WordPress connection and clicks "Save and allow access" (the click asks for host access). */
async function connect(options: BrowserTab, site: string, wp: WordPress): Promise<void> {
  await options.fill('input[type=url]', site);
  await options.fill('input[autocomplete=username]', wp.user);
  await options.fill('input[type=password]', wp.appPassword);
  await options.click('button', 'Save and allow access');
}

test.describe('sync to a real WordPress', () => {
  test.describe.configure({ timeout: 180_000 });
  // Chromium cannot show its permission prompt to a test: there the test build holds access to 127.0.0.1.
  test.use({ launch: { testBuild: true } });

  test('host access asked at the click, the draft follows the issue, and the outbox survives a stopped background while the site is down', async ({
    app,
    wp,
    articles,
  }) => {
    const proxy = await startFaultProxy({ target: wp.url });
    try {
      const options = await app.openExtensionPage('options/index.html');
      await connect(options, proxy.origin, wp);
      await waitForText(options, '[data-testid=wordpress-status]', 'Saved ✓');
      expect(await app.message('target.get', {})).toEqual({
        ok: true,
        value: { kind: 'wordpress', address: proxy.origin, user: wp.user, hasSecret: true },
      });

      const first = await clipArticle(app, articles.url(`/articles/${SAMPLE.blogPost}.html`), 'First summary, about budgets.');
      const second = await clipArticle(app, articles.url(`/articles/${SAMPLE.newsArticle}.html`), 'Second summary, about paging.');
      const post = await draftHolding(wp, [first, second, 'First summary, about budgets.', 'Second summary, about paging.']);
      expect(post.content.raw.indexOf(first)).toBeLessThan(post.content.raw.indexOf(second));

      const desk = await openDesk(app);
      await waitForText(desk, '[data-testid=sync-state]', 'Synced to WordPress');
      await waitForText(desk, '[data-testid=clipping-sync]', '✓ In the draft');

      // The site goes down; the editor rewrites a summary; the browser stops the idle background.
      proxy.setDefault('reset');
      const summary = byLabel('textarea', `Summary of “${first}”`);
      await desk.fill(summary, 'Rewritten while the site was down.');
      await desk.press(summary, 'Tab');
      await waitForText(desk, '[data-testid=sync-state]', 'could not be reached');
      await eventually(
        () => app.badgeText(desk.tabId),
        (text) => text !== '',
        'the toolbar badge to show what waits',
      );
      await app.stopBackground();

      // The site is back: "Sync now" wakes the background, which sends what waited in the outbox.
      proxy.clearFaults();
      await desk.click('button', 'Sync now');
      await draftHolding(wp, ['Rewritten while the site was down.', 'Second summary, about paging.']);
      await waitForText(desk, '[data-testid=sync-state]', 'Synced to WordPress');
      await eventually(
        () => app.badgeText(desk.tabId),
        (text) => text === '',
        'the badge to clear',
      );
    } finally {
      await proxy.close();
    }
  });
});

test.describe('Firefox’s permission prompt', () => {
  test.skip(({ engine }) => engine !== 'firefox', 'Chromium shows its permission prompt to no test');
  test.use({ launch: { permissionPrompt: 'refuse' } });

  test('declining host access saves nothing and says why in words; allowing it connects', async ({ app, wp }) => {
    const firefox = app as FirefoxBrowser;
    const options = await app.openExtensionPage('options/index.html');
    await connect(options, wp.url, wp);
    await firefox.answerPermissionPrompt(false);
    await waitForText(options, '[data-testid=wordpress-status]', 'Without access to the site the extension cannot sync to it.');
    expect(await app.message('target.get', {})).toEqual({ ok: true, value: null });

    await options.click('button', 'Save and allow access');
    await firefox.answerPermissionPrompt(true);
    await waitForText(options, '[data-testid=wordpress-status]', 'Saved ✓');
    expect(await app.message('target.get', {})).toMatchObject({ ok: true, value: { address: wp.url } });
  });
});
