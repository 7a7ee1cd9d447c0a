import { z } from 'zod';
import { CaptureContext, Clipping, ClippingForm } from '../clip/clipping';
import { CheckProblem } from '../check/check-problem';
import { BackupFile } from '../export/backup';
import { FILL_FIELDS } from '../clip/fill-in';
import { KeptBackupSummary } from '../export/kept-backup';
import { IssueDocument } from '../export/issue-document';
import { IssueExportFile } from '../export/json-export';
import { Issue } from '../issue/issue';
import { Settings } from '../settings/settings';
import { OutboxEntry } from '../sync/outbox-entry';
import { SyncState } from '../sync/sync-state';
import { TargetForm } from '../sync/target-config';
import { sourceMessages } from './source-messages';

export { SourceCheckResult, SourceForm, SourceList, SourceTestResult, SourceView } from './source-messages';

const ClippingId = z.string().min(8).max(64);

/** What the popup needs to open pre-filled for one tab. */
export const PreparedClip = z.object({
  /** The draft key (urlKey of the page): the popup saves its draft under it. */
  key: z.string(),
  form: ClippingForm,
  /** The form before any draft was applied (the stored values when editing a clipping), to tell which fields the editor changed. */
  captured: ClippingForm,
  context: CaptureContext,
  /** Set when this URL was clipped before: the popup edits that clipping instead of making a duplicate. */
  existing: z
    .object({
      id: ClippingId,
      createdAt: z.number(),
      updatedAt: z.number(),
      /** The issue it is in: a closed issue means the link was already published. */
      issue: z.object({ number: z.number().int(), status: Issue.shape.status }).optional(),
    })
    .optional(),
  /** When the form was restored from an unsaved draft. */
  draftRestoredFrom: z.number().optional(),
  settings: Settings,
});
export type PreparedClip = z.infer<typeof PreparedClip>;

/** How many live clippings were made this week (the week of the settings' start day and time zone). */
export const WeekCount = z.object({ weekCount: z.number().int().nonnegative() });

/** Files read by import and restore: generous (100,000 clippings is about 60 MB), but bounded. */
export const MAX_FILE_CHARS = 200_000_000;

/** What an import or restore wrote, and what it left out and why. */
export const MergeReport = z.object({
  issues: z.number().int().nonnegative(),
  clippings: z.number().int().nonnegative(),
  settings: z.boolean(),
  skipped: z.array(
    z.object({
      kind: z.enum(['issue', 'clipping', 'settings']),
      id: z.string().optional(),
      index: z.number().optional(),
      reason: z.string(),
    }),
  ),
});
export type MergeReport = z.infer<typeof MergeReport>;

