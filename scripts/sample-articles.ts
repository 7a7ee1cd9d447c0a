import { readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';

export const SAMPLES_DIR = resolve(import.meta.dirname, '..', 'samples', 'articles');

/** The bundled sample articles' file names (e.g. `blog-jsonld.html`), sorted. */
export function sampleArticleNames(): string[] {
  return readdirSync(SAMPLES_DIR)
    .filter((name) => name.endsWith('.html'))
    .sort();
}

/** `blog-jsonld.html` → `blog-jsonld`. */
export function sampleSlug(name: string): string {
  return basename(name, '.html');
}
