import { describe, expect, it } from 'vitest';
import { extractCapture } from './extract';
import { documentAt } from '../../test/document';

const PROSE = `<p>${'The story goes on. '.repeat(30)}</p>`;
const date = (head: string, body: string) =>
  extractCapture(documentAt(`<html><head>${head}</head><body>${body}</body></html>`, 'https://ex.com/story'), {
    now: new Date('2024-06-01'),
  }).publishedTime;

describe('findPublishedTime', () => {
  it('gives a zone-less datetime attribute the zone its visible text shows', () => {
    expect(date('', `<article><time datetime="2022-10-17 16:01:26">10/17/2022 04:01 PM EDT</time>${PROSE}</article>`)?.value).toBe(
      '2022-10-17T16:01:26-04:00',
    );
  });

  it('refines a bare day with a later date of that day that has the time', () => {
    const byline =
      '<div class="byline">Jane Roe Oct 13, 2016 <div class="stamp" datetime="2016-10-13 17:00:00 -0400">Oct 13, 2016</div></div>';
    expect(date('', `<article>${byline}${PROSE}</article>`)?.value).toBe('2016-10-13T17:00:00-04:00');
    expect(
      date(
        '<meta name="date" content="2016-12-15">',
        `<article><time datetime="2016-12-15T15:33:00-05:00">Dec 15</time>${PROSE}</article>`,
      ),
    ).toEqual({ value: '2016-12-15T15:33:00-05:00', source: 'time-element' });
    // Another day is not a refinement.
    expect(
      date('<meta name="date" content="2016-12-15">', `<article><time datetime="2016-12-20T15:33:00-05:00">Dec 20</time>${PROSE}</article>`)
        ?.value,
    ).toBe('2016-12-15');
  });

  it('does not take an <ins> or <del> edit date for the publication date', () => {
    const body = `<article><span class="entry-date">January 5, 2024</span>${PROSE}<ins datetime="2024-03-01T10:00:00Z">Update: fixed.</ins></article>`;
    expect(date('', body)?.value).toBe('2024-01-05');
  });

  it('reads datetime on custom elements', () => {
    expect(date('', `<article><relative-time datetime="2020-07-07T12:10:51Z">on Jul 7</relative-time>${PROSE}</article>`)?.value).toBe(
      '2020-07-07T12:10:51Z',
    );
  });
});
