// Builders for the export tests: a document entry or issue document with every field filled, so a
// test names only the fields it is about. Frozen values throughout (no clock).
import type { DocumentEntry, DocumentSection, IssueDocument } from '../src/export/issue-document';

/** An entry with plain, harmless values; `overrides` replace any of them. */
export function testEntry(overrides: Partial<DocumentEntry> = {}): DocumentEntry {
  return {
    id: 'entry-0001',
    url: 'https://blog.example/post',
    title: 'A post',
    authors: ['Ada Lovelace'],
    siteName: 'Example Blog',
    publishedTime: '2026-11-17',
    summary: '',
    quote: '',
    quoteLink: '',
    ...overrides,
  };
}

/** A section of the given style holding `entries`. */
export function testSection(
  style: DocumentSection['style'],
  entries: DocumentEntry[],
  overrides: Partial<DocumentSection> = {},
): DocumentSection {
  return {
    id: style === 'bullets' ? 'outages' : 'articles',
    name: style === 'bullets' ? 'Outages' : 'Articles',
    style,
    entries,
    ...overrides,
  };
}

/** An issue document of the week of 16 November 2026 (New York), no sponsor, with `sections`. */
export function testDocument(sections: DocumentSection[], overrides: Partial<IssueDocument> = {}): IssueDocument {
  return {
    newsletter: 'SRE Weekly',
    lang: 'en-US',
    number: 501,
    title: 'SRE Weekly Issue #501',
    start: '2026-11-16T00:00:00.000-05:00',
    end: '2026-11-23T00:00:00.000-05:00',
    sponsor: '',
    sections,
    ...overrides,
  };
}
