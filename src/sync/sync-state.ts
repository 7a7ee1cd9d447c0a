import { z } from 'zod';

/** What the worker knows of an issue's remote draft after its last successful sync. */
export const SyncState = z.object({
  issueId: z.string().min(1).max(64),
  /** Which target the draft lives on (a change of target starts a new draft). */
  target: z.string().max(200),
  /** The remote draft's id (WordPress post id, or the generic target's draft id). */
  remoteId: z.string().max(200),
  /** A link to edit the draft, shown to the editor. */
  editUrl: z.string().max(2000).optional(),
  /** The post's public address, as the backend gave it (WordPress `link`): recorded when the issue is published. */
  postUrl: z.string().max(2000).optional(),
  lastSyncedAt: z.number().int().nonnegative(),
  /**
   * The clippings whose versions the draft holds: id → the `updatedAt` of the version that sync wrote
   * (empty after "keep WordPress's version": the draft holds the editor's region then, not ours).
   */
  rendered: z.record(z.string().max(64), z.number().int().nonnegative()).optional(),
  /** Hash of the managed region as last written: an edit inside it in WordPress changes it. */
  regionHash: z.string().max(128),
  /** The server's modification stamp after our last write (WordPress modified_gmt). */
  remoteModified: z.string().max(64),
  /**
   * Hash of a region being written whose answer has not arrived: if the answer is lost, the server may
   * hold this region, and finding it there on the next sync is not somebody else's edit.
   */
  pendingRegionHash: z.string().max(128).optional(),
});
export type SyncState = z.infer<typeof SyncState>;
