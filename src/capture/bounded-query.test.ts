import { describe, expect, it } from 'vitest';
import { SCAN_LIMIT, queryBounded, scanBudget } from './bounded-query';
import { readPage } from './read-page';
import { documentAt } from '../../test/document';

/** A page with `before` plain paragraphs, then a byline, then `after` more (each paragraph holds a span: two elements). */
const page = (before: number, after: number) =>
  documentAt(
    `<html><head><title>Big | Ex</title><meta property="og:title" content="A big page"></head><body><main>
    <p class="byline">By Early Writer</p>
    ${'<p><span>filler</span></p>'.repeat(before)}
    <p class="byline">By Late Writer</p>
    ${'<p><span>filler</span></p>'.repeat(after)}
    </main></body></html>`,
    'https://ex.com/big',
  );

describe('bounded queries', () => {
  it('match as querySelectorAll does on a page of normal size', () => {
    const doc = page(100, 100);
    const all = Array.from(doc.body.querySelectorAll('.byline, span'));
    expect(queryBounded(doc.body, '.byline, span', 1000)).toEqual(all);
    expect(queryBounded(doc.body, '.byline, span', 3)).toEqual(all.slice(0, 3));
  });

  it('read only the first SCAN_LIMIT elements of a large page, in document order', () => {
    const doc = page(SCAN_LIMIT, 10);
    const found = queryBounded(doc.documentElement, '.byline', 10);
    expect(found.map((el) => el.textContent)).toEqual(['By Early Writer']);
    // The elements before the cut are all there, in order.
    const spans = queryBounded(doc.documentElement, 'main, span', 5);
    expect(spans.map((el) => el.localName)).toEqual(['main', 'span', 'span', 'span', 'span']);
  });

  it('stop the capture of a large page at the time budget, which says what it left out and keeps the metadata', () => {
    // Every read of the clock moves it on by 10 ms: a 25 ms budget runs out after the first steps.
    const ticking = () => {
      let now = 0;
      return () => (now += 10);
    };
    const capture = readPage(page(SCAN_LIMIT, 10), { budgetMs: 25, clock: ticking() });
    expect(capture.title?.value).toBe('A big page');
    expect(capture.notes.join(' ')).toMatch(
      /^This page is very large: to keep it responsive, the capture stopped reading it after 25 ms \(it did not look for the .*author/,
    );
    expect(scanBudget.until).toBe(Infinity); // the budget ends with the capture
    // A page of normal size is read whole however slow the clock: its capture does not depend on the moment.
    const small = readPage(page(200, 10), { budgetMs: 25, clock: ticking() });
    expect(small.candidates?.authors.map((a) => a.names[0])).toContain('By Early Writer');
    expect(small.notes).toEqual([]);
  });

  it('notes that a large page was searched only in its beginning', () => {
    const capture = readPage(page(SCAN_LIMIT, 10));
    expect(capture.candidates?.authors.map((a) => a.names[0])).toEqual(['By Early Writer', 'By Early Writer']);
    expect(capture.notes).toContain('This page is very large: only its first 15,000 elements were searched for the author and date.');
  });
});
