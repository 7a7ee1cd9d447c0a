import { describe, expect, it } from 'vitest';
import { linkProblems } from './link-problems';
import { linkTargets, linksInText } from './link-targets';
import type { LinkVerdict } from './link-verdict';

describe('linksInText', () => {
  it('finds Markdown, autolink, HTML and bare links in order, each once, without sentence punctuation', () => {
    const text = [
      'See [the report](https://a.example/report "Report") and <https://b.example/x>.',
      'Also <a href="https://c.example/?a=1&amp;b=2">this</a>, https://d.example/wiki/Foo_(bar). And (https://e.example/y).',
      'Again https://a.example/report, not ftp://f.example/.',
    ].join('\n');
    expect(linksInText(text)).toEqual([
      'https://a.example/report',
      'https://b.example/x',
      'https://c.example/?a=1&b=2',
      'https://d.example/wiki/Foo_(bar)',
      'https://e.example/y',
    ]);
  });
});

describe('linkProblems', () => {
  const clippings = [
    { id: 'clip-0001', url: 'https://a.example/1', summary: 'More at [b](https://b.example/2) and http://c.example/3' },
    { id: 'clip-0002', url: 'http://d.example/4', summary: '' },
  ];
  const targets = linkTargets(clippings);

  it('lists each clipping address then its summary links', () => {
    expect(targets.map((t) => `${t.clippingId} ${t.where} ${t.url}`)).toEqual([
      'clip-0001 clipping https://a.example/1',
      'clip-0001 summary https://b.example/2',
      'clip-0001 summary http://c.example/3',
      'clip-0002 clipping http://d.example/4',
    ]);
  });

  it('turns verdicts into problems with plain words, severities and fixes', () => {
    const verdicts = new Map<string, LinkVerdict>([
      ['https://a.example/1', { kind: 'broken', url: 'https://a.example/1', reason: 'not-found', status: 404 }],
      ['https://b.example/2', { kind: 'moved', url: 'https://b.example/2', to: 'https://b.example/new', permanent: true }],
      ['http://c.example/3', { kind: 'fine', url: 'http://c.example/3', status: 200, httpsUrl: 'https://c.example/3' }],
      ['http://d.example/4', { kind: 'moved', url: 'http://d.example/4', to: 'https://d.example/4', permanent: true }],
    ]);
    const problems = linkProblems(targets, verdicts);
    expect(problems.map((p) => [p.clippingId, p.rule, p.severity])).toEqual([
      ['clip-0001', 'link-broken', 'blocks'],
      ['clip-0001', 'link-moved', 'look'],
      ['clip-0001', 'link-https-available', 'look'],
      ['clip-0002', 'link-https-available', 'look'],
    ]);
    expect(problems[0]!.message).toBe('Broken link: https://a.example/1 — the page is not found (404).');
    expect(problems[1]!.message).toBe('A link in the summary moved for good to https://b.example/new (from https://b.example/2).');
    expect(problems[1]!.fix).toEqual({ kind: 'replace-url', from: 'https://b.example/2', to: 'https://b.example/new' });
    expect(problems[2]!.fix).toEqual({ kind: 'replace-url', from: 'http://c.example/3', to: 'https://c.example/3' });
  });

  it('says once for the issue that links were not checked when host access was refused', () => {
    const verdicts = new Map<string, LinkVerdict>(targets.map((t) => [t.url, { kind: 'unverified', url: t.url, reason: 'no-permission' }]));
    const problems = linkProblems(targets, verdicts);
    expect(problems).toEqual([
      {
        rule: 'link-unverified',
        severity: 'look',
        clippingId: null,
        message: '4 links were not checked: the extension was not allowed to visit websites.',
      },
    ]);
  });

  it('never gives an unverified or soft-404 link a blocking severity', () => {
    const verdicts = new Map<string, LinkVerdict>([
      ['https://a.example/1', { kind: 'unverified', url: 'https://a.example/1', reason: 'bot-wall', status: 503 }],
      ['https://b.example/2', { kind: 'soft-404', url: 'https://b.example/2', finalUrl: 'https://b.example/' }],
    ]);
    const problems = linkProblems(targets, verdicts);
    expect(problems.map((p) => p.severity)).toEqual(['look', 'look']);
    expect(problems[0]!.message).toContain('robot check');
  });
});
