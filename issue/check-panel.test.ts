import { describe, expect, it } from 'vitest';
import { makeClipping } from '../test/fixtures';
import type { CheckProblem } from '../src/check/check-problem';
import { fixChanges, spotOf } from './check-panel';

const clipping = makeClipping(1, { summary: 'See [the notes](http://example.org/notes) and http://example.org/notes again.' });
const problem = (rule: CheckProblem['rule'], url?: string): CheckProblem => ({
  rule,
  severity: 'look',
  clippingId: clipping.id,
  message: 'x',
  ...(url ? { url } : {}),
});

describe('fixChanges', () => {
  it('sets a field, or replaces an address where it is: the clipping’s URL, else every time in its summary', () => {
    expect(fixChanges({ kind: 'set-field', field: 'title', value: 'Post' }, clipping)).toEqual({ title: 'Post' });
    expect(fixChanges({ kind: 'replace-url', from: clipping.url, to: 'https://example.com/moved' }, clipping)).toEqual({
      url: 'https://example.com/moved',
    });
    expect(fixChanges({ kind: 'replace-url', from: 'http://example.org/notes', to: 'https://example.org/notes' }, clipping)).toEqual({
      summary: 'See [the notes](https://example.org/notes) and https://example.org/notes again.',
    });
  });
});

describe('spotOf', () => {
  it('sends each rule to its field: a link to the address, or to the summary when the link is in it', () => {
    expect(spotOf(problem('credit-author'), clipping)).toBe('authors');
    expect(spotOf(problem('date-too-old'), clipping)).toBe('publishedTime');
    expect(spotOf(problem('repeat-published'), clipping)).toBe('card');
    expect(spotOf(problem('link-broken', clipping.url), clipping)).toBe('url');
    expect(spotOf(problem('link-broken', 'http://example.org/notes'), clipping)).toBe('summary');
  });
});
