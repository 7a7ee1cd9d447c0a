import { SAMPLE } from '../samples';
import { expect, test } from './fixtures';
import { eventually, openClipForm, save } from './steps';

test('"Clip link" in the context menu stores a link without opening it, and badges the tab', async ({ app, articles }) => {
  const tab = await app.openTab(articles.url(`/articles/${SAMPLE.newsArticle}.html`));
  const link = await tab.evaluate<{ href: string; text: string }>(`(() => {
    const a = Array.from(document.querySelectorAll('a[href]')).find((a) => a.href.startsWith('http') && a.textContent.trim().length > 3);
    a.id = 'journey-link';
    return { href: a.href, text: a.innerText.trim() };
  })()`);
  await app.clipLinkFromContextMenu(tab, '#journey-link');
  const [stored] = await eventually(
    () => app.storedClippings(),
    (rows) => rows.length === 1,
    'the link to be stored',
  );
  expect(stored).toMatchObject({ title: link.text, section: null, origin: 'link' });
  expect(stored?.notes.join(' ')).toContain('without opening it');
  await eventually(
    () => app.badgeText(tab.tabId),
    (text) => text === '✓',
    'the tab’s badge to say the link was clipped',
  );

  // The same link again: no duplicate.
  await app.clipLinkFromContextMenu(tab, '#journey-link');
  await eventually(
    () => app.badgeText(tab.tabId),
    (text) => text === '=',
    'the badge to say it was clipped before',
  );
  expect(await app.storedClippings()).toHaveLength(1);
});

test('the keyboard shortcut opens the popup on the page and grants access to it, without the mouse', async ({ app, engine, articles }) => {
  test.skip(engine === 'chromium', 'Chromium handles extension shortcuts in the browser window, which no test can press a key in');
  const tab = await app.openTab(articles.url(`/articles/${SAMPLE.blogPost}.html`));
  await app.pressClipShortcut(tab);
  const popup = await openClipForm(app, tab);
  expect(await popup.value('#title')).toBe('Error budgets that teams actually use');
  await popup.type('#summary', 'Clipped from the keyboard.');
  await save(popup);
  expect((await app.storedClippings())[0]).toMatchObject({ summary: 'Clipped from the keyboard.', origin: 'page' });
});
