import { readFile } from 'node:fs/promises';
import { launchWithExtension } from './browser';
import { expect, test } from './fixtures';
import { ExtensionDriver } from './pages/extension-driver';
import { IssueDeskPage } from './pages/issue-desk-page';
import { SAMPLE } from './samples';

test('a broken backup file is refused in words, and a damaged record is skipped without losing the others', async ({ clipper }) => {
  const page = await clipper.context.newPage();
  await page.goto(`chrome-extension://${clipper.extensionId}/options/index.html`);
  await page
    .getByLabel('Restore from a backup file…')
    .setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('this is not json') });
  await expect(page.getByTestId('backup-status')).toContainText('Nothing was restored');

  const good = {
    url: 'https://example.com/a',
    title: 'A good one',
    byline: '',
    siteName: '',
    publishedTime: '',
    excerpt: '',
    lang: '',
    quote: '',
    quoteLink: '',
    summary: 'Kept.',
    section: 'articles',
    id: 'clipping-good-0001',
    urlKey: 'https://example.com/a',
    origin: 'page',
    sources: {},
    notes: [],
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    issueId: null,
    position: 1,
  };
  const backup = {
    format: 'newsletter-clipper.backup',
    version: 1,
    exportedAt: new Date().toISOString(),
    settings: {},
    issues: [],
    clippings: [good, { ...good, id: 'clipping-bad-0002', url: 42 }],
  };
  await page
    .getByLabel('Restore from a backup file…')
    .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await expect(page.getByTestId('backup-status')).toContainText('Restored 0 issues, 1 clipping');
  await expect(page.getByTestId('backup-status')).toContainText('clipping-bad-0002');
  expect((await clipper.storedClippings()).map((c) => c.id)).toEqual(['clipping-good-0001']);
});

test('an issue exported as JSON imports into a fresh profile unchanged', async ({ clipper, articles }) => {
  const { popup } = await clipper.clipFlow(articles.url(`/articles/${SAMPLE.blogPost}.html`));
  await popup.type('summary', 'Round trip.');
  await popup.save();
  const desk = await IssueDeskPage.open(await clipper.context.newPage(), clipper.extensionId);
  const downloading = desk.page.waitForEvent('download');
  await desk.page.getByRole('button', { name: 'Download .json' }).click();
  const path = await (await downloading).path();
  expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ format: 'newsletter-clipper.issue', version: 2 });

  const fresh = new ExtensionDriver(await launchWithExtension());
  try {
    const freshDesk = await IssueDeskPage.open(await fresh.context.newPage(), fresh.extensionId);
    await freshDesk.page.getByLabel('Import issue…').setInputFiles(path);
    await expect(freshDesk.notice).toContainText('Imported 1 issue and 1 clipping');
    expect(await fresh.storedClippings()).toEqual(await clipper.storedClippings());
  } finally {
    await fresh.context.close();
  }
});
