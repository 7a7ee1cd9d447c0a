/** Backoff for temporary failures: exponential from 30 s, capped at 1 h, with "full jitter". */
export const RETRY_BASE_MS = 30_000;
export const RETRY_CAP_MS = 60 * 60 * 1000;

/**
 * The wait before attempt `attempts + 1`. Full jitter (a random point in [base/2, ceiling]) spreads
 * retries so a recovering server is not hit by every client at once. `random` is injected for tests.
 */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
  const floor = Math.min(ceiling, RETRY_BASE_MS / 2);
  return Math.round(floor + (ceiling - floor) * random());
}
