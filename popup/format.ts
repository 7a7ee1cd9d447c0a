import { formattingLocale, plural, uiLanguage } from '../src/i18n/messages';

/** "Tue 24 Nov, 10:42" (with the year when it is not this year), in the extension's language and the editor's zone. */
export function formatWhen(epochMs: number, now: number = Date.now()): string {
  const date = new Date(epochMs);
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return date.toLocaleString(formattingLocale(uiLanguage()), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** "5 clippings this week" / "1 clipping this week". */
export function weekCountText(count: number): string {
  return plural('clippingsThisWeek', count);
}

/** A published date as the editor reads it ("3 Mar 2026"), or undefined when it does not parse. */
export function readableDate(value: string): string | undefined {
  if (!value.trim()) return undefined;
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(value.trim());
  const date = new Date(dayOnly ? `${value.trim()}T12:00:00` : value);
  if (Number.isNaN(date.getTime())) return undefined;
  return date.toLocaleDateString(formattingLocale(uiLanguage()), { day: 'numeric', month: 'short', year: 'numeric' });
}
