import type { CaptureSource } from '../clip/capture';

/** A candidate value for a capture field and the source it was read from. */
export interface Found {
  value: string;
  source: CaptureSource;
}

/**
 * The first candidate that survives `clean` (which returns undefined to reject one). Candidates
 * are listed in the order of trust, so the first good one wins; later ones are never computed
 * when given as thunks.
 */
export function firstFound(
  candidates: Iterable<Found | undefined | (() => Found | undefined)>,
  clean: (value: string) => string | undefined = (v) => v || undefined,
): Found | undefined {
  for (const entry of candidates) {
    const candidate = typeof entry === 'function' ? entry() : entry;
    if (!candidate) continue;
    const value = clean(candidate.value);
    if (value) return { value, source: candidate.source };
  }
  return undefined;
}
