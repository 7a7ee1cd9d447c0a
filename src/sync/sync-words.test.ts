import { describe, expect, it } from 'vitest';
import { SyncErrorCode, kindOf } from './sync-error';
import { describeTarget, keepRemoteLabel, syncErrorWords, targetName } from './sync-words';

const WP = describeTarget('wordpress', 'https://news.example.org/');
const GENERIC = describeTarget('generic', 'https://drafts.example.org/api/v1/');

describe('describeTarget and targetName', () => {
  it('names the target by its kind and site, path included, no trailing slash', () => {
    expect(targetName(WP)).toBe('WordPress site news.example.org');
    expect(targetName(GENERIC)).toBe('drafting server drafts.example.org/api/v1');
    expect(targetName(describeTarget('wordpress', 'http://127.0.0.1:8080/blog'))).toBe('WordPress site 127.0.0.1:8080/blog');
    expect(targetName(undefined)).toBe('the drafting backend');
  });

  it('shows a malformed address as it was typed', () => {
    expect(describeTarget('generic', 'not a url')).toEqual({ kind: 'generic', site: 'not a url' });
  });
});

describe('syncErrorWords', () => {
  it('names the configured target, never WordPress for the generic one', () => {
    for (const code of SyncErrorCode.options.filter((c) => c !== 'unexpected')) {
      const words = syncErrorWords({ code, status: 500 }, GENERIC);
      expect(`${words.message} ${words.action ?? ''}`, code).not.toMatch(/WordPress/);
      expect(words.message, code).toContain('drafts.example.org/api/v1');
      expect(syncErrorWords({ code }, WP).message, code).toContain('WordPress site news.example.org');
    }
  });

  it('gives every permanent failure and every edit conflict something to do, and no retried one', () => {
    for (const code of SyncErrorCode.options) {
      const { action } = syncErrorWords({ code }, WP);
      if (kindOf(code) === 'temporary') expect(action, code).toBeUndefined();
      else expect(action, code).toBeTruthy();
    }
  });

  it('asks for the credentials the target uses', () => {
    expect(syncErrorWords({ code: 'auth', status: 401 }, WP)).toEqual({
      message: 'WordPress site news.example.org refused the credentials (HTTP 401).',
      action: 'Check the user name and Application Password in the options, then press “Sync now”.',
    });
    expect(syncErrorWords({ code: 'auth', status: 401 }, GENERIC).action).toBe('Check the token in the options, then press “Sync now”.');
  });

  it('says a deleted draft is gone and offers to recreate it', () => {
    expect(syncErrorWords({ code: 'draft-deleted', status: 404 }, GENERIC)).toEqual({
      message: 'The draft is gone from drafting server drafts.example.org/api/v1 (HTTP 404): it was deleted there.',
      action: 'Press “Recreate the draft” to make a new one.',
    });
  });

  it('adds the facts: where a redirect led, what the server said, an unexpected error’s text', () => {
    expect(syncErrorWords({ code: 'moved', movedTo: 'https://www.example.org' }, WP).message).toBe(
      'WordPress site news.example.org moved to https://www.example.org (the request was redirected there).',
    );
    expect(syncErrorWords({ code: 'server', status: 503, said: 'Maintenance' }, WP).message).toBe(
      'WordPress site news.example.org is not answering properly (HTTP 503); trying again later. WordPress site news.example.org said: “Maintenance”',
    );
    expect(syncErrorWords({ code: 'unexpected', text: 'boom' }, undefined).message).toBe('Sync failed unexpectedly (boom).');
    expect(syncErrorWords({ code: 'offline', text: 'Failed to fetch' }, undefined).message).toBe(
      'The drafting backend could not be reached (Failed to fetch); trying again later.',
    );
  });

  it('names the conflict choice after the target', () => {
    expect(syncErrorWords({ code: 'conflict' }, WP).action).toBe('Choose in the issue desk: keep WordPress’s version, or overwrite it.');
    expect(keepRemoteLabel(GENERIC)).toBe('Keep the server’s version');
  });
});
