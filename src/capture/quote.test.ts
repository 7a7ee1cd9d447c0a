import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { encodeTextDirective, normaliseQuote, quoteFromSelection, readSelection, textFragmentLink } from './quote';

describe('quote', () => {
  it('keeps paragraph breaks and collapses runs of blank lines', () => {
    expect(normaliseQuote('  First para.  \r\n\r\n\r\n\r\n  Second para.\n')).toBe('First para.\n\nSecond para.');
  });
  it('percent-encodes text directive terms, including - , and &', () => {
    expect(encodeTextDirective('on-call, SLOs & more')).toBe('on%2Dcall%2C%20SLOs%20%26%20more');
  });
  it('links a short quote whole and a long one as start,end within its first and last paragraph', () => {
    expect(textFragmentLink('https://ex.com/a?utm_source=x#old', 'Short quote here')).toBe('https://ex.com/a#:~:text=Short%20quote%20here');
    expect(textFragmentLink('https://ex.com/a', 'One two three four five six\n\nseven eight nine ten eleven twelve')).toBe(
      'https://ex.com/a#:~:text=One%20two%20three%20four%20five,eight%20nine%20ten%20eleven%20twelve',
    );
  });
  it('accepts a Selection-like object or plain { text }, and nothing for an empty selection', () => {
    expect(quoteFromSelection({ toString: () => ' Hi there ' }, 'https://ex.com/', 100)).toEqual({
      text: 'Hi there',
      link: 'https://ex.com/#:~:text=Hi%20there',
    });
    expect(quoteFromSelection({ text: 'Plain' }, 'file:///x', 100)).toEqual({ text: 'Plain' });
    expect(quoteFromSelection({ text: '   ' }, 'https://ex.com/', 100)).toBeUndefined();
    expect(quoteFromSelection(null, 'https://ex.com/', 100)).toBeUndefined();
  });
});

describe('a long selection', () => {
  /** A page of `count` paragraphs of 200 characters, all selected (select-all). */
  const selectAll = (count: number) => {
    const { window } = new JSDOM(
      `<body><h1>Log</h1>${Array.from({ length: count }, (_, i) => `<p>${`Entry ${i}: `.padEnd(200, 'x')}</p>`).join('')}<script>var hidden = 1;</script></body>`,
    );
    const selection = window.getSelection()!;
    selection.selectAllChildren(window.document.body);
    return selection;
  };

  it('is read no further than the quote needs, with its length counted and its paragraphs kept', () => {
    // 80,000 characters (jsdom's ranges are too slow for the 2.4 million of the end-to-end test's page).
    const selection = selectAll(400);
    let built = 0;
    const toString = selection.toString.bind(selection);
    selection.toString = () => ((built += 1), toString());
    const { raw, length } = readSelection(selection, 20_000);
    expect(built).toBe(0); // the 2.4 MB string is never made
    expect(length).toBeGreaterThan(80_000);
    expect(raw.length).toBeLessThan(31_000);
    const quote = quoteFromSelection(selection, 'https://ex.com/log', 20_000)!;
    expect(quote.text.length).toBeGreaterThan(19_000);
    expect(quote.text.length).toBeLessThanOrEqual(20_000);
    expect(quote.text.startsWith(`Log\n\nEntry 0: xxx`)).toBe(true);
    expect(quote.text).not.toContain('hidden');
    expect(quote.selectionLength).toBe(length);
  });

  it('is read as the browser lays it out when it is not long, and says so only when cut', () => {
    const short = selectAll(3);
    expect(quoteFromSelection(short, 'https://ex.com/log', 20_000)).not.toHaveProperty('selectionLength');
    const cut = quoteFromSelection({ text: 'y'.repeat(30_000) }, 'https://ex.com/log', 20_000)!;
    expect(cut.text).toHaveLength(20_000);
    expect(cut.selectionLength).toBe(30_000);
  });
});

describe('readSelection: the length of the selected text', () => {
  const doc = () => new JSDOM('<body><p>abcdef</p><p>gh<b>ij</b></p><p>klm</p></body>').window;
  it('counts from the start offset to the end offset, in text nodes or at element boundaries', () => {
    const window = doc();
    const [p1, p2, p3] = Array.from(window.document.querySelectorAll('p'));
    const selection = window.getSelection()!;
    const range = window.document.createRange();
    range.setStart(p1!.firstChild!, 2);
    range.setEnd(p2!.querySelector('b')!.firstChild!, 1);
    selection.addRange(range);
    expect(readSelection(selection, 100).length).toBe(4 + 2 + 1); // "cdef" "gh" "i"
    range.setStart(p1!, 0);
    range.setEnd(window.document.body, 2); // the first two paragraphs whole
    expect(readSelection(selection, 100).length).toBe(6 + 4);
    range.setStart(p2!, 1); // after "gh", before <b>
    range.setEnd(p3!, 0);
    expect(readSelection(selection, 100).length).toBe(2);
  });
});
