import { describe, expect, it } from 'vitest';
import { attributionText } from './attribution';

describe('attributionText', () => {
  it.each([
    [['Jane Doe'], 'The Daily Ledger', 'Jane Doe — The Daily Ledger'],
    [['Jane Doe'], '', 'Jane Doe'],
    [[], 'The Daily Ledger', 'The Daily Ledger'],
    [[], '', ''],
    [['  '], '\n', ''],
    [['Jane\nDoe '], ' The  Daily Ledger', 'Jane Doe — The Daily Ledger'],
    [['Priya Raman', 'Tomás Ortega'], 'Example', 'Priya Raman and Tomás Ortega — Example'],
    [['Ann Lee', '', 'Bo Kim', 'Cy Park'], '', 'Ann Lee, Bo Kim, and Cy Park'],
  ])('authors %j and site %j give %j, with no dangling dash', (authors, siteName, text) => {
    expect(attributionText({ authors, siteName }, 'en-US')).toBe(text);
  });

  it('joins the authors as the export’s language does', () => {
    expect(attributionText({ authors: ['Ann Lee', 'Bo Kim', 'Cy Park'], siteName: 'Blog' }, 'en-GB')).toBe(
      'Ann Lee, Bo Kim and Cy Park — Blog',
    );
    expect(attributionText({ authors: ['Anna Schmidt', 'Jonas Weber'], siteName: 'Zeit' }, 'de')).toBe(
      'Anna Schmidt und Jonas Weber — Zeit',
    );
    expect(attributionText({ authors: ['Marie Curie', 'Pierre Curie'], siteName: '' }, 'fr')).toBe('Marie Curie et Pierre Curie');
  });

  it('prints a name once when the byline is the publication', () => {
    expect(attributionText({ authors: ['ExamplePay Engineering'], siteName: 'examplepay engineering' }, 'en')).toBe(
      'ExamplePay Engineering',
    );
  });
});
