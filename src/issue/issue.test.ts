import { describe, expect, it } from 'vitest';
import { DEFAULT_TITLE_TEMPLATE, Issue, issueTitle } from './issue';
import { Settings, defaultSettings } from '../settings/settings';

const T0 = Date.parse('2026-06-08T00:00:00Z');

function valid(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'issue-0001',
    number: 1,
    title: 'My Newsletter Issue #1',
    status: 'open',
    start: T0,
    end: T0 + 7 * 86_400_000,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

describe('Issue schema', () => {
  it('accepts a well-formed issue and defaults the sponsor to empty', () => {
    const parsed = Issue.parse(valid());
    expect(parsed.sponsor).toBe('');
    expect(parsed.closedAt).toBeUndefined();
    expect(parsed).toMatchObject({ id: 'issue-0001', number: 1, status: 'open' });
  });

  it('keeps a sponsor message and a closing time', () => {
    expect(Issue.parse(valid({ sponsor: 'Thanks to **Acme**', status: 'closed', closedAt: T0 + 1 }))).toMatchObject({
      sponsor: 'Thanks to **Acme**',
      status: 'closed',
      closedAt: T0 + 1,
    });
  });

  it('trims the title', () => {
    expect(Issue.parse(valid({ title: '  Weekly #1  ' })).title).toBe('Weekly #1');
  });

  it.each([
    ['a short id', { id: 'short' }],
    ['number 0', { number: 0 }],
    ['a fractional number', { number: 1.5 }],
    ['a blank title', { title: '   ' }],
    ['a title over 300 characters', { title: 'x'.repeat(301) }],
    ['an unknown status', { status: 'draft' }],
    ['a fractional start', { start: T0 + 0.5 }],
    ['a missing end', { end: undefined }],
    ['a sponsor over 5000 characters', { sponsor: 'x'.repeat(5001) }],
    ['a negative createdAt', { createdAt: -1 }],
  ])('refuses %s', (_, overrides) => {
    expect(Issue.safeParse(valid(overrides)).success).toBe(false);
  });
});

describe('issueTitle', () => {
  it('fills the default template', () => {
    expect(issueTitle(DEFAULT_TITLE_TEMPLATE, { newsletter: 'SRE Weekly', number: 512 })).toBe('SRE Weekly Issue #512');
  });

  it('the settings default template is the same as DEFAULT_TITLE_TEMPLATE', () => {
    expect(defaultSettings().titleTemplate).toBe(DEFAULT_TITLE_TEMPLATE);
    expect(Settings.parse({}).titleTemplate).toBe(DEFAULT_TITLE_TEMPLATE);
  });

  it('fills every occurrence, in any order', () => {
    expect(issueTitle('#{number}: {newsletter} ({newsletter} no. {number})', { newsletter: 'Ops', number: 7 })).toBe('#7: Ops (Ops no. 7)');
  });

  it('keeps unknown placeholders and other braces as written', () => {
    expect(issueTitle('{newsletter} {date} {Number} {number', { newsletter: 'Ops', number: 3 })).toBe('Ops {date} {Number} {number');
  });

  it('does not interpret replacement patterns in the newsletter name', () => {
    expect(issueTitle('{newsletter} #{number}', { newsletter: "$& $1 $$ Bob's", number: 2 })).toBe("$& $1 $$ Bob's #2");
  });

  it('trims the result', () => {
    expect(issueTitle('  {newsletter}  ', { newsletter: 'Ops', number: 1 })).toBe('Ops');
    expect(issueTitle('{newsletter} {number}', { newsletter: '', number: 9 })).toBe('9');
  });

  it('a template without placeholders is used as is', () => {
    expect(issueTitle('This week', { newsletter: 'Ops', number: 4 })).toBe('This week');
  });
});
