import { expect, test } from './fixtures';
import type { ExtensionDriver } from './pages/extension-driver';
import { IssueDeskPage } from './pages/issue-desk-page';
import { HUGE_DOM_TITLE } from './servers/generated-pages';

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

/** Sends a protocol message as the extension's pages do and returns the worker's answer (which must be a success). */
async function ask<T>(clipper: ExtensionDriver, type: string, payload: unknown): Promise<T> {
  const reply = await clipper.message<{ ok: boolean; value: T; error?: unknown }>(type, payload);
  expect(reply, `${type}: ${JSON.stringify(reply.error)}`).toMatchObject({ ok: true });
  return reply.value;
}

/** Every bidirectional control the extension strips from single-line fields (src/clip/bidi.ts). */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

test('a canonical address on another host: both are shown, the editor chooses, and the clipping keeps the visited one too', async ({
  clipper,
  articles,
}) => {
  const visited = articles.url('/special/syndicated.html');
  const canonical = 'https://origin.example.com/2026/03/retries-without-backoff';
  const { popup } = await clipper.clipFlow(visited);
  await expect(popup.field('url')).toHaveValue(canonical);
  const choice = popup.page.getByTestId('visited-url');
  await expect(choice).toContainText('Canonical address, from the page');
  await expect(choice).toContainText(`You were reading ${visited}`);
  // The editor may keep the address they were reading instead, and change their mind again.
  await choice.getByRole('button', { name: 'Use this one instead' }).click();
  await expect(popup.field('url')).toHaveValue(visited);
  await expect(choice).toContainText(`Canonical address ${canonical}`);
  await choice.getByRole('button', { name: 'Use the canonical address' }).click();
  await expect(popup.field('url')).toHaveValue(canonical);
  await popup.type('summary', 'Syndicated, with the original linked.');
  await popup.save();
  const [stored] = await clipper.storedClippings();
  expect(stored).toMatchObject({ url: canonical, visitedUrl: visited });
  // The desk shows both on the card.
  const desk = await IssueDeskPage.open(await clipper.context.newPage(), clipper.extensionId);
  const card = desk.card('Retries without backoff, again');
  await expect(card.getByTestId('visited-url')).toContainText(`Canonical address ${canonical} · You were reading ${visited}`);
  await expect(card.getByTestId('visited-url').getByRole('link')).toHaveAttribute('href', visited);
  // A backup and the issue's JSON export carry it (both write the stored record).
  const backup = await ask<{ clippings: { visitedUrl?: string }[] }>(clipper, 'backup.create', {});
  expect(backup.clippings.map((c) => c.visitedUrl)).toEqual([visited]);
  const file = await ask<{ clippings: { visitedUrl?: string }[] }>(clipper, 'issue.exportFile', { issueId: stored!.issueId });
  expect(file.clippings.map((c) => c.visitedUrl)).toEqual([visited]);
});

test('bidirectional controls in a title, an author and a link text are stripped, and page text is isolated where shown', async ({
  clipper,
  articles,
}) => {
  const { page, popup } = await clipper.clipFlow(articles.url('/special/bidi.html'));
  await expect(popup.field('title')).toHaveValue('Invoice fdp.exe from your bank');
  await expect(popup.field('authors')).toHaveValue('yrollaM');
  await expect(popup.field('siteName')).toHaveValue('Override Times');
  // Every field takes its direction from its own text.
  for (const name of ['title', 'authors', 'siteName', 'url', 'excerpt', 'quote'] as const)
    await expect(popup.field(name)).toHaveAttribute('dir', 'auto');
  // A control typed (or pasted) into the form is stripped by the worker when saved.
  await popup.replace('siteName', 'Override\u202E Times');
  await popup.save();
  // A link whose text carries one, clipped without opening it.
  const href = await page.locator('#reversed').evaluate((a) => (a as HTMLAnchorElement).href);
  const linkText = await page.locator('#reversed').innerText();
  expect(linkText).toMatch(BIDI);
  await ask(clipper, 'clip.link', { url: href, text: linkText });
  const stored = await clipper.storedClippings();
  expect(stored).toHaveLength(2);
  for (const clipping of stored) {
    for (const field of ['url', 'title', 'siteName', 'publishedTime', 'lang'] as const) expect(clipping[field]).not.toMatch(BIDI);
    for (const name of clipping.authors) expect(name).not.toMatch(BIDI);
  }
  expect(stored.map((c) => c.title).sort()).toEqual(['Invoice fdp.exe from your bank', 'Read tsop siht']);
  // The desk isolates page text: titles and credits in <bdi>, fields with dir=auto; a desk edit is stripped too.
  const desk = await IssueDeskPage.open(await clipper.context.newPage(), clipper.extensionId);
  const card = desk.card('Invoice fdp.exe from your bank');
  await expect(card.locator('.card-title bdi')).toHaveText('Invoice fdp.exe from your bank');
  await expect(card.locator('.attribution bdi')).toHaveText('yrollaM — Override Times');
  await expect(card.locator('textarea.summary')).toHaveAttribute('dir', 'auto');
  const updated = await ask<{ clipping: { title: string } }>(clipper, 'clip.update', {
    id: stored.find((c) => c.title.startsWith('Invoice'))!.id,
    changes: { title: 'Edited \u202Eon the desk' },
  });
  expect(updated.clipping.title).toBe('Edited on the desk');
  // What the exports render (Markdown, HTML) has the stripped text.
  const doc = await ask<{ sections: { entries: { title: string; byline: string }[] }[] }>(clipper, 'issue.document', {
    issueId: (await clipper.storedClippings())[0]!.issueId,
  });
  expect(JSON.stringify(doc)).not.toMatch(BIDI);
});

test('a 2.4 MB selection: the quote keeps the first 20,000 characters and the form says so', async ({ clipper, articles }) => {
  const { page, tabId } = await clipper.openTab(articles.url('/special/huge-text.html'));
  await page.evaluate(() => getSelection()!.selectAllChildren(document.getElementById('log')!));
  await clipper.clickToolbarButton(page);
  const popup = await clipper.openPopup(tabId);
  const quote = await popup.value('quote');
  expect(quote.length).toBeGreaterThan(19_000);
  expect(quote.length).toBeLessThanOrEqual(20_000);
  expect(quote.startsWith('The whole incident log, on one page\n\nEntry 00000:')).toBe(true);
  await expect(popup.page.locator('.field:has(#quote) .hint')).toHaveText(
    'Your selection was 2.4 million characters; the quote keeps the first 20,000.',
  );
});

test('a page with a 5 MB DOM is clipped with its title, and the form is pre-filled', async ({ clipper, articles }) => {
  const { popup } = await clipper.clipFlow(articles.url('/special/huge-dom.html'));
  await expect(popup.field('title')).toHaveValue(HUGE_DOM_TITLE);
  await expect(popup.field('siteName')).toHaveValue('Huge Times');
  // The capture read the page in a bounded time and says what it did not read.
  await expect(popup.notes.filter({ hasText: 'This page is very large' })).toHaveCount(1);
  await popup.type('summary', 'Big page, still clipped.');
  await popup.save();
  expect((await clipper.storedClippings())[0]?.title).toBe(HUGE_DOM_TITLE);
});
