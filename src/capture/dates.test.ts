import { describe, expect, it } from 'vitest';
import { dateFromUrl, parseDate, plausibleDate } from './dates';

const now = new Date('2024-06-01T12:00:00Z');

describe('parseDate', () => {
  it.each([
    ['2016-12-09T09:13:00.000Z', '2016-12-09T09:13:00Z'],
    ['2016-10-13T16:34:00.918Z', '2016-10-13T16:34:00.918Z'],
    ['Mon Aug 03 12:45:00 EDT 2015', '2015-08-03T12:45:00-04:00'],
    ['2016-12-09T09:13:00-05:00', '2016-12-09T09:13:00-05:00'],
    ['2016-12-09 09:13:00 +0100', '2016-12-09T09:13:00+01:00'],
    // An offset written with three digits ("-500" for -05:00).
    ['2018-10-29T10:15-500', '2018-10-29T10:15:00-05:00'],
    ['2016-12-09', '2016-12-09'],
    ['2016-12-09T09:13', '2016-12-09T09:13:00'],
    ['Fri, 09 Dec 2016 09:13:00 GMT', '2016-12-09T09:13:00Z'],
    ['December 9, 2016 at 9:13 pm EST', '2016-12-09T21:13:00-05:00'],
    ['Dec. 9th, 2016', '2016-12-09'],
    ['9. Dezember 2016, 10:30 Uhr', '2016-12-09T10:30:00'],
    ['Veröffentlicht am 14. März 2024', '2024-03-14'],
    ['09.12.2016', '2016-12-09'],
    ['12/09/2016', '2016-12-09'],
    ['2019年4月4日 08時00分', '2019-04-04T08:00:00'],
    ['2019年4月4日(木) 8:05', '2019-04-04T08:05:00'],
    ['Mon Aug 03 12:45:00 GMT+02:00 2015', '2015-08-03T12:45:00+02:00'],
    ['1481274780', '2016-12-09T09:13:00Z'],
  ])('%s → %s', (input, iso) => {
    expect(parseDate(input)?.iso).toBe(iso);
  });

  it('rejects non-dates and impossible dates', () => {
    for (const text of ['yesterday', '2016-02-31', 'Chapter 12', '']) expect(parseDate(text)).toBeUndefined();
  });
});

describe('plausibleDate', () => {
  it('refuses dates in the future or before 1990', () => {
    expect(plausibleDate('2030-01-01', now)).toBeUndefined();
    expect(plausibleDate('1970-01-01T00:00:00Z', now)).toBeUndefined();
    expect(plausibleDate('2024-05-31', now)).toBe('2024-05-31');
  });
});

describe('dateFromUrl', () => {
  it('reads /2017/04/21/, /2017-04-21- and /20170421/', () => {
    expect(dateFromUrl('https://ex.com/2017/04/21/slug')).toBe('2017-04-21');
    expect(dateFromUrl('https://ex.com/blog/2017-04-21-slug')).toBe('2017-04-21');
    expect(dateFromUrl('https://ex.com/20170421/slug')).toBe('2017-04-21');
    expect(dateFromUrl('https://ex.com/2017/slug')).toBeUndefined();
  });
});
