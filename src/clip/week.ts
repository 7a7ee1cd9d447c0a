import { addWeeks, startOfWeek, type Day } from 'date-fns';
import { tz } from '@date-fns/tz';

/** A half-open window of time [start, end), as epoch milliseconds. */
export interface TimeWindow {
  start: number;
  end: number;
}

/**
 * The week that contains `now`, starting at midnight of `weekStartsOn` (0 = Sunday) in `timeZone`
 * (an IANA name; empty = the runtime's own zone). Daylight-saving changes are honoured, so a week
 * may be 167 or 169 hours long.
 */
export function weekWindow(now: Date, weekStartsOn: number, timeZone: string): TimeWindow {
  const context = timeZone ? { in: tz(timeZone) } : {};
  const start = startOfWeek(now, { weekStartsOn: (weekStartsOn % 7) as Day, ...context });
  const end = addWeeks(start, 1, context);
  return { start: start.getTime(), end: end.getTime() };
}

/** True when `timeZone` is an IANA zone name this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
