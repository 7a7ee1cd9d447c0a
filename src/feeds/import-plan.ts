import { urlKey } from '../clip/url-key';
import type { FeedItem } from './feed-item';

/** The duplicate key of an item: the store's key of its (cleaned, unwrapped) link, as for every clipping. */
export function itemKey(item: FeedItem): string {
  return urlKey(item.link);
}

/**
 * The items to file now, oldest first (so positions in the issue follow publication): those whose key
 * `isKnown` does not know. The worker's `isKnown` answers from one read transaction: a clipping with
 * that urlKey in any issue (published ones and tombstones included), or the key in the import ledger
 * (every key ever filed from a source, kept when the clipping is deleted, so a deleted item does not
 * come back).
 */
export function itemsToFile(items: readonly FeedItem[], isKnown: (key: string) => boolean): FeedItem[] {
  const fresh: FeedItem[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const key = itemKey(item);
    if (seen.has(key) || isKnown(key)) continue;
    seen.add(key);
    fresh.push(item);
  }
  return fresh.reverse();
}
