import { describe, expect, it } from 'vitest';
import { SyncError, SyncErrorCode, codeForStatus, draftIsGone, errorForStatus, kindOf, retryAfterMs } from './sync-error';
import { describeTarget, syncErrorWords } from './sync-words';

const WP = describeTarget('wordpress', 'https://news.example.org/');

const DAY = 86_400_000;
// A whole second, so HTTP dates (one-second resolution) land exactly.
const NOW = Date.parse('2026-06-10T10:00:00Z');

describe('SyncError', () => {
  it('is an Error with a code, its facts, its kind and words built from them', () => {
    const error = new SyncError('draft-deleted', { status: 410 }, WP);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('SyncError');
    expect(error.data).toEqual({ code: 'draft-deleted', status: 410 });
    expect(error.code).toBe('draft-deleted');
    expect(error.kind).toBe('permanent');
    expect(error.message).toBe(syncErrorWords(error.data, WP).message);
    expect(new SyncError('server').retryAfterMs).toBeUndefined();
  });

  it('keeps long facts within what the store accepts', () => {
    expect(new SyncError('unexpected', { text: 'x'.repeat(5000) }).data.text).toHaveLength(1000);
    expect(new SyncError('server', { said: 'y'.repeat(5000) }).data.said).toHaveLength(300);
  });

  it('gives every code a kind: only network, server and protocol troubles are retried', () => {
    const kinds = Object.fromEntries(SyncErrorCode.options.map((code) => [code, kindOf(code)]));
    expect(kinds).toEqual({
      auth: 'permanent',
      forbidden: 'permanent',
      'not-found': 'permanent',
      'draft-deleted': 'permanent',
      'draft-trashed': 'permanent',
      published: 'permanent',
      conflict: 'conflict',
      moved: 'permanent',
      offline: 'temporary',
      timeout: 'temporary',
      'rate-limited': 'temporary',
      server: 'temporary',
      'bad-response': 'temporary',
      rejected: 'permanent',
      'edit-race': 'temporary',
      unexpected: 'temporary',
    });
  });

  it('offers to recreate the draft only when it is deleted or trashed', () => {
    expect(SyncErrorCode.options.filter((code) => draftIsGone(code))).toEqual(['draft-deleted', 'draft-trashed']);
    expect(draftIsGone(undefined)).toBe(false);
  });
});

describe('codeForStatus', () => {
  it('maps each HTTP status to its code', () => {
    expect(
      Object.fromEntries([400, 401, 403, 404, 405, 408, 409, 410, 418, 422, 429, 500, 502, 503, 504].map((s) => [s, codeForStatus(s)])),
    ).toEqual({
      400: 'rejected',
      401: 'auth',
      403: 'forbidden',
      404: 'not-found',
      405: 'rejected',
      408: 'timeout',
      409: 'conflict',
      410: 'draft-deleted',
      418: 'rejected',
      422: 'rejected',
      429: 'rate-limited',
      500: 'server',
      502: 'server',
      503: 'server',
      504: 'server',
    });
  });
});

describe('errorForStatus', () => {
  it('keeps the status as a fact, and the kind follows the code', () => {
    for (const status of [400, 401, 403, 404, 408, 409, 410, 429, 500, 503]) {
      const error = errorForStatus(status, WP);
      expect(error.data).toEqual({ code: codeForStatus(status), status });
      expect(error.kind).toBe(kindOf(codeForStatus(status)));
      expect(error.message).toContain('news.example.org');
      expect(error.message).toContain(`HTTP ${status}`);
    }
  });

  it('carries Retry-After when given', () => {
    expect(errorForStatus(429, WP, 120_000).retryAfterMs).toBe(120_000);
    expect(errorForStatus(503, WP, 0).retryAfterMs).toBe(0);
    expect(errorForStatus(500, WP).retryAfterMs).toBeUndefined();
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
