// The worker handlers' dependencies, injected so the handlers run in Node tests with fakes for the
// browser parts. A module of its own so that the handler modules and their composition in
// handlers.ts depend on it, never on each other.
import type { Clipping } from '../clip/clipping';
import type { BackupsRepo } from '../store/backups-repo';
import type { ClippingsRepo } from '../store/clippings-repo';
import type { OpenDB } from '../store/db';
import type { DraftsRepo } from '../store/drafts-repo';
import type { IssuesRepo } from '../store/issues-repo';
import type { SettingsRepo } from '../store/settings-repo';
import type { OutboxRepo, SyncStateRepo } from '../store/sync-repos';
import type { DraftUpdate, PushOptions, SyncAdapter } from '../sync/adapter';
import type { DrainReport } from '../sync/engine';
import type { TargetConfig } from '../sync/target-config';
import type { CheckStep } from '../sync/wordpress-check';
import type { TabCapture, TabInfo } from '../platform/tab-capture';
import type { OpenedTab } from '../platform/page-tab';
import type { FeedHttp } from '../feeds/feed-http';
import type { FeedSourceConfig } from '../feeds/feed-source';
import type { FeedLogin } from '../feeds/source-config';
import type { SourcesRepo } from '../store/sources-repo';

/** What the sync handlers need beyond the store: the target's settings and a way to reach it. */
export interface SyncDeps {
  readTarget(): Promise<TargetConfig | undefined>;
  writeTarget(config: TargetConfig): Promise<void>;
  clearTarget(): Promise<void>;
  /** Host access for the target's origin (requested by the options page; here only checked). */
  hasHostAccess(siteUrl: string): Promise<boolean>;
  /** Gives the host access for this address back (the target was removed); false when the browser keeps it. */
  dropHostAccess(siteUrl: string): Promise<boolean>;
  adapterFor(config: TargetConfig): SyncAdapter;
  check(config: TargetConfig): Promise<CheckStep[]>;
  draftFor: (issueId: string) => Promise<DraftUpdate | undefined>;
  /** Runs a drain with the current target (also used by the alarm and after each change). */
  drain(only?: { issueId: string; options: PushOptions }): Promise<DrainReport>;
}

/** What polling feed sources needs beyond the store: logins, host access, the network, the alarm, a lock. */
export interface FeedDeps {
  /** A Tiny Tiny RSS login (storage.local, never the settings). */
  readLogin(sourceId: string): Promise<FeedLogin | undefined>;
  writeLogin(sourceId: string, login: FeedLogin): Promise<void>;
  removeLogin(sourceId: string): Promise<void>;
  /** Host access for the source's origin (requested by the options page; here only checked, before every read). */
  hasHostAccess(address: string): Promise<boolean>;
  /** The bounded network a source reads through. */
  http: FeedHttp;
  /** Sets the poll alarm to this period in minutes (kept when it already has it); null clears it (no source is on). */
  schedule(minutes: number | null): Promise<void>;
  /** Runs polls one at a time across the extension (the alarm and Check now may meet). */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Jitter for the backoff. */
  random: () => number;
  /** The feed parser, when a measurement wraps it (bench:feeds counts its calls); parse-feed's otherwise. */
  parse?: FeedSourceConfig['parse'];
}

/** Saves a kept backup as a file through the browser's downloads (only when the editor chose it and granted the permission). */
export interface BackupFileSaver {
  /** Saves the text under this name; false when the browser does not allow it (the permission was withdrawn). */
  save(name: string, text: string): Promise<boolean>;
}

/** Everything the handlers touch, injected so they run in Node tests with fakes for the browser parts. */
export interface HandlerDeps {
  clippings: ClippingsRepo;
  drafts: DraftsRepo;
  settings: SettingsRepo;
  issues: IssuesRepo;
  /** The database itself, for writes that span stores (restore, import). */
  openDb: OpenDB;
  outbox: OutboxRepo;
  syncStates: SyncStateRepo;
  /** The backups kept inside the extension (on publishing, weekly). */
  backups: BackupsRepo;
  backupFiles: BackupFileSaver;
  sync: SyncDeps;
  /** Feed sources' cursors and health, and the import ledger. */
  sources: SourcesRepo;
  feeds: FeedDeps;
  /** The tab with this id, or the active tab of the last focused window. */
  resolveTab(tabId: number | undefined): Promise<TabInfo>;
  captureTab(tab: TabInfo): Promise<TabCapture>;
  /** Opens an address in a background tab and waits for it to load ("Fill in"); the caller closes it. */
  openTab(url: string): Promise<OpenedTab>;
  readLinkText(tabId: number, href: string): Promise<string | undefined>;
  /** Tells the editor a link was clipped (badge on the tab). */
  confirmLinkClip(tabId: number | undefined, clipping: Clipping, created: boolean): Promise<void>;
  now: () => number;
  newId: () => string;
}
