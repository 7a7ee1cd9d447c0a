import { z } from 'zod';
import { stripBidi } from './bidi';

/** Caps on an author list: a hostile page or a pasted essay must not bloat the store. */
export const AUTHOR_LIMITS = { name: 200, names: 30 } as const;

/** A clipping's authors, one name each, in the page's order ([] = not known). */
export const Authors = z
  .array(
    z
      .string()
      .max(AUTHOR_LIMITS.name)
      .transform((name) => stripBidi(name).trim())
      .pipe(z.string().min(1)),
  )
  .max(AUTHOR_LIMITS.names);
export type Authors = z.infer<typeof Authors>;

/**
 * Words that join the last two names of a list, in the languages the newsletter's authors most often
 * write (and Intl.ListFormat writes back): "A and B", "A & B", "A und B", "A et B", "A y B".
 */
const JOINED = /\s*[,;]\s*(?:(?:and|&|und|et|y)\s+)?|\s+(?:and|&|und|et|y)\s+/i;

/**
 * Names from an author line as a person writes it ("Priya Raman and Tomás Ortega", "A, B, and C",
 * "A & B"): split on commas, semicolons and the joining words; a single name stays whole. Used for the
 * byline text of clippings stored before authors were a list, and for the editor's one-line field.
 */
export function splitAuthors(text: string): string[] {
  const names: string[] = [];
  for (const part of text.split(JOINED)) {
    const name = part.trim().slice(0, AUTHOR_LIMITS.name);
    if (name && !names.includes(name)) names.push(name);
  }
  return names.slice(0, AUTHOR_LIMITS.names);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A form, clipping or capture context from before authors were a list (a stored row, a draft, a
 * backup or an issue file of version 1): its `byline` string becomes `authors`, and the byline's
 * source (`sources.byline`) the authors' source. Any other value is returned as it is, for its
 * schema to judge.
 */
export function withAuthorList(record: unknown): unknown {
  if (!isRecord(record)) return record;
  let upgraded = record;
  if ('byline' in record && !('authors' in record)) {
    const { byline, ...rest } = record;
    upgraded = { ...rest, authors: typeof byline === 'string' ? splitAuthors(byline) : byline };
  }
  const { sources } = upgraded;
  if (isRecord(sources) && 'byline' in sources && !('authors' in sources)) {
    const { byline: source, ...others } = sources;
    upgraded = { ...upgraded, sources: { ...others, authors: source } };
  }
  return upgraded;
}
