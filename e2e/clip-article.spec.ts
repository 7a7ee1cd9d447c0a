import { expect, test } from './fixtures';
import { SAMPLE, expectedCapture } from './samples';

const article = (name: string) => `/articles/${name}.html`;

test('clip an article: the form is pre-filled, the editor annotates and saves, the worker stores it', async ({ clipper, articles }) => {
  const expected = expectedCapture(SAMPLE.blogPost);
  const { popup } = await clipper.clipFlow(articles.url(article(SAMPLE.blogPost)));

  expect(await popup.value('url')).toBe(expected.canonicalUrl);
  expect(await popup.value('title')).toBe(expected.title);
  expect(await popup.value('byline')).toBe(expected.byline);
  expect(await popup.value('siteName')).toBe(expected.siteName);
  expect(await popup.value('publishedTime')).toBe(expected.publishedTime);
  expect(await popup.value('excerpt')).toBe(expected.excerpt);
  expect(await popup.value('lang')).toBe(expected.lang);
  await expect(popup.sourceOf('title')).toHaveAttribute('title', /^from /);
  await expect(popup.weekCount).toHaveText('0 clippings this week');

  await popup.type('summary', 'Two SREs on error budgets.\nThe second half is the useful part.');
  await popup.chooseSection('Articles');
  await popup.save();
  await expect(popup.saveStatus).toContainText('1 clipping this week');

  const stored = await clipper.storedClippings();
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({
    url: expected.canonicalUrl,
    title: expected.title,
    byline: expected.byline,
    siteName: expected.siteName,
    summary: 'Two SREs on error budgets.\nThe second half is the useful part.',
    section: 'articles',
    origin: 'page',
  });
  // The same record, asked of the worker through the message protocol.
  const reply = await clipper.message<{ ok: boolean; value: { clippings: { id: string }[] } }>('clip.listRecent', { limit: 10 });
  expect(reply.ok).toBe(true);
  expect(reply.value.clippings.map((c) => c.id)).toEqual([stored[0]!.id]);
});

test('the selected text becomes the quote, with paragraph breaks and a link to the passage', async ({ clipper, articles }) => {
  const { page, tabId } = await clipper.openTab(articles.url(article(SAMPLE.newsArticle)));
  const selected = await page.evaluate(() => {
    const paragraphs = Array.from(document.querySelectorAll('article p, main p, p')).filter((p) => (p.textContent ?? '').trim().length > 40);
    const range = document.createRange();
    range.setStartBefore(paragraphs[0]!);
    range.setEndAfter(paragraphs[1]!);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return [paragraphs[0]!.textContent!.trim(), paragraphs[1]!.textContent!.trim()];
  });
  await clipper.clickToolbarButton(page);
  const popup = await clipper.openPopup(tabId);
  const quote = await popup.value('quote');
  const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
  expect(quote.split(/\n\s*\n/).map(collapse)).toEqual(selected.map(collapse));
  await expect(popup.sourceOf('quote')).toHaveAttribute('title', 'from your selection');
  await popup.save();
  const [stored] = await clipper.storedClippings();
  expect(stored?.quote).toBe(quote);
  expect(stored?.quoteLink).toContain('#:~:text=');
});

test('reopening a clipped URL (with tracking parameters and a fragment) edits the clipping instead of duplicating it', async ({ clipper, articles }) => {
  const url = articles.url(article(SAMPLE.blogPost));
  const first = await clipper.clipFlow(url);
  await first.popup.type('summary', 'First take.');
  await first.popup.save();
  await first.popup.close();

  const again = await clipper.clipFlow(`${url}?utm_source=newsletter&utm_medium=email&fbclid=abc#comments`);
  await expect(again.popup.clippedBefore).toContainText('Clipped before, on');
  expect(await again.popup.value('summary')).toBe('First take.');
  await expect(again.popup.page.getByRole('button', { name: 'Save changes' })).toBeVisible();
  await again.popup.replace('summary', 'Second, better take.');
  await again.popup.save();

  const stored = await clipper.storedClippings();
  expect(stored).toHaveLength(1);
  expect(stored[0]?.summary).toBe('Second, better take.');
  expect(stored[0]!.updatedAt).toBeGreaterThanOrEqual(stored[0]!.createdAt);
});

test('a status page is suggested as an Outage, and Ctrl+Enter saves', async ({ clipper, articles }) => {
  const expected = expectedCapture(SAMPLE.statusPage);
  const { popup } = await clipper.clipFlow(articles.url(article(SAMPLE.statusPage)));
  expect(await popup.sectionLabel()).toBe('Outages');
  if (expected.title) expect(await popup.value('title')).toBe(expected.title);
  await popup.type('summary', 'Database failover took 40 minutes.');
  await popup.saveWithShortcut();
  expect((await clipper.storedClippings())[0]).toMatchObject({ section: 'outages', summary: 'Database failover took 40 minutes.' });
});

test('a page without metadata still pre-fills what it can', async ({ clipper, articles }) => {
  const url = articles.url(article(SAMPLE.bare));
  const expected = expectedCapture(SAMPLE.bare);
  const { popup } = await clipper.clipFlow(url);
  expect(await popup.value('url')).toBe(url);
  if (expected.title) expect(await popup.value('title')).toBe(expected.title);
  await popup.save();
  expect(await clipper.storedClippings()).toHaveLength(1);
});

test('text typed in the popup survives closing it before saving', async ({ clipper, articles }) => {
  const url = articles.url(article(SAMPLE.newsArticle));
  const first = await clipper.clipFlow(url);
  await first.popup.type('summary', 'Half-written thought');
  await first.popup.replace('title', 'A title the editor fixed');
  await first.popup.close(); // closed without saving, as when the editor clicks elsewhere

  const reopened = await clipper.openPopup(first.tabId);
  await expect(reopened.draftRestored).toContainText('Restored your unsaved text');
  expect(await reopened.value('summary')).toBe('Half-written thought');
  expect(await reopened.value('title')).toBe('A title the editor fixed');
  await expect(reopened.sourceOf('title')).toHaveCount(0); // the editor's own text has no page source
  expect(await clipper.storedClippings()).toHaveLength(0);

  await reopened.save();
  await reopened.close();
  const afterSave = await clipper.openPopup(first.tabId);
  await expect(afterSave.clippedBefore).toBeVisible();
  await expect(afterSave.draftRestored).toHaveCount(0);
  expect(await afterSave.value('summary')).toBe('Half-written thought');
});

test('the worker is stopped between two clips and nothing is lost', async ({ clipper, articles }) => {
  const one = await clipper.clipFlow(articles.url(article(SAMPLE.blogPost)));
  await one.popup.type('summary', 'Before the worker stopped.');
  await one.popup.save();

  await clipper.stopWorker();

  const two = await clipper.clipFlow(articles.url(article(SAMPLE.newsArticle)));
  await expect(two.popup.weekCount).toHaveText('1 clipping this week');
  await two.popup.type('summary', 'After the worker was woken again.');
  await two.popup.save();
  await expect(two.popup.saveStatus).toContainText('2 clippings this week');

  const summaries = (await clipper.storedClippings()).map((c) => c.summary).sort();
  expect(summaries).toEqual(['After the worker was woken again.', 'Before the worker stopped.']);
});
