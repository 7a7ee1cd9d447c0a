// Pin the runtime's own zone: `timeZone: ''` means "the browser's zone", and the daylight-saving cases
// below must not depend on where the tests happen to run.
process.env.TZ = 'UTC';

import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../settings/settings';
import { Issue } from './issue';
import { fallsInIssue, firstIssue, followingIssue } from './issue-lifecycle';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

function settings(overrides: Partial<Settings> = {}): Settings {
  return { ...defaultSettings(), timeZone: 'UTC', ...overrides };
}

describe('firstIssue', () => {
  it('is number 1, open, titled from the template, the Monday-to-Monday week containing now', () => {
    const now = at('2026-06-10T10:00:00Z'); // a Wednesday
    const issue = firstIssue(now, settings({ newsletterName: 'SRE Weekly' }), 'issue-0001');
    expect(issue).toEqual({
      id: 'issue-0001',
      number: 1,
      title: 'SRE Weekly Issue #1',
      status: 'open',
      start: at('2026-06-08T00:00:00Z'),
      end: at('2026-06-15T00:00:00Z'),
      sponsor: '',
      createdAt: now,
      updatedAt: now,
    });
    expect(Issue.safeParse(issue).success).toBe(true);
  });

  it('uses the custom title template', () => {
    expect(
      firstIssue(
        at('2026-06-10T10:00:00Z'),
        settings({ newsletterName: 'Ops', titleTemplate: '{newsletter} — no. {number}' }),
        'issue-0001',
      ).title,
    ).toBe('Ops — no. 1');
  });

  it('a week starting on Sunday runs Sunday to Sunday', () => {
    const issue = firstIssue(at('2026-06-10T10:00:00Z'), settings({ weekStartsOn: 0 }), 'issue-0001');
    expect([iso(issue.start), iso(issue.end)]).toEqual(['2026-06-07T00:00:00.000Z', '2026-06-14T00:00:00.000Z']);
  });

  it('Sunday belongs to the next week when weeks start on Sunday, and to the current one when they start on Monday', () => {
    const sunday = at('2026-06-14T12:00:00Z');
    const sundayStart = firstIssue(sunday, settings({ weekStartsOn: 0 }), 'issue-0001');
    const mondayStart = firstIssue(sunday, settings({ weekStartsOn: 1 }), 'issue-0001');
    expect(iso(sundayStart.start)).toBe('2026-06-14T00:00:00.000Z');
    expect([iso(mondayStart.start), iso(mondayStart.end)]).toEqual(['2026-06-08T00:00:00.000Z', '2026-06-15T00:00:00.000Z']);
  });

  it('the first instant of a week belongs to that week, the one before to the week before', () => {
    const monday = at('2026-06-15T00:00:00Z');
    expect(firstIssue(monday, settings(), 'issue-0001').start).toBe(monday);
    expect(firstIssue(monday - 1, settings(), 'issue-0001').end).toBe(monday);
  });

  it('other start days are honoured (Saturday)', () => {
    const issue = firstIssue(at('2026-06-10T10:00:00Z'), settings({ weekStartsOn: 6 }), 'issue-0001');
    expect([iso(issue.start), iso(issue.end)]).toEqual(['2026-06-06T00:00:00.000Z', '2026-06-13T00:00:00.000Z']);
  });

  it('week boundaries are midnight in the settings’ zone, not in UTC', () => {
    // Sunday 22:30 UTC is already Monday in Berlin; Monday 02:00 UTC is still Sunday in New York.
    const berlin = firstIssue(at('2026-06-07T22:30:00Z'), settings({ timeZone: 'Europe/Berlin' }), 'issue-0001'); // Monday 00:30 CEST
    expect([iso(berlin.start), iso(berlin.end)]).toEqual(['2026-06-07T22:00:00.000Z', '2026-06-14T22:00:00.000Z']);
    const newYork = firstIssue(at('2026-06-08T02:00:00Z'), settings({ timeZone: 'America/New_York' }), 'issue-0001'); // Sunday 22:00 EDT
    expect([iso(newYork.start), iso(newYork.end)]).toEqual(['2026-06-01T04:00:00.000Z', '2026-06-08T04:00:00.000Z']);
  });

  it('an empty time zone means the runtime’s own zone', () => {
    const issue = firstIssue(at('2026-06-10T10:00:00Z'), settings({ timeZone: '' }), 'issue-0001');
    expect([iso(issue.start), iso(issue.end)]).toEqual(['2026-06-08T00:00:00.000Z', '2026-06-15T00:00:00.000Z']);
  });

  describe('daylight-saving changes', () => {
    it('Europe/Berlin spring forward (2026-03-29), weeks from Monday: a 167-hour week', () => {
      const issue = firstIssue(at('2026-03-25T12:00:00Z'), settings({ timeZone: 'Europe/Berlin' }), 'issue-0001');
      expect([iso(issue.start), iso(issue.end)]).toEqual(['2026-03-22T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
      expect(issue.end - issue.start).toBe(167 * HOUR);
    });

    it('Europe/Berlin spring forward, weeks from Sunday: the change falls in the week starting that Sunday', () => {
      const before = firstIssue(at('2026-03-25T12:00:00Z'), settings({ timeZone: 'Europe/Berlin', weekStartsOn: 0 }), 'issue-0001');
      expect([iso(before.start), iso(before.end)]).toEqual(['2026-03-21T23:00:00.000Z', '2026-03-28T23:00:00.000Z']);
      const during = firstIssue(at('2026-03-29T10:00:00Z'), settings({ timeZone: 'Europe/Berlin', weekStartsOn: 0 }), 'issue-0001');
      expect([iso(during.start), iso(during.end)]).toEqual(['2026-03-28T23:00:00.000Z', '2026-04-04T22:00:00.000Z']);
      expect(during.end - during.start).toBe(167 * HOUR);
    });

    it('Europe/Berlin fall back (2026-10-25), weeks from Monday: a 169-hour week', () => {
      const issue = firstIssue(at('2026-10-21T12:00:00Z'), settings({ timeZone: 'Europe/Berlin' }), 'issue-0001');
      expect([iso(issue.start), iso(issue.end)]).toEqual(['2026-10-18T22:00:00.000Z', '2026-10-25T23:00:00.000Z']);
      expect(issue.end - issue.start).toBe(169 * HOUR);
    });

    it('Europe/Berlin fall back, weeks from Sunday', () => {
      const issue = firstIssue(at('2026-10-25T11:00:00Z'), settings({ timeZone: 'Europe/Berlin', weekStartsOn: 0 }), 'issue-0001');
      expect([iso(issue.start), iso(issue.end)]).toEqual(['2026-10-24T22:00:00.000Z', '2026-10-31T23:00:00.000Z']);
    });

    it('America/New_York fall back (2026-11-01), weeks from Sunday: the week starts at EDT midnight and ends at EST midnight', () => {
      const issue = firstIssue(at('2026-11-04T15:00:00Z'), settings({ timeZone: 'America/New_York', weekStartsOn: 0 }), 'issue-0001');
      expect([iso(issue.start), iso(issue.end)]).toEqual(['2026-11-01T04:00:00.000Z', '2026-11-08T05:00:00.000Z']);
      expect(issue.end - issue.start).toBe(169 * HOUR);
    });

    it('America/New_York: the repeated 01:30 on 2026-11-01 (EST) is in the week that began at midnight EDT', () => {
      const issue = firstIssue(at('2026-11-01T06:30:00Z'), settings({ timeZone: 'America/New_York', weekStartsOn: 0 }), 'issue-0001');
      expect(iso(issue.start)).toBe('2026-11-01T04:00:00.000Z');
      // Saturday 23:30 EDT is still the week before.
      const saturday = firstIssue(at('2026-11-01T03:30:00Z'), settings({ timeZone: 'America/New_York', weekStartsOn: 0 }), 'issue-0001');
      expect([iso(saturday.start), iso(saturday.end)]).toEqual(['2026-10-25T04:00:00.000Z', '2026-11-01T04:00:00.000Z']);
    });

    it('America/New_York fall back, weeks from Monday', () => {
      const issue = firstIssue(at('2026-10-28T15:00:00Z'), settings({ timeZone: 'America/New_York', weekStartsOn: 1 }), 'issue-0001');
      expect([iso(issue.start), iso(issue.end)]).toEqual(['2026-10-26T04:00:00.000Z', '2026-11-02T05:00:00.000Z']);
    });
  });
});

describe('followingIssue', () => {
  const s = settings({ newsletterName: 'Ops', titleTemplate: '{newsletter} #{number}' });
  const first = firstIssue(at('2026-06-10T10:00:00Z'), s, 'issue-0001'); // 2026-06-08 .. 2026-06-15

  it('starts where the previous ended and lasts a week, numbered one up, titled from the template, open', () => {
    const now = at('2026-06-16T09:00:00Z');
    const next = followingIssue(first, now, s, 'issue-0002');
    expect(next).toEqual({
      id: 'issue-0002',
      number: 2,
      title: 'Ops #2',
      status: 'open',
      start: first.end,
      end: at('2026-06-22T00:00:00Z'),
      sponsor: '',
      createdAt: now,
      updatedAt: now,
    });
  });

  it('takes the title from the settings, not from the previous issue', () => {
    const renamed = { ...first, title: 'A custom title for #1' };
    expect(followingIssue(renamed, at('2026-06-16T09:00:00Z'), settings({ newsletterName: 'New name' }), 'issue-0002').title).toBe(
      'New name Issue #2',
    );
  });

  it('can be made as the planned issue', () => {
    expect(followingIssue(first, at('2026-06-11T09:00:00Z'), s, 'issue-0002', 'planned').status).toBe('planned');
  });

  it('made while the previous is still running (a planned issue), it is the week right after', () => {
    const next = followingIssue(first, at('2026-06-11T09:00:00Z'), s, 'issue-0002', 'planned');
    expect([iso(next.start), iso(next.end)]).toEqual(['2026-06-15T00:00:00.000Z', '2026-06-22T00:00:00.000Z']);
  });

  it('made exactly when the previous ended, it is the week after', () => {
    const next = followingIssue(first, first.end, s, 'issue-0002');
    expect([iso(next.start), iso(next.end)]).toEqual(['2026-06-15T00:00:00.000Z', '2026-06-22T00:00:00.000Z']);
  });

  it('an issue closed late covers every day since, to the end of the current week', () => {
    const next = followingIssue(first, at('2026-07-01T12:00:00Z'), s, 'issue-0002'); // a Wednesday, 2½ weeks later
    expect([iso(next.start), iso(next.end)]).toEqual(['2026-06-15T00:00:00.000Z', '2026-07-06T00:00:00.000Z']);
  });

  it('after a previous issue ending mid-week, it still lasts at least one week', () => {
    const midWeek = { ...first, end: at('2026-06-10T00:00:00Z') }; // a Wednesday
    const next = followingIssue(midWeek, at('2026-06-11T12:00:00Z'), s, 'issue-0002');
    expect([iso(next.start), iso(next.end)]).toEqual(['2026-06-10T00:00:00.000Z', '2026-06-17T00:00:00.000Z']);
  });

  it('follows the Sunday start day', () => {
    const sunday = settings({ weekStartsOn: 0 });
    const one = firstIssue(at('2026-06-10T10:00:00Z'), sunday, 'issue-0001');
    const two = followingIssue(one, at('2026-06-15T10:00:00Z'), sunday, 'issue-0002');
    expect([iso(two.start), iso(two.end)]).toEqual(['2026-06-14T00:00:00.000Z', '2026-06-21T00:00:00.000Z']);
  });

  it('a chain of issues tiles time without gaps or overlaps', () => {
    let issue = first;
    for (let week = 1; week <= 10; week++) {
      const next = followingIssue(issue, issue.end + 3 * DAY, s, `issue-${String(week + 1).padStart(4, '0')}`);
      expect(next.start).toBe(issue.end);
      expect(next.end - next.start).toBe(WEEK);
      expect(next.number).toBe(issue.number + 1);
      issue = next;
    }
  });

  describe('daylight-saving changes', () => {
    const berlin = settings({ timeZone: 'Europe/Berlin' });

    // BUG (issue-lifecycle.ts:20): "at least one week" is `addWeeks(new Date(start), 1)` in the
    // runtime's zone, not in settings.timeZone; across Berlin's spring change it is 168 h, one hour
    // past Monday midnight, and every later issue stays an hour late until October.
    it('Europe/Berlin spring forward: the issue after one ending on 2026-03-23 ends at Monday midnight (CEST)', () => {
      const one = firstIssue(at('2026-03-18T12:00:00Z'), berlin, 'issue-0001');
      expect(iso(one.end)).toBe('2026-03-22T23:00:00.000Z');
      const two = followingIssue(one, at('2026-03-25T12:00:00Z'), berlin, 'issue-0002');
      expect(iso(two.start)).toBe('2026-03-22T23:00:00.000Z');
      expect(iso(two.end)).toBe('2026-03-29T22:00:00.000Z');
    });

    it('Europe/Berlin spring forward: a clipping made Monday 00:30 CEST goes to the next issue', () => {
      const one = firstIssue(at('2026-03-18T12:00:00Z'), berlin, 'issue-0001');
      const two = followingIssue(one, at('2026-03-25T12:00:00Z'), berlin, 'issue-0002');
      expect(fallsInIssue(two, at('2026-03-29T22:30:00Z'))).toBe(false);
    });

    it('Europe/Berlin fall back: the issue across 2026-10-25 is 169 hours, Monday midnight to Monday midnight', () => {
      const one = firstIssue(at('2026-10-14T12:00:00Z'), berlin, 'issue-0001');
      const two = followingIssue(one, at('2026-10-21T12:00:00Z'), berlin, 'issue-0002');
      expect([iso(two.start), iso(two.end)]).toEqual(['2026-10-18T22:00:00.000Z', '2026-10-25T23:00:00.000Z']);
      const three = followingIssue(two, at('2026-10-28T12:00:00Z'), berlin, 'issue-0003');
      expect([iso(three.start), iso(three.end)]).toEqual(['2026-10-25T23:00:00.000Z', '2026-11-01T23:00:00.000Z']);
    });

    it('Europe/Berlin fall back, weeks from Sunday', () => {
      const sunday = settings({ timeZone: 'Europe/Berlin', weekStartsOn: 0 });
      const one = firstIssue(at('2026-10-21T12:00:00Z'), sunday, 'issue-0001');
      expect(iso(one.end)).toBe('2026-10-24T22:00:00.000Z');
      const two = followingIssue(one, at('2026-10-26T12:00:00Z'), sunday, 'issue-0002');
      expect([iso(two.start), iso(two.end)]).toEqual(['2026-10-24T22:00:00.000Z', '2026-10-31T23:00:00.000Z']);
    });

    it('America/New_York fall back (2026-11-01), weeks from Sunday', () => {
      const ny = settings({ timeZone: 'America/New_York', weekStartsOn: 0 });
      const one = firstIssue(at('2026-10-28T15:00:00Z'), ny, 'issue-0001');
      expect([iso(one.start), iso(one.end)]).toEqual(['2026-10-25T04:00:00.000Z', '2026-11-01T04:00:00.000Z']);
      const two = followingIssue(one, at('2026-11-04T15:00:00Z'), ny, 'issue-0002');
      expect([iso(two.start), iso(two.end)]).toEqual(['2026-11-01T04:00:00.000Z', '2026-11-08T05:00:00.000Z']);
      const three = followingIssue(two, at('2026-11-10T15:00:00Z'), ny, 'issue-0003');
      expect([iso(three.start), iso(three.end)]).toEqual(['2026-11-08T05:00:00.000Z', '2026-11-15T05:00:00.000Z']);
    });

    it('America/New_York fall back, weeks from Monday, made as planned before the change', () => {
      const ny = settings({ timeZone: 'America/New_York', weekStartsOn: 1 });
      const one = firstIssue(at('2026-10-21T15:00:00Z'), ny, 'issue-0001');
      const planned = followingIssue(one, at('2026-10-22T15:00:00Z'), ny, 'issue-0002', 'planned');
      expect([iso(planned.start), iso(planned.end)]).toEqual(['2026-10-26T04:00:00.000Z', '2026-11-02T05:00:00.000Z']);
    });
  });
});

describe('fallsInIssue', () => {
  const issue = firstIssue(at('2026-06-10T10:00:00Z'), settings(), 'issue-0001');

  it('is true inside the window and false from its end on', () => {
    expect(fallsInIssue(issue, issue.start)).toBe(true);
    expect(fallsInIssue(issue, at('2026-06-12T10:00:00Z'))).toBe(true);
    expect(fallsInIssue(issue, issue.end - 1)).toBe(true);
    expect(fallsInIssue(issue, issue.end)).toBe(false);
    expect(fallsInIssue(issue, issue.end + WEEK)).toBe(false);
  });

  it('a clipping dated before the open issue’s window still belongs to it (it is the oldest one open)', () => {
    expect(fallsInIssue(issue, issue.start - DAY)).toBe(true);
  });
});
