import type { SyncState } from './sync-state';

/** What a target receives for one issue: the draft's title (used when creating it) and the managed region. */
export interface DraftUpdate {
  issueId: string;
  title: string;
  /** The whole managed region (see managed-region.ts). */
  region: string;
  /** Category and tag names for the draft (from the sections that have clippings); targets without them ignore these. */
  categories?: string[];
  tags?: string[];
  /** The clippings rendered into the region: id → the `updatedAt` of the version rendered. */
  rendered?: Record<string, number>;
}

export interface PushOptions {
  /** Write even when the region was edited on the server (the editor chose "overwrite"). */
  overwrite?: boolean;
  /** Accept the server's region as it is (the editor chose "keep WordPress's version"). */
  keepRemote?: boolean;
  /** Called, and awaited, just before an existing draft is updated with a region of this hash. */
  beforeWrite?: (regionHash: string) => Promise<void>;
}

/**
 * A drafting backend. `push` makes the remote draft match the update and returns the new sync state,
 * or throws a SyncError (temporary, permanent or conflict). It must be idempotent: repeating a push
 * whose response was lost never creates a second draft.
 */
export interface SyncAdapter {
  /** Identifies the target (kind and address): a draft synced to another target is not reused. */
  readonly target: string;
  push(update: DraftUpdate, previous: SyncState | undefined, options?: PushOptions): Promise<SyncState>;
  /** The managed region as it is on the server now (for "see both side by side"); '' when there is none. */
  remoteRegion(issueId: string, previous: SyncState | undefined): Promise<string>;
}
