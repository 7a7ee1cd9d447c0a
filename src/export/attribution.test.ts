import { describe, expect, it } from 'vitest';
import { attributionText } from './attribution';

describe('attributionText', () => {
  it.each([
    ['Jane Doe', 'The Daily Ledger', 'Jane Doe — The Daily Ledger'],
    ['Jane Doe', '', 'Jane Doe'],
    ['', 'The Daily Ledger', 'The Daily Ledger'],
    ['', '', ''],
    ['  ', '\n', ''],
    ['Jane\nDoe ', ' The  Daily Ledger', 'Jane Doe — The Daily Ledger'],
  ])('byline %j and site %j give %j, with no dangling dash', (byline, siteName, text) => {
    expect(attributionText({ byline, siteName })).toBe(text);
  });

  it('prints a name once when the byline is the publication', () => {
    expect(attributionText({ byline: 'ExamplePay Engineering', siteName: 'examplepay engineering' })).toBe('ExamplePay Engineering');
  });
});
