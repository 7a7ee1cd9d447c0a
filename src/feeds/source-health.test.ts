import { describe, expect, it } from 'vitest';
import { FeedError } from './feed-error';
import { FAILURE_CAP_MS, NEW_SOURCE_HEALTH, SourceHealth, afterFailure, afterSuccess, isDue, lastWorkedWords } from './source-health';

const NOW = Date.parse('2025-03-12T12:00:00Z');
const HALF_HOUR = 30 * 60_000;
const max = () => 0.999999;

describe('source health', () => {
  it('a new source is due at once; a success clears the error and waits one interval', () => {
    expect(isDue(NEW_SOURCE_HEALTH, NOW)).toBe(true);
    const failed = afterFailure(NEW_SOURCE_HEALTH, NOW, HALF_HOUR, new FeedError('server', { status: 503 }), max);
    const ok = afterSuccess(failed, NOW + 1000, HALF_HOUR);
    expect(ok).toEqual({ lastOkAt: NOW + 1000, lastTriedAt: NOW + 1000, failures: 0, lastError: null, nextAt: NOW + 1000 + HALF_HOUR });
    expect(SourceHealth.parse(ok)).toEqual(ok);
    expect(isDue(ok, NOW + HALF_HOUR)).toBe(false);
    expect(isDue(ok, NOW + 1000 + HALF_HOUR)).toBe(true);
  });

  it('backs off while a source keeps failing: from a minute, doubling, capped at six hours (or the interval when longer)', () => {
    let health = NEW_SOURCE_HEALTH;
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      health = afterFailure(health, NOW, HALF_HOUR, new FeedError('offline'), max);
      waits.push(Math.round((health.nextAt! - NOW) / 60_000));
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 360, 360, 360]);
    expect(health).toMatchObject({ failures: 12, lastError: { code: 'offline' } });
    const daily = afterFailure({ ...health, failures: 20 }, NOW, 24 * 60 * 60_000, new FeedError('offline'), max);
    expect(daily.nextAt! - NOW).toBeGreaterThan(FAILURE_CAP_MS);
  });

  it('waits at least as long as a Retry-After, and jitters between half and the whole wait', () => {
    const limited = afterFailure(NEW_SOURCE_HEALTH, NOW, HALF_HOUR, new FeedError('rate-limited', { status: 429 }, 3_600_000), max);
    expect(limited.nextAt).toBe(NOW + 3_600_000);
    const low = afterFailure({ ...NEW_SOURCE_HEALTH, failures: 3 }, NOW, HALF_HOUR, new FeedError('offline'), () => 0);
    expect(low.nextAt! - NOW).toBe(30_000);
  });

  it('stops polling on what only the editor can fix', () => {
    for (const code of ['auth', 'forbidden', 'host-access', 'api-disabled'] as const) {
      const paused = afterFailure(NEW_SOURCE_HEALTH, NOW, HALF_HOUR, new FeedError(code), max);
      expect(paused.nextAt, code).toBeNull();
      expect(isDue(paused, NOW + 10 * 24 * 3_600_000)).toBe(false);
    }
  });

  it('says when the source last worked', () => {
    expect(lastWorkedWords(NEW_SOURCE_HEALTH, NOW)).toBe('Has not worked yet.');
    const at = (ms: number) => ({ ...NEW_SOURCE_HEALTH, lastOkAt: NOW - ms });
    expect(lastWorkedWords(at(10_000), NOW)).toBe('Last worked just now.');
    expect(lastWorkedWords(at(5 * 60_000), NOW)).toBe('Last worked 5 minutes ago.');
    expect(lastWorkedWords(at(3 * 3_600_000), NOW)).toBe('Last worked 3 hours ago.');
    expect(lastWorkedWords(at(3 * 24 * 3_600_000), NOW)).toBe('Last worked 3 days ago.');
  });
});
