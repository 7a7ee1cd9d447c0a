import { expect, test } from './fixtures';
import { SAMPLE } from './samples';

type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

test('malformed messages get a clear error and change nothing', async ({ clipper }) => {
  const unknown = await clipper.message<Reply>('clip.destroyEverything', {});
  expect(unknown).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  const malformed = await clipper.message<Reply>('clip.save', { key: 'x', form: { url: 42 } });
  expect(malformed).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  expect(malformed.ok === false && malformed.error.message).toContain('form');
  const badLink = await clipper.message<Reply>('clip.link', { url: 'javascript:alert(1)' });
  expect(badLink).toMatchObject({ ok: false, error: { code: 'bad-request', message: 'Only web links (http or https) can be clipped.' } });
  expect(await clipper.storedClippings()).toHaveLength(0);
});

test('messages from a web page’s content-script world are refused', async ({ clipper, articles }) => {
  const { page, tabId } = await clipper.openTab(articles.url(`/articles/${SAMPLE.blogPost}.html`));
  await clipper.clickToolbarButton(page);
  const helper = await clipper.extensionPage();
  // Code running in the page's isolated world (as a compromised content script would) asks the worker for data.
  const reply = await helper.evaluate(async (id) => {
    const [result] = await chrome.scripting.executeScript({
      target: { tabId: id },
      func: () => chrome.runtime.sendMessage({ type: 'clip.listRecent', payload: { limit: 10 } }),
    });
    return result?.result as unknown;
  }, tabId);
  expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
});

test('sections come from the settings: a section added in the options page is offered when clipping', async ({ clipper, articles }) => {
  const options = await clipper.context.newPage();
  await options.goto(`chrome-extension://${clipper.extensionId}/options/index.html`);
  await options.getByPlaceholder('New section name').fill('Tools & Tips');
  await options.getByRole('button', { name: 'Add section' }).click();
  await options.getByRole('button', { name: 'Save settings' }).click();
  await expect(options.getByText('Saved ✓', { exact: true })).toBeVisible();

  const { popup } = await clipper.clipFlow(articles.url(`/articles/${SAMPLE.blogPost}.html`));
  await popup.chooseSection('Tools & Tips');
  await popup.save();
  expect((await clipper.storedClippings())[0]?.section).toBe('tools-tips');
});
