import type { Capture, PageCapture } from '../clip/capture';
import type { Found } from './found';
import { FIELD_LIMITS } from './field-limits';
import { pickAuthors } from './pick-byline';
import { pickPublishedTime } from './pick-published-time';
import { clip, squash } from './text';

/** Options of {@link finishCapture}. */
export interface FinishOptions {
  /** "Now" for rejecting future dates; defaults to the current time. */
  now?: Date;
}

/** Sources that are guesses from the text, the title, the host or the address, not article metadata. */
const GUESSED = /^(page-text|document-title|host|url|)$/;

/**
 * The worker half of the capture pipeline: turns what the page half read (src/capture/read-page.ts)
 * into a {@link Capture} by cleaning the author candidates and parsing the date candidates. Pure
 * and DOM-free (it runs in the worker, after the zod check of the page's data, and in the tests
 * after the page half). A page capture without candidates (the page could not be read, or is not
 * HTML) is passed on as it is.
 */
export function finishCapture(page: PageCapture, options: FinishOptions = {}): Capture {
  const { candidates, ...fields } = page;
  const capture: Capture = { ...fields, notes: [...fields.notes] };
  if (!candidates) return capture;
  const note = (text: string) => {
    if (capture.notes.length < 20) capture.notes.push(clip(text, 500));
  };
  const set = (name: 'publishedTime', candidate: Found | undefined) => {
    const value = candidate && clip(squash(candidate.value), FIELD_LIMITS[name]);
    if (value) capture[name] = { value, source: candidate.source, ...(candidate.uncertain && { uncertain: true }) };
  };
  /** As the page half's steps: a failure costs that field only and becomes a note in plain words. */
  const attempt = (what: string, step: () => void) => {
    try {
      step();
    } catch {
      note(`The ${what} could not be read from this page.`);
    }
  };
  // The site's own name is never a byline; a name guessed from the host is no evidence either way.
  const site = capture.siteName?.source === 'host' ? '' : (capture.siteName?.value ?? '');
  attempt('author', () => {
    const authors = pickAuthors(candidates.authors, site);
    if (authors) capture.authors = authors;
  });
  const url = capture.canonicalUrl?.value ?? capture.pageUrl;
  attempt('publication date', () =>
    set('publishedTime', pickPublishedTime(candidates, url, options.now ?? new Date(), capture.lang?.value)),
  );
  if (!(['title', 'authors', 'publishedTime', 'excerpt', 'siteName'] as const).some((name) => !GUESSED.test(capture[name]?.source ?? ''))) {
    note('No article metadata found: check the title and author.');
  }
  return capture;
}
