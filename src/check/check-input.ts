import type { Clipping } from '../clip/clipping';
import type { Issue } from '../issue/issue';
import { groupBySection } from '../issue/issue-order';
import type { Section, Settings } from '../settings/settings';

/** An earlier published issue, as the repeat rules need it: its number and title, and the urlKeys it ran. */
export interface PublishedIssue {
  number: number;
  title: string;
  urlKeys: readonly string[];
}

/** Everything the rules over a stored issue read: pure data, so each rule is a pure function. */
export interface CheckInput {
  issue: Issue;
  /** The issue's live clippings (tombstones left out), in any order. */
  clippings: readonly Clipping[];
  settings: Settings;
  /** The other published (closed) issues. */
  published: readonly PublishedIssue[];
  /** When the check runs (epoch ms): "in the future" is measured from it. */
  now: number;
}

/** A clipping in issue order, with the section it sits in (null: unsorted, or a section since removed). */
export interface PlacedClipping {
  clipping: Clipping;
  section: Section | null;
}

/** The issue's clippings in the order the desk and the exports show them: by section, then position. */
export function inIssueOrder(clippings: readonly Clipping[], sections: readonly Section[]): PlacedClipping[] {
  return groupBySection(clippings, sections).flatMap((group) => group.clippings.map((clipping) => ({ clipping, section: group.section })));
}

/** Text folded for comparing: case, accents and runs of spaces do not count. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A name folded down to its letters and digits: "Pager Notes", "pager-notes" and "PagerNotes" match. */
export function foldName(text: string): string {
  return foldText(text).replace(/[^\p{L}\p{N}]+/gu, '');
}

export const DAY_MS = 86_400_000;
