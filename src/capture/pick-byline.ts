import type { AuthorCandidate, CaptureSource } from '../clip/capture';
import { cleanAuthors } from './author-names';
import { looseKey } from './text';

/** The authors' names and the source they were read from. */
export interface FoundAuthors {
  value: string[];
  source: CaptureSource;
  /** A guess: read from the page's text, or the declared authors and the page's own byline disagree. */
  uncertain?: true;
}

/** Sources of the page's own byline (markup, a "By …" line); every other source is declared metadata. */
const IN_PAGE = /^(byline-markup|page-text)$/;

/**
 * The worker half of the byline: the first candidate that cleans into names, declared metadata
 * first. The page's own byline must be capitalised (`strict`): its text is less tidy than
 * metadata. A declared "Staff" credit gives way to the page's own byline when it names someone.
 * `site` is the publication's name, which is never a byline (except for a JSON-LD person's own blog).
 */
export function pickAuthors(candidates: readonly AuthorCandidate[], site: string): FoundAuthors | undefined {
  const first = (inPage: boolean): FoundAuthors | undefined => {
    for (const candidate of candidates) {
      if (IN_PAGE.test(candidate.source) !== inPage) continue;
      const value = cleanAuthors(candidate.names, candidate.ownSite ? '' : site, inPage);
      if (value) return { value, source: candidate.source };
    }
    return undefined;
  };
  const declared = first(false);
  const own = first(true);
  // "Us Weekly Staff" is a desk's credit: the page's own byline names the person when it has one.
  const best = (declared?.value.some((name) => /\bstaff\b/i.test(name)) && own) || declared || own;
  if (!best) return undefined;
  // A name guessed from a "By …" line, or metadata that names nobody the page's own byline names: a suggestion to confirm.
  const other = best === declared ? own : declared;
  const shared = other && best.value.some((name) => other.value.some((o) => overlaps(name, o)));
  return best.source === 'page-text' || (other && !shared) ? { ...best, uncertain: true } : best;
}

/** Two spellings of one person: "Jane Doe" and "JANE DOE", "Jane Doe" and "Jane A. Doe" (the surnames agree). */
function overlaps(a: string, b: string): boolean {
  const [x, y] = [looseKey(a), looseKey(b)];
  const last = (name: string) => name.split(' ').at(-1)!.toLowerCase();
  return x === y || x.includes(y) || y.includes(x) || last(a) === last(b);
}
