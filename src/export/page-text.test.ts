import { describe, expect, it } from 'vitest';
import { editorMarkdown, oneLine, paragraphs } from './page-text';

describe('oneLine', () => {
  it('folds newlines, tabs and runs of spaces into single spaces and trims', () => {
    expect(oneLine('  A\ttitle\r\n\nover\u2028lines  ')).toBe('A title over lines');
  });

  it('drops control characters', () => {
    expect(oneLine('a\u0000b\u0007c\u001bd\u007fe')).toBe('abcde');
  });

  it('keeps non-ASCII text as it is', () => {
    expect(oneLine('Tomás — Ünïcödé 日本語 🔥')).toBe('Tomás — Ünïcödé 日本語 🔥');
  });
});

describe('paragraphs', () => {
  it('splits at blank lines, folding each paragraph onto one line', () => {
    expect(paragraphs('One\nline.\n\nTwo.\r\n   \r\nThree.')).toEqual(['One line.', 'Two.', 'Three.']);
  });

  it('drops empty paragraphs and gives nothing for blank text', () => {
    expect(paragraphs('\n\n\nOnly\n\n\n\n')).toEqual(['Only']);
    expect(paragraphs('  \n ')).toEqual([]);
  });
});

describe('editorMarkdown', () => {
  it('normalises line endings and trims outer blank lines, keeping everything else as typed', () => {
    expect(editorMarkdown('\r\n\r\n  * one\r\n  * two\r\n\r\nText  \n\n')).toBe('  * one\n  * two\n\nText');
  });

  it('is empty for blank text', () => {
    expect(editorMarkdown(' \n\t\n ')).toBe('');
  });
});
