import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CANDIDATE_LIMITS as SCHEMA_LIMITS, PageCapture } from '../clip/capture';
import { CANDIDATE_LIMITS } from './field-limits';
import { readPage } from './read-page';
import { documentAt } from '../../test/document';

/** The sibling modules `file` imports (values and types alike), transitively. */
function moduleGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(resolve(import.meta.dirname, `${file}.ts`), 'utf8');
  for (const [, sibling] of source.matchAll(/^import (?!type\b)[^;]*?from '\.\/([\w-]+)'/gm)) moduleGraph(sibling!, seen);
  return seen;
}

describe('the page half of the capture pipeline (the content script)', () => {
  it('keeps its copy of the candidate limits equal to the schema', () => {
    expect(CANDIDATE_LIMITS).toEqual(SCHEMA_LIMITS);
  });

  it('carries no name cleaning and no date parsing: the worker half does those (content-script budget)', () => {
    const graph = moduleGraph('content');
    expect(graph).toContain('read-page');
    for (const workerHalf of ['author-names', 'dates', 'pick-byline', 'pick-published-time', 'finish-capture', 'extract'])
      expect(graph).not.toContain(workerHalf);
  });

  it('sends raw author and date candidates in order of trust, which the boundary schema accepts', () => {
    const doc = documentAt(
      `<html><head><meta name="author" content="By JANE DOE, Staff Writer"><meta property="article:published_time" content="2031-01-01">
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"  Jan 2, 2020  "}</script></head>
      <body><article><div class="byline">By <a rel="author" href="/a/x">Rel Author</a> <time datetime="2020-02-03">Feb 3</time></div>
      <p>${'Prose of the story goes here. '.repeat(20)}</p></article></body></html>`,
      'https://ex.com/story',
    );
    const sent = readPage(doc);
    expect(sent).not.toHaveProperty('byline');
    expect(sent.candidates?.authors.map((a) => [a.source, a.names])).toEqual([
      ['meta', ['By JANE DOE, Staff Writer']],
      // The byline element, the rel=author link inside it, then the "By …" line: the worker takes the first that cleans.
      ['byline-markup', ['By Rel Author | Feb 3']],
      ['byline-markup', ['Rel Author']],
      ['page-text', ['By Rel Author | Feb 3']],
    ]);
    expect(sent.candidates?.published).toEqual([
      { source: 'json-ld', value: 'Jan 2, 2020' },
      { source: 'opengraph', value: '2031-01-01' },
    ]);
    expect(sent.candidates?.inArticle[0]).toEqual({ source: 'time-element', value: '2020-02-03', shown: 'Feb 3' });
    expect(PageCapture.safeParse(JSON.parse(JSON.stringify(sent))).success).toBe(true);
  });
});
