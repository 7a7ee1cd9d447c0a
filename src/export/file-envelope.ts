/** What each Newsletter Clipper file format is called in an error message, and what to do with it instead. */
const KNOWN_FORMATS: Record<string, string> = {
  'newsletter-clipper.issue': 'an exported issue, not a full backup: import it as an issue instead',
  'newsletter-clipper.backup': 'a full backup, not a single issue: restore it as a backup instead',
};

/** The checks every Newsletter Clipper file passes before its records are read. */
export interface EnvelopeSpec {
  format: string;
  version: number;
  /** What the file is called in messages: "issue export", "backup". */
  noun: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Parses `text` as JSON and checks that it is the expected kind of file at a version this code
 * reads, with plain-words errors for each way it is not: not JSON, another format (naming the other
 * Newsletter Clipper format when it is one), a version from a newer release, or an unreadable version.
 */
export function readEnvelope(
  text: string,
  spec: EnvelopeSpec,
): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `This file is not JSON, so it cannot be a Newsletter Clipper ${spec.noun} (${(error as Error).message}).` };
  }
  if (!isRecord(value) || value.format === undefined) {
    return { ok: false, error: `This file is JSON, but not a Newsletter Clipper ${spec.noun}: it has no "format" field.` };
  }
  if (value.format !== spec.format) {
    const other = typeof value.format === 'string' ? KNOWN_FORMATS[value.format] : undefined;
    if (other) return { ok: false, error: `This file is ${other}.` };
    return {
      ok: false,
      error: `This file is not a Newsletter Clipper ${spec.noun}: its format is ${JSON.stringify(value.format)}, not "${spec.format}".`,
    };
  }
  const { version } = value;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: `This ${spec.noun} has no readable version number (found ${JSON.stringify(version) ?? 'none'}).` };
  }
  if (version > spec.version) {
    return {
      ok: false,
      error: `This ${spec.noun} was made by a newer version of Newsletter Clipper (file version ${version}; this version reads up to ${spec.version}). Update the extension, then try again.`,
    };
  }
  // An older version is read by the file's own schemas, which upgrade its records (e.g. StoredClipping).
  return { ok: true, value };
}
