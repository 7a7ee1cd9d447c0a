import { z } from 'zod';

/** `{newsletter} Issue #{number}`: the default title template of a new issue. */
export const DEFAULT_TITLE_TEMPLATE = '{newsletter} Issue #{number}';

/**
 * A numbered edition of the newsletter. Exactly one issue is open at a time; clippings fall into the
 * open issue by the time they were clipped, and are moved between issues explicitly.
 */
export const Issue = z.object({
  id: z.string().min(8).max(64),
  number: z.number().int().positive(),
  title: z.string().trim().min(1).max(300),
  /** open: being assembled (exactly one); planned: the next one, holding clippings meant for it; closed: published. */
  status: z.enum(['open', 'planned', 'closed']),
  /** The issue's date window [start, end), epoch milliseconds. */
  start: z.number().int(),
  end: z.number().int(),
  /** The sponsor message that opens the issue (Markdown), empty when there is none. */
  sponsor: z.string().max(5000).default(''),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
  closedAt: z.number().int().nonnegative().optional(),
  /** When the editor marked it published (a closed issue from before publishing existed has none). */
  publishedAt: z.number().int().nonnegative().optional(),
  /** The published post's address, when the issue's draft was synced to a backend that gave one. */
  postUrl: z.string().max(2000).optional(),
  /** Set while a closed issue is reopened for corrections (explicitly, by the editor); cleared when it is locked again. */
  reopenedAt: z.number().int().nonnegative().optional(),
});
export type Issue = z.infer<typeof Issue>;

/**
 * A published issue is read-only until the editor explicitly reopens it (DESIGN invariant 7): the worker
 * refuses every change to it or its clippings. Every closed issue counts as published.
 */
export function isLocked(issue: Pick<Issue, 'status' | 'reopenedAt'>): boolean {
  return issue.status === 'closed' && issue.reopenedAt === undefined;
}

/** Fills a title template: `{newsletter}`, `{number}`; unknown placeholders are kept as written. */
export function issueTitle(template: string, values: { newsletter: string; number: number }): string {
  return template.replace(/\{(newsletter|number)\}/g, (_, name: 'newsletter' | 'number') => String(values[name])).trim();
}
