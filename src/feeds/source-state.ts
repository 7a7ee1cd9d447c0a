import { z } from 'zod';
import { SourceCursor } from './source';
import { NEW_SOURCE_HEALTH, SourceHealth } from './source-health';

/** What the worker stores per source (the `sources` store): where polling left off, and how the source is doing. */
export const SourceStateRow = z.object({
  id: z.string().min(1).max(64),
  cursor: SourceCursor,
  health: SourceHealth,
});
export type SourceStateRow = z.infer<typeof SourceStateRow>;

/** A source never polled (or whose address changed): due at once, no validators. */
export function newSourceState(id: string): SourceStateRow {
  return { id, cursor: {}, health: { ...NEW_SOURCE_HEALTH } };
}

/**
 * One row of the import ledger (the `imported` store): an item a source offered that is in the store,
 * keyed by its urlKey. `clippingId` is the clipping it became, or the one already there when the item
 * was clipped before (`filed` false). Never purged: a deleted clipping's item stays known.
 */
export const ImportedRow = z.object({
  key: z.string().min(1).max(4096),
  sourceId: z.string().min(1).max(64),
  guid: z.string().max(1000),
  readerId: z.string().max(64).optional(),
  clippingId: z.string().max(64).nullable(),
  /** True when this source's item became the clipping; false when the address was in the store already. */
  filed: z.boolean(),
  at: z.number().int().nonnegative(),
});
export type ImportedRow = z.infer<typeof ImportedRow>;
