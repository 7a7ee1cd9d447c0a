import type { CheckProblem } from './check-problem';
import type { CheckInput } from './check-input';
import { groupBySection } from '../issue/issue-order';

/** Sorts problems (of any rule, links included) into issue order; problems of one place keep their order. */
export function inCheckOrder(problems: readonly CheckProblem[], input: Pick<CheckInput, 'clippings' | 'settings'>): CheckProblem[] {
  const rank = new Map<string, number>();
  let next = 1; // 0: the issue itself
  for (const group of groupBySection(input.clippings, input.settings.sections)) {
    if (group.section) rank.set(`section:${group.section.id}`, next++);
    for (const clipping of group.clippings) rank.set(`clipping:${clipping.id}`, next++);
  }
  const rankOf = (p: CheckProblem) =>
    p.clippingId !== null ? (rank.get(`clipping:${p.clippingId}`) ?? next) : p.sectionId ? (rank.get(`section:${p.sectionId}`) ?? next) : 0;
  return problems
    .map((problem, index) => ({ problem, index, rank: rankOf(problem) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ problem }) => problem);
}
