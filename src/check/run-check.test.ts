import { describe, expect, it } from 'vitest';
import { checkInput, goodClipping } from '../../test/check-fixtures';
import { makeIssue, makeSettings } from '../../test/fixtures';
import { CheckProblem } from './check-problem';
import { inCheckOrder } from './check-order';
import { checkIssue } from './run-check';

describe('checkIssue', () => {
  it('says nothing about a clean issue', () => {
    expect(checkIssue(checkInput())).toEqual([]);
  });

  it('lists the issue’s problems first, then section by section in the desk’s order, each clipping’s together', () => {
    const input = checkInput({
      issue: makeIssue(1, { sponsor: '' }),
      clippings: [
        goodClipping(3, { section: 'outages', title: 'EVERYTHING IS DOWN AT ONCE' }),
        goodClipping(2, { position: 2, authors: [], summary: '' }),
        goodClipping(1, { position: 1, title: 'Chaos days - Site 1' }),
        goodClipping(4, { section: null, authors: [] }),
      ],
      published: [{ number: 3, title: 'Issue #3', urlKeys: ['https://example.com/post-2'] }],
    });
    const problems = checkIssue(input);
    expect(problems.map((p) => [p.clippingId ?? 'issue', p.rule])).toEqual([
      ['issue', 'sponsor-empty'],
      ['clipping-0004', 'credit-author'], // unsorted comes first on the desk
      ['clipping-0001', 'title-site-suffix'],
      ['clipping-0002', 'credit-author'],
      ['clipping-0002', 'summary-empty'],
      ['clipping-0002', 'repeat-published'],
      ['clipping-0003', 'title-shouting'],
    ]);
    // Every problem crosses the message boundary as the shared schema says.
    for (const problem of problems) expect(CheckProblem.parse(problem)).toEqual(problem);
  });

  it('leaves out the rules the editor switched off', () => {
    const settings = makeSettings({ check: { ...makeSettings().check, off: ['sponsor-empty', 'credit-author'] } });
    const input = checkInput({
      settings,
      issue: makeIssue(1, { sponsor: '' }),
      clippings: [goodClipping(1, { authors: [] }), goodClipping(3, { section: 'outages' })],
    });
    expect(checkIssue(input)).toEqual([]);
  });
});

describe('inCheckOrder', () => {
  it('places problems of other rules (the links) among the rest, a section’s before its clippings', () => {
    const input = checkInput();
    const link: CheckProblem = { rule: 'link-broken', severity: 'blocks', clippingId: 'clipping-0002', message: 'Not found.' };
    const section: CheckProblem = { rule: 'section-empty', severity: 'look', clippingId: null, sectionId: 'outages', message: 'x' };
    const first: CheckProblem = { rule: 'credit-author', severity: 'blocks', clippingId: 'clipping-0001', message: 'y' };
    const outage: CheckProblem = { rule: 'credit-date', severity: 'look', clippingId: 'clipping-0003', message: 'z' };
    expect(inCheckOrder([outage, link, section, first], input)).toEqual([first, link, section, outage]);
  });
});
