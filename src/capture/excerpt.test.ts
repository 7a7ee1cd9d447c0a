import { describe, expect, it } from 'vitest';
import { extractCapture } from './extract';
import { documentAt } from '../../test/document';

const excerpt = (head: string, body: string) =>
  extractCapture(documentAt(`<html><head>${head}</head><body>${body}</body></html>`, 'https://ex.com/a')).excerpt;
const LEAD = 'The council voted on Tuesday to close the old bridge for repairs.';

describe('findExcerpt', () => {
  it('prefers the Dublin Core description to the social ones', () => {
    expect(
      excerpt('<meta property="og:description" content="Social teaser"><meta name="DC.description" content="The abstract.">', ''),
    ).toEqual({ value: 'The abstract.', source: 'dublin-core' });
  });

  it('skips taglines and bylines without a final stop, and hidden blocks', () => {
    const body = `<article><p>From Example Wiki, the free encyclopedia</p><p>// By Arun Roe • Nov 11, 2020</p><p style="display: none">Hidden text that is not shown to readers at all.</p><p>${LEAD}</p></article>`;
    expect(excerpt('', body)).toEqual({ value: LEAD, source: 'page-text' });
  });

  it('reads paragraphs in layout tables and list items', () => {
    expect(excerpt('', `<table><tr><td><h2>Bartleby</h2><p>${LEAD}</p></td></tr></table>`)?.value).toBe(LEAD);
    expect(excerpt('', `<ol><li><p>${LEAD}</p></li></ol>`)?.value).toBe(LEAD);
    // A table cell's own text is still not a paragraph.
    expect(excerpt('', `<table><tr><td>${LEAD}</td></tr></table>`)).toBeUndefined();
  });
});
