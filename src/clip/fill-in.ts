import type { Clipping, ClippingForm, FieldSources } from './clipping';
import type { PrefilledForm } from './clipping-from-capture';

/** The credits and facts "Fill in" may complete on a clipping, in the order they are named. */
export const FILL_FIELDS = ['title', 'authors', 'siteName', 'publishedTime', 'excerpt', 'lang'] as const;
export type FillField = (typeof FILL_FIELDS)[number];

/** The credits a newsletter entry needs: without any of them, the desk offers "Fill in". */
const CREDIT_FIELDS: readonly FillField[] = ['title', 'authors', 'siteName', 'publishedTime'];

/** Whether a field of the clipping is empty. A title that is only the address (what a clipping without one shows) counts as empty. */
function isEmpty(clipping: Pick<Clipping, FillField | 'url'>, field: FillField): boolean {
  if (field === 'authors') return clipping.authors.length === 0;
  const value = clipping[field].trim();
  return value === '' || (field === 'title' && value === clipping.url);
}

/** The credits the clipping lacks (title, authors, publication, date), in that order. */
export function missingCredits(clipping: Pick<Clipping, FillField | 'url'>): FillField[] {
  return CREDIT_FIELDS.filter((field) => isEmpty(clipping, field));
}

export interface FillResult {
  /** The changes to store: the filled fields and their sources. Empty when nothing was filled. */
  changes: Partial<Pick<Clipping, FillField | 'sources'>>;
  /** The fields filled, in FILL_FIELDS order. */
  filled: FillField[];
}

/**
 * Merges what a capture of the clipping's page found into the clipping's EMPTY fields only: nothing the
 * editor typed, and nothing the feed already said, is overwritten. Each filled field takes the capture's
 * source (so the desk can say where it came from). Pure: the worker calls it on the clipping as stored
 * right after the capture, so a field the editor filled meanwhile stays theirs.
 */
export function fillEmptyFields(clipping: Clipping, found: PrefilledForm): FillResult {
  const changes: Partial<Pick<ClippingForm, FillField>> = {};
  const sources: FieldSources = { ...clipping.sources };
  const filled: FillField[] = [];
  for (const field of FILL_FIELDS) {
    if (!isEmpty(clipping, field)) continue;
    const value = found.form[field];
    const usable = field === 'authors' ? value.length > 0 : typeof value === 'string' && value.trim() !== '' && value !== found.form.url;
    if (!usable) continue;
    Object.assign(changes, { [field]: value });
    const source = found.context.sources[field];
    if (source) sources[field] = source;
    filled.push(field);
  }
  return { changes: filled.length ? { ...changes, sources } : {}, filled };
}
