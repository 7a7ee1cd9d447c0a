// `npm start` with a display: Chromium with the extension loaded and the sample articles open, in a
// throwaway profile. Click the toolbar button (or press Alt+Shift+K) on any article to clip it.
import { launchWithExtension } from '../e2e/browser';
import { startArticleServer } from '../e2e/servers/article-server';
import { sampleArticleNames } from './sample-articles';

async function main(): Promise<void> {
  const server = await startArticleServer();
  const { context, extensionId } = await launchWithExtension({ headless: false });
  for (const name of sampleArticleNames()) await (await context.newPage()).goto(server.url(`/articles/${name}`));
  await (await context.newPage()).goto(`chrome-extension://${extensionId}/options/index.html`);
  console.log(`Chromium is open with Newsletter Clipper and the sample articles (served from ${server.origin}).`);
  console.log('Clip with the toolbar button, Alt+Shift+K, or right-click a link → "Clip link". Close the browser to stop.');
  await new Promise<void>((done) => context.on('close', () => done()));
  await server.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
