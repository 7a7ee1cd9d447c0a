import { z } from 'zod';

/**
 * The drafting backend's settings, kept in `storage.local` only (never synced storage, IndexedDB,
 * exports or backups), because they include the Application Password.
 */
export const WordPressTarget = z.object({
  kind: z.literal('wordpress'),
  siteUrl: z
    .string()
    .trim()
    .max(2000)
    .refine((value) => /^https?:\/\/[^/]+/i.test(value), 'the site address must start with http:// or https://'),
  user: z.string().trim().min(1).max(200),
  appPassword: z.string().trim().min(1).max(200),
});
export type WordPressTarget = z.infer<typeof WordPressTarget>;

export const TargetConfig = WordPressTarget;
export type TargetConfig = z.infer<typeof TargetConfig>;

/** The origin pattern to request host access for (`https://news.example.org/*`). */
export function originPattern(siteUrl: string): string {
  return `${new URL(siteUrl).origin}/*`;
}
