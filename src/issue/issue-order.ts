import type { Clipping } from '../clip/clipping';
import type { Section } from '../settings/settings';
import { t } from '../i18n/messages';

/** Gap between positions after a renumber: leaves room, and keeps numbers small and readable. */
export const POSITION_STEP = 1024;

export interface SectionGroup {
  /** null: clippings without a section (link clips waiting for one, or a section since removed). */
  section: Section | null;
  clippings: Clipping[];
}

const byPosition = (a: Clipping, b: Clipping) => a.position - b.position || a.createdAt - b.createdAt || a.id.localeCompare(b.id);

/**
 * Groups an issue's clippings by section in the newsletter's order, each group by position; the
 * unsorted group comes first so the editor sees what still needs a section. Empty sections are kept.
 */
export function groupBySection(clippings: readonly Clipping[], sections: readonly Section[]): SectionGroup[] {
  const known = new Set(sections.map((s) => s.id));
  const unsorted = clippings.filter((c) => c.section === null || !known.has(c.section)).sort(byPosition);
  const groups: SectionGroup[] = sections.map((section) => ({
    section,
    clippings: clippings.filter((c) => c.section === section.id).sort(byPosition),
  }));
  return unsorted.length ? [{ section: null, clippings: unsorted }, ...groups] : groups;
}

/**
 * Moves one clipping to `index` within `toSection` (null = unsorted) and renumbers that section.
 * Returns only the clippings whose section or position changed, stamped with `now`.
 */
export function moveClipping(
  clippings: readonly Clipping[],
  sections: readonly Section[],
  id: string,
  toSection: string | null,
  index: number,
  now: number,
): Clipping[] {
  const moving = clippings.find((c) => c.id === id);
  if (!moving) return [];
  const groups = groupBySection(clippings, sections);
  const target = groups.find((g) => (g.section?.id ?? null) === toSection)?.clippings ?? [];
  const others = target.filter((c) => c.id !== id);
  const at = Math.max(0, Math.min(index, others.length));
  const ordered = [...others.slice(0, at), { ...moving, section: toSection }, ...others.slice(at)];
  return ordered
    .map((c, i) => ({ before: clippings.find((o) => o.id === c.id)!, after: { ...c, position: (i + 1) * POSITION_STEP } }))
    .filter(({ before, after }) => before.position !== after.position || before.section !== after.section)
    .map(({ after }) => ({ ...after, updatedAt: now }));
}

/** Plain words when a section holds more clippings than its budget, else undefined. */
export function budgetWarning(section: Section, count: number): string | undefined {
  if (section.budget === undefined || count <= section.budget) return undefined;
  const over = count - section.budget;
  return t('deskOverBudget', over, section.name, section.budget);
}

/** True when the editor has not written a summary yet. */
export function needsSummary(clipping: Clipping): boolean {
  return !clipping.summary.trim();
}

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Case- and accent-insensitive search over what the editor sees of a clipping; every word must match. */
export function matchesQuery(clipping: Clipping, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const haystack = fold(
    [clipping.title, clipping.summary, ...clipping.authors, clipping.siteName, clipping.url, clipping.quote, clipping.excerpt].join('\n'),
  );
  return words.every((word) => haystack.includes(word));
}
