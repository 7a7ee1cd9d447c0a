import { readFile } from 'node:fs/promises';
import { launchWithExtension } from './browser';
import { expect, test } from './fixtures';
import { ExtensionDriver } from './pages/extension-driver';
import { IssueDeskPage } from './pages/issue-desk-page';
import { SAMPLE } from './samples';

test('a backup restored into a fresh profile brings back every clipping, issue and setting', async ({ clipper, articles }) => {
  // A custom section and three clippings, one deleted.
  const options = await clipper.context.newPage();
  await options.goto(`chrome-extension://${clipper.extensionId}/options/index.html`);
  await options.getByLabel('Newsletter name').fill('SRE Weekly');
  await options.getByPlaceholder('New section name').fill('Tools');
  await options.getByRole('button', { name: 'Add section' }).click();
  await options.getByRole('button', { name: 'Save settings' }).click();
  await expect(options.getByText('Saved ✓')).toBeVisible();
  for (const [name, section] of [[SAMPLE.blogPost, 'Articles'], [SAMPLE.statusPage, 'Outages'], [SAMPLE.newsArticle, 'Tools']] as const) {
    const { popup } = await clipper.clipFlow(articles.url(`/articles/${name}.html`));
    await popup.type('summary', `Why ${name} matters.`);
    await popup.chooseSection(section);
    await popup.save();
    await popup.close();
  }
  const before = (await clipper.storedClippings()).sort((a, b) => a.id.localeCompare(b.id));

  const downloading = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Download backup' }).click();
  const backupPath = (await (await downloading).path())!;
  const backupText = await readFile(backupPath, 'utf8');
  expect(JSON.parse(backupText)).toMatchObject({ format: 'newsletter-clipper.backup', version: 1 });

  const fresh = new ExtensionDriver(await launchWithExtension());
  try {
    // The fresh profile has opened its own (empty) issue #1 already: the restore replaces it.
    await IssueDeskPage.open(await fresh.context.newPage(), fresh.extensionId);
    const restorePage = await fresh.context.newPage();
    await restorePage.goto(`chrome-extension://${fresh.extensionId}/options/index.html`);
    await restorePage.getByLabel('Restore from a backup file…').setInputFiles(backupPath);
    await expect(restorePage.getByTestId('backup-status')).toHaveText('Restored 1 issue, 3 clippings and the settings.');
    await expect(restorePage.getByLabel('Newsletter name')).toHaveValue('SRE Weekly');

    const after = (await fresh.storedClippings()).sort((a, b) => a.id.localeCompare(b.id));
    expect(after).toEqual(before);
    const desk = await IssueDeskPage.open(await fresh.context.newPage(), fresh.extensionId);
    await expect(desk.page.getByTestId('issue-count')).toHaveText('3 clippings');
    await expect(desk.section('Tools').getByTestId('clipping')).toHaveCount(1);
    await expect(desk.page.locator('#issue-title')).toHaveValue('SRE Weekly Issue #1');
  } finally {
    await fresh.context.close();
  }
});

test('a broken backup file is refused in words, and a damaged record is skipped without losing the others', async ({ clipper }) => {
  const page = await clipper.context.newPage();
  await page.goto(`chrome-extension://${clipper.extensionId}/options/index.html`);
  await page.getByLabel('Restore from a backup file…').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('this is not json') });
  await expect(page.getByTestId('backup-status')).toContainText('Nothing was restored');

  const good = {
    url: 'https://example.com/a', title: 'A good one', byline: '', siteName: '', publishedTime: '', excerpt: '', lang: '', quote: '', quoteLink: '',
    summary: 'Kept.', section: 'articles', id: 'clipping-good-0001', urlKey: 'https://example.com/a', origin: 'page', sources: {}, notes: [],
    createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000, issueId: null, position: 1,
  };
  const backup = {
    format: 'newsletter-clipper.backup', version: 1, exportedAt: new Date().toISOString(), settings: {},
    issues: [], clippings: [good, { ...good, id: 'clipping-bad-0002', url: 42 }],
  };
  await page.getByLabel('Restore from a backup file…').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
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
  const path = (await (await downloading).path())!;
  expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ format: 'newsletter-clipper.issue', version: 1 });

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
