import type { CaptureSource } from '../clip/capture';

/** A candidate value for a capture field and the source it was read from. */
export interface Found {
  value: string;
  source: CaptureSource;
  /** The worker half's doubt: the popup offers the value as a suggestion to confirm (src/clip/capture.ts). */
  uncertain?: true;
}

/** A {@link Found}, or undefined when `value` is empty (so callers can write `return found(x, 'json-ld')`). */
export const found = (value: string | undefined, source: CaptureSource): Found | undefined => (value ? { value, source } : undefined);

/** A candidate: a value, or a thunk so that sources after the first good one are never computed. */
export type Candidate = Found | undefined | (() => Found | undefined);

/**
 * The first candidate that survives `clean` (which returns undefined to reject one). Candidates
 * are listed in the order of trust, so the first good one wins; later ones are never computed
 * when given as thunks.
 */
export function firstFound(candidates: Candidate[], clean: (value: string) => string | undefined = (v) => v): Found | undefined {
  for (const entry of candidates) {
    const candidate = typeof entry === 'function' ? entry() : entry;
    const value = candidate && clean(candidate.value);
    if (value) return found(value, candidate.source);
  }
  return undefined;
}
