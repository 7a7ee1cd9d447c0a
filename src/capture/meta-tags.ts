import type { CaptureSource } from '../clip/capture';
import type { Found } from './found';
import { plainText } from './text';

/**
 * All `<meta>` values of a page, by lower-cased `name`/`property` key. One pass over the head
 * instead of a selector per key keeps capture fast on pages with hundreds of tags.
 */
export interface MetaTags {
  /** Every non-empty value for `key`, in document order. */
  all(key: string): string[];
  /** The first value among `keys` (tried in order) as a {@link Found} with the key's source. */
  first(...keys: string[]): Found | undefined;
  /** How many keys were read (0 = a page with no metadata at all). */
  size: number;
}

/** Which family a meta key belongs to, so the popup can say "from OpenGraph tags". */
export function sourceOfMetaKey(key: string): CaptureSource {
  if (key.startsWith('og:') || key.startsWith('article:')) return 'opengraph';
  if (key.startsWith('twitter:')) return 'twitter';
  if (/^(dc|dcterms)[.:]/.test(key)) return 'dublin-core';
  if (key.startsWith('citation_')) return 'highwire';
  return 'meta';
}

/** Index the document's `<meta>` tags. `http-equiv` values are stored under `http-equiv:NAME`. */
export function readMetaTags(doc: Document): MetaTags {
  const map = new Map<string, string[]>();
  const add = (key: string, value: string) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const meta of Array.from(doc.querySelectorAll('meta'))) {
    // Some CMSs escape twice (`&amp;#8217;` arrives as `&#8217;`): decode what is left.
    const value = plainText(meta.getAttribute('content') ?? meta.getAttribute('value') ?? '');
    if (!value) continue;
    // Some sites write several keys in one attribute (`property="og:title twitter:title"`).
    const keys = `${meta.getAttribute('property') ?? ''} ${meta.getAttribute('name') ?? ''}`;
    for (const key of keys.toLowerCase().split(/\s+/)) if (key) add(key, value);
    const equiv = meta.getAttribute('http-equiv');
    if (equiv) add(`http-equiv:${equiv.toLowerCase()}`, value);
  }
  return {
    all: (key) => map.get(key) ?? [],
    first(...keys) {
      for (const key of keys) {
        const value = map.get(key)?.[0];
        if (value) return { value, source: sourceOfMetaKey(key) };
      }
      return undefined;
    },
    size: map.size,
  };
}
