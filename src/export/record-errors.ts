import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** A zod issue path in the words of the file: `summary`, `notes[2]`, `sources.title`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    '',
  );
}

/**
 * What is wrong with one record, in plain words: each problem as `field: message`, the first `max`
 * of them, then how many more. `path` is relative to the record.
 */
export function describeProblems(issues: readonly Pick<Issue, 'path' | 'message'>[], max = 3): string {
  const shown = issues.slice(0, max).map(({ path, message }) => (path.length ? `${fieldPath(path)}: ${message}` : message));
  const more = issues.length - shown.length;
  return more > 0 ? `${shown.join('; ')}; and ${more} more` : shown.join('; ');
}

/** A page value quoted for an error message: one line, at most 60 characters. */
export function quoteForMessage(value: unknown): string {
  if (typeof value !== 'string') return '';
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `“${line.slice(0, 59)}…”` : `“${line}”`;
}
