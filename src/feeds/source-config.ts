import { z } from 'zod';

/**
 * A source as the editor set it up: kept in the settings (so exports and backups carry it), never with
 * its credentials (a Tiny Tiny RSS user and password live in storage.local, see src/platform/feed-logins.ts).
 * Imports nothing but zod: the settings schema, which every page loads, reads it.
 */

/** The poll interval unless the editor sets another, and its bounds (minutes). */
export const DEFAULT_POLL_MINUTES = 30;
export const MIN_POLL_MINUTES = 5;
export const MAX_POLL_MINUTES = 24 * 60;

/** At most this many sources. */
export const MAX_SOURCES = 50;

export const SourceId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

export const SourceConfig = z.object({
  id: SourceId,
  /** `feed`: any feed address (RSS, RDF, Atom, JSON Feed); `ttrss`: Tiny Tiny RSS's API (starred items). */
  kind: z.enum(['feed', 'ttrss']),
  /** The feed's address, or the address Tiny Tiny RSS is opened at. */
  address: z
    .string()
    .trim()
    .max(4096)
    .regex(/^https?:\/\//i, 'an http or https address'),
  /** The editor's name for it ("from <name>" on each clipping it brings). */
  name: z.string().trim().min(1).max(120),
  /** The section new items go to; null = the unsorted inbox (also when the section was removed). */
  section: z.string().max(64).nullable().default(null),
  /** Tiny Tiny RSS: un-star each item once it is filed. */
  unstarAfterFiling: z.boolean().default(false),
  /** Off: not polled (Check now on it still works). */
  enabled: z.boolean().default(true),
});
export type SourceConfig = z.infer<typeof SourceConfig>;

export const PollMinutes = z.number().int().min(MIN_POLL_MINUTES).max(MAX_POLL_MINUTES);

/** A Tiny Tiny RSS login: kept in storage.local by the platform layer, never in the settings. */
export const FeedLogin = z.object({ user: z.string().max(200), password: z.string().max(1000) });
export type FeedLogin = z.infer<typeof FeedLogin>;
