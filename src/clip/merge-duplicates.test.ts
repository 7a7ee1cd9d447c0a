import { describe, expect, it } from 'vitest';
import { buildClipping } from './clipping-from-capture';
import { mergeDuplicates } from './merge-duplicates';
import { makeContext, makeForm } from '../../test/fixtures';

const clipping = (id: string, now: number, form: Parameters<typeof makeForm>[0]) =>
  buildClipping({ form: makeForm(form), context: makeContext(), existing: undefined, id, now });

describe('mergeDuplicates: the address the editor was reading', () => {
  it('goes with the canonical address kept, from whichever clipping had it', () => {
    const older = clipping('older-0001', 1, { url: 'https://origin.example.com/a' });
    const newer = clipping('newer-0001', 2, { url: 'https://origin.example.com/a', visitedUrl: 'https://mirror.example.net/a' });
    expect(mergeDuplicates(older, newer, 3, 'older').visitedUrl).toBe('https://mirror.example.net/a');
    expect(mergeDuplicates(newer, older, 3, 'newer').visitedUrl).toBe('https://mirror.example.net/a');
    expect(mergeDuplicates(older, clipping('newer-0002', 2, { url: 'https://origin.example.com/a' }), 3)).not.toHaveProperty('visitedUrl');
  });
});
