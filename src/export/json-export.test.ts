import { describe, expect, it } from 'vitest';
import type { Clipping } from '../clip/clipping';
import { GOLDEN_ISSUE, GOLDEN_NOW, GOLDEN_SECTIONS, goldenClippings } from '../../test/golden/sre-weekly-fixture';
import { ISSUE_EXPORT_FORMAT, type IssueExportFile, buildIssueExport, parseIssueExport, renderJson } from './json-export';

const build = (clippings: Clipping[] = goldenClippings()) =>
  buildIssueExport({ newsletter: 'SRE Weekly', issue: GOLDEN_ISSUE, sections: GOLDEN_SECTIONS, clippings, now: GOLDEN_NOW });
const text = (mutate: (file: Record<string, unknown> & { clippings: Record<string, unknown>[] }) => void) => {
  const file = JSON.parse(renderJson(build()));
  mutate(file);
  return JSON.stringify(file);
};
const errorOf = (input: string) => {
  const result = parseIssueExport(input);
  if (result.ok) throw new Error('expected the import to fail');
  return result.error;
};

describe('buildIssueExport', () => {
  it('writes the format, version, export time and the issue’s records', () => {
    const file = build();
    expect(file).toMatchObject({
      format: 'newsletter-clipper.issue',
      version: 2,
      exportedAt: '2026-11-22T18:30:00.000Z',
      newsletter: 'SRE Weekly',
      issue: GOLDEN_ISSUE,
      sections: GOLDEN_SECTIONS,
    });
    expect(file.clippings).toHaveLength(6);
  });

  it('leaves out tombstones and clippings of other issues', () => {
    const [first, second, ...rest] = goldenClippings();
    const file = build([{ ...first!, deletedAt: GOLDEN_NOW }, { ...second!, issueId: 'another-issue' }, ...rest]);
    expect(file.clippings.map((c) => c.id)).toEqual(rest.map((c) => c.id));
  });

  it('lists clippings in issue order: by section, then position', () => {
    const clippings = goldenClippings();
    const shuffled = [...clippings].reverse().map((c, i) => (c.section === 'articles' ? { ...c, position: 100 - i } : c));
    expect(build(shuffled).clippings.map((c) => c.title)).toEqual([
      'Error budgets that teams actually use',
      'Hospitals rethink on-call after a night of pager storms',
      'Warum unser Kubernetes-Upgrade zwei Tage dauerte',
      'Acme Cloud',
      'ExamplePay',
      'Fabrikam Mail',
    ]);
  });
});

describe('renderJson', () => {
  it('round-trips: render, parse, and get the same file back', () => {
    const file = build();
    const parsed = parseIssueExport(renderJson(file));
    expect(parsed).toEqual({ ok: true, file });
  });

  it('round-trips optional fields and odd text', () => {
    const [first, ...rest] = goldenClippings();
    const odd = { ...first!, summary: 'Quotes " \\ and\nnewlines\u2028and emoji 🔥 and </script>', notes: ['a note'] };
    const file = { ...build([odd, ...rest]), issue: { ...GOLDEN_ISSUE, status: 'closed' as const, closedAt: GOLDEN_NOW } };
    expect(parseIssueExport(renderJson(file))).toEqual({ ok: true, file });
  });

  it('indents by two spaces and ends with a newline', () => {
    const json = renderJson(build());
    expect(json.startsWith('{\n  "format": "newsletter-clipper.issue",\n  "version": 2,\n')).toBe(true);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.endsWith('\n\n')).toBe(false);
  });

  it('prints the same bytes whatever order the keys came in', () => {
    const file = build();
    const reorder = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).reverse()) as T;
    const shuffled = {
      ...reorder(file),
      issue: reorder(file.issue),
      sections: file.sections.map(reorder),
      clippings: file.clippings.map((c) => reorder({ ...c, sources: reorder(c.sources) })),
    };
    expect(renderJson(shuffled)).toBe(renderJson(file));
    expect(Object.keys((JSON.parse(renderJson(shuffled)) as { clippings: { sources: object }[] }).clippings[0]!.sources)).toEqual([
      'url',
      'title',
      'quote',
    ]);
  });

  it('writes no field the schemas do not know', () => {
    const [first, ...rest] = goldenClippings();
    const file = build([{ ...first!, password: 'hunter2' } as Clipping, ...rest]);
    expect(renderJson({ ...file, extra: 'x' } as IssueExportFile)).not.toMatch(/hunter2|extra/);
  });

  it('refuses to write a file that would not import', () => {
    const file = build();
    expect(() => renderJson({ ...file, issue: { ...file.issue, title: '' } })).toThrow(/cannot be exported: issue\.title/);
  });
});

