import { describe, expect, it } from 'vitest';
import { isKnownTimeZone, type TimeWindow, weekWindow } from './week';

const at = (iso: string) => new Date(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const hours = (window: TimeWindow) => (window.end - window.start) / 3_600_000;
const isoWindow = (window: TimeWindow) => ({ start: iso(window.start), end: iso(window.end) });

/** Weekday and wall-clock time of an instant in a zone, e.g. "Mon 00:00". */
function wallClock(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${part('weekday')} ${part('hour')}:${part('minute')}`;
}

describe('weekWindow', () => {
  it('starts on Monday at midnight when weekStartsOn is 1 (UTC)', () => {
    // 2026-06-10 is a Wednesday.
    expect(isoWindow(weekWindow(at('2026-06-10T12:00:00Z'), 1, 'UTC'))).toEqual({
      start: '2026-06-08T00:00:00.000Z',
      end: '2026-06-15T00:00:00.000Z',
    });
  });

  it('starts on Sunday at midnight when weekStartsOn is 0 (UTC)', () => {
    expect(isoWindow(weekWindow(at('2026-06-10T12:00:00Z'), 0, 'UTC'))).toEqual({
      start: '2026-06-07T00:00:00.000Z',
      end: '2026-06-14T00:00:00.000Z',
    });
  });

  it('puts a Sunday in different weeks for Sunday and Monday starts', () => {
    const sunday = at('2026-06-14T09:00:00Z');
    expect(iso(weekWindow(sunday, 0, 'UTC').start)).toBe('2026-06-14T00:00:00.000Z');
    expect(iso(weekWindow(sunday, 1, 'UTC').start)).toBe('2026-06-08T00:00:00.000Z');
  });

  it('is half-open: the first instant belongs to the week, the end instant to the next one', () => {
    const window = weekWindow(at('2026-06-10T12:00:00Z'), 1, 'UTC');
    expect(weekWindow(new Date(window.start), 1, 'UTC')).toEqual(window);
    expect(weekWindow(new Date(window.end - 1), 1, 'UTC')).toEqual(window);
    expect(weekWindow(new Date(window.end), 1, 'UTC').start).toBe(window.end);
  });

  describe('Europe/Berlin, clocks go forward on Sunday 2026-03-29', () => {
    it('a Monday-start week containing the change is 167 hours long', () => {
      const window = weekWindow(at('2026-03-29T12:00:00Z'), 1, 'Europe/Berlin');
      expect(isoWindow(window)).toEqual({ start: '2026-03-22T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z' });
      expect(hours(window)).toBe(167);
      expect(wallClock(window.start, 'Europe/Berlin')).toBe('Mon 00:00');
      expect(wallClock(window.end, 'Europe/Berlin')).toBe('Mon 00:00');
    });

    it('a Sunday-start week beginning on the change day is 167 hours long', () => {
      const window = weekWindow(at('2026-03-29T12:00:00Z'), 0, 'Europe/Berlin');
      expect(isoWindow(window)).toEqual({ start: '2026-03-28T23:00:00.000Z', end: '2026-04-04T22:00:00.000Z' });
      expect(hours(window)).toBe(167);
    });

    it('the week after the change is back to 168 hours', () => {
      expect(hours(weekWindow(at('2026-04-01T12:00:00Z'), 1, 'Europe/Berlin'))).toBe(168);
    });
  });

  describe('America/New_York, clocks go back on Sunday 2026-11-01', () => {
    it('a Sunday-start week beginning on the change day is 169 hours long', () => {
      const window = weekWindow(at('2026-11-01T12:00:00Z'), 0, 'America/New_York');
      expect(isoWindow(window)).toEqual({ start: '2026-11-01T04:00:00.000Z', end: '2026-11-08T05:00:00.000Z' });
      expect(hours(window)).toBe(169);
      expect(wallClock(window.start, 'America/New_York')).toBe('Sun 00:00');
      expect(wallClock(window.end, 'America/New_York')).toBe('Sun 00:00');
    });

    it('a Monday-start week containing the change is 169 hours long', () => {
      const window = weekWindow(at('2026-11-01T12:00:00Z'), 1, 'America/New_York');
      expect(isoWindow(window)).toEqual({ start: '2026-10-26T04:00:00.000Z', end: '2026-11-02T05:00:00.000Z' });
      expect(hours(window)).toBe(169);
    });

    it('the repeated hour (01:30 EDT and 01:30 EST) falls in the same week', () => {
      const first = weekWindow(at('2026-11-01T05:30:00Z'), 0, 'America/New_York');
      const second = weekWindow(at('2026-11-01T06:30:00Z'), 0, 'America/New_York');
      expect(second).toEqual(first);
    });
  });

  it('uses the zone, not UTC, to decide the day', () => {
    // Sunday 23:30 UTC is already Monday 01:30 in Berlin.
    const lateSunday = at('2026-06-07T23:30:00Z');
    expect(iso(weekWindow(lateSunday, 1, 'UTC').start)).toBe('2026-06-01T00:00:00.000Z');
    expect(iso(weekWindow(lateSunday, 1, 'Europe/Berlin').start)).toBe('2026-06-07T22:00:00.000Z');
    // Monday 02:00 UTC is still Sunday evening in New York.
    const earlyMonday = at('2026-06-08T02:00:00Z');
    expect(iso(weekWindow(earlyMonday, 1, 'UTC').start)).toBe('2026-06-08T00:00:00.000Z');
    expect(iso(weekWindow(earlyMonday, 1, 'America/New_York').start)).toBe('2026-06-01T04:00:00.000Z');
  });

  it.each([0, 1, 2, 3, 4, 5, 6])('starts at midnight of day %i in a zone with a half-hour offset', (weekStartsOn) => {
    const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    const now = at('2026-09-16T20:15:00Z');
    const window = weekWindow(now, weekStartsOn, 'Asia/Kolkata');
    expect(wallClock(window.start, 'Asia/Kolkata')).toBe(`${days[weekStartsOn]} 00:00`);
    expect(window.start).toBeLessThanOrEqual(now.getTime());
    expect(window.end).toBeGreaterThan(now.getTime());
    expect(hours(window)).toBe(168);
  });

  it('tiles time: consecutive weeks meet exactly, across both DST changes of a year', () => {
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Sydney']) {
      let window = weekWindow(at('2026-01-05T12:00:00Z'), 1, zone);
      for (let week = 0; week < 53; week += 1) {
        const next = weekWindow(new Date(window.end), 1, zone);
        expect(next.start).toBe(window.end);
        expect([167, 168, 169]).toContain(hours(next));
        window = next;
      }
    }
  });

  it('uses the runtime zone when the zone is empty', () => {
    const now = at('2026-06-10T12:00:00Z');
    const window = weekWindow(now, 3, '');
    const start = new Date(window.start);
    expect(start.getDay()).toBe(3);
    expect([start.getHours(), start.getMinutes(), start.getSeconds(), start.getMilliseconds()]).toEqual([0, 0, 0, 0]);
    expect(window.start).toBeLessThanOrEqual(now.getTime());
    expect(window.end).toBeGreaterThan(now.getTime());
  });
});

describe('isKnownTimeZone', () => {
  it.each(['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'UTC'])('knows %s', (zone) => {
    expect(isKnownTimeZone(zone)).toBe(true);
  });

  it.each(['Mars/Olympus_Mons', 'Europe/Berlinn', 'not a zone', 'GMT+25'])('rejects %s', (zone) => {
    expect(isKnownTimeZone(zone)).toBe(false);
  });
});
