import { IssueDeskPage } from './pages/issue-desk-page';
import { OptionsPage } from './pages/options-page';
import { SAMPLE } from './samples';
import { ALL_FAULTS, startFaultProxy } from './servers/fault-proxy';
import { startGenericTarget } from './servers/generic-target';
import type { WordPress } from './servers/wordpress';
import { expect, test } from './sync-fixtures';

interface Post {
  id: number;
  status: string;
  modified_gmt: string;
  content: { raw: string };
}

const MARK = 'newsletter-clipper:managed';

/** Every post that carries a managed region, any status but trash. */
async function managedPosts(wp: WordPress): Promise<Post[]> {
  const posts = await wp.restJson<Post[]>('/wp/v2/posts?context=edit&status=draft,pending,private,future,publish&per_page=100');
  return posts.filter((p) => p.content.raw.includes(MARK));
}

/** The one draft of the issue, once it holds every text in `expected` (polled, bounded). */
async function draftHolding(wp: WordPress, expected: string[], timeout = 30_000): Promise<Post> {
  let found: Post | undefined;
  await expect
    .poll(
      async () => {
        const posts = await managedPosts(wp);
        found = posts[0];
        return { count: posts.length, has: expected.map((text) => !!found?.content.raw.includes(text)) };
      },
      { timeout, intervals: [250, 500, 1000] },
    )
    .toEqual({ count: 1, has: expected.map(() => true) });
  return found!;
}

