import { z } from 'zod';
import { stripBidi } from '../clip/bidi';
import { isKnownTimeZone } from '../clip/week';
import { DEFAULT_POLL_MINUTES, MAX_SOURCES, PollMinutes, SourceConfig } from '../feeds/source-config';
import { CheckSettings, defaultCheckSettings } from './check-settings';

/** How a section is laid out in the newsletter: SRE Weekly's article entries, or its Outages bullet list. */
export const SectionStyle = z.enum(['entries', 'bullets']);
export type SectionStyle = z.infer<typeof SectionStyle>;

/** A newsletter section (the editor's "category"). The id is stable; the name may be renamed. */
export const Section = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'section ids are lower-case words joined by dashes'),
  /** Shown as a heading in every export: bidirectional controls are removed (src/clip/bidi.ts). */
  name: z
    .string()
    .transform((name) => stripBidi(name).trim())
    .pipe(z.string().min(1).max(80)),
  style: SectionStyle,
  /** At most this many clippings per issue; undefined = no budget. */
  budget: z.number().int().positive().max(1000).optional(),
  /** A WordPress category (by name) the draft gets while this section has clippings; created when missing. */
  wpCategory: z.string().trim().max(100).optional(),
  /** Likewise, a WordPress tag. */
  wpTag: z.string().trim().max(100).optional(),
});
export type Section = z.infer<typeof Section>;

export const DEFAULT_SECTIONS: Section[] = [
  { id: 'articles', name: 'Articles', style: 'entries' },
  { id: 'outages', name: 'Outages', style: 'bullets' },
];

export const SETTINGS_VERSION = 1;

/**
 * Every setting, with its default. Defaults live here and only here
 * (a missing or broken field falls back to its default, field by field: see settings-repair.ts).
 */
export const Settings = z.object({
  version: z.literal(SETTINGS_VERSION).default(SETTINGS_VERSION),
  newsletterName: z.string().trim().min(1).max(120).default('My Newsletter'),
  /** The title of a new issue: `{newsletter}` and `{number}` are filled in. */
  titleTemplate: z.string().trim().min(1).max(200).default('{newsletter} Issue #{number}'),
  sections: z
    .array(Section)
    .min(1)
    .max(50)
    .refine((sections) => new Set(sections.map((s) => s.id)).size === sections.length, 'section ids must be unique')
    .default(() => structuredClone(DEFAULT_SECTIONS)),
  /** 0 = Sunday … 6 = Saturday; the day an issue's week starts. */
  weekStartsOn: z.number().int().min(0).max(6).default(1),
  /** The newsletter's language (BCP 47, e.g. `en-GB`): how the exports join authors and write dates; empty = the browser's. */
  language: z
    .string()
    .trim()
    .max(35)
    .refine((tag) => tag === '' || isLanguageTag(tag), 'not a language tag (use one such as en, en-GB or de)')
    .default(''),
  /** IANA time zone for week boundaries; empty = the browser's own. */
  timeZone: z
    .string()
    .max(64)
    .refine((zone) => zone === '' || isKnownTimeZone(zone), 'unknown time zone (use an IANA name such as Europe/Berlin)')
    .default(''),
  /** Feed sources (issue 13), without credentials; changed through the sources.* messages. */
  sources: z
    .array(SourceConfig)
    .max(MAX_SOURCES)
    .refine((sources) => new Set(sources.map((s) => s.id)).size === sources.length, 'source ids must be unique')
    .default([]),
  /** How often the sources are polled, in minutes. */
  feedPollMinutes: PollMinutes.default(DEFAULT_POLL_MINUTES),
  /** The pre-publish check's limits and switches (see check-settings.ts). */
  check: CheckSettings.default(defaultCheckSettings),
});
export type Settings = z.infer<typeof Settings>;

/** Whether `tag` is a well-formed BCP 47 language tag (Intl's own check). */
function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** The defaults, derived from the schema so there is no second literal to drift. */
export function defaultSettings(): Settings {
  return Settings.parse({});
}
