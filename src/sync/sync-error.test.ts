import { describe, expect, it } from 'vitest';
import { SyncError, errorForStatus, retryAfterMs } from './sync-error';

const DAY = 86_400_000;
// A whole second, so HTTP dates (one-second resolution) land exactly.
const NOW = Date.parse('2026-06-10T10:00:00Z');

describe('SyncError', () => {
  it('is an Error with a kind, plain words and options', () => {
    const error = new SyncError('permanent', 'Gone.', { action: 'Recreate.' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('SyncError');
    expect(error.message).toBe('Gone.');
    expect(error.kind).toBe('permanent');
    expect(error.options).toEqual({ action: 'Recreate.' });
    expect(new SyncError('temporary', 'x').options).toEqual({});
  });
});

describe('errorForStatus', () => {
  const kind = (status: number) => errorForStatus(status, 'WordPress').kind;

  it('classifies each status', () => {
    expect(Object.fromEntries([400, 401, 403, 404, 408, 409, 410, 429, 500, 502, 503, 504].map((s) => [s, kind(s)]))).toEqual({
      400: 'permanent',
      401: 'permanent',
      403: 'permanent',
      404: 'permanent',
      408: 'temporary',
      409: 'conflict',
      410: 'permanent',
      429: 'temporary',
      500: 'temporary',
      502: 'temporary',
      503: 'temporary',
      504: 'temporary',
    });
  });

  it('names the target and the status in every message', () => {
    for (const status of [400, 401, 403, 404, 408, 409, 410, 429, 500, 503]) {
      const error = errorForStatus(status, 'My Site');
      expect(error).toBeInstanceOf(SyncError);
      expect(error.message).toContain('My Site');
      expect(error.message).toContain(`HTTP ${status}`);
    }
  });

  it('asks for the credentials on 401 and 403', () => {
    for (const status of [401, 403]) {
      const error = errorForStatus(status, 'WordPress');
      expect(error.message).toMatch(/credentials/);
      expect(error.options.action).toMatch(/Application Password/);
    }
  });

  it('says the draft is gone on 404 and 410, and offers to recreate it', () => {
    for (const status of [404, 410]) {
      const error = errorForStatus(status, 'WordPress');
      expect(error.message).toMatch(/gone/);
      expect(error.options.action).toMatch(/Recreate the draft/);
    }
  });

  it('gives every permanent failure an action, and a 400 one too', () => {
    expect(errorForStatus(400, 'WordPress').options.action).toBeTruthy();
    expect(errorForStatus(418, 'WordPress')).toMatchObject({ kind: 'permanent', options: { action: expect.any(String) } });
  });

  it('carries Retry-After on temporary failures only when given', () => {
    expect(errorForStatus(429, 'WordPress', 120_000).options).toEqual({ retryAfterMs: 120_000 });
    expect(errorForStatus(503, 'WordPress', 0).options).toEqual({ retryAfterMs: 0 });
    expect(errorForStatus(500, 'WordPress').options).toEqual({});
    expect(errorForStatus(500, 'WordPress')).not.toHaveProperty('options.retryAfterMs');
    expect(errorForStatus(401, 'WordPress', 5000).options.retryAfterMs).toBeUndefined();
  });

  it('reports a 409 as a conflict with no action to guess', () => {
    expect(errorForStatus(409, 'WordPress').options.action).toBeUndefined();
  });
});

describe('retryAfterMs', () => {
  it('reads seconds', () => {
    expect(retryAfterMs('120', NOW)).toBe(120_000);
    expect(retryAfterMs('0', NOW)).toBe(0);
    expect(retryAfterMs('1.5', NOW)).toBe(1500);
    expect(retryAfterMs(' 30 ', NOW)).toBe(30_000);
  });

  it('reads an HTTP date as the time left until it', () => {
    expect(retryAfterMs(new Date(NOW + 90_000).toUTCString(), NOW)).toBe(90_000);
    expect(retryAfterMs('Wed, 10 Jun 2026 10:05:00 GMT', NOW)).toBe(5 * 60_000);
  });

  it('ignores nothing, garbage and the past', () => {
    expect(retryAfterMs(null, NOW)).toBeUndefined();
    expect(retryAfterMs('', NOW)).toBeUndefined();
    expect(retryAfterMs('soon', NOW)).toBeUndefined();
    expect(retryAfterMs('Infinity', NOW)).toBeUndefined();
    expect(retryAfterMs('NaN', NOW)).toBeUndefined();
    expect(retryAfterMs('-5', NOW)).toBeUndefined();
    expect(retryAfterMs(new Date(NOW - 60_000).toUTCString(), NOW)).toBeUndefined();
  });

  it('caps a huge wait at a day', () => {
    expect(retryAfterMs('99999999', NOW)).toBe(DAY);
    expect(retryAfterMs('1e300', NOW)).toBe(DAY);
    expect(retryAfterMs('Fri, 01 Jan 2100 00:00:00 GMT', NOW)).toBe(DAY);
    expect(retryAfterMs(String(24 * 3600), NOW)).toBe(DAY);
    expect(retryAfterMs(String(24 * 3600 - 1), NOW)).toBe(DAY - 1000);
  });
});
