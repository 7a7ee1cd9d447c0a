import { captureTab, readLinkText } from '../platform/tab-capture';
import { confirmLinkClip } from '../platform/link-badge';
import { resolveTab } from '../platform/active-tab';
import { openPageTab } from '../platform/page-tab';
import { BackupsRepo } from '../store/backups-repo';
import { ClippingsRepo } from '../store/clippings-repo';
import { lazyOpener } from '../store/db';
import { DraftsRepo } from '../store/drafts-repo';
import { IssuesRepo } from '../store/issues-repo';
import { SettingsRepo } from '../store/settings-repo';
import { OutboxRepo, SyncStateRepo } from '../store/sync-repos';
import { browserSyncDeps } from '../platform/sync-runtime';
import { browserFeedDeps } from '../platform/feed-runtime';
import { SourcesRepo } from '../store/sources-repo';
import { browserBackupFiles } from '../platform/kept-backups';
import { draftForIssue } from './draft-for-issue';
import type { HandlerDeps } from './handler-deps';

/** The real dependencies of the worker's handlers: IndexedDB, the tabs and scripting APIs, the clock. */
export function browserHandlerDeps(): HandlerDeps {
  const open = lazyOpener();
  const repos = {
    clippings: new ClippingsRepo(open),
    settings: new SettingsRepo(open),
    issues: new IssuesRepo(open),
    outbox: new OutboxRepo(open),
    syncStates: new SyncStateRepo(open),
  };
  return {
    ...repos,
    drafts: new DraftsRepo(open),
    backups: new BackupsRepo(open),
    backupFiles: browserBackupFiles,
    openDb: open,
    sources: new SourcesRepo(open),
    feeds: browserFeedDeps(),
    sync: browserSyncDeps({ ...repos, tombstones: repos.clippings, draftFor: (issueId) => draftForIssue(repos, issueId) }),
    resolveTab,
    captureTab,
    openTab: (url) => openPageTab(url),
    readLinkText: (tabId, href) => readLinkText(tabId, undefined, href),
    confirmLinkClip,
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
  };
}
