import { z } from 'zod';

/**
 * The pre-publish check's vocabulary (issue 12): what every rule reports, whichever part of the
 * extension found it. The rules over the stored issue (credits, repeats, shape) and the link check in
 * the worker both produce `CheckProblem`s; the desk's Check panel lists them in issue order.
 */

/** blocks: "Blocks publishing" (Mark as published is not offered); look: "Worth a look". */
export const CheckSeverity = z.enum(['blocks', 'look']);
export type CheckSeverity = z.infer<typeof CheckSeverity>;

/** Every rule, each of which the editor can switch off (see settings' check rules). */
export const CheckRule = z.enum([
  // Links (the worker's link check).
  'link-broken',
  'link-moved',
  'link-unverified',
  'link-soft-404',
  'link-https-available',
  // Credits.
  'credit-author',
  'credit-publication',
  'credit-date',
  'summary-empty',
  'summary-short',
  'title-site-suffix',
  'title-shouting',
  'date-too-old',
  'date-in-future',
  // Repeats.
  'repeat-published',
  'repeat-in-issue',
  'publication-limit',
  // Shape.
  'section-over-budget',
  'section-empty',
  'sponsor-empty',
]);
export type CheckRule = z.infer<typeof CheckRule>;

/** A one-click fix the desk can apply (through the normal edit messages, so the worker's lock applies). */
export const CheckFix = z.discriminatedUnion('kind', [
  /** Replace one address (the clipping's own URL, or a link inside its summary) with another. */
  z.object({ kind: z.literal('replace-url'), from: z.string().max(4096), to: z.string().max(4096) }),
  /** Set a single-line field of the clipping to a suggested value (e.g. a title without the site's suffix). */
  z.object({ kind: z.literal('set-field'), field: z.enum(['title', 'siteName']), value: z.string().max(2000) }),
]);
export type CheckFix = z.infer<typeof CheckFix>;

export const CheckProblem = z.object({
  rule: CheckRule,
  severity: CheckSeverity,
  /** The clipping it concerns; null for the issue as a whole (sponsor slot, a section). */
  clippingId: z.string().max(64).nullable(),
  /** The section it concerns, for issue-level shape problems. */
  sectionId: z.string().max(64).optional(),
  /** The link concerned, for link rules (the clipping's URL or one inside its summary). */
  url: z.string().max(4096).optional(),
  /** The reason in plain words, already in the editor's language. */
  message: z.string().max(1000),
  fix: CheckFix.optional(),
});
export type CheckProblem = z.infer<typeof CheckProblem>;

/** True when any problem keeps the issue from being marked as published. */
export function blocksPublishing(problems: readonly CheckProblem[]): boolean {
  return problems.some((p) => p.severity === 'blocks');
}
