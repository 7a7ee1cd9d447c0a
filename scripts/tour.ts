// The headless tour (`npm start` without a display): clips each sample article as an editor would,
// prints what the worker stored, and writes popup screenshots and the clippings to out/.
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchWithExtension } from '../e2e/browser';
import { ExtensionDriver } from '../e2e/pages/extension-driver';
import { startArticleServer } from '../e2e/servers/article-server';
import { sampleArticleNames, sampleSlug } from './sample-articles';

const OUT = resolve(import.meta.dirname, '..', 'out');

function summaryFor(title: string, index: number): string {
  const angles = [
    'A clear walk-through with numbers you can take to your own team.',
    'Worth reading for the timeline alone: note how long detection took.',
    'A good reminder that the fix was organisational, not technical.',
  ];
  return `${title.trim() || 'This piece'} — ${angles[index % angles.length]}\nSecond thought: read it with your on-call rotation in mind.`;
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const server = await startArticleServer();
  const launched = await launchWithExtension({ headless: true });
  const clipper = new ExtensionDriver(launched);
  try {
    const names = sampleArticleNames();
    console.log(`Tour: clipping ${names.length} sample articles from ${server.origin}\n`);
    for (const [index, name] of names.entries()) {
      const { page, popup } = await clipper.clipFlow(server.url(`/articles/${name}`));
      const title = await popup.value('title');
      await popup.type('summary', summaryFor(title, index));
      const section = await popup.sectionLabel();
      if (section === 'Choose later') await popup.chooseSection('Articles');
      await popup.page.screenshot({ path: resolve(OUT, `popup-${sampleSlug(name)}.png`), fullPage: true });
      await popup.save();
      await popup.page.screenshot({ path: resolve(OUT, `popup-${sampleSlug(name)}-saved.png`), fullPage: true });
      console.log(`  ✓ ${name}: “${title}” → ${await popup.sectionLabel()}`);
      await popup.close();
      await page.close();
    }
    const stored = await clipper.storedClippings();
    console.log(`\nStored clippings (${stored.length}), read back from the extension's IndexedDB:\n`);
    console.table(
      stored
        .sort((a, b) => a.createdAt - b.createdAt)
        .map((c) => ({ section: c.section, title: c.title.slice(0, 48), author: c.byline.slice(0, 28), publication: c.siteName.slice(0, 24), published: c.publishedTime.slice(0, 10) })),
    );
    await writeFile(resolve(OUT, 'clippings.json'), `${JSON.stringify(stored, null, 2)}\n`);
    console.log(`\nWrote ${resolve(OUT, 'clippings.json')} and popup screenshots to ${OUT}/`);
  } finally {
    await launched.context.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
