import { TZDate } from '@date-fns/tz';
import type { Clipping } from '../clip/clipping';
import type { DocumentEntry, IssueDocument } from '../export/issue-document';
import { uiLanguage } from '../i18n/messages';
import type { Settings } from '../settings/settings';
import type { Issue } from './issue';
import { groupBySection } from './issue-order';

function entry(clipping: Clipping): DocumentEntry {
  return {
    id: clipping.id,
    url: clipping.url,
    title: clipping.title,
    authors: clipping.authors,
    siteName: clipping.siteName,
    publishedTime: clipping.publishedTime,
    summary: clipping.summary,
    quote: clipping.quote,
    quoteLink: clipping.quoteLink,
  };
}

/**
 * What the exports render for an issue: its sections in the newsletter's order, each clipping by
 * position. Clippings without a section are left out (the issue view warns about them).
 */
export function toIssueDocument(issue: Issue, settings: Settings, clippings: readonly Clipping[]): IssueDocument {
  return {
    newsletter: settings.newsletterName,
    lang: settings.language || uiLanguage(),
    number: issue.number,
    title: issue.title,
    // Written with the newsletter's offset, so the dates line reads the days as the editor sees them.
    start: new TZDate(issue.start, settings.timeZone || undefined).toISOString(),
    end: new TZDate(issue.end, settings.timeZone || undefined).toISOString(),
    sponsor: issue.sponsor,
    sections: groupBySection(clippings, settings.sections)
      .filter((group) => group.section !== null)
      .map((group) => ({
        id: group.section!.id,
        name: group.section!.name,
        style: group.section!.style,
        entries: group.clippings.map(entry),
      })),
  };
}

/** The ids of the clippings a document shows: those in its sections (unsorted ones are left out). */
export function documentClippingIds(doc: IssueDocument): Set<string> {
  return new Set(doc.sections.flatMap((section) => section.entries.map((entry) => entry.id)));
}