test.describe('sync to a real WordPress', () => {
  test.describe.configure({ timeout: 180_000 });

  test('connect, clip, and the draft holds the issue’s clippings in order inside the managed region', async ({ clipper, wp, articles }) => {
    const options = await OptionsPage.open(await clipper.context.newPage(), clipper.extensionId);
    await options.fillWordPress(wp.url, wp.user, wp.appPassword);
    const checks = await options.testConnection();
    expect(checks).toEqual([
      expect.stringMatching(/^✓ The site answered/),
      '✓ The WordPress REST API was found.',
      expect.stringMatching(/^✓ Signed in as/),
      '✓ This user may create and edit posts.',
    ]);
    await options.connect(wp.url, wp.user, wp.appPassword);
    // The password is never shown again, nor handed to pages.
    expect(await clipper.message('target.get', {})).toEqual({
      ok: true,
      value: { kind: 'wordpress', address: wp.url, user: wp.user, hasSecret: true },
    });

    const first = await clipper.clipWithSummary(articles.url(`/articles/${SAMPLE.blogPost}.html`), 'First summary, about budgets.');
    const second = await clipper.clipWithSummary(articles.url(`/articles/${SAMPLE.newsArticle}.html`), 'Second summary, about paging.');
    const post = await draftHolding(wp, [first, second, 'First summary, about budgets.', 'Second summary, about paging.']);
    expect(post.status).toBe('draft');
    expect(post.content.raw.indexOf(first)).toBeLessThan(post.content.raw.indexOf(second));

    const desk = await IssueDeskPage.open(await clipper.context.newPage(), clipper.extensionId);
    await expect(desk.page.getByTestId('sync-state')).toContainText('Synced to WordPress');
    await expect(desk.page.getByRole('link', { name: 'Open the draft' })).toHaveAttribute(
      'href',
      `${wp.url}/wp-admin/post.php?post=${post.id}&action=edit`,
    );
    for (const title of [first, second]) await expect(desk.card(title).getByTestId('clipping-sync')).toHaveText('✓ In the draft');
  });

  test('edits, reorders and deletes follow; the editor’s own text survives; an edit inside the region is a conflict', async ({
    clipper,
    wp,
    articles,
  }) => {
    const options = await OptionsPage.open(await clipper.context.newPage(), clipper.extensionId);
    await options.connect(wp.url, wp.user, wp.appPassword);
    const a = await clipper.clipWithSummary(articles.url(`/articles/${SAMPLE.blogPost}.html`), 'About A.');
    const b = await clipper.clipWithSummary(articles.url(`/articles/${SAMPLE.newsArticle}.html`), 'About B.');
    const c = await clipper.clipWithSummary(articles.url('/articles/kubernetes-german.html'), 'About C.');
    const post = await draftHolding(wp, [a, b, c]);

    // The editor writes an introduction and a sign-off around the region in WordPress.
    const intro =
      '<!-- wp:paragraph -->\n<p>Hello readers — an intro written in WordPress, with “quotes” & ümlauts.</p>\n<!-- /wp:paragraph -->\n\n';
    const outro = '\n\n<!-- wp:paragraph -->\n<p>See you next week.</p>\n<!-- /wp:paragraph -->\n';
    await wp.restJson(`/wp/v2/posts/${post.id}`, { method: 'POST', json: { content: intro + post.content.raw.trim() + outro } });

    const desk = await IssueDeskPage.open(await clipper.context.newPage(), clipper.extensionId);
    await desk.card(c).focus();
    await desk.page.keyboard.press('Alt+ArrowUp'); // c before b
    await desk
      .card(a)
      .getByRole('button', { name: /^Delete/ })
      .click();
    const summary = desk.card(b).locator('textarea.summary');
    await summary.fill('About B, rewritten.');
    await summary.blur();

    const synced = await draftHolding(wp, ['About B, rewritten.', c]);
    expect(synced.content.raw).not.toContain(a);
    expect(synced.content.raw.indexOf(c)).toBeLessThan(synced.content.raw.indexOf(b));
    expect(synced.content.raw.startsWith(intro)).toBe(true);
    expect(synced.content.raw.endsWith(outro)).toBe(true);

    // Now an edit inside the region, in WordPress.
    const tampered = synced.content.raw.replace('About B, rewritten.', 'Edited in WordPress by hand.');
    await wp.restJson(`/wp/v2/posts/${post.id}`, { method: 'POST', json: { content: tampered } });
    await new Promise((done) => setTimeout(done, 1100)); // modified_gmt has one-second resolution
    await summary.fill('About B, third version.');
    await summary.blur();
    await expect(desk.page.getByTestId('sync-state')).toContainText('Conflict', { timeout: 30_000 });
    expect((await wp.restJson<Post>(`/wp/v2/posts/${post.id}?context=edit`)).content.raw).toBe(tampered);

    await desk.page.getByRole('button', { name: 'See both' }).click();
    await expect(desk.page.getByTestId('sync-compare')).toContainText('Edited in WordPress by hand.');
    await expect(desk.page.getByTestId('sync-compare')).toContainText('About B, third version.');
    await desk.page.getByRole('button', { name: 'Overwrite it' }).click();
    const overwritten = await draftHolding(wp, ['About B, third version.']);
    expect(overwritten.content.raw).not.toContain('Edited in WordPress by hand.');
    expect(overwritten.content.raw.startsWith(intro)).toBe(true);
    expect(overwritten.content.raw.endsWith(outro)).toBe(true);
  });

  test('a wrong password, WordPress down and a deleted draft each show their message, and nothing is lost', async ({
    clipper,
    wp,
    articles,
  }) => {
    const proxy = await startFaultProxy({ target: wp.url });
    try {
      const options = await OptionsPage.open(await clipper.context.newPage(), clipper.extensionId);
      await options.connect(proxy.origin, wp.user, wp.adminPassword); // the login password: REST refuses it
      const title = await clipper.clipWithSummary(articles.url(`/articles/${SAMPLE.blogPost}.html`), 'Kept through every failure.');
      const desk = await IssueDeskPage.open(await clipper.context.newPage(), clipper.extensionId);
      await expect(desk.page.getByTestId('sync-state')).toContainText('refused the credentials', { timeout: 30_000 });
      await expect(desk.page.getByTestId('sync-state')).toContainText('Application Password');
      const mark = desk.card(title).getByTestId('clipping-sync');
      await expect(mark).toHaveText('Not synced');

      // The site goes down; the editor fixes the password meanwhile.
      proxy.setDefault('reset');
      await options.connect(proxy.origin, wp.user, wp.appPassword);
      await desk.page.reload();
      await expect(desk.page.getByTestId('sync-state')).toContainText('could not be reached', { timeout: 30_000 });
      await expect(mark).toHaveText('Waiting to sync');
      expect(await managedPosts(wp)).toHaveLength(0);

      // Back up: "Sync now" delivers.
      proxy.clearFaults();
      await desk.page.getByRole('button', { name: 'Sync now' }).click();
      const post = await draftHolding(wp, [title, 'Kept through every failure.']);
      await expect(desk.page.getByTestId('sync-state')).toContainText('Synced to WordPress');
      await expect(mark).toHaveText('✓ In the draft');

      // The draft is deleted in WordPress (emptied trash): the next change says so, and offers to recreate it.
      await wp.rest(`/wp/v2/posts/${post.id}?force=true`, { method: 'DELETE' });
      const summary = desk.page.getByTestId('clipping').first().locator('textarea.summary');
      await summary.fill('Still here after the draft was deleted.');
      await summary.blur();
      await expect(desk.page.getByTestId('sync-state')).toContainText('gone', { timeout: 30_000 });
      await expect(mark).toHaveText('Not synced');
      await desk.page.getByRole('button', { name: 'Recreate the draft' }).click();
      await draftHolding(wp, ['Still here after the draft was deleted.']);
    } finally {
      await proxy.close();
    }
  });

  test('a site that redirects elsewhere: Test connection names the address to enter, and sync says it moved, writing nothing', async ({
    clipper,
    wp,
    articles,
  }) => {
    // The address the editor typed now answers "301 Moved Permanently" to the real site (another origin, as http → https would be).
    const proxy = await startFaultProxy({ target: wp.url });
    try {
      proxy.setDefault({ kind: 'redirect', to: wp.url });
      const options = await OptionsPage.open(await clipper.context.newPage(), clipper.extensionId);
      await options.fillWordPress(proxy.origin, wp.user, wp.appPassword);
      expect(await options.testConnection()).toEqual([
        expect.stringMatching(/^✓ The site answered/),
        expect.stringContaining(`The site redirects to ${wp.url}: enter that address instead`),
      ]);
      await options.connect(proxy.origin, wp.user, wp.appPassword);
      const title = await clipper.clipWithSummary(articles.url(`/articles/${SAMPLE.blogPost}.html`), 'Kept while the site moved.');
      const desk = await IssueDeskPage.open(await clipper.context.newPage(), clipper.extensionId);
      await expect(desk.page.getByTestId('sync-state')).toContainText(`moved to ${wp.url}`, { timeout: 30_000 });
      await expect(desk.card(title).getByTestId('clipping-sync')).toHaveText('Not synced');
      expect(await managedPosts(wp)).toHaveLength(0);
      expect(proxy.log.every((entry) => entry.method === 'GET')).toBe(true);

      // The editor enters the address Test connection gave: the clipping lands.
      await options.connect(wp.url, wp.user, wp.appPassword);
      await draftHolding(wp, [title, 'Kept while the site moved.']);
    } finally {
      await proxy.close();
    }
  });

  test('with every fault injected and the worker stopped mid-drain, each clipping lands in the draft exactly once', async ({
    clipper,
    wp,
    articles,
  }) => {
    const proxy = await startFaultProxy({ target: wp.url, stallMs: 20_000 });
    try {
      const options = await OptionsPage.open(await clipper.context.newPage(), clipper.extensionId);
      // Every kind of fault, in turn, on the first requests; then a seeded share of the rest.
      proxy.enqueue(...ALL_FAULTS);
      await options.connect(proxy.origin, wp.user, wp.appPassword);
      const names = [SAMPLE.blogPost, SAMPLE.newsArticle, SAMPLE.statusPage, 'kubernetes-german', SAMPLE.bare];
      const titles: string[] = [];
      for (const [i, name] of names.entries()) {
        titles.push(await clipper.clipWithSummary(articles.url(`/articles/${name}.html`), `Summary ${i + 1}, exactly once.`));
        if (i === 2) await clipper.stopWorker(); // killed while drains are under way
      }
      proxy.random({ rate: 0.3, seed: 7, faults: ALL_FAULTS.filter((f) => f !== 'stall') });

      // "Sync now" until the outbox is empty: a bounded loop (the alarm would do the same, slower).
      for (let round = 0; round < 40; round += 1) {
        await clipper.message('sync.now', {}).catch(() => undefined);
        const status = (await clipper.message<{ ok: boolean; value: { entries: unknown[] } }>('sync.status', {})).value;
        if (status.entries.length === 0) break;
        await new Promise((done) => setTimeout(done, 250));
      }
      proxy.random(null);
      const post = await draftHolding(wp, titles);
      for (let i = 1; i <= names.length; i += 1) {
        expect(post.content.raw.split(`Summary ${i}, exactly once.`).length - 1, `summary ${i} appears once`).toBe(1);
      }
      expect(proxy.log.length).toBeGreaterThan(ALL_FAULTS.length);
      expect((await clipper.message<{ value: { entries: unknown[] } }>('sync.status', {})).value.entries).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  test('sections mapped to a WordPress category and tag give the draft those terms, keeping the editor’s own', async ({
    clipper,
    wp,
    articles,
  }) => {
    const options = await OptionsPage.open(await clipper.context.newPage(), clipper.extensionId);
    await options.page.getByLabel('WordPress category of Outages').fill('Incidents');
    await options.page.getByLabel('WordPress tag of Outages').fill('outage');
    await options.page.getByRole('button', { name: 'Save settings' }).click();
    await expect(options.page.getByText('Saved ✓', { exact: true })).toBeVisible();
    await options.connect(wp.url, wp.user, wp.appPassword);
    const title = await clipper.clipWithSummary(articles.url(`/articles/${SAMPLE.statusPage}.html`), 'An outage with terms.');
    const post = await draftHolding(wp, [title]);
    const full = await wp.restJson<{ categories: number[]; tags: number[] }>(`/wp/v2/posts/${post.id}?context=edit`);
    const category = await wp.restJson<{ name: string }>(`/wp/v2/categories/${full.categories[0]}`);
    const tag = await wp.restJson<{ name: string }>(`/wp/v2/tags/${full.tags[0]}`);
    expect([full.categories.length, category.name, full.tags.length, tag.name]).toEqual([1, 'Incidents', 1, 'outage']);
  });

  test('the generic HTTP/JSON target: connect, test, clip, and the server holds the draft', async ({ clipper, articles }) => {
    const server = await startGenericTarget({ token: 'generic-secret' });
    try {
      const options = await OptionsPage.open(await clipper.context.newPage(), clipper.extensionId);
      await options.connectGeneric(server.baseUrl, 'generic-secret');
      expect(await options.testConnection()).toEqual([
        '✓ The server answered.',
        '✓ It speaks the drafting protocol (version 1).',
        '✓ The token was accepted.',
        '✓ This token may change drafts.',
      ]);
      const title = await clipper.clipWithSummary(articles.url(`/articles/${SAMPLE.blogPost}.html`), 'Synced to a home-grown backend.');
      await expect
        .poll(
          () =>
            Object.values(server.drafts()).map((d) => d.content.includes(title) && d.content.includes('Synced to a home-grown backend.')),
          { timeout: 30_000 },
        )
        .toEqual([true]);
      expect(server.log.every((entry) => entry.method !== 'PUT' || !!entry.idempotencyKey)).toBe(true);
    } finally {
      await server.close();
    }
  });
});
