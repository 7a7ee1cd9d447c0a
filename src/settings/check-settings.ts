import { z } from 'zod';
import { CheckRule } from '../check/check-problem';

/**
 * The pre-publish check's limits and switches (issue 12). Every limit has a default here and only
 * here; a rule in `off` is not run. An unknown rule name in `off` (written by a later version) is
 * dropped rather than failing the whole list.
 */
export const CheckSettings = z.object({
  /** A summary shorter than this many characters (after trimming) is "worth a look"; 0 turns the length test off. */
  minSummaryLength: z.number().int().min(0).max(2000).default(40),
  /** An article published more than this many days before the week starts is "worth a look". */
  maxAgeDays: z.number().int().min(1).max(3650).default(14),
  /** More pieces than this from one publication in an issue are "worth a look". */
  maxPerPublication: z.number().int().min(1).max(100).default(2),
  /** The rules the editor switched off. */
  off: z
    .preprocess((value) => (Array.isArray(value) ? value.filter((rule) => CheckRule.safeParse(rule).success) : value), z.array(CheckRule))
    .transform((rules) => [...new Set(rules)])
    .default([]),
});
export type CheckSettings = z.infer<typeof CheckSettings>;

/** The check's defaults, from the schema. */
export function defaultCheckSettings(): CheckSettings {
  return CheckSettings.parse({});
}

/** Whether the editor left `rule` switched on. */
export function ruleIsOn(settings: CheckSettings, rule: CheckRule): boolean {
  return !settings.off.includes(rule);
}
