import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const SAMPLES_DIR = resolve(import.meta.dirname, '..', 'samples', 'articles');

/** What a sample article should capture as (its `NAME.expected.json`). */
export interface ExpectedCapture {
  canonicalUrl?: string;
  title?: string;
  byline?: string;
  siteName?: string;
  publishedTime?: string;
  excerpt?: string;
  lang?: string;
  suggestedSection?: string;
}

export function expectedCapture(name: string): ExpectedCapture {
  return JSON.parse(readFileSync(resolve(SAMPLES_DIR, `${name}.expected.json`), 'utf8')) as ExpectedCapture;
}

/** The sample articles the specs use, by role (file names under samples/articles/, without .html). */
export const SAMPLE = {
  /** Full JSON-LD @graph, OpenGraph, a canonical link with utm parameters, two authors. */
  blogPost: 'error-budgets-blog',
  /** OpenGraph and Twitter cards only; the byline only in the body text. */
  newsArticle: 'on-call-news',
  /** A status-page incident report: suggested as Outages. */
  statusPage: 'cloud-status-incident',
  /** No metadata at all. */
  bare: 'no-metadata',
} as const;
