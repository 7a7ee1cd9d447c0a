import type { CANDIDATE_LIMITS as SchemaCandidateLimits, FIELD_LIMITS as SchemaLimits } from '../clip/capture';

/**
 * The same caps as `FIELD_LIMITS` in src/clip/capture.ts. Copied, not imported: importing a
 * value from that module would pull zod into the content script (+50 KB). A unit test keeps
 * the two equal.
 */
export const FIELD_LIMITS: typeof SchemaLimits = {
  url: 4096,
  title: 1000,
  siteName: 300,
  publishedTime: 64,
  excerpt: 5000,
  lang: 35,
  quote: 20000,
};

/** The same caps as `CANDIDATE_LIMITS` in src/clip/capture.ts (copied for the same reason; a test keeps them equal). */
export const CANDIDATE_LIMITS: typeof SchemaCandidateLimits = {
  name: 1000,
  names: 20,
  authors: 600,
  date: 200,
  shown: 80,
  dates: 100,
};
