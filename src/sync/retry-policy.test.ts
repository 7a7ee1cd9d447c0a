import { describe, expect, it } from 'vitest';
import { RETRY_BASE_MS, RETRY_CAP_MS, backoffMs } from './retry-policy';

const low = () => 0;
const high = () => 1;

describe('backoffMs', () => {
  it('starts at 30 s and doubles with each failed attempt (upper bound, random 1)', () => {
    expect(RETRY_BASE_MS).toBe(30_000);
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffMs(n, high))).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000]);
  });

  it('is capped at one hour, however many attempts', () => {
    expect(RETRY_CAP_MS).toBe(3_600_000);
    expect(backoffMs(8, high)).toBe(3_600_000);
    expect(backoffMs(50, high)).toBe(3_600_000);
    expect(backoffMs(5000, high)).toBe(3_600_000);
    expect(backoffMs(Number.MAX_SAFE_INTEGER, high)).toBe(3_600_000);
  });

  it('never waits less than half the base (lower bound, random 0)', () => {
    for (const n of [0, 1, 2, 3, 10, 100]) expect(backoffMs(n, low)).toBe(15_000);
  });

  it('treats zero or negative attempts as the first', () => {
    expect(backoffMs(0, high)).toBe(30_000);
    expect(backoffMs(-3, high)).toBe(30_000);
  });

  it('spreads retries between the bounds (full jitter)', () => {
    expect(backoffMs(3, () => 0.5)).toBe(15_000 + (120_000 - 15_000) / 2);
    expect(backoffMs(1, () => 0.25)).toBe(15_000 + 15_000 / 4);
    expect(backoffMs(4, () => 0.1)).toBeLessThan(backoffMs(4, () => 0.9));
  });

  it('stays in bounds and returns whole milliseconds with the default random', () => {
    for (let n = 1; n <= 12; n++) {
      for (let i = 0; i < 20; i++) {
        const wait = backoffMs(n);
        expect(Number.isInteger(wait)).toBe(true);
        expect(wait).toBeGreaterThanOrEqual(15_000);
        expect(wait).toBeLessThanOrEqual(Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** (n - 1)));
      }
    }
  });
});