describe('parseIssueExport', () => {
  it('says when the file is not JSON', () => {
    expect(errorOf('title: SRE Weekly')).toMatch(/^This file is not JSON, so it cannot be a Newsletter Clipper issue export \(.+\)\.$/);
    expect(errorOf('')).toMatch(/not JSON/);
  });

  it.each(['[]', '"text"', '42', 'null', '{}', '{"version":1}'])('says when JSON %s is not an issue export', (input) => {
    expect(errorOf(input)).toBe('This file is JSON, but not a Newsletter Clipper issue export: it has no "format" field.');
  });

  it('names another format', () => {
    expect(errorOf('{"format":"wordpress.export","version":1}')).toBe(
      'This file is not a Newsletter Clipper issue export: its format is "wordpress.export", not "newsletter-clipper.issue".',
    );
  });

  it('recognises a backup and says what to do with it', () => {
    expect(errorOf('{"format":"newsletter-clipper.backup","version":1}')).toBe(
      'This file is a full backup, not a single issue: restore it as a backup instead.',
    );
  });

  it('says when the file comes from a newer version', () => {
    expect(errorOf(text((f) => (f.version = 3)))).toBe(
      'This issue export was made by a newer version of Newsletter Clipper (file version 3; this version reads up to 2). Update the extension, then try again.',
    );
  });

  it('writes the newsletter’s language and its direction when known', () => {
    const file = buildIssueExport({
      newsletter: 'N',
      lang: 'ar-EG',
      issue: GOLDEN_ISSUE,
      sections: GOLDEN_SECTIONS,
      clippings: [],
      now: GOLDEN_NOW,
    });
    expect(file).toMatchObject({ lang: 'ar-EG', dir: 'rtl' });
    expect(parseIssueExport(renderJson(file))).toMatchObject({ ok: true, file: { lang: 'ar-EG', dir: 'rtl' } });
  });

  it('reads a version-1 file, whose clippings have the authors as one byline string', () => {
    const file = JSON.parse(renderJson(build())) as { version: number; clippings: Record<string, unknown>[] };
    file.version = 1;
    for (const clipping of file.clippings) {
      delete clipping.authors;
      clipping.byline = 'Priya Raman and Tomás Ortega';
      clipping.sources = { byline: 'json-ld' };
    }
    const parsed = parseIssueExport(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.file.clippings.length).toBeGreaterThan(0);
    for (const clipping of parsed.file.clippings) {
      expect(clipping.authors).toEqual(['Priya Raman', 'Tomás Ortega']);
      expect(clipping.sources).toEqual({ authors: 'json-ld' });
    }
  });

  it.each([['"1"'], ['0'], ['1.5'], ['null'], ['-3']])('says when the version (%s) is unreadable', (version) => {
    expect(errorOf(`{"format":"${ISSUE_EXPORT_FORMAT}","version":${version}}`)).toMatch(
      /^This issue export has no readable version number \(found .+\)\.$/,
    );
  });

  it('names the invalid clipping, with its title and id, and why', () => {
    const error = errorOf(
      text((f) => {
        f.clippings[2]!.summary = 42;
        f.clippings[2]!.createdAt = -1;
      }),
    );
    expect(error).toBe(
      'This issue export cannot be imported. Clipping 3 of 6 (“Warum unser Kubernetes-Upgrade zwei Tage dauerte”, id clip-golden-03) is invalid: summary: Invalid input: expected string, received number; createdAt: Too small: expected number to be >=0.',
    );
  });

  it('names a clipping that is not even an object', () => {
    expect(errorOf(text((f) => (f.clippings[5] = null as never)))).toBe(
      'This issue export cannot be imported. Clipping 6 of 6 is invalid: Invalid input: expected object, received null.',
    );
  });

  it('names an invalid issue record, section, or envelope field', () => {
    expect(errorOf(text((f) => ((f.issue as Record<string, unknown>).number = 0)))).toBe(
      'This issue export cannot be imported. The issue record is invalid: number: Too small: expected number to be >0.',
    );
    expect(errorOf(text((f) => ((f.sections as Record<string, unknown>[])[1]!.style = 'cards')))).toMatch(
      /^This issue export cannot be imported\. Section 2 of 3 \(“Tools”, id tools\) is invalid: style: /,
    );
    expect(errorOf(text((f) => (f.exportedAt = 'yesterday')))).toMatch(/The file's "exportedAt" field is invalid: /);
    expect(errorOf(text((f) => delete (f as Record<string, unknown>).clippings))).toMatch(
      /The file's "clippings" field is invalid: Invalid input: expected array, received undefined\./,
    );
  });

  it('finds clippings that belong to another issue, and duplicate ids', () => {
    const error = errorOf(
      text((f) => {
        f.clippings[1]!.issueId = 'other-issue';
        f.clippings[4]!.id = f.clippings[3]!.id;
      }),
    );
    expect(error).toContain(
      'Clipping 2 of 6 (“Hospitals rethink on-call after a night of pager storms”, id clip-golden-02) is invalid: issueId: belongs to issue "other-issue", not to this file\'s issue "issue-2026-501".',
    );
    expect(error).toContain(
      'Clipping 5 of 6 (“ExamplePay”, id clip-golden-04) is invalid: id: another clipping has the id "clip-golden-04".',
    );
  });

  it('reports the first three broken records and counts the rest', () => {
    const error = errorOf(text((f) => f.clippings.forEach((c) => (c.position = 'first'))));
    expect(error.match(/ is invalid: /g)).toHaveLength(3);
    expect(error.endsWith(' 3 more records have problems too.')).toBe(true);
  });

  it('shortens long titles in messages', () => {
    const error = errorOf(text((f) => Object.assign(f.clippings[0]!, { title: 'x'.repeat(200), url: 7 })));
    expect(error).toContain(`(“${'x'.repeat(59)}…”, id clip-golden-01)`);
  });
});
