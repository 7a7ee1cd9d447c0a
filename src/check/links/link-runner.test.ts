import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LinkServer, startLinkServer } from '../../../e2e/servers/link-server';
import { type LinkCheckDeps, timerSleep } from './check-link';
import { runLinkCheck } from './link-runner';

let servers: LinkServer[];
beforeAll(async () => {
  servers = await Promise.all([startLinkServer(), startLinkServer(), startLinkServer()]);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

/** Node's real fetch, counting the requests in flight per host and over all. */
function counting() {
  const inFlight = new Map<string, number>();
  let total = 0;
  const peak = { total: 0, perHost: 0 };
  const deps: LinkCheckDeps = {
    fetch: async (url, init) => {
      const host = new URL(url).host;
      inFlight.set(host, (inFlight.get(host) ?? 0) + 1);
      total++;
      peak.total = Math.max(peak.total, total);
      peak.perHost = Math.max(peak.perHost, inFlight.get(host)!);
      try {
        return await fetch(url, init);
      } finally {
        inFlight.set(host, inFlight.get(host)! - 1);
        total--;
      }
    },
    sleep: timerSleep,
    now: () => Date.now(),
  };
  return { deps, peak };
}

describe('runLinkCheck', () => {
  it('checks each distinct link once, a few per host at a time, within the global limit, reporting progress', async () => {
    const urls = servers.flatMap((s) => Array.from({ length: 6 }, (_, i) => `${s.origin}/ok/${i}?delay=60`));
    const { deps, peak } = counting();
    const progress: string[] = [];
    const verdicts = await runLinkCheck([...urls, urls[0]!], deps, {
      limits: { perHost: 2, concurrency: 5 },
      onProgress: ({ checked, total }) => progress.push(`${checked}/${total}`),
    });
    expect(verdicts.size).toBe(18);
    expect([...verdicts.values()].every((v) => v.kind === 'fine')).toBe(true);
    expect(peak.perHost).toBe(2);
    expect(peak.total).toBeLessThanOrEqual(5);
    expect(peak.total).toBeGreaterThan(2);
    expect(progress[0]).toBe('0/18');
    expect(progress.at(-1)).toBe('18/18');
  });

  it('leaves links past the total cap and non-web addresses unchecked, never broken', async () => {
    const s = servers[0]!;
    const verdicts = await runLinkCheck(
      [`${s.origin}/ok/a`, 'mailto:editor@example.com', `${s.origin}/ok/b`, `${s.origin}/ok/c`],
      counting().deps,
      {
        limits: { maxLinks: 2 },
      },
    );
    expect(verdicts.get(`${s.origin}/ok/a`)).toMatchObject({ kind: 'fine' });
    expect(verdicts.get('mailto:editor@example.com')).toMatchObject({ kind: 'unverified', reason: 'not-address' });
    expect(verdicts.get(`${s.origin}/ok/c`)).toMatchObject({ kind: 'unverified', reason: 'over-limit' });
  });

  it('cancels: requests under way are aborted and the rest reported as cancelled', async () => {
    const s = servers[1]!;
    const controller = new AbortController();
    const urls = Array.from({ length: 10 }, (_, i) => `${s.origin}/stall/${i}`);
    const pending = runLinkCheck(urls, counting().deps, { signal: controller.signal, limits: { timeoutMs: 20_000 } });
    setTimeout(() => controller.abort(), 100);
    const verdicts = await pending;
    expect(verdicts.size).toBe(10);
    expect([...verdicts.values()].every((v) => v.kind === 'unverified' && v.reason === 'cancelled')).toBe(true);
  });
});
