import { describe, expect, it } from 'vitest';
import { checkInput, goodClipping } from '../../test/check-fixtures';
import { makeSettings } from '../../test/fixtures';
import { repeatProblems } from './repeat-rules';

describe('repeatProblems', () => {
  it('finds nothing in an issue of different articles', () => {
    expect(repeatProblems(checkInput())).toEqual([]);
  });

  it('blocks an article that ran in a published issue, naming the first issue it ran in', () => {
    const input = checkInput({
      published: [
        { number: 7, title: 'SRE Weekly Issue #7', urlKeys: ['https://example.com/post-2'] },
        { number: 4, title: 'SRE Weekly Issue #4', urlKeys: ['https://example.com/post-2', 'https://example.com/other'] },
      ],
    });
    expect(repeatProblems(input)).toEqual([
      {
        rule: 'repeat-published',
        severity: 'blocks',
        clippingId: 'clipping-0002',
        message: 'Already ran in issue #4, “SRE Weekly Issue #4”.',
      },
    ]);
  });

  it('matches a published article by the address the clipping was read at, too', () => {
    const input = checkInput({
      clippings: [goodClipping(1, { visitedUrl: 'http://www.mirror.example/read?utm_source=x' })],
      published: [{ number: 2, title: 'Issue #2', urlKeys: ['https://mirror.example/read'] }],
    });
    expect(repeatProblems(input)).toMatchObject([{ rule: 'repeat-published' }]);
  });

  it('blocks the later of two clippings of one article, and looks at the later of two with one title', () => {
    const input = checkInput({
      clippings: [
        goodClipping(1, { title: 'Postmortem: the DNS day', position: 1 }),
        goodClipping(2, { title: 'Another', urlKey: 'https://example.com/post-1', position: 2 }),
        goodClipping(3, { title: 'POSTMORTEM:  the DNS  day', position: 3 }),
      ],
    });
    expect(repeatProblems(input)).toEqual([
      {
        rule: 'repeat-in-issue',
        severity: 'blocks',
        clippingId: 'clipping-0002',
        message: 'The same article as “Postmortem: the DNS day”, earlier in this issue.',
      },
      {
        rule: 'repeat-in-issue',
        severity: 'look',
        clippingId: 'clipping-0003',
        message: 'The same title as another clipping earlier in this issue, “Postmortem: the DNS day”.',
      },
    ]);
  });

  it('looks at each piece from one publication beyond the editor’s limit, in issue order', () => {
    const same = { siteName: 'Pager Notes' };
    const input = checkInput({
      clippings: [
        goodClipping(1, same),
        goodClipping(2, { siteName: 'pager notes' }),
        goodClipping(3, { ...same, section: 'outages' }),
        goodClipping(4, same),
      ],
    });
    expect(repeatProblems(input)).toEqual([
      {
        rule: 'publication-limit',
        severity: 'look',
        clippingId: 'clipping-0004',
        message: 'Pager Notes has more pieces in this issue than your limit of 2: this is number 3.',
      },
      expect.objectContaining({ clippingId: 'clipping-0003', message: expect.stringContaining('number 4') }),
    ]);
    const relaxed = makeSettings({ check: { ...makeSettings().check, maxPerPublication: 4 } });
    expect(repeatProblems({ ...input, settings: relaxed })).toEqual([]);
  });
});
