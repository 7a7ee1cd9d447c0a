import { describe, expect, it } from 'vitest';
import { FeedError, FeedErrorCode, feedErrorKind } from './feed-error';
import { checkWords, feedErrorWords, whenWords } from './feed-words';

const NOW = new Date(2025, 2, 12, 12, 0, 0).getTime();
const local = (d: number, h = 9) => new Date(2025, 2, d, h, 0, 0).toISOString();

describe('checkWords', () => {
  it('says what a feed holds and how fresh it is', () => {
    expect(checkWords({ kind: 'rss', items: 12, newest: local(11), skipped: 0 }, NOW)).toBe('A feed with 12 items, newest from yesterday.');
    expect(checkWords({ kind: 'atom', items: 1, newest: local(12, 1), skipped: 1 }, NOW)).toBe(
      'A feed with 1 item, newest from today. 1 item has no usable link and will be left out.',
    );
    expect(checkWords({ kind: 'json', items: 3, newest: null, skipped: 0 }, NOW)).toBe('A feed with 3 items, none of them dated.');
    expect(checkWords({ kind: 'rdf', items: 0, newest: null, skipped: 0 }, NOW)).toBe('A feed, with no items yet.');
    expect(checkWords({ kind: 'ttrss', items: 2, newest: local(9), skipped: 0 }, NOW)).toBe(
      'Tiny Tiny RSS answered: 2 starred items, newest from 3 days ago.',
    );
    expect(checkWords({ kind: 'ttrss', items: 0, newest: null, skipped: 0 }, NOW)).toBe('Tiny Tiny RSS answered: no starred items yet.');
  });

  it('says dates in calendar days, months and years', () => {
    expect(whenWords(new Date(2025, 0, 12).toISOString(), NOW)).toBe('2 months ago');
    expect(whenWords(new Date(2021, 2, 12).toISOString(), NOW)).toBe('4 years ago');
    expect(whenWords(local(14), NOW)).toBe('in 2 days');
  });
});

describe('feedErrorWords', () => {
  it('has words for every code, with an action wherever the editor can do something', () => {
    for (const code of FeedErrorCode.options) {
      const words = feedErrorWords({ code }, { kind: 'feed', host: 'news.example.org' });
      expect(words.message, code).toMatch(/^[A-Z0-9].*[.”]$/);
      if (feedErrorKind(code) === 'editor') expect(words.action, code).toBeTruthy();
    }
  });

  it('names the reader and what to do for its errors', () => {
    const reader = { kind: 'ttrss', host: 'rss.example.org' } as const;
    expect(feedErrorWords({ code: 'auth', said: 'LOGIN_ERROR' }, reader)).toEqual({
      message: 'Tiny Tiny RSS at rss.example.org refused the user name or password. It said: “LOGIN_ERROR”',
      action: 'Check the user name and password, then press Test.',
    });
    expect(feedErrorWords({ code: 'api-disabled' }, reader).action).toBe(
      'In Tiny Tiny RSS: Preferences → General → “Enable API”, then press Test.',
    );
    expect(feedErrorWords({ code: 'host-access' }, reader)).toEqual({
      message: 'The extension may not read rss.example.org: access was not granted.',
      action: 'Press Test and allow access to that site.',
    });
    expect(feedErrorWords({ code: 'no-api', movedTo: 'https://rss.example.org/tt-rss/' }, reader).message).toBe(
      'This address redirects to https://rss.example.org/tt-rss/, where the API must be asked directly.',
    );
  });

  it('builds the error’s message from the same words, and keeps long facts within their caps', () => {
    const error = new FeedError('malformed', { line: 3, column: 7, said: 'Missing end tag for element title' });
    expect(error.message).toBe('The feed is broken: it is not well-formed (line 3, column 7). Missing end tag for element title.');
    expect(new FeedError('offline', { text: 'x'.repeat(5000) }).data.text).toHaveLength(1000);
    expect(new FeedError('timeout', { timeoutMs: 20_000 }).message).toBe('The server did not answer in time (20 s). Trying again later.');
  });
});
