import { SAMPLE, expectedCapture } from '../samples';
import { expect, test } from './fixtures';
import { clipArticle, eventually, openClipForm, save, startClip, waitForText } from './steps';

const article = (name: string) => `/articles/${name}.html`;

test('clip with the toolbar button: the form is pre-filled, the editor annotates and saves, the worker stores it', async ({
  app,
  articles,
}) => {
  const expected = expectedCapture(SAMPLE.blogPost);
  const { popup } = await startClip(app, articles.url(article(SAMPLE.blogPost)));
  expect(await popup.value('#url')).toBe(expected.canonicalUrl);
  expect(await popup.value('#title')).toBe(expected.title);
  expect(await popup.value('#authors')).toBe(expected.byline);
  expect(await popup.value('#siteName')).toBe(expected.siteName);
  expect(await popup.value('#publishedTime')).toBe(expected.publishedTime);
  expect(await popup.value('#excerpt')).toBe(expected.excerpt);
  expect(await popup.value('#lang')).toBe(expected.lang);
  // Each pre-filled field says where on the page it came from.
  expect(await popup.evaluate(`document.querySelector('label[for=title] .source')?.title ?? ''`)).toMatch(/^from /);
  await waitForText(popup, '[data-testid=week-count]', '0 clippings this week');

  await popup.type('#summary', 'Two SREs on error budgets.\nThe second half is the useful part.');
  await popup.select('#section', 'Articles');
  await save(popup);
  await waitForText(popup, '[data-testid=save-status]', '1 clipping this week');

  const stored = await app.storedClippings();
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({
    url: expected.canonicalUrl,
    title: expected.title,
    authors: expected.byline?.split(' and ') ?? [],
    summary: 'Two SREs on error budgets.\nThe second half is the useful part.',
    section: 'articles',
    origin: 'page',
  });
  // The same record, asked of the background through the message protocol.
  const reply = await app.message<{ ok: boolean; value: { clippings: { id: string }[] } }>('clip.listRecent', { limit: 10 });
  expect(reply.value.clippings.map((c) => c.id)).toEqual([stored[0]!.id]);
});

test('text typed in a closed form survives a stopped background; reopening a clipped URL edits it instead of duplicating', async ({
  app,
  articles,
}) => {
  const url = articles.url(article(SAMPLE.newsArticle));
  const first = await startClip(app, url);
  await first.popup.type('#summary', 'Half-written thought');
  await first.popup.fill('#title', 'A title the editor fixed');
  // The form saves its draft with each change, one message at a time: wait until the last one has landed
  // (Firefox drops a message still queued in a page that is closed at that very moment).
  await eventually(
    () => app.message<{ ok: boolean; value?: { form: { title: string } } }>('clip.prepare', { tabId: first.tab.tabId }),
    (reply) => reply.value?.form.title === 'A title the editor fixed',
    'the draft to hold the edited title',
  );
  await first.popup.close(); // closed without saving, as when the editor clicks elsewhere
  await app.stopBackground(); // as the browser does when the background is idle

  const reopened = await openClipForm(app, first.tab);
  await waitForText(reopened, '[data-testid=draft-restored]', 'Restored your unsaved text');
  expect(await reopened.value('#summary')).toBe('Half-written thought');
  expect(await reopened.value('#title')).toBe('A title the editor fixed');
  expect(await app.storedClippings()).toHaveLength(0);
  await save(reopened);
  await reopened.close();

  // The same article again, with tracking parameters and a fragment: the clipping is edited, not duplicated.
  const again = await startClip(app, `${url}?utm_source=newsletter&fbclid=abc#comments`);
  await waitForText(again.popup, '[data-testid=clipped-before]', 'Clipped before, on');
  expect(await again.popup.value('#summary')).toBe('Half-written thought');
  await again.popup.fill('#summary', 'Second, better take.');
  await save(again.popup);
  const stored = await app.storedClippings();
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ title: 'A title the editor fixed', summary: 'Second, better take.' });
});

test('the background is stopped between two clips and nothing is lost', async ({ app, articles }) => {
  await clipArticle(app, articles.url(article(SAMPLE.blogPost)), 'Before the background stopped.');
  await app.stopBackground();
  const { popup } = await startClip(app, articles.url(article(SAMPLE.statusPage)));
  await waitForText(popup, '[data-testid=week-count]', '1 clipping this week');
  expect(await popup.text('#section option:checked')).toBe('Outages'); // a status page is suggested as an outage
  await popup.type('#summary', 'After the background was woken again.');
  await popup.press('#summary', 'Control+Enter'); // saves
  await waitForText(popup, '[data-testid=save-status]', '2 clippings this week');
  const summaries = (await app.storedClippings()).map((c) => c.summary).sort();
  expect(summaries).toEqual(['After the background was woken again.', 'Before the background stopped.']);
});

test('the toolbar button opens the real popup, filled for the active tab', async ({ app, articles }) => {
  const expected = expectedCapture(SAMPLE.blogPost);
  const tab = await app.openTab(articles.url(article(SAMPLE.blogPost)));
  const popup = await app.openToolbarPopup(tab);
  // Opened by the browser, not by the test: no ?tab=, so the popup found the active tab itself.
  expect(new URL(await popup.url()).search).toBe('');
  expect(await popup.value('#url')).toBe(expected.canonicalUrl);
  expect(await popup.value('#title')).toBe(expected.title);
  expect(await popup.value('#authors')).toBe(expected.byline);
  await popup.type('#summary', 'Annotated in the real popup.');
  await save(popup);
  const stored = await app.storedClippings();
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({
    url: expected.canonicalUrl,
    title: expected.title,
    summary: 'Annotated in the real popup.',
    origin: 'page',
  });
  await popup.close();
});
