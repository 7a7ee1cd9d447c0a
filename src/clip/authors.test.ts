import { describe, expect, it } from 'vitest';
import { splitAuthors, withAuthorList } from './authors';

describe('splitAuthors', () => {
  it('keeps a single name whole', () => {
    expect(splitAuthors('Priya Raman')).toEqual(['Priya Raman']);
    expect(splitAuthors('  Ludwig van Beethoven ')).toEqual(['Ludwig van Beethoven']);
    expect(splitAuthors('中村 真子')).toEqual(['中村 真子']);
  });

  it('splits on commas and the joining words of the languages Intl.ListFormat writes', () => {
    expect(splitAuthors('Priya Raman and Tomás Ortega')).toEqual(['Priya Raman', 'Tomás Ortega']);
    expect(splitAuthors('A, B')).toEqual(['A', 'B']);
    expect(splitAuthors('Ann Lee, Bo Kim and Cy Park')).toEqual(['Ann Lee', 'Bo Kim', 'Cy Park']);
    expect(splitAuthors('Ann Lee, Bo Kim, and Cy Park')).toEqual(['Ann Lee', 'Bo Kim', 'Cy Park']);
    expect(splitAuthors('Ann Lee & Bo Kim')).toEqual(['Ann Lee', 'Bo Kim']);
    expect(splitAuthors('Anna Schmidt und Jonas Weber')).toEqual(['Anna Schmidt', 'Jonas Weber']);
    expect(splitAuthors('Marie Curie et Pierre Curie')).toEqual(['Marie Curie', 'Pierre Curie']);
    expect(splitAuthors('Ana García y Luis Pérez')).toEqual(['Ana García', 'Luis Pérez']);
    expect(splitAuthors('Ann Lee; Bo Kim')).toEqual(['Ann Lee', 'Bo Kim']);
  });

  it('does not split inside a word, and drops blanks and repeats', () => {
    expect(splitAuthors('Sandy Anderson')).toEqual(['Sandy Anderson']);
    expect(splitAuthors('Etienne Yandel')).toEqual(['Etienne Yandel']);
    expect(splitAuthors('')).toEqual([]);
    expect(splitAuthors(' , ,')).toEqual([]);
    expect(splitAuthors('Ann Lee, Ann Lee')).toEqual(['Ann Lee']);
  });
});

describe('withAuthorList', () => {
  it('turns an old record’s byline and its source into authors', () => {
    expect(withAuthorList({ id: 'x', byline: 'A and B', sources: { byline: 'json-ld', title: 'meta' } })).toEqual({
      id: 'x',
      authors: ['A', 'B'],
      sources: { authors: 'json-ld', title: 'meta' },
    });
    expect(withAuthorList({ byline: '' })).toEqual({ authors: [] });
    // A draft's capture context has the source alone.
    expect(withAuthorList({ origin: 'page', sources: { byline: 'meta' } })).toEqual({ origin: 'page', sources: { authors: 'meta' } });
  });

  it('leaves a record that has authors, or no byline, or is not a record, as it is', () => {
    const current = { authors: ['A'], byline: 'B' };
    expect(withAuthorList(current)).toBe(current);
    expect(withAuthorList({ title: 'T' })).toEqual({ title: 'T' });
    expect(withAuthorList('text')).toBe('text');
    expect(withAuthorList(null)).toBe(null);
  });
});
