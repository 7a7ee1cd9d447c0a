import { expect } from '@playwright/test';
import type { BrowserTab, ExtensionBrowser, StoredClipping } from '../driver/extension-browser';
import { eventually, openDesk, waitForText } from './steps';
import { test } from './ttrss-fixtures';

const NOTE = 'A note on the starred RSS article 1';

/** The live (not deleted) clippings, by address. */
async function filed(app: ExtensionBrowser): Promise<StoredClipping[]> {
  return (await app.storedClippings()).filter((c) => !c.deletedAt).sort((a, b) => a.url.localeCompare(b.url));
}

/** Fills the Sources panel's open form (kind, address, name; a Tiny Tiny RSS login when given). */
async function fillSource(
  options: BrowserTab,
  kind: 'Feed address (RSS, Atom, JSON Feed)' | 'Tiny Tiny RSS (starred items)',
  address: string,
  name: string,
  login?: { user: string; password: string },
): Promise<void> {
  await options.click('#sources-heading ~ p button', 'Add a source');
  await options.select('.source-form select[name=kind]', kind);
  await options.fill('.source-form input[name=address]', address);
  await options.fill('.source-form input[name=name]', name);
  if (login) {
    await options.fill('.source-form input[name=user]', login.user);
    await options.fill('.source-form input[name=password]', login.password);
  }
}

/** Presses a source's Check now and waits for the panel to say what it did. */
async function checkNow(options: BrowserTab, name: string, expected: string | RegExp): Promise<void> {
  await options.click(`.source[data-source=${JSON.stringify(name)}] button`, 'Check now');
  await waitForText(options, '[data-testid=sources-status]', expected);
}

