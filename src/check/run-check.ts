import type { CheckProblem } from './check-problem';
import type { CheckInput } from './check-input';
import { creditProblems } from './credit-rules';
import { repeatProblems } from './repeat-rules';
import { shapeProblems } from './shape-rules';
import { ruleIsOn } from '../settings/check-settings';
import { inCheckOrder } from './check-order';

/**
 * Every rule over a stored issue (credits, repeats, shape; the links are the worker's link check),
 * without the ones the editor switched off, in issue order: the issue's own problems (the sponsor slot)
 * first, then section by section its problems and then each of its clippings' problems.
 */
export function checkIssue(input: CheckInput): CheckProblem[] {
  const all = [...shapeProblems(input), ...creditProblems(input), ...repeatProblems(input)].filter((p) =>
    ruleIsOn(input.settings.check, p.rule),
  );
  return inCheckOrder(all, input);
}