export const SyncStatus = z.object({
  configured: z.boolean(),
  target: z.string().optional(),
  /** The configured target's kind: the pages name it (with its address) in their words. */
  targetKind: TargetForm.shape.kind.optional(),
  entries: z.array(OutboxEntry),
  /** The remote draft of the asked issue, after its last successful sync. */
  state: SyncState.optional(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const DrainResult = z.object({
  synced: z.array(z.string()),
  retrying: z.array(z.string()),
  failed: z.array(z.string()),
  conflicts: z.array(z.string()),
});

export const SavedClip = z.object({
  clipping: Clipping,
  /** True when an existing clipping was updated rather than a new one created. */
  updated: z.boolean(),
  weekCount: WeekCount.shape.weekCount,
});
export type SavedClip = z.infer<typeof SavedClip>;

export const LinkClipResult = z.object({
  clipping: Clipping,
  /** False when the link was clipped before (nothing new was stored). */
  created: z.boolean(),
});

/**
 * THE message map: every message the extension's pages send to the worker, by name, with the
 * schema of its request and of its reply. The worker must register a handler for every key
 * (a missing one fails the type-check), and both sides parse what they receive.
 */
export const protocol = {
  /** Capture a tab (the active one when tabId is absent) and say what the popup should show. */
  'clip.prepare': {
    request: z.object({ tabId: z.number().int().nonnegative().optional() }),
    response: PreparedClip,
  },
  /**
   * The week's count for the popup's header, asked for once the form is on screen: counting reads
   * and parses the week's rows (a damaged row or a tombstone is not counted), which the form must
   * not wait for. Inside clip.prepare it took about 16 ms of its 35–40 with 100,000 clippings stored.
   */
  'clip.weekCount': {
    request: z.object({}),
    response: WeekCount,
  },
  /** Keep the popup's unsaved form. */
  'draft.save': {
    request: z.object({ key: z.string().min(1).max(5000), form: ClippingForm, context: CaptureContext, clippingId: ClippingId.optional() }),
    response: z.object({ savedAt: z.number() }),
  },
  'draft.discard': {
    request: z.object({ key: z.string().min(1).max(5000) }),
    response: z.object({}),
  },
  /** Save the form as a clipping (updating the one it edits, or the one with the same URL). */
  'clip.save': {
    request: z.object({ key: z.string().min(1).max(5000), form: ClippingForm, context: CaptureContext, clippingId: ClippingId.optional() }),
    response: SavedClip,
  },
  /** Clip a link without opening it (the context menu uses the same path). */
  'clip.link': {
    request: z.object({
      url: z.string().max(4096),
      text: z.string().max(1000).optional(),
      tabId: z.number().int().nonnegative().optional(),
    }),
    response: LinkClipResult,
  },
  'clip.get': {
    request: z.object({ id: ClippingId }),
    response: z.object({ clipping: Clipping.nullable() }),
  },
  'clip.listRecent': {
    request: z.object({ limit: z.number().int().positive().max(1000).default(100) }),
    response: z.object({ clippings: z.array(Clipping) }),
  },
  'clip.delete': {
    request: z.object({ id: ClippingId }),
    response: z.object({ deleted: z.boolean() }),
  },
  /** Everything the issue view shows: an issue (the open one by default), its clippings and the sections. */
  'issue.view': {
    request: z.object({ issueId: z.string().max(64).optional() }),
    response: z.object({
      issue: Issue,
      clippings: z.array(Clipping),
      settings: Settings,
      /** Every issue, newest first, to switch between them. */
      issues: z.array(Issue.pick({ id: true, number: true, title: true, status: true })),
      /** The next issue, when clippings are already waiting for it. */
      planned: z.object({ id: z.string(), number: z.number(), count: z.number() }).optional(),
    }),
  },
  'issue.update': {
    request: z.object({ issueId: z.string().max(64), title: Issue.shape.title.optional(), sponsor: z.string().max(5000).optional() }),
    response: Issue,
  },
  /**
   * Mark the open issue as published: record the date (and the post's address when its draft was synced),
   * lock it, open the next one with the clippings waiting for it, keep a backup. Optionally move clippings
   * without a summary along. On a reopened issue: lock it again.
   */
  'issue.publish': {
    request: z.object({ issueId: z.string().max(64), moveUnfinished: z.boolean() }),
    response: z.object({
      issue: Issue,
      next: Issue,
      moved: z.number().int().nonnegative(),
      carried: z.number().int().nonnegative(),
      /** The backup kept on publishing, when it could be made (publishing never fails for want of one). */
      backup: KeptBackupSummary.optional(),
    }),
  },
  /** Unlock a published issue for corrections (the editor's explicit choice). */
  'issue.reopen': {
    request: z.object({ issueId: z.string().max(64) }),
    response: Issue,
  },
  /** The issue as the exports render it. */
  'issue.document': {
    request: z.object({ issueId: z.string().max(64) }),
    response: IssueDocument,
  },
  /** Edit fields of a stored clipping (inline editing in the issue view). */
  'clip.update': {
    request: z.object({ id: ClippingId, changes: ClippingForm.partial() }),
    response: z.object({ clipping: Clipping }),
  },
  /**
   * "Fill in" (an imported clipping with missing credits): opens its page in a background tab, runs the
   * normal capture, fills the clipping's EMPTY fields only, closes the tab. `read: 'tab'` = the page could
   * not be read (`note` says why in words); nothing was changed then.
   */
  'clip.fillIn': {
    request: z.object({ id: ClippingId }),
    response: z.object({
      clipping: Clipping,
      filled: z.array(z.enum(FILL_FIELDS)),
      read: z.enum(['page', 'tab']),
      note: z.string().max(500).optional(),
    }),
  },
  /** Move a clipping to a section (null = unsorted) at an index, within its issue. */
  'clip.move': {
    request: z.object({ id: ClippingId, section: z.string().max(64).nullable(), index: z.number().int().nonnegative().max(100000) }),
    response: z.object({ changed: z.number().int().nonnegative() }),
  },
  'clip.moveToNextIssue': {
    request: z.object({ id: ClippingId }),
    response: z.object({ issue: Issue }),
  },
  /** Undo a delete. */
  'clip.restore': {
    request: z.object({ id: ClippingId }),
    response: z.object({ clipping: Clipping.nullable() }),
  },
  /** The issue as a versioned JSON file (which issue.import reads back). */
  'issue.exportFile': {
    request: z.object({ issueId: z.string().max(64) }),
    response: IssueExportFile,
  },
  'issue.import': {
    request: z.object({ text: z.string().max(MAX_FILE_CHARS) }),
    response: MergeReport,
  },
  /** Everything (settings, issues, clippings; never credentials) as one file. */
  'backup.create': {
    request: z.object({}),
    response: BackupFile,
  },
  'backup.restore': {
    request: z.object({ text: z.string().max(MAX_FILE_CHARS) }),
    response: MergeReport,
  },
  /** The backups kept inside the extension (newest first), and whether each is also saved as a file. */
  'backups.list': {
    request: z.object({}),
    response: z.object({ backups: z.array(KeptBackupSummary), saveFiles: z.boolean() }),
  },
  /** One kept backup's file, to download. */
  'backups.file': {
    request: z.object({ id: z.string().min(1).max(64) }),
    response: BackupFile,
  },
  /** Restore a kept backup (the same merge as restoring a file). */
  'backups.restore': {
    request: z.object({ id: z.string().min(1).max(64) }),
    response: MergeReport,
  },
  /** Have each kept backup saved as a file too (the page asks for the downloads permission first). */
  'backups.setSaveFiles': {
    request: z.object({ on: z.boolean() }),
    response: z.object({ saveFiles: z.boolean() }),
  },
  /** The sync state of an issue (or of all issues) and whether a target is configured. */
  'sync.status': {
    request: z.object({ issueId: z.string().max(64).optional() }),
    response: SyncStatus,
  },
  /** Sync now: every pending entry (or one issue's), whatever its backoff. */
  'sync.now': {
    request: z.object({ issueId: z.string().max(64).optional() }),
    response: DrainResult,
  },
  /** The editor's choice for an issue in conflict, or after a permanent failure. */
  'sync.resolve': {
    request: z.object({ issueId: z.string().max(64), choice: z.enum(['overwrite', 'keep-remote', 'recreate', 'retry']) }),
    response: DrainResult,
  },
  /** Both versions of an issue's managed region, for the editor to compare before resolving a conflict. */
  'sync.compare': {
    request: z.object({ issueId: z.string().max(64) }),
    response: z.object({ local: z.string(), remote: z.string() }),
  },
  /** The drafting backend's settings, without the password (it never leaves the worker). */
  'target.get': {
    request: z.object({}),
    response: z.object({ kind: TargetForm.shape.kind, address: z.string(), user: z.string(), hasSecret: z.boolean() }).nullable(),
  },
  /** Saves the target (an empty secret keeps the stored one). */
  'target.save': {
    request: TargetForm,
    response: z.object({ saved: z.boolean() }),
  },
  'target.clear': {
    request: z.object({}),
    response: z.object({}),
  },
  /** "Test connection": each step in words. */
  'target.test': {
    request: TargetForm,
    response: z.object({ steps: z.array(z.object({ name: z.string(), ok: z.boolean(), message: z.string() })) }),
  },
  ...sourceMessages,
  /**
   * The pre-publish check's rules over a stored issue (credits, repeats, shape; the links are checked
   * apart), in issue order. Whether anything blocks publishing: blocksPublishing(problems).
   */
  'check.run': {
    request: z.object({ issueId: z.string().max(64) }),
    response: z.object({ problems: z.array(CheckProblem).max(100_000) }),
  },
  'settings.get': {
    request: z.object({}),
    response: Settings,
  },
  'settings.save': {
    request: z.object({ settings: Settings }),
    response: Settings,
  },
} as const;

export type Protocol = typeof protocol;
export type MessageName = keyof Protocol;
export type RequestOf<K extends MessageName> = z.input<Protocol[K]['request']>;
export type ParsedRequestOf<K extends MessageName> = z.output<Protocol[K]['request']>;
export type ResponseOf<K extends MessageName> = z.output<Protocol[K]['response']>;

/** Every message travels as this envelope. */
export const Envelope = z.object({
  type: z.enum(Object.keys(protocol) as [MessageName, ...MessageName[]]),
  payload: z.unknown(),
});

/** no-target: no drafting backend is set up; no-access: its host permission is missing (both: see the options). */
export const ERROR_CODES = ['bad-request', 'forbidden', 'not-found', 'internal', 'bad-response', 'no-target', 'no-access'] as const;
export const MessageErrorData = z.object({ code: z.enum(ERROR_CODES), message: z.string().max(2000) });
export type MessageErrorData = z.infer<typeof MessageErrorData>;

/** Errors are data: every reply is one of these, so no rejection vanishes across contexts. */
export const Reply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: MessageErrorData }),
]);
export type Reply = z.infer<typeof Reply>;
