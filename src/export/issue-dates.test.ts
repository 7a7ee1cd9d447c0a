import { describe, expect, it } from 'vitest';
import { issueDateRange as dateRange } from './issue-dates';

/** ICU writes a range's dash between thin spaces (U+2009) where both sides have more than a day. */
const T = '\u2009';
const issueDateRange = (start: string, end: string) => dateRange(start, end, 'en-US');

describe('issueDateRange', () => {
  it.each([
    ['2026-11-16T00:00:00.000-05:00', '2026-11-23T00:00:00.000-05:00', `November 16${T}–${T}22, 2026`],
    ['2026-11-30T00:00:00.000Z', '2026-12-07T00:00:00.000Z', `November 30${T}–${T}December 6, 2026`],
    ['2026-12-28T00:00:00+01:00', '2027-01-04T00:00:00+01:00', `December 28, 2026${T}–${T}January 3, 2027`],
    ['2026-11-16T00:00:00Z', '2026-11-17T00:00:00Z', 'November 16, 2026'],
    ['2026-11-16', '2026-11-23', `November 16${T}–${T}22, 2026`],
    // An end that is not at midnight: its own day is the last day.
    ['2026-11-16T09:00:00Z', '2026-11-22T18:00:00Z', `November 16${T}–${T}22, 2026`],
    // A leap day, and the end of February.
    ['2028-02-28T00:00:00Z', '2028-03-01T00:00:00Z', `February 28${T}–${T}29, 2028`],
  ])('%s to %s reads %j', (start, end, text) => {
    expect(issueDateRange(start, end)).toBe(text);
  });

  it('reads the calendar day in the offset each string is written in', () => {
    // Monday 00:00 in Berlin is Sunday 23:00 UTC: written with its offset it is the 16th…
    expect(issueDateRange('2026-11-16T00:00:00.000+01:00', '2026-11-23T00:00:00.000+01:00')).toBe(`November 16${T}–${T}22, 2026`);
    // …and written in UTC (toISOString) the same instants are the 15th to the 22nd.
    expect(issueDateRange('2026-11-15T23:00:00.000Z', '2026-11-22T23:00:00.000Z')).toBe(`November 15${T}–${T}22, 2026`);
  });

  it.each([
    ['', ''],
    ['not a date', '2026-11-23'],
    ['2026-11-16', 'soon'],
    ['2026-02-31', '2026-03-07'],
    ['2026-11-23', '2026-11-16'],
    ['2026-11-16', '2026-11-16'],
    ['16/11/2026', '23/11/2026'],
  ])('is empty for a window it cannot read (%j, %j)', (start, end) => {
    expect(issueDateRange(start, end)).toBe('');
  });

  it('writes the range as the newsletter’s language does (Intl.DateTimeFormat#formatRange)', () => {
    const [start, end] = ['2026-11-16T00:00:00.000+01:00', '2026-11-23T00:00:00.000+01:00'];
    expect(dateRange(start, end, 'de')).toBe('16.–22. November 2026');
    expect(dateRange(start, end, 'en-GB')).toBe(`16${T}–${T}22 November 2026`);
    expect(dateRange(start, '2026-11-17T00:00:00.000+01:00', 'fr')).toBe('16 novembre 2026');
  });
});
