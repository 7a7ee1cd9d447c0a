import { z } from 'zod';
import { CheckReport, FeedErrorData, SourceHealth } from '../feeds/feed-schemas';
import { PollMinutes, SourceConfig, SourceId } from '../feeds/source-config';

/* The feed sources' messages (issue 13): their schemas, and their entries in the message map (protocol.ts). */

/**
 * A source as the options page sends it to save or Test: new (no id) or edited. The Tiny Tiny RSS user and
 * password go to storage.local (never the settings, exports or backups); an empty password keeps the stored one.
 */
export const SourceForm = z.object({
  id: SourceId.optional(),
  kind: SourceConfig.shape.kind,
  address: z.string().trim().min(1).max(4096),
  /** Empty: the feed's own title (or the address's host) is used. */
  name: z.string().trim().max(120),
  section: z.string().max(64).nullable(),
  unstarAfterFiling: z.boolean(),
  enabled: z.boolean(),
  user: z.string().trim().max(200).default(''),
  password: z.string().max(1000).default(''),
});
export type SourceForm = z.infer<typeof SourceForm>;

/** Words for one failure: what happened and, when the editor can act, what to do. */
export const ProblemWords = z.object({ message: z.string(), action: z.string().optional() });

/** A source with its health, in data and in words, as the options page and the desk show it. */
export const SourceView = SourceConfig.extend({
  /** Tiny Tiny RSS: the stored user (the password never leaves the worker) and whether a password is stored. */
  user: z.string(),
  hasPassword: z.boolean(),
  health: SourceHealth,
  /** new: never polled; ok: the last poll worked; failing: retried with backoff; waiting: needs the editor (login, host access); off: disabled. */
  state: z.enum(['new', 'ok', 'failing', 'waiting', 'off']),
  /** The last error's words (null when the last poll worked). */
  error: ProblemWords.nullable(),
  /** "Last worked 5 minutes ago.", "Has not worked yet." */
  lastWorked: z.string(),
  /** "Next check in 25 minutes.", "Waiting for you: …", "Off." */
  nextPoll: z.string(),
  /** Items ever filed from this source (the import ledger). */
  filed: z.number().int().nonnegative(),
});
export type SourceView = z.infer<typeof SourceView>;

export const SourceList = z.object({
  sources: z.array(SourceView),
  pollMinutes: PollMinutes,
});
export type SourceList = z.infer<typeof SourceList>;

/** What a Test found, in words (checkWords), or what is wrong (feedErrorWords). */
export const SourceTestResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), message: z.string(), report: CheckReport }),
  z.object({ ok: z.literal(false), message: z.string(), action: z.string().optional(), code: FeedErrorData.shape.code }),
]);
export type SourceTestResult = z.infer<typeof SourceTestResult>;

/** What Check now did: every source's state after it, and how many items were filed in all. */
export const SourceCheckResult = SourceList.extend({ filed: z.number().int().nonnegative() });
export type SourceCheckResult = z.infer<typeof SourceCheckResult>;

/** The sources.* entries of the message map (spread into `protocol` in protocol.ts). */
export const sourceMessages = {
  /** Every feed source with its health in words, and the poll interval. */
  'sources.list': {
    request: z.object({}),
    response: SourceList,
  },
  /** Saves a new source (no id) or an edited one; due at once. */
  'sources.save': {
    request: SourceForm,
    response: z.object({ source: SourceView }),
  },
  /** Removes a source and its stored login (what it filed stays, and stays filed once). */
  'sources.remove': {
    request: z.object({ id: SourceId }),
    response: z.object({ removed: z.boolean() }),
  },
  /** "Test": reads an unsaved source once and says what it found or what is wrong. Files nothing. */
  'sources.test': {
    request: SourceForm,
    response: SourceTestResult,
  },
  /** "Check now": polls every source (or one), whatever its backoff, and files what is new. */
  'sources.checkNow': {
    request: z.object({ id: SourceId.optional() }),
    response: SourceCheckResult,
  },
  /** Sets the poll interval (minutes); the alarm follows. */
  'sources.setInterval': {
    request: z.object({ minutes: PollMinutes }),
    response: z.object({ pollMinutes: PollMinutes }),
  },
} as const;
