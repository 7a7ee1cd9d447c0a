import { describe, expect, it } from 'vitest';
import { checkInput, goodClipping } from '../../test/check-fixtures';
import { makeIssue, makeSettings } from '../../test/fixtures';
import { shapeProblems } from './shape-rules';

describe('shapeProblems', () => {
  it('finds nothing in a sponsored issue with every section filled within budget', () => {
    expect(shapeProblems(checkInput())).toEqual([]);
  });

  it('looks at an empty sponsor slot and an empty section', () => {
    const input = checkInput({ issue: makeIssue(1, { sponsor: ' \n' }), clippings: [goodClipping(1)] });
    expect(shapeProblems(input)).toEqual([
      { rule: 'sponsor-empty', severity: 'look', clippingId: null, message: 'The sponsor slot is empty.' },
      { rule: 'section-empty', severity: 'look', clippingId: null, sectionId: 'outages', message: 'Outages is empty.' },
    ]);
  });

  it('looks at a section over its budget, and counts unsorted clippings in no section', () => {
    const settings = makeSettings({
      sections: [
        { id: 'articles', name: 'Articles', style: 'entries', budget: 1 },
        { id: 'outages', name: 'Outages', style: 'bullets', budget: 1 },
      ],
    });
    const input = checkInput({
      settings,
      clippings: [goodClipping(1), goodClipping(2), goodClipping(3, { section: 'outages' }), goodClipping(4, { section: null })],
    });
    expect(shapeProblems(input)).toEqual([
      {
        rule: 'section-over-budget',
        severity: 'look',
        clippingId: null,
        sectionId: 'articles',
        message: 'Articles holds 2 clippings; its budget is 1.',
      },
    ]);
  });
});
