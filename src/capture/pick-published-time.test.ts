import { describe, expect, it } from 'vitest';
import { documentAt } from '../../test/document';
import { parseDate } from './dates';
import { extractCapture } from './extract';
import { pickPublishedTime } from './pick-published-time';

const NOW = new Date('2024-06-01');
const PROSE = `<p>${'The story goes on. '.repeat(30)}</p>`;
const none = { published: [], inArticle: [], elsewhere: [], modified: [] };
const page = (html: string, url = 'https://ex.com/story', lang = '') =>
  extractCapture(documentAt(`<html${lang && ` lang="${lang}"`}><body>${html}</body></html>`, url), { now: NOW }).publishedTime;

describe('visible dates in many languages and orders', () => {
  it.each([
    ['5 października 2020', '2020-10-05'],
    ['12 января 2021 г.', '2021-01-12'],
    ['3. února 2022', '2022-02-03'],
    ['2022. február 3.', '2022-02-03'],
    ['14 de fevereiro de 2019', '2019-02-14'],
    ['9 marraskuuta 2018', '2018-11-09'],
    ['الأربعاء، 07 أكتوبر 2020 - 12:09', '2020-10-07T12:09:00'],
    ['تم نشره الجمعة 24 نيسان / أبريل 2020', '2020-04-24'],
    ['2020년 3월 4일', '2020-03-04'],
    ['Samstag, 19. Juli 2014', '2014-07-19'],
    ['24-04-2020 21:36', '2020-04-24T21:36:00'],
  ])('reads “%s”', (text, iso) => {
    expect(parseDate(text)?.iso).toBe(iso);
  });

  it('reads a two-digit year only in a dotted day (“30.10.23”), never in other numbers', () => {
    expect(parseDate('Party, 30.10.23', false)?.iso).toBe('2023-10-30');
    expect(parseDate('am 3.5.19 um 9:13', false)?.iso).toBe('2019-05-03T09:13:00');
    expect(parseDate('Version 2.10.23.1', false)).toBeUndefined();
    expect(parseDate('10/30/23', true)).toBeUndefined();
    expect(page(`<article><h1>Kostüme</h1>${PROSE}</article><div class="meta">Party, 30.10.23</div>`, undefined, 'de')?.value).toBe(
      '2023-10-30',
    );
  });

  it('reads numeric days in the order of the page’s language, and an impossible order the other way', () => {
    expect(parseDate('04/05/2020', true)?.iso).toBe('2020-04-05');
    expect(parseDate('04/05/2020', false)?.iso).toBe('2020-05-04');
    expect(parseDate('25/05/2020', true)?.iso).toBe('2020-05-25');
    expect(parseDate('05/25/2020', false)?.iso).toBe('2020-05-25');
    expect(page(`<article><p>Publicado el 04/05/2020</p>${PROSE}</article>`, undefined, 'es')?.value).toBe('2020-05-04');
    expect(page(`<article><p>Posted 04/05/2020</p>${PROSE}</article>`, undefined, 'en-US')?.value).toBe('2020-04-05');
  });
});

