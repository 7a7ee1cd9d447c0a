import { FORM_FIELDS_WITH_SOURCE } from '../clip/clipping';

const SOURCE_ORDER = new Map<string, number>(FORM_FIELDS_WITH_SOURCE.map((field, index) => [field, index]));

// zod writes an object's keys in the schema's order, whatever order they came in, but a record (the
// one in these files is a clipping's `sources`, field -> source) keeps its input order. Sorting it
// by the form's field order makes the same data print the same bytes, so exports diff cleanly.
function replacer(key: string, value: unknown): unknown {
  if (key !== 'sources' || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const rank = (field: string) => SOURCE_ORDER.get(field) ?? SOURCE_ORDER.size;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * A file's JSON text: 2-space indent, a trailing newline, and a stable key order. `value` must already
 * have been through its zod schema (which fixes the order of every object's keys).
 */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(value, replacer, 2)}\n`;
}
