import { describe, expect, it } from 'vitest';
import { describeProblems, fieldPath, quoteForMessage } from './record-errors';

describe('fieldPath', () => {
  it.each<[PropertyKey[], string]>([
    [[], ''],
    [['summary'], 'summary'],
    [['notes', 2], 'notes[2]'],
    [['sources', 'title'], 'sources.title'],
    [['clippings', 3, 'sources', 'url'], 'clippings[3].sources.url'],
    [[0, 'id'], '[0].id'],
  ])('writes %j as %j', (path, text) => {
    expect(fieldPath(path)).toBe(text);
  });
});

describe('describeProblems', () => {
  const problem = (field: string, message = 'bad') => ({ path: [field], message });

  it('lists each problem as field: message', () => {
    expect(describeProblems([problem('title', 'too long'), { path: [], message: 'not an object' }])).toBe('title: too long; not an object');
  });

  it('shows the first few and counts the rest', () => {
    expect(describeProblems(['a', 'b', 'c', 'd', 'e'].map((f) => problem(f)))).toBe('a: bad; b: bad; c: bad; and 2 more');
    expect(
      describeProblems(
        ['a', 'b'].map((f) => problem(f)),
        1,
      ),
    ).toBe('a: bad; and 1 more');
  });
});

describe('quoteForMessage', () => {
  it('quotes a string on one line, shortened to 60 characters', () => {
    expect(quoteForMessage(' A\ntitle ')).toBe('“A title”');
    expect(quoteForMessage('y'.repeat(61))).toBe(`“${'y'.repeat(59)}…”`);
    expect(quoteForMessage('y'.repeat(60))).toBe(`“${'y'.repeat(60)}”`);
  });

  it('is empty for anything but a string', () => {
    expect(quoteForMessage(undefined)).toBe('');
    expect(quoteForMessage(42)).toBe('');
  });
});
