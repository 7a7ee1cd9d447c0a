import { tz } from '@date-fns/tz';
import { addWeeks } from 'date-fns';
import { weekWindow } from '../clip/week';
import type { Settings } from '../settings/settings';
import { type Issue, issueTitle } from './issue';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** The very first issue: number 1, the week that contains `now`. */
export function firstIssue(now: number, settings: Settings, id: string): Issue {
  const window = weekWindow(new Date(now), settings.weekStartsOn, settings.timeZone);
  return makeIssue(1, window.start, window.end, 'open', now, settings, id);
}

/**
 * The issue after `previous`: its window starts where the previous one ended and runs to the end of
 * the week containing `now` (at least one week), so an issue closed late still covers every day.
 */
export function followingIssue(previous: Issue, now: number, settings: Settings, id: string, status: Issue['status'] = 'open'): Issue {
  const start = previous.end;
  // A week in the newsletter's zone, not the runtime's: across a DST change they differ by an hour.
  const oneWeek = addWeeks(new Date(start), 1, settings.timeZone ? { in: tz(settings.timeZone) } : {}).getTime();
  const thisWeek = weekWindow(new Date(Math.max(now, start)), settings.weekStartsOn, settings.timeZone).end;
  return makeIssue(previous.number + 1, start, Math.max(oneWeek, thisWeek), status, now, settings, id);
}

function makeIssue(
  number: number,
  start: number,
  end: number,
  status: Issue['status'],
  now: number,
  settings: Settings,
  id: string,
): Issue {
  return {
    id,
    number,
    title: issueTitle(settings.titleTemplate, { newsletter: settings.newsletterName, number }),
    status,
    start,
    end: end > start ? end : start + WEEK_MS,
    sponsor: '',
    createdAt: now,
    updatedAt: now,
  };
}

/** True when a clipping made at `createdAt` belongs to the open issue rather than the next one. */
export function fallsInIssue(issue: Issue, createdAt: number): boolean {
  return createdAt < issue.end;
}
