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
    const parsed = schema.safeParse(migrated[key]);
    if (parsed.success) {
      repaired[key] = parsed.data;
    } else {
      repaired[key] = defaults[key as keyof Settings];
      repairs.push(`setting "${key}" was unreadable and was reset to its default`);
    }
  }
  return { settings: Settings.parse(repaired), repairs };
}
