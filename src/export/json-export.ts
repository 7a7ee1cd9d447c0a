import { z } from 'zod';
import { type Clipping, StoredClipping } from '../clip/clipping';
import { Issue } from '../issue/issue';
import { groupBySection } from '../issue/issue-order';
import { Section, Settings } from '../settings/settings';
import { textDirection } from '../i18n/text-direction';
import { readEnvelope } from './file-envelope';
import { describeProblems, quoteForMessage } from './record-errors';
import { stableJson } from './stable-json';

/** The `format` of an exported issue file. */
export const ISSUE_EXPORT_FORMAT = 'newsletter-clipper.issue';
/**
 * The newest issue-file version this code writes; it reads every version up to it. Bump it (with a reader
 * for the old one) when the shape changes. Version 2: a clipping's authors are a list (`authors`), not a
 * `byline` string (version-1 clippings are upgraded as they are read, see StoredClipping).
 */
export const ISSUE_EXPORT_VERSION = 2;

/**
 * One issue as a file, for backup, transfer and import (documented in docs/export-format.md). The
 * records are the store's own schemas, so an import recreates the issue exactly.
 */
export const IssueExportFile = z
  .object({
    format: z.literal(ISSUE_EXPORT_FORMAT),
    version: z.number().int().min(1).max(ISSUE_EXPORT_VERSION),
    /** When the file was written, ISO 8601. */
    exportedAt: z.iso.datetime({ offset: true }),
    /** The newsletter's name, from the settings at export time. */
    newsletter: Settings.shape.newsletterName.unwrap(),
    /** The newsletter's language (BCP 47) and the direction it is written in, when known (version 2). */
    lang: z.string().max(35).optional(),
    dir: z.enum(['ltr', 'rtl']).optional(),
    issue: Issue,
    /** The newsletter's sections at export time, in order: what the clippings' `section` ids refer to. */
    sections: z.array(Section),
    /** The issue's clippings (tombstones left out), in issue order. */
    clippings: z.array(StoredClipping),
  })
  .superRefine((file, ctx) => {
    const sectionIds = new Set<string>();
    file.sections.forEach((section, index) => {
      if (sectionIds.has(section.id))
        ctx.addIssue({ code: 'custom', path: ['sections', index, 'id'], message: `another section has the id "${section.id}"` });
      sectionIds.add(section.id);
    });
    const clippingIds = new Set<string>();
    file.clippings.forEach((clipping, index) => {
      if (clippingIds.has(clipping.id))
        ctx.addIssue({ code: 'custom', path: ['clippings', index, 'id'], message: `another clipping has the id "${clipping.id}"` });
      clippingIds.add(clipping.id);
      if (clipping.issueId !== file.issue.id) {
        ctx.addIssue({
          code: 'custom',
          path: ['clippings', index, 'issueId'],
          message: `belongs to issue ${JSON.stringify(clipping.issueId)}, not to this file's issue "${file.issue.id}"`,
        });
      }
    });
  });
export type IssueExportFile = z.infer<typeof IssueExportFile>;

/** What an issue export is made from: the store's records, and the export time (a frozen clock in tests). */
export interface IssueExportInput {
  newsletter: string;
  /** The newsletter's language: written with its direction, so a reader of the file knows how to show its text. */
  lang?: string;
  issue: Issue;
  sections: readonly Section[];
  /** The issue's clippings; tombstones and clippings of other issues are left out. */
  clippings: readonly Clipping[];
  now: number;
}

/**
 * The export file of one issue. Clippings are listed in issue order (the order of the issue view)
 * so the file reads like the issue; their `position` fields are what an import uses.
 */
export function buildIssueExport({ newsletter, lang, issue, sections, clippings, now }: IssueExportInput): IssueExportFile {
  const own = clippings.filter((c) => c.issueId === issue.id && c.deletedAt === undefined);
  return {
    format: ISSUE_EXPORT_FORMAT,
    version: ISSUE_EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    newsletter,
    ...(lang ? { lang, dir: textDirection(lang) } : {}),
    issue,
    sections: [...sections],
    clippings: groupBySection(own, sections).flatMap((group) => group.clippings),
  };
}

/** Names the record a zod issue path points into, for an error message: "Clipping 3 of 12 (“Title”, id abc)". */
function recordLabel(raw: Record<string, unknown>, path: readonly PropertyKey[]): { label: string; depth: number } {
  const [field, index] = path;
  const list = raw[String(field)];
  if ((field === 'clippings' || field === 'sections') && typeof index === 'number' && Array.isArray(list)) {
    const record: unknown = list[index];
    const fields = typeof record === 'object' && record !== null ? (record as Record<string, unknown>) : {};
    const name = quoteForMessage(field === 'clippings' ? fields.title : fields.name);
    const id = typeof fields.id === 'string' ? `id ${fields.id}` : '';
    const details = [name, id].filter(Boolean).join(', ');
    const noun = field === 'clippings' ? 'Clipping' : 'Section';
    return { label: `${noun} ${index + 1} of ${list.length}${details ? ` (${details})` : ''}`, depth: 2 };
  }
  if (field === 'issue') return { label: 'The issue record', depth: 1 };
  return { label: `The file's "${String(field)}" field`, depth: 1 };
}

/**
 * Reads an issue export. On failure the error says in plain words what is wrong: not JSON, not an
 * issue export, made by a newer version, or which record is invalid and why (the first few records
 * with problems, each with its first few problems).
 */
export function parseIssueExport(text: string): { ok: true; file: IssueExportFile } | { ok: false; error: string } {
  const envelope = readEnvelope(text, { format: ISSUE_EXPORT_FORMAT, version: ISSUE_EXPORT_VERSION, noun: 'issue export' });
  if (!envelope.ok) return envelope;
  const parsed = IssueExportFile.safeParse(envelope.value);
  if (parsed.success) return { ok: true, file: parsed.data };

  const byRecord = new Map<string, z.core.$ZodIssue[]>();
  for (const issue of parsed.error.issues) {
    const { label, depth } = recordLabel(envelope.value, issue.path);
    byRecord.set(label, [...(byRecord.get(label) ?? []), { ...issue, path: issue.path.slice(depth) }]);
  }
  const records = [...byRecord].map(([label, issues]) => `${label} is invalid: ${describeProblems(issues)}.`);
  const more = records.length > 3 ? ` ${records.length - 3} more records have problems too.` : '';
  return { ok: false, error: `This issue export cannot be imported. ${records.slice(0, 3).join(' ')}${more}` };
}

/**
 * The JSON text of an issue export: checked against the schema (a file that would not import is not
 * written), keys in a stable order, 2-space indent, trailing newline.
 */
export function renderJson(file: IssueExportFile): string {
  const parsed = IssueExportFile.safeParse(file);
  if (!parsed.success) throw new Error(`This issue cannot be exported: ${describeProblems(parsed.error.issues)}`);
  return stableJson(parsed.data);
}
