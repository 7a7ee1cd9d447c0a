import { describe, expect, it } from 'vitest';
import type { Clipping } from '../clip/clipping';
import type { Section } from '../settings/settings';
import { POSITION_STEP, budgetWarning, groupBySection, matchesQuery, moveClipping, needsSummary } from './issue-order';

const T0 = Date.parse('2026-06-08T00:00:00Z');
const NOW = T0 + 86_400_000;

const SECTIONS: Section[] = [
  { id: 'articles', name: 'Articles', style: 'entries', budget: 5 },
  { id: 'tools', name: 'Tools', style: 'entries' },
  { id: 'outages', name: 'Outages', style: 'bullets' },
];

function clip(id: string, section: string | null, position: number, overrides: Partial<Clipping> = {}): Clipping {
  return {
    url: `https://example.com/${id}`,
    title: `Title ${id}`,
    authors: [],
    siteName: '',
    publishedTime: '',
    excerpt: '',
    lang: 'en',
    quote: '',
    quoteLink: '',
    summary: '',
    section,
    id: `clipping-${id}`,
    urlKey: `https://example.com/${id}`,
    origin: 'page',
    sources: {},
    notes: [],
    createdAt: T0,
    updatedAt: T0,
    issueId: 'issue-0001',
    position,
    ...overrides,
  };
}

const ids = (clippings: readonly Clipping[]) => clippings.map((c) => c.id.replace('clipping-', ''));
const shape = (groups: ReturnType<typeof groupBySection>) => groups.map((g) => [g.section?.id ?? null, ids(g.clippings)]);

describe('groupBySection', () => {
  it('lists every section in the settings’ order, empty ones included, and no unsorted group when none is unsorted', () => {
    const groups = groupBySection([clip('o1', 'outages', 1), clip('a1', 'articles', 1)], SECTIONS);
    expect(shape(groups)).toEqual([
      ['articles', ['a1']],
      ['tools', []],
      ['outages', ['o1']],
    ]);
    expect(groups.map((g) => g.section)).toEqual(SECTIONS);
  });

  it('follows the settings’ order, whatever the clippings’ order', () => {
    const reordered = [SECTIONS[2]!, SECTIONS[0]!, SECTIONS[1]!];
    expect(shape(groupBySection([clip('a1', 'articles', 1), clip('t1', 'tools', 1), clip('o1', 'outages', 1)], reordered))).toEqual([
      ['outages', ['o1']],
      ['articles', ['a1']],
      ['tools', ['t1']],
    ]);
  });

  it('puts clippings without a section, or whose section was removed, in an unsorted group first', () => {
    const groups = groupBySection([clip('a1', 'articles', 1), clip('n1', null, 2), clip('gone', 'podcasts', 1)], SECTIONS);
    expect(groups[0]!.section).toBeNull();
    expect(shape(groups)).toEqual([
      [null, ['gone', 'n1']],
      ['articles', ['a1']],
      ['tools', []],
      ['outages', []],
    ]);
  });

  it('with no clippings at all, still lists each section', () => {
    expect(shape(groupBySection([], SECTIONS))).toEqual([
      ['articles', []],
      ['tools', []],
      ['outages', []],
    ]);
  });

  it('orders each group by position, then creation time, then id', () => {
    const clippings = [
      clip('c', 'articles', 2048, { createdAt: T0 + 5 }),
      clip('b', 'articles', 2048, { createdAt: T0 + 1 }),
      clip('z', 'articles', 1024, { createdAt: T0 + 9 }),
      clip('y', 'articles', 2048, { createdAt: T0 + 5 }),
      clip('x', 'articles', -5, { createdAt: T0 + 99 }),
      clip('frac', 'articles', 1024.5),
    ];
    expect(ids(groupBySection(clippings, SECTIONS)[0]!.clippings)).toEqual(['x', 'z', 'frac', 'b', 'c', 'y']);
  });

  it('orders the unsorted group the same way', () => {
    const groups = groupBySection([clip('n2', null, 20), clip('n1', 'gone', 10)], SECTIONS);
    expect(ids(groups[0]!.clippings)).toEqual(['n1', 'n2']);
  });

  it('does not reorder the array it is given', () => {
    const clippings = [clip('b', 'articles', 2), clip('a', 'articles', 1)];
    groupBySection(clippings, SECTIONS);
    expect(ids(clippings)).toEqual(['b', 'a']);
  });
});

