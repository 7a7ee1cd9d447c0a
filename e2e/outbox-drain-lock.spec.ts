import type { Page } from '@playwright/test';
import type { ExtensionDriver } from './pages/extension-driver';
import { OptionsPage } from './pages/options-page';
import { SAMPLE } from './samples';
import { type FaultProxy, startFaultProxy } from './servers/fault-proxy';
import { type GenericTarget, startGenericTarget } from './servers/generic-target';
import { expect, test } from './sync-fixtures';

/** DRAIN_LOCK of src/platform/sync-runtime.ts (not imported: that module loads the polyfill, which throws outside a browser). */
const DRAIN_LOCK = 'outbox-drain';
const TOKEN = 'lock-secret';
const DRAFTS = /\/api\/v1\/drafts\//;

/** The drain lock as the browser's lock manager sees it from an extension page (same origin as the worker). */
async function drainLock(page: Page): Promise<{ held: number; pending: number }> {
  return page.evaluate(async (name) => {
    const { held = [], pending = [] } = await navigator.locks.query();
    return { held: held.filter((l) => l.name === name).length, pending: pending.filter((l) => l.name === name).length };
  }, DRAIN_LOCK);
}

/** The drafting server behind a fault proxy, connected in the options page; the page is kept for lock look-ups. */
async function connected(clipper: ExtensionDriver): Promise<{ server: GenericTarget; proxy: FaultProxy; page: Page }> {
  const server = await startGenericTarget({ token: TOKEN });
  const proxy = await startFaultProxy({ target: server.origin, stallMs: 30_000 });
  const options = await OptionsPage.open(await clipper.context.newPage(), clipper.extensionId);
  await options.connectGeneric(`${proxy.origin}/api/v1`, TOKEN);
  return { server, proxy, page: options.page };
}

/** The draft requests' time spans at the backend, in arrival order; a span still open ends now. */
function spans(proxy: FaultProxy): [number, number][] {
  return proxy.log.filter((e) => DRAFTS.test(e.path)).map((e) => [e.startedAt, e.startedAt + (e.ms ?? Date.now() - e.startedAt)]);
}

test.describe('the outbox drain lock (navigator.locks)', () => {
  test('a worker stopped mid-drain leaves no lock behind: the next worker drains', async ({ clipper, articles }) => {
    const { server, proxy, page } = await connected(clipper);
    try {
      // The first draft request hangs at the backend: the drain that sent it holds the lock.
      proxy.enqueueFor({ method: 'PUT', route: DRAFTS }, 'stall');
      const title = await clipper.clipWithSummary(articles.url(`/articles/${SAMPLE.blogPost}.html`), 'Sent after the worker died.');
      await expect.poll(() => proxy.count('PUT', DRAFTS)).toBe(1);
      expect(await drainLock(page)).toEqual({ held: 1, pending: 0 });

      await clipper.stopWorker();
      // The browser released the dead worker's lock: nothing holds it, nothing waits for it.
      await expect.poll(() => drainLock(page)).toEqual({ held: 0, pending: 0 });

      // The next event starts a new worker, whose drain takes the lock and sends the draft.
      await clipper.message('sync.now', {});
      await expect
        .poll(() =>
          Object.values(server.drafts()).some((d) => d.content.includes(title) && d.content.includes('Sent after the worker died.')),
        )
        .toBe(true);
      expect(proxy.count('PUT', DRAFTS)).toBe(2);
      expect(server.stats.stored).toBe(1);
      expect(await drainLock(page)).toEqual({ held: 0, pending: 0 });
    } finally {
      await proxy.close();
      await server.close();
    }
  });

  test('drains never overlap: the worker waits while another context holds the lock, and its queued drains run one at a time', async ({
    clipper,
    articles,
  }) => {
    const { server, proxy, page } = await connected(clipper);
    try {
      // Another context of the extension (this page, as an old worker still finishing would) holds the lock.
      await page.evaluate(
        (name) =>
          new Promise<void>((granted) => {
            void navigator.locks.request(name, () => {
              granted();
              return new Promise<void>((release) => ((globalThis as unknown as { releaseDrain: () => void }).releaseDrain = release));
            });
          }),
        DRAIN_LOCK,
      );
      // The first draft request hangs for 5 s, then fails.
      proxy.enqueueFor({ method: 'PUT', route: DRAFTS }, { kind: 'stall', ms: 5_000 });
      const title = await clipper.clipWithSummary(articles.url(`/articles/${SAMPLE.newsArticle}.html`), 'One push at a time.');
      const syncs = [0, 1, 2].map(() => clipper.message<{ ok: boolean }>('sync.now', {}));
      // The save's drain and three "Sync now" drains wait in the worker; not one request reached the backend.
      await expect.poll(() => drainLock(page)).toEqual({ held: 1, pending: 4 });
      expect(proxy.log.filter((e) => DRAFTS.test(e.path))).toEqual([]);

      // Released: one drain pushes, and while its push hangs at the backend the other three still wait.
      await page.evaluate(() => (globalThis as unknown as { releaseDrain: () => void }).releaseDrain());
      await expect.poll(() => proxy.count('PUT', DRAFTS)).toBe(1);
      await expect.poll(() => drainLock(page)).toEqual({ held: 1, pending: 3 });
      expect(proxy.count('PUT', DRAFTS)).toBe(1);
      expect((await Promise.all(syncs)).every((reply) => reply.ok)).toBe(true);
      expect(await drainLock(page)).toEqual({ held: 0, pending: 0 });

      // "Sync now" once more: the draft lands. No draft request ever began before the one before it ended.
      await clipper.message('sync.now', {});
      await expect.poll(() => Object.values(server.drafts()).some((d) => d.content.includes(title))).toBe(true);
      const times = spans(proxy);
      expect(times.length).toBeGreaterThanOrEqual(2);
      for (let i = 1; i < times.length; i += 1)
        expect(times[i]![0], `draft request ${i + 1} starts after request ${i} ended`).toBeGreaterThanOrEqual(times[i - 1]![1]);
      expect(server.stats.stored).toBe(1);
    } finally {
      await proxy.close();
      await server.close();
    }
  });
});
