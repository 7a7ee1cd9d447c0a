import type { AuthorCandidate, CaptureSource } from '../clip/capture';
import { cleanAuthors } from './author-names';

/** The authors' names and the source they were read from. */
export interface FoundAuthors {
  value: string[];
  source: CaptureSource;
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
  // "Us Weekly Staff" is a desk's credit: the page's own byline names the person when it has one.
  if (declared?.value.some((name) => /\bstaff\b/i.test(name))) return first(true) ?? declared;
  return declared ?? first(true);
}
