/** Backoff for temporary failures: exponential from 30 s, capped at 1 h, with "full jitter". */
export const RETRY_BASE_MS = 30_000;
export const RETRY_CAP_MS = 60 * 60 * 1000;

/**
 * The wait before attempt `attempts + 1`. Full jitter (a random point in [base/2, ceiling]) spreads
 * retries so a recovering server is not hit by every client at once. `random` is injected for tests;
 * `base` and `cap` default to the outbox's (the feed sources use their own, see src/feeds/source-health.ts).
 */
export function backoffMs(
  attempts: number,
  random: () => number = Math.random,
  { baseMs = RETRY_BASE_MS, capMs = RETRY_CAP_MS } = {},
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempts - 1));
  const floor = Math.min(ceiling, baseMs / 2);
  return Math.round(floor + (ceiling - floor) * random());
}