test.describe('the reading queue from a real Tiny Tiny RSS', () => {
  test.describe.configure({ timeout: 240_000 });
  // Chromium cannot show its permission prompt to a test: there the test build holds access to 127.0.0.1.
  test.use({ launch: { testBuild: true } });

  test('starred items arrive once each with their credits and the note, are un-starred, arrive through the public starred feed without repeats, and Fill in completes one', async ({
    app,
    ttrss,
  }) => {
    const post = (name: string) => `${ttrss.feedsOrigin}/posts/${name}.html`;
    const options = await app.openExtensionPage('options/index.html');
    await waitForText(options, '#sources-heading', 'Reading queue');

    // 1. Tiny Tiny RSS through its API: Test says what it found, in words.
    await fillSource(options, 'Tiny Tiny RSS (starred items)', ttrss.url, 'My reader', { user: ttrss.user, password: ttrss.password });
    await options.click('.source-form input[name=unstar]');
    await options.click('.source-form button', 'Test');
    await waitForText(options, '[data-testid=source-test]', /Tiny Tiny RSS answered: 2 starred items, newest from (today|yesterday)\./);
    await options.click('.source-form button', 'Save source');
    await waitForText(options, '[data-testid=sources-status]', 'Saved My reader');

    // 2. Check now files exactly the two starred articles, with their credits and the note as summary.
    await checkNow(options, 'My reader', /new clippings? filed|Nothing new/);
    const two = await eventually(
      () => filed(app),
      (rows) => rows.length === 2,
      'the two starred articles to be filed',
    );
    expect(two.map((c) => c.url)).toEqual([post('atom-2'), post('rss-1')]);
    const [atom, rss] = two as [StoredClipping, StoredClipping];
    expect(rss).toMatchObject({ title: 'RSS article 1', authors: ['Alice Author 1'], siteName: 'Local RSS test feed', summary: NOTE });
    expect(atom).toMatchObject({
      title: 'Café & crème: ATOM article 2',
      authors: ['Bob Writer 2'],
      siteName: 'Local Atom test feed',
      summary: '',
    });
    await waitForText(options, '.source[data-source="My reader"] [data-testid=source-health]', 'Last worked');

    let desk = await openDesk(app);
    await waitForText(desk, '[data-testid=clipping][aria-label="RSS article 1"] [data-testid=source-mark]', 'from My reader');
    expect(await desk.value('[data-testid=clipping][aria-label="RSS article 1"] textarea.summary')).toBe(NOTE);

    // 3. Un-starred after filing (checked through the reader's API); a third star arrives on the next Check now.
    await eventually(
      () => ttrss.starred(),
      (starred) => starred.length === 0,
      'Tiny Tiny RSS to have un-starred the filed items',
    );
    await ttrss.star(await ttrss.articleId(post('rss-4')));
    await checkNow(options, 'My reader', '1 new clipping filed in the open issue.');
    expect((await filed(app)).map((c) => c.url)).toEqual([post('atom-2'), post('rss-1'), post('rss-4')]);
    await checkNow(options, 'My reader', 'Nothing new.');

    // 4. The same reader through its public starred feed, as a plain feed source: what is filed is not filed again.
    await options.click('.source[data-source="My reader"] input[type=checkbox]'); // off: it would un-star them first
    await eventually(
      () => options.count('.source.off'),
      (n) => n === 1,
      'My reader to be off',
    );
    await ttrss.star(await ttrss.articleId(post('rss-1')));
    await ttrss.star(await ttrss.articleId(post('rss-5')));
    await fillSource(options, 'Feed address (RSS, Atom, JSON Feed)', ttrss.starredFeedUrl, 'Starred feed');
    await options.click('.source-form button', 'Test');
    await waitForText(options, '[data-testid=source-test]', /A feed with 2 items, newest from (today|yesterday)\./);
    await options.click('.source-form button', 'Save source');
    await waitForText(options, '[data-testid=sources-status]', 'Saved Starred feed');
    await checkNow(options, 'Starred feed', /new clippings? filed|Nothing new/);
    const four = await eventually(
      () => filed(app),
      (rows) => rows.length === 4,
      'the fourth article to be filed',
    );
    expect(four.map((c) => c.url)).toEqual([post('atom-2'), post('rss-1'), post('rss-4'), post('rss-5')]);
    expect(four.find((c) => c.url === post('rss-5'))).toMatchObject({ title: 'RSS article 5', authors: ['Alice Author 5'] });
    await checkNow(options, 'Starred feed', 'Nothing new.');
    expect(await filed(app)).toHaveLength(4);

    // 5. A failing source: its words in the options page and one calm line in the desk, blocking nothing.
    await fillSource(options, 'Feed address (RSS, Atom, JSON Feed)', `${ttrss.feedsOrigin}/gone.xml`, 'Gone feed');
    await options.click('.source-form button', 'Test');
    await waitForText(options, '[data-testid=source-test]', 'Nothing was found at this address (HTTP 404).');
    await options.click('.source-form button', 'Save source');
    await checkNow(options, 'Gone feed', 'Nothing new.');
    await waitForText(options, '.source[data-source="Gone feed"] [data-testid=source-health]', 'Nothing was found at this address');

    // 6. Fill in: an imported clipping whose authors were lost gets them (and its language) from its page; what the
    //    feed and the editor gave stays.
    const four5 = four.find((c) => c.url === post('rss-5'))!;
    await app.message('clip.update', { id: four5.id, changes: { authors: [], summary: 'Typed by the editor.' } });
    await desk.close();
    desk = await openDesk(app);
    await waitForText(desk, '[data-testid=source-trouble]', 'Reading queue: Gone feed is not working. Nothing was found at this address');
    await desk.click('[data-testid=clipping][aria-label="RSS article 5"] button.fill-in', 'Fill in');
    // Opening a tab, loading the page and capturing it takes a while on a busy machine: wait for the outcome.
    await expect
      .poll(() => desk.text('[data-testid=notice]'), { timeout: 60_000, intervals: [250, 500, 1000] })
      .not.toMatch(/^(Reading |$)/);
    expect(await desk.text('[data-testid=notice]')).toBe('Filled in the authors and the language from the page.');
    const after = (await filed(app)).find((c) => c.url === post('rss-5'))!;
    // The page's <meta name="author"> says "Alice Author 5"; capture's name cleaning keeps the name without the number.
    expect(after).toMatchObject({
      authors: [expect.stringMatching(/^Alice Author/)],
      summary: 'Typed by the editor.',
      title: 'RSS article 5',
    });
    expect(after.siteName).toBe(four5.siteName); // what the feed gave stays
    expect((await app.tabUrls()).filter((url) => url === post('rss-5'))).toEqual([]);
  });
});
