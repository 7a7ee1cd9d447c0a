import type { CaptureSource } from '../clip/capture';
import type { Found } from './found';
import { htmlTextReader } from './html-text';

/**
 * All `<meta>` values of a page, by lower-cased `name`/`property` key. One pass over the head
 * instead of a selector per key keeps capture fast on pages with hundreds of tags.
 */
export interface MetaTags {
  /** Every non-empty value for the space-separated `keys`, in the order of the keys, then of the document. */
  all(keys: string): string[];
  /** The first value among the space-separated `keys` (tried in order) as a {@link Found} with the key's source. */
  first(keys: string): Found | undefined;
}

/** Which family a meta key belongs to, so the popup can say "from OpenGraph tags". */
export function sourceOfMetaKey(key: string): CaptureSource {
  return /^(og|article):/.test(key)
    ? 'opengraph'
    : key.startsWith('twitter:')
      ? 'twitter'
      : /^dc(terms)?[.:]/.test(key)
        ? 'dublin-core'
        : key.startsWith('citation_')
          ? 'highwire'
          : 'meta';
}

/** Index the document's `<meta>` tags. `http-equiv` values are stored under `http-equiv:NAME`. */
export function readMetaTags(doc: Document): MetaTags {
  const map = new Map<string, string[]>();
  const plainText = htmlTextReader(doc);
  for (const meta of Array.from(doc.querySelectorAll('meta'))) {
    const attr = (name: string) => meta.getAttribute(name) ?? '';
    // Some CMSs escape twice (`&amp;#8217;` arrives as `&#8217;`): decode what is left.
    const value = plainText(attr('content') || attr('value'));
    const equiv = attr('http-equiv');
    // Some sites write several keys in one attribute (`property="og:title twitter:title"`).
    const keys = `${attr('property')} ${attr('name')}${equiv && ` http-equiv:${equiv}`}`.toLowerCase().split(' ');
    for (const key of keys) {
      if (!key || !value) continue;
      const list = map.get(key);
      if (list) list.push(value);
      else map.set(key, [value]);
    }
  }
  const all = (keys: string) => keys.split(' ').flatMap((key) => map.get(key) ?? []);
  return {
    all,
    first(keys) {
      for (const key of keys.split(' ')) {
        const value = map.get(key)?.[0];
        if (value) return { value, source: sourceOfMetaKey(key) };
      }
      return undefined;
    },
  };
}
