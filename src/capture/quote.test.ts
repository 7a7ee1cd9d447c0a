import { describe, expect, it } from 'vitest';
import { encodeTextDirective, normaliseQuote, quoteFromSelection, textFragmentLink } from './quote';

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
