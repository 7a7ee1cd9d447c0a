import { expect, test } from './fixtures';

test('markup from a hostile page is shown as plain text, never rendered', async ({ clipper, articles }) => {
  const { popup } = await clipper.clipFlow(articles.url('/special/hostile.html'));
  // Whatever the extractor keeps of the hostile values reaches the form as text.
  const values = Object.values(await popup.values()).join('\n');
  expect(values).toMatch(/Pwned|Headline/);
  expect(values).toContain('Mallory');
  // Nothing the page wrote became an element of the extension page, and no handler ran.
  await expect(popup.page.locator('main img, main svg, main iframe, main b, main script')).toHaveCount(0);
  expect(await popup.page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  // Markup that is shown is shown literally (as typed text in inputs), e.g. the page's <title> or description.
  if (values.includes('<')) expect(await popup.page.locator('main').innerHTML()).not.toMatch(/<(img|svg|iframe|script)\b/);
  await popup.type('summary', 'Escaping <em>works</em>.');
  await popup.save();
  const [stored] = await clipper.storedClippings();
  expect(stored?.summary).toBe('Escaping <em>works</em>.');
});
