import { captureTab, readLinkText } from '../platform/tab-capture';
import { confirmLinkClip } from '../platform/link-badge';
import { resolveTab } from '../platform/active-tab';
import { ClippingsRepo } from '../store/clippings-repo';
import { lazyOpener } from '../store/db';
import { DraftsRepo } from '../store/drafts-repo';
import { IssuesRepo } from '../store/issues-repo';
import { SettingsRepo } from '../store/settings-repo';
import type { HandlerDeps } from './handlers';

/** The real dependencies of the worker's handlers: IndexedDB, the tabs and scripting APIs, the clock. */
export function browserHandlerDeps(): HandlerDeps {
  const open = lazyOpener();
  return {
    clippings: new ClippingsRepo(open),
    drafts: new DraftsRepo(open),
    settings: new SettingsRepo(open),
    issues: new IssuesRepo(open),
    openDb: open,
    resolveTab,
    captureTab,
    readLinkText: (tabId, href) => readLinkText(tabId, undefined, href),
    confirmLinkClip,
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
  };
}
