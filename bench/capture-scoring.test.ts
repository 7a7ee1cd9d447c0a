import { describe, expect, it } from 'vitest';
import { exactMatch, lenientMatch, quantile, scoreCase, type FieldTally, type ScoredField } from './capture-scoring';

describe('capture benchmark scoring', () => {
  it('exact: whitespace collapsed, NFC, curly quotes folded', () => {
    expect(exactMatch('title', '  It’s  “fine” ', 'It\'s "fine"')).toBe(true);
    expect(exactMatch('title', 'Cafe\u0301', 'Café')).toBe(true);
    expect(exactMatch('title', "it's fine", "It's fine")).toBe(false);
  });
  it('exact URLs ignore a trailing slash only', () => {
    expect(exactMatch('url', 'https://ex.com/a/', 'https://ex.com/a')).toBe(true);
    expect(exactMatch('url', 'http://ex.com/a', 'https://ex.com/a')).toBe(false);
  });
  it('exact dates: same instant, or same day when the expected value has no time', () => {
    expect(exactMatch('publishedTime', '2016-12-09T04:13:00-05:00', '2016-12-09T09:13:00.000Z')).toBe(true);
    expect(exactMatch('publishedTime', '2016-12-09T10:13:00+00:00', '2016-12-09T09:13:00.000Z')).toBe(false);
    expect(exactMatch('publishedTime', '2016-12-09T23:00:00Z', '2016-12-09')).toBe(true);
  });
  it('lenient: containment either way, case-insensitive', () => {
    expect(lenientMatch('byline', 'Jane Doe', 'By JANE DOE, Staff')).toBe(true);
    expect(lenientMatch('title', 'Long headline | Site', 'long headline')).toBe(true);
    expect(lenientMatch('title', 'Other', 'Headline')).toBe(false);
  });
  it('lenient bylines, for every extractor: diacritics, list punctuation and the names of a list', () => {
    expect(lenientMatch('byline', 'Sebastien Farcis', 'Par Sébastien Farcis')).toBe(true);
    expect(lenientMatch('byline', '[ 山田太郎， Example]', '[山田太郎，Example]')).toBe(true);
    expect(lenientMatch('byline', 'Ann Lee, Bo Tan', '著者 Ann Lee イラスト Bo Tan')).toBe(true);
    expect(lenientMatch('byline', 'Ann Lee and Bo Tan', 'Written by Ann Lee | Edited by Bo Tan')).toBe(true);
    expect(lenientMatch('byline', 'Ann Lee, Cy Roe', 'Ann Lee and Bo Tan')).toBe(false);
    expect(lenientMatch('byline', 'Ann Lee, ', 'Ann Leeds')).toBe(false);
  });
  it('an expected empty value is matched only by an empty one', () => {
    expect(lenientMatch('byline', 'Ann Lee', '')).toBe(false);
    expect(lenientMatch('byline', '', ' ')).toBe(true);
    expect(exactMatch('byline', 'Ann Lee', '')).toBe(false);
  });
  it('lenient lang compares primary subtags; URLs ignore scheme and www.', () => {
    expect(lenientMatch('lang', 'en-US', 'en_GB')).toBe(true);
    expect(lenientMatch('lang', 'de', 'en')).toBe(false);
    expect(lenientMatch('url', 'http://www.ex.com/a/', 'https://ex.com/a')).toBe(true);
  });
  it('lenient dates: the same calendar day in UTC or as written', () => {
    expect(lenientMatch('publishedTime', '2019-04-04', '2019-04-04T15:00:00.000Z')).toBe(true);
    expect(lenientMatch('publishedTime', '2019-04-04T00:30:00+09:00', '2019-04-04T12:00:00Z')).toBe(true);
    expect(lenientMatch('publishedTime', '2019-04-06', '2019-04-04T15:00:00.000Z')).toBe(false);
    expect(lenientMatch('publishedTime', '2019-04-03', '2019-04-04T15:00:00.000Z')).toBe(false);
  });
  it("lenient dates: a day written as the instant of its midnight in the page's zone is that day", () => {
    // "2019/04/04" on a Japanese page, annotated as 00:00 at +09:00 in UTC.
    expect(lenientMatch('publishedTime', '2019-04-05', '2019-04-04T15:00:00.000Z')).toBe(true);
    expect(lenientMatch('publishedTime', '2022-07-19', '2022-07-18T22:00:00.000Z')).toBe(true);
    // Not a midnight anywhere: a day off is a day off.
    expect(lenientMatch('publishedTime', '2019-04-05', '2019-04-04T15:07:00.000Z')).toBe(false);
    // A time with an offset: the expected instant's day in that offset.
    expect(lenientMatch('publishedTime', '2019-02-13T12:00:00+09:00', '2019-02-12T15:00:00.000Z')).toBe(true);
    expect(lenientMatch('publishedTime', '2019-02-14T12:00:00+09:00', '2019-02-12T15:00:00.000Z')).toBe(false);
    expect(exactMatch('publishedTime', '2019-04-05', '2019-04-04T15:00:00.000Z')).toBe(false);
  });
  it('scores only annotated fields and counts a missing value as wrong', () => {
    const tallies: Partial<Record<ScoredField, FieldTally>> = {};
    scoreCase(tallies, { title: 'A', byline: 'B' }, { title: 'A', lang: 'en' });
    expect(tallies).toEqual({ title: { n: 1, exact: 1, lenient: 1 }, byline: { n: 1, exact: 0, lenient: 0 } });
  });
  it('computes nearest-rank quantiles', () => {
    expect(quantile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBe(10);
    expect(quantile([], 0.5)).toBe(0);
  });
});
