import { z } from 'zod';
import { Clipping, StoredClipping } from '../clip/clipping';
import { Issue } from '../issue/issue';
import { Settings } from '../settings/settings';
import { repairSettings } from '../settings/settings-repair';
import { readEnvelope } from './file-envelope';
import { describeProblems } from './record-errors';
import { stableJson } from './stable-json';

/** The `format` of a whole-store backup file. */
export const BACKUP_FORMAT = 'newsletter-clipper.backup';
/**
 * The newest backup version this code writes; it reads every version up to it. Version 2: a clipping's
 * authors are a list (`authors`), not a `byline` string (version-1 clippings are upgraded as they are read).
 */
export const BACKUP_VERSION = 2;

/**
 * Everything the extension stores, as one file (documented in docs/export-format.md): settings,
 * issues and clippings, never credentials. The records are typed `unknown` on purpose: a restore
 * validates each one on its own (see {@link readBackup}), so one damaged record cannot make the
 * whole file unreadable.
 */
export const BackupFile = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().min(1).max(BACKUP_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  settings: z.unknown(),
  issues: z.array(z.unknown()),
  clippings: z.array(z.unknown()),
});
export type BackupFile = z.infer<typeof BackupFile>;

/** What a backup is made from: the store's records, and the backup time (a frozen clock in tests). */
export interface BackupInput {
  settings: Settings;
  issues: readonly Issue[];
  /** All clippings, tombstones included, so a restore knows what was deleted but not yet synced. */
  clippings: readonly Clipping[];
  now: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A record as the backup writes it: through its schema, which drops any field the schema does not
 * know (so nothing stored beside a record, credentials least of all, leaks into the file) and fixes
 * the key order. A record that no longer validates is still written, cut to the schema's fields, so
 * the backup loses nothing; restoring it then reports the record and why.
 */
function backupRecord<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>, record: unknown): unknown {
  const parsed = schema.safeParse(record);
  if (parsed.success) return parsed.data;
  if (!isRecord(record)) return record;
  return Object.fromEntries(
    Object.keys(schema.shape)
      .filter((key) => key in record)
      .map((key) => [key, record[key]]),
  );
}

/** The backup file of the whole store. Settings go through `repairSettings` if they somehow fail their schema. */
export function buildBackup({ settings, issues, clippings, now }: BackupInput): BackupFile {
  const parsedSettings = Settings.safeParse(settings);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    settings: parsedSettings.success ? parsedSettings.data : repairSettings(settings).settings,
    issues: issues.map((issue) => backupRecord(Issue, issue)),
    clippings: clippings.map((clipping) => backupRecord(Clipping, clipping)),
  };
}

/** The JSON text of a backup: stable key order, 2-space indent, trailing newline. */
export function renderBackup(file: BackupFile): string {
  return stableJson(BackupFile.parse(file));
}

/** A record a restore left out (or, for settings, a field it reset), and why. */
export interface SkippedRecord {
  kind: 'issue' | 'clipping' | 'settings';
  /** The record's place in its list in the file (0 for settings). */
  index: number;
  /** The record's id, when it has a readable one. */
  id?: string;
  reason: string;
}

/** What a restore may write: the valid records, and what it skipped. `settings` is absent when the file has none usable. */
export interface RestoredBackup {
  settings?: Settings;
  issues: Issue[];
  clippings: Clipping[];
  skipped: SkippedRecord[];
}

/** Validates each record of one list on its own; the first record with a given id wins. */
function readRecords<T extends { id: string }>(
  kind: 'issue' | 'clipping',
  schema: z.ZodType<T>,
  records: readonly unknown[],
  skipped: SkippedRecord[],
): T[] {
  const kept: T[] = [];
  const seen = new Set<string>();
  records.forEach((record, index) => {
    const rawId = isRecord(record) && typeof record.id === 'string' ? record.id.slice(0, 64) : undefined;
    const idPart = rawId === undefined ? {} : { id: rawId };
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      skipped.push({ kind, index, ...idPart, reason: describeProblems(parsed.error.issues) });
    } else if (seen.has(parsed.data.id)) {
      skipped.push({ kind, index, ...idPart, reason: `an earlier ${kind} in the file has the same id; that one was kept` });
    } else {
      seen.add(parsed.data.id);
      kept.push(parsed.data);
    }
  });
  return kept;
}

/**
 * Reads a backup for restoring. The file itself must be a backup at a version this code reads, with
 * `issues` and `clippings` lists; past that, every record is validated on its own and the valid ones
 * are kept, so a broken record never drops the others. Each record left out is reported with its
 * place, its id and the reason. Settings are read field by field (`repairSettings`): a broken field
 * falls back to its default and is reported; settings that are missing or not an object are left
 * out, so a restore keeps the current ones rather than resetting them.
 */
export function readBackup(text: string): RestoredBackup | { error: string } {
  const envelope = readEnvelope(text, { format: BACKUP_FORMAT, version: BACKUP_VERSION, noun: 'backup' });
  if (!envelope.ok) return { error: envelope.error };
  const file = envelope.value;
  for (const list of ['issues', 'clippings'] as const) {
    if (!Array.isArray(file[list]))
      return { error: `This backup is damaged: its "${list}" field is ${file[list] === undefined ? 'missing' : 'not a list'}.` };
  }

  const skipped: SkippedRecord[] = [];
  let settings: Settings | undefined;
  if (isRecord(file.settings)) {
    const repaired = repairSettings(file.settings);
    settings = repaired.settings;
    for (const reason of repaired.repairs) skipped.push({ kind: 'settings', index: 0, reason });
  } else if (file.settings !== undefined && file.settings !== null) {
    skipped.push({ kind: 'settings', index: 0, reason: 'the settings in the file are not an object; the current settings were kept' });
  }
  const issues = readRecords('issue', Issue, file.issues as unknown[], skipped);
  const clippings = readRecords('clipping', StoredClipping, file.clippings as unknown[], skipped);
  return settings ? { settings, issues, clippings, skipped } : { issues, clippings, skipped };
}