describe('choosing among the page’s dates', () => {
  it('reads a date written in the article’s text, as a suggestion when nothing confirms it', () => {
    expect(page(`<article><h1>Title</h1><p>Veröffentlicht am 3. Februar 2022</p>${PROSE}</article>`, undefined, 'de')).toEqual({
      value: '2022-02-03',
      source: 'page-text',
      uncertain: true,
    });
    // The address's date confirms it.
    expect(page(`<article><p>3 February 2022</p>${PROSE}</article>`, 'https://ex.com/2022/02/03/story')).toEqual({
      value: '2022-02-03',
      source: 'page-text',
    });
  });

  it('prefers a line that is only a date to a date inside a sentence (a caption’s)', () => {
    const caption = '<p>Protesters gather near the theatre in Paris, France, January 16, 2020. Photo by a staff photographer</p>';
    expect(page(`<article><h1>Title</h1>${caption}<p>January 18, 2020</p>${PROSE}</article>`)?.value).toBe('2020-01-18');
    // With no such line, the sentence's date is the guess.
    expect(page(`<article><h1>Title</h1>${caption}${PROSE}</article>`)).toEqual({
      value: '2020-01-16',
      source: 'page-text',
      uncertain: true,
    });
  });

  it('reads past blank text between elements: 900 text nodes with text are looked at', () => {
    const filler = '<span> </span>\n'.repeat(1200);
    expect(page(`<article><h1>Title</h1>${filler}<p>Veröffentlicht am 3. Februar 2022</p>${PROSE}</article>`, undefined, 'de')?.value).toBe(
      '2022-02-03',
    );
  });

  it('takes the day a date element shows when its attribute names another (an edit’s time)', () => {
    const time = '<time datetime="2019-07-03T10:18:46Z">Publié le 29 juin 2019</time>';
    expect(page(`<article><h1>Titre</h1>${time}${PROSE}</article>`, undefined, 'fr')?.value).toBe('2019-06-29');
    // The same day shown: the attribute's time stays.
    expect(page(`<article><h1>Titre</h1><time datetime="2019-06-29T10:18:46Z">29 juin 2019</time>${PROSE}</article>`)?.value).toBe(
      '2019-06-29T10:18:46Z',
    );
  });

  it('skips dates in comments, related links and scripts', () => {
    const body = `<article><p>Posted 2 May 2021</p>${PROSE}<section class="comments"><p>1 June 2023</p></section></article>`;
    expect(page(`<script>var d = "2019-01-01"</script>${body}`)?.value).toBe('2021-05-02');
  });

  it('puts a UTC time on the page’s own day when that day is one off (the same instant, the smallest offset)', () => {
    const picked = pickPublishedTime(
      { ...none, published: [{ source: 'json-ld', value: '2023-11-09T01:09:55Z' }] },
      'https://ex.com/2023/11/08/story',
      NOW,
    );
    expect(picked).toEqual({ value: '2023-11-08T23:09:55-02:00', source: 'json-ld' });
    expect(Date.parse(picked!.value)).toBe(Date.parse('2023-11-09T01:09:55Z'));
    // A print edition's date, half a day off: no zone explains it, the declared time stays.
    expect(
      pickPublishedTime({ ...none, published: [{ source: 'json-ld', value: '2016-09-19T11:46:01Z' }] }, 'https://ex.com/2016/09/20/x', NOW),
    ).toEqual({ value: '2016-09-19T11:46:01Z', source: 'json-ld' });
  });

  it('writes a declared UTC time in the page’s own offset when the article’s <time> is the same instant', () => {
    const picked = pickPublishedTime(
      {
        ...none,
        published: [{ source: 'json-ld', value: '2023-11-09T02:11:03.250+00:00' }],
        inArticle: [{ source: 'time-element', value: '2023-11-08T21:11:03-05:00', shown: 'November 8, 2023' }],
      },
      'https://ex.com/story',
      NOW,
    );
    expect(picked).toEqual({ value: '2023-11-08T21:11:03.250-05:00', source: 'json-ld' });
    expect(Date.parse(picked!.value)).toBe(Date.parse('2023-11-09T02:11:03.250Z'));
    // Another instant is not the same date written differently: the declared one stays.
    expect(
      pickPublishedTime(
        {
          ...none,
          published: [{ source: 'json-ld', value: '2023-11-09T02:11:03Z' }],
          inArticle: [{ source: 'time-element', value: '2023-11-08T18:00:00-05:00' }],
        },
        'https://ex.com/story',
        NOW,
      )?.value,
    ).toBe('2023-11-09T02:11:03Z');
  });

  it('takes the page’s own day from a date shown outside the article region when the article shows none', () => {
    // A zoneless time late in the evening, the page header showing the next day.
    const picked = pickPublishedTime(
      {
        ...none,
        published: [{ source: 'json-ld', value: '2020-12-05T23:15:00Z' }],
        elsewhere: [{ source: 'byline-markup', value: '', shown: 'Domenica 06 Dicembre 2020 | 00:36' }],
      },
      'https://ex.com/story',
      NOW,
      'it',
    );
    expect(picked).toEqual({ value: '2020-12-06T00:15:00+01:00', source: 'json-ld' });
  });

  it('offers a declared date as a suggestion when the declared dates disagree beyond a zone’s difference', () => {
    const published = [
      { source: 'json-ld' as const, value: '2020-01-10T16:50:00+00:00' },
      { source: 'meta' as const, value: '2023-01-01T14:11:58+01:00' },
    ];
    expect(pickPublishedTime({ ...none, published }, 'https://ex.com/story', NOW)).toEqual({
      value: '2020-01-10T16:50:00Z',
      source: 'json-ld',
      uncertain: true,
    });
    // The same instant in two zones, or a bare day and a time on it: they agree.
    const agreeing = [
      { source: 'json-ld' as const, value: '2020-01-10T16:50:00Z' },
      { source: 'opengraph' as const, value: '2020-01-10T17:50:00+01:00' },
      { source: 'meta' as const, value: '2020-01-10' },
    ];
    expect(pickPublishedTime({ ...none, published: agreeing }, 'https://ex.com/story', NOW)).toEqual({
      value: '2020-01-10T16:50:00Z',
      source: 'json-ld',
    });
  });

  it('offers the first full date as a suggestion when the story’s own date element is relative (“prije 26 minuta”)', () => {
    const inArticle = [
      { source: 'byline-markup' as const, value: '', shown: 'Piše: P. Mucović prije 26 minuta' },
      { source: 'byline-markup' as const, value: '', shown: '09.08.2020 u 10:52' },
    ];
    expect(pickPublishedTime({ ...none, inArticle }, 'https://ex.com/story', NOW, 'bs')).toEqual({
      value: '2020-08-09T10:52:00',
      source: 'byline-markup',
      uncertain: true,
    });
    // A date first, then relative times (a list of other stories): the date stands.
    expect(pickPublishedTime({ ...none, inArticle: [...inArticle].reverse() }, 'https://ex.com/story', NOW, 'bs')).toEqual({
      value: '2020-08-09T10:52:00',
      source: 'byline-markup',
    });
  });

  it('offers a declared date as a suggestion when the page’s own date is days away', () => {
    expect(
      pickPublishedTime(
        { ...none, published: [{ source: 'meta', value: '2020-01-10' }], inArticle: [{ source: 'time-element', value: '2023-03-06' }] },
        'https://ex.com/story',
        NOW,
      ),
    ).toEqual({ value: '2020-01-10', source: 'meta', uncertain: true });
  });
});
