import { expect, test } from './fixtures';
import { SAMPLE, expectedCapture } from './samples';

const article = (name: string) => `/articles/${name}.html`;

test('the selected text becomes the quote, with paragraph breaks and a link to the passage', async ({ clipper, articles }) => {
  const { page, tabId } = await clipper.openTab(articles.url(article(SAMPLE.newsArticle)));
  const selected = await page.evaluate(() => {
    const paragraphs = Array.from(document.querySelectorAll('article p, main p, p')).filter(
      (p) => (p.textContent ?? '').trim().length > 40,
    );
    const range = document.createRange();
    range.setStartBefore(paragraphs[0]!);
    range.setEndAfter(paragraphs[1]!);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return [paragraphs[0]!.textContent.trim(), paragraphs[1]!.textContent.trim()];
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

test('a page without metadata still pre-fills what it can', async ({ clipper, articles }) => {
  const url = articles.url(article(SAMPLE.bare));
  const expected = expectedCapture(SAMPLE.bare);
  const { popup } = await clipper.clipFlow(url);
  expect(await popup.value('url')).toBe(url);
  if (expected.title) expect(await popup.value('title')).toBe(expected.title);
  await popup.save();
  expect(await clipper.storedClippings()).toHaveLength(1);
});
