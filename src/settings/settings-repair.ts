import { z } from 'zod';
import { SETTINGS_VERSION, Settings, defaultSettings } from './settings';

/**
 * Ordered migrations: MIGRATIONS[n] turns a version-n object into a version-(n+1) object.
 * Stored settings are migrated before they are parsed. Add a step (and its test) whenever
 * the shape of a stored field changes; adding a field with a default needs no step.
 */
export const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

export interface RepairedSettings {
  settings: Settings;
  /** Plain words for each field that was unreadable and fell back to its default. */
  repairs: string[];
}

function migrate(raw: Record<string, unknown>): Record<string, unknown> {
  let value = raw;
  let version = typeof value.version === 'number' ? value.version : SETTINGS_VERSION;
  // A version no release ever wrote (0, -1, 0.5): nothing to migrate from; the field-by-field
  // repair below reports it and keeps every field that still reads.
  if (!Number.isInteger(version) || version < 1) return value;
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) throw new Error(`no settings migration from version ${version}`);
    value = { ...step(value), version: version + 1 };
    version += 1;
  }
  return value;
}

/**
 * Reads stored settings without ever silently resetting them: each field is parsed on its own,
 * and only a field that fails falls back to its default (and is reported), so one bad value
 * cannot wipe the editor's sections.
 */
export function repairSettings(raw: unknown): RepairedSettings {
  if (raw === undefined || raw === null) return { settings: defaultSettings(), repairs: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings: defaultSettings(), repairs: ['settings were not an object; defaults used'] };
  }
  const migrated = migrate(raw as Record<string, unknown>);
  const whole = Settings.safeParse(migrated);
  if (whole.success) return { settings: whole.data, repairs: [] };

  const defaults = defaultSettings();
  const repaired: Record<string, unknown> = {};
  const repairs: string[] = [];
  for (const [key, schema] of Object.entries(Settings.shape)) {
    repaired[key] = repairField(key, schema, migrated[key], defaults[key as keyof Settings], repairs);
  }
  return { settings: Settings.parse(repaired), repairs };
}

/**
 * One field: kept when it reads; a group of settings (an object such as `check`) is repaired field by
 * field in turn, so one bad limit does not reset the editor's other choices; anything else falls
 * back to its default, reported under its dotted name.
 */
function repairField(name: string, schema: z.ZodType, value: unknown, fallback: unknown, repairs: string[]): unknown {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const inner = schema instanceof z.ZodDefault ? schema.unwrap() : schema;
  if (inner instanceof z.ZodObject && typeof value === 'object' && value !== null && !Array.isArray(value) && isRecord(fallback)) {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(inner.shape as Record<string, z.ZodType>).map(([key, field]) => [
        key,
        repairField(`${name}.${key}`, field, record[key], fallback[key], repairs),
      ]),
    );
  }
  repairs.push(`setting "${name}" was unreadable and was reset to its default`);
  return fallback;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
