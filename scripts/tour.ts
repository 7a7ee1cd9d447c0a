// The headless tour (`npm start` without a display): clips each sample article as an editor would,
// prints what the worker stored, and writes popup screenshots and the clippings to out/; the popup and
// the desk also in the light and the dark scheme (popup-light.png, popup-dark.png, issue-desk-light.png,
// issue-desk-dark.png: the README's pictures in docs/screenshots/ are copies of these).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { launchWithExtension } from '../e2e/browser';
import { ExtensionDriver } from '../e2e/pages/extension-driver';
import { IssueDeskPage } from '../e2e/pages/issue-desk-page';
import { OptionsPage } from '../e2e/pages/options-page';
import { startArticleServer } from '../e2e/servers/article-server';
import { type WordPress, startWordPress, wordPressAvailability } from '../e2e/servers/wordpress';
import { DIST_TEST } from '../e2e/sync-fixtures';
import { sampleArticleNames, sampleSlug } from './sample-articles';

const OUT = resolve(import.meta.dirname, '..', 'out');

const SUMMARIES = [
  'A clear walk-through with numbers you can take to your own team. The part on **paging policy** is the one to read twice.',
  'Worth reading for the timeline alone: note how long detection took compared with the fix.',
  'A good reminder that the fix was organisational, not technical.',
  'Short, practical, and honest about what did not work.',
];

function summaryFor(index: number): string {
  return SUMMARIES[index % SUMMARIES.length]!;
}

/** Screenshots a page as it looks in each colour scheme, into out/`name`-light.png and -dark.png. */
async function inBothSchemes(page: Page, name: string, settle: () => Promise<unknown> = () => Promise.resolve()): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await settle();
    await page.screenshot({ path: resolve(OUT, `${name}-${colorScheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Opens the issue desk, screenshots it, and downloads the week's exports into out/. */
async function exportTheWeek(clipper: ExtensionDriver): Promise<void> {
  const desk = await IssueDeskPage.open(await clipper.context.newPage(), clipper.extensionId);
  await desk.page.setViewportSize({ width: 1280, height: 800 });
  await desk.preview();
  await desk.page.screenshot({ path: resolve(OUT, 'issue-desk.png'), fullPage: true });
  // The top of the desk, with the preview rendered in each scheme.
  await inBothSchemes(desk.page, 'issue-desk', async () => {
    await desk.preview();
    await desk.page.evaluate(() => window.scrollTo(0, 0));
  });
  for (const [button, file] of [
    ['Download .md', 'issue.md'],
    ['Download .html', 'issue.html'],
  ] as const) {
    const download = desk.page.waitForEvent('download');
    await desk.page.getByRole('button', { name: button }).click();
    await (await download).saveAs(resolve(OUT, file));
  }
  console.log(
    `\nIssue desk: ${await desk.page.getByTestId('issue-count').innerText()}; exports written to out/issue.md and out/issue.html\n`,
  );
  console.log((await readFile(resolve(OUT, 'issue.md'), 'utf8')).trim());
  await desk.page.close();
}

/** Starts the local WordPress and connects the extension to it; undefined (and why) when this machine cannot run it. */
async function connectWordPress(clipper: ExtensionDriver): Promise<WordPress | undefined> {
  const available = wordPressAvailability();
  if (!available.ok) {
    console.log(`(Skipping WordPress: ${available.reason}.)\n`);
    return undefined;
  }
  console.log('Starting a local WordPress on 127.0.0.1 (the first start installs Debian packages)…');
  const wp = await startWordPress({ log: () => {} });
  console.log(`WordPress ${wp.version} at ${wp.url} (started in ${(wp.startMs / 1000).toFixed(1)} s); connecting the extension.\n`);
  const options = await OptionsPage.open(await clipper.context.newPage(), clipper.extensionId);
  await options.connect(wp.url, wp.user, wp.appPassword);
  await options.page.close();
  return wp;
}

/** Waits for the issue's draft to hold every clipping, then prints its address and its content. */
async function showDraft(wp: WordPress, clippings: number): Promise<void> {
  type Post = { id: number; link: string; content: { raw: string; rendered: string } };
  const deadline = Date.now() + 60_000;
  let post: Post | undefined;
  while (Date.now() < deadline) {
    const posts = await wp.restJson<Post[]>('/wp/v2/posts?context=edit&status=draft&per_page=10');
    post = posts.find((p) => p.content.raw.includes('newsletter-clipper:managed'));
    if (post && (post.content.raw.match(/<h3>|<li>/g)?.length ?? 0) >= clippings) break;
    await new Promise((done) => setTimeout(done, 500));
  }
  if (!post) {
    console.log('\nThe WordPress draft did not appear within a minute: see the issue desk for the sync state.');
    return;
  }
  await writeFile(resolve(OUT, 'wordpress-draft.html'), post.content.raw);
  console.log(`\nWordPress draft: ${wp.url}/wp-admin/post.php?post=${post.id}&action=edit (preview: ${post.link})`);
  console.log('Its content as WordPress renders it (also in out/wordpress-draft.html):\n');
  console.log(
    post.content.rendered
      .replace(/<[^>]+>/g, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
  );
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const server = await startArticleServer();
  // The test build: it may reach the local WordPress on 127.0.0.1 without the run-time prompt no script can click.
  const launched = await launchWithExtension({ headless: true, dist: DIST_TEST });
  const clipper = new ExtensionDriver(launched);
  let wp: WordPress | undefined;
  try {
    wp = await connectWordPress(clipper).catch((error: unknown) => {
      console.log(`(WordPress did not start: ${error instanceof Error ? error.message : String(error)}; the tour goes on without sync.)\n`);
      return undefined;
    });
    const names = sampleArticleNames();
    console.log(`Tour: clipping ${names.length} sample articles from ${server.origin}\n`);
    for (const [index, name] of names.entries()) {
      const { page, popup } = await clipper.clipFlow(server.url(`/articles/${name}`));
      const title = await popup.value('title');
      await popup.type('summary', summaryFor(index));
      const section = await popup.sectionLabel();
      if (section === 'Choose later') await popup.chooseSection('Articles');
      await popup.page.screenshot({ path: resolve(OUT, `popup-${sampleSlug(name)}.png`), fullPage: true });
      if (index === names.length - 1) await inBothSchemes(popup.page, 'popup');
      await popup.save();
      await popup.page.screenshot({ path: resolve(OUT, `popup-${sampleSlug(name)}-saved.png`), fullPage: true });
      console.log(`  ✓ ${name}: “${title}” → ${await popup.sectionLabel()}`);
      await popup.close();
      await page.close();
    }
    await exportTheWeek(clipper);
    const stored = await clipper.storedClippings();
    console.log(`\nStored clippings (${stored.length}), read back from the extension's IndexedDB:\n`);
    console.table(
      stored
        .sort((a, b) => a.createdAt - b.createdAt)
        .map((c) => ({
          section: c.section,
          title: c.title.slice(0, 48),
          author: c.authors.join(', ').slice(0, 28),
          publication: c.siteName.slice(0, 24),
          published: c.publishedTime.slice(0, 10),
        })),
    );
    await writeFile(resolve(OUT, 'clippings.json'), `${JSON.stringify(stored, null, 2)}\n`);
    console.log(`\nWrote ${resolve(OUT, 'clippings.json')} and popup screenshots to ${OUT}/`);
    if (wp) await showDraft(wp, stored.length);
  } finally {
    await launched.context.close();
    await server.close();
    await wp?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