describe('moveClipping', () => {
  /** Articles a, b, c and outages o, at tidy positions; n unsorted. */
  const issue = () => [
    clip('a', 'articles', 1 * POSITION_STEP),
    clip('b', 'articles', 2 * POSITION_STEP),
    clip('c', 'articles', 3 * POSITION_STEP),
    clip('o', 'outages', 1 * POSITION_STEP),
    clip('n', null, 1 * POSITION_STEP),
  ];
  const summary = (changed: Clipping[]) => changed.map((c) => [c.id.replace('clipping-', ''), c.section, c.position]);

  /** Applies the changes and reads the issue back the way the view shows it. */
  function after(clippings: Clipping[], changed: Clipping[]) {
    const byId = new Map(changed.map((c) => [c.id, c]));
    return shape(
      groupBySection(
        clippings.map((c) => byId.get(c.id) ?? c),
        SECTIONS,
      ),
    );
  }

  it('steps positions by 1024', () => {
    expect(POSITION_STEP).toBe(1024);
  });

  it('moves down within a section, returning only the clippings that changed, stamped with now', () => {
    const clippings = issue();
    const changed = moveClipping(clippings, SECTIONS, 'clipping-a', 'articles', 1, NOW);
    expect(summary(changed)).toEqual([
      ['b', 'articles', 1024],
      ['a', 'articles', 2048],
    ]);
    expect(changed.every((c) => c.updatedAt === NOW)).toBe(true);
    expect(after(clippings, changed)[1]).toEqual(['articles', ['b', 'a', 'c']]);
  });

  it('moves up within a section', () => {
    const clippings = issue();
    const changed = moveClipping(clippings, SECTIONS, 'clipping-c', 'articles', 1, NOW);
    expect(summary(changed)).toEqual([
      ['c', 'articles', 2048],
      ['b', 'articles', 3072],
    ]);
    expect(after(clippings, changed)[1]).toEqual(['articles', ['a', 'c', 'b']]);
  });

  it('moves to the top', () => {
    const clippings = issue();
    expect(after(clippings, moveClipping(clippings, SECTIONS, 'clipping-c', 'articles', 0, NOW))[1]).toEqual(['articles', ['c', 'a', 'b']]);
  });

  it('clamps an index past the end to the last place', () => {
    const clippings = issue();
    const changed = moveClipping(clippings, SECTIONS, 'clipping-a', 'articles', 99, NOW);
    expect(after(clippings, changed)[1]).toEqual(['articles', ['b', 'c', 'a']]);
    expect(summary(changed)).toEqual([
      ['b', 'articles', 1024],
      ['c', 'articles', 2048],
      ['a', 'articles', 3072],
    ]);
  });

  it('clamps a negative index to the first place', () => {
    const clippings = issue();
    expect(after(clippings, moveClipping(clippings, SECTIONS, 'clipping-c', 'articles', -3, NOW))[1]).toEqual([
      'articles',
      ['c', 'a', 'b'],
    ]);
  });

  it('returns nothing when the clipping stays where it is at tidy positions', () => {
    expect(moveClipping(issue(), SECTIONS, 'clipping-b', 'articles', 1, NOW)).toEqual([]);
  });

  it('renumbers untidy positions (e.g. clip times) into steps of 1024', () => {
    const clippings = [clip('a', 'articles', T0 + 5), clip('b', 'articles', T0 + 9), clip('c', 'articles', T0 + 7)];
    const changed = moveClipping(clippings, SECTIONS, 'clipping-b', 'articles', 0, NOW);
    expect(summary(changed)).toEqual([
      ['b', 'articles', 1024],
      ['a', 'articles', 2048],
      ['c', 'articles', 3072],
    ]);
  });

  it('moves across sections: into the target at the index, leaving the source section’s positions alone', () => {
    const clippings = issue();
    const changed = moveClipping(clippings, SECTIONS, 'clipping-b', 'outages', 0, NOW);
    expect(summary(changed)).toEqual([
      ['b', 'outages', 1024],
      ['o', 'outages', 2048],
    ]);
    expect(after(clippings, changed)).toEqual([
      [null, ['n']],
      ['articles', ['a', 'c']],
      ['tools', []],
      ['outages', ['b', 'o']],
    ]);
  });

  it('a clipping whose position is unchanged still counts as changed when its section changes', () => {
    const clippings = issue();
    const changed = moveClipping(clippings, SECTIONS, 'clipping-a', 'outages', 0, NOW);
    expect(summary(changed)).toEqual([
      ['a', 'outages', 1024],
      ['o', 'outages', 2048],
    ]);
  });

  it('moves into an empty section', () => {
    const changed = moveClipping(issue(), SECTIONS, 'clipping-c', 'tools', 5, NOW);
    expect(summary(changed)).toEqual([['c', 'tools', 1024]]);
  });

  it('moves to unsorted (section null)', () => {
    const clippings = issue();
    const changed = moveClipping(clippings, SECTIONS, 'clipping-a', null, 0, NOW);
    expect(summary(changed)).toEqual([
      ['a', null, 1024],
      ['n', null, 2048],
    ]);
    expect(after(clippings, changed)[0]).toEqual([null, ['a', 'n']]);
  });

  it('moves to unsorted when nothing is unsorted yet', () => {
    const clippings = issue().filter((c) => c.section !== null);
    expect(summary(moveClipping(clippings, SECTIONS, 'clipping-b', null, 3, NOW))).toEqual([['b', null, 1024]]);
  });

  it('moves from unsorted into a section', () => {
    const clippings = issue();
    const changed = moveClipping(clippings, SECTIONS, 'clipping-n', 'articles', 1, NOW);
    expect(summary(changed)).toEqual([
      ['n', 'articles', 2048],
      ['b', 'articles', 3072],
      ['c', 'articles', 4096],
    ]);
    expect(after(clippings, changed)).toEqual([
      ['articles', ['a', 'n', 'b', 'c']],
      ['tools', []],
      ['outages', ['o']],
    ]);
  });

  it('a clipping whose section was removed is unsorted: moving it within unsorted clears the stale section', () => {
    const clippings = [clip('gone', 'podcasts', 1024), clip('n', null, 2048)];
    const changed = moveClipping(clippings, SECTIONS, 'clipping-gone', null, 1, NOW);
    expect(summary(changed)).toEqual([
      ['n', null, 1024],
      ['gone', null, 2048],
    ]);
  });

  it('an unknown clipping changes nothing', () => {
    expect(moveClipping(issue(), SECTIONS, 'clipping-missing', 'articles', 0, NOW)).toEqual([]);
  });

  it('keeps every other field and does not modify its input', () => {
    const clippings = issue();
    const before = structuredClone(clippings);
    const changed = moveClipping(clippings, SECTIONS, 'clipping-a', 'outages', 1, NOW);
    expect(clippings).toEqual(before);
    const moved = changed.find((c) => c.id === 'clipping-a')!;
    expect(moved).toEqual({ ...before[0], section: 'outages', position: 2048, updatedAt: NOW });
  });
});

describe('budgetWarning', () => {
  const articles = SECTIONS[0]!;

  it('says nothing for a section without a budget', () => {
    expect(budgetWarning(SECTIONS[1]!, 500)).toBeUndefined();
  });

  it('says nothing up to the budget', () => {
    expect(budgetWarning(articles, 0)).toBeUndefined();
    expect(budgetWarning(articles, 4)).toBeUndefined();
    expect(budgetWarning(articles, 5)).toBeUndefined();
  });

  it('says by how much a section is over its budget', () => {
    expect(budgetWarning(articles, 6)).toBe('1 over budget: Articles takes at most 5.');
    expect(budgetWarning({ ...articles, name: 'Tools', budget: 10 }, 13)).toBe('3 over budget: Tools takes at most 10.');
  });

  it('a budget of 1', () => {
    expect(budgetWarning({ ...articles, budget: 1 }, 1)).toBeUndefined();
    expect(budgetWarning({ ...articles, budget: 1 }, 2)).toMatch(/^1 over budget/);
  });
});

describe('needsSummary', () => {
  it.each([
    ['', true],
    ['   \n\t', true],
    ['Worth reading.', false],
    ['  x  ', false],
  ])('%j → %s', (summary, expected) => {
    expect(needsSummary(clip('a', 'articles', 1, { summary }))).toBe(expected);
  });
});

describe('matchesQuery', () => {
  const c = clip('q', 'articles', 1, {
    title: 'Postmortem: the Café outage',
    summary: 'A *great* write-up about retries.',
    authors: ['Zoë Müller'],
    siteName: 'Ops Journal',
    url: 'https://blog.example.org/2026/incident-42',
    quote: 'The queue backed up.',
    excerpt: 'Kubernetes eviction storms.',
  });

  it('matches everything for an empty or blank query', () => {
    expect(matchesQuery(c, '')).toBe(true);
    expect(matchesQuery(c, '   \t ')).toBe(true);
  });

  it.each([
    ['title', 'postmortem'],
    ['summary', 'retries'],
    ['authors', 'zoë'],
    ['siteName', 'journal'],
    ['url', 'incident-42'],
    ['quote', 'backed'],
    ['excerpt', 'eviction'],
  ])('searches the %s', (field, word) => {
    expect(matchesQuery(c, word)).toBe(true);
    expect(matchesQuery({ ...c, [field]: field === 'authors' ? [] : '' }, word)).toBe(false);
  });

  it('ignores case', () => {
    expect(matchesQuery(c, 'POSTMORTEM')).toBe(true);
    expect(matchesQuery(c, 'kUBERNETES')).toBe(true);
  });

  it('ignores accents, in the query and in the text', () => {
    expect(matchesQuery(c, 'cafe')).toBe(true);
    expect(matchesQuery(c, 'zoe muller')).toBe(true);
    expect(matchesQuery({ ...c, title: 'Cafe outage' }, 'CAFÉ')).toBe(true);
    // Decomposed input (e + combining acute) is the same word.
    expect(matchesQuery(c, 'cafe\u0301')).toBe(true);
  });

  it('needs every word to match, each anywhere', () => {
    expect(matchesQuery(c, 'cafe retries')).toBe(true);
    expect(matchesQuery(c, '  ops   eviction  ')).toBe(true);
    expect(matchesQuery(c, 'cafe database')).toBe(false);
  });

  it('matches parts of words', () => {
    expect(matchesQuery(c, 'mort')).toBe(true);
  });

  it('does not match a word that is nowhere', () => {
    expect(matchesQuery(c, 'terraform')).toBe(false);
  });
});
