import type { Clipping } from '../clip/clipping';
import { Issue, isLocked } from '../issue/issue';
import { fallsInIssue, firstIssue, followingIssue } from '../issue/issue-lifecycle';
import type { Settings } from '../settings/settings';
import { putClipping } from './clipping-rows';
import { type OpenDB, settleQuietly } from './db';
import { markIssuesChanged } from './outbox-marks';

function parseIssue(row: unknown): Issue | undefined {
  if (row === undefined) return undefined;
  const parsed = Issue.safeParse(row);
  if (!parsed.success) console.warn('newsletter-clipper: skipped an unreadable issue row', parsed.error.issues[0]);
  return parsed.success ? parsed.data : undefined;
}

export interface IssueContext {
  now: number;
  settings: Settings;
  newId: () => string;
}

/**
 * Reads and writes issues. The open issue is created on first need, inside one transaction with the
 * clippings it adopts, so two callers racing (the popup saving, the issue view loading) cannot make two.
 */
export class IssuesRepo {
  constructor(private readonly open: OpenDB) {}

  async get(id: string): Promise<Issue | undefined> {
    const db = await this.open();
    return parseIssue(await db.get('issues', id));
  }

  /** All issues, oldest number first. */
  async list(): Promise<Issue[]> {
    const db = await this.open();
    return (await db.getAllFromIndex('issues', 'byNumber')).map(parseIssue).filter((i): i is Issue => !!i);
  }

  async put(issue: Issue): Promise<Issue> {
    const valid = Issue.parse(issue);
    const db = await this.open();
    const tx = db.transaction(['issues', 'outbox'], 'readwrite');
    settleQuietly(tx.done);
    await Promise.all([
      tx.objectStore('issues').put(valid),
      markIssuesChanged(tx.objectStore('outbox'), [valid.id], valid.updatedAt),
      tx.done,
    ]);
    return valid;
  }

  /**
   * The open issue, created when there is none: the first one adopts every clipping not yet placed
   * in an issue (everything clipped before issues existed); a later one follows the last issue.
   */
  async ensureOpen({ now, settings, newId }: IssueContext): Promise<Issue> {
    const db = await this.open();
    const tx = db.transaction(['issues', 'clippings', 'outbox'], 'readwrite');
    settleQuietly(tx.done);
    const issues = tx.objectStore('issues');
    const existing = parseIssue((await issues.index('byStatus').getAll('open'))[0]);
    if (existing) {
      await tx.done;
      return existing;
    }
    const last = parseIssue((await issues.index('byNumber').openCursor(null, 'prev'))?.value);
    const planned = parseIssue((await issues.index('byStatus').getAll('planned'))[0]);
    const issue = planned
      ? { ...planned, status: 'open' as const, updatedAt: now }
      : last
        ? followingIssue(last, now, settings, newId())
        : firstIssue(now, settings, newId());
    await issues.put(issue);
    await markIssuesChanged(tx.objectStore('outbox'), [issue.id], now);
    if (!last) {
      const clippings = tx.objectStore('clippings');
      let cursor = await clippings.openCursor();
      while (cursor) {
        const row = cursor.value as Clipping;
        // Through putClipping: two rows of one article in no issue become one clipping in this issue.
        if (row.issueId === null && !row.deletedAt) await putClipping(clippings, { ...row, issueId: issue.id }, now);
        cursor = await cursor.continue();
      }
    }
    await tx.done;
    return issue;
  }

  /** The issue after the open one (created as "planned" when first needed: a clipping moved to it, or clipped after the open issue's window). */
  async ensurePlanned(open: Issue, context: IssueContext): Promise<Issue> {
    const db = await this.open();
    const tx = db.transaction('issues', 'readwrite');
    settleQuietly(tx.done);
    const existing = parseIssue((await tx.store.index('byStatus').getAll('planned'))[0]);
    if (existing) {
      await tx.done;
      return existing;
    }
    const planned = followingIssue(open, context.now, context.settings, context.newId(), 'planned');
    await tx.store.put(planned);
    await tx.done;
    return planned;
  }

  /** The issue a clipping made now goes into: the open one while its window lasts, else the next. */
  async issueForNewClipping(context: IssueContext): Promise<Issue> {
    const open = await this.ensureOpen(context);
    return fallsInIssue(open, context.now) ? open : this.ensurePlanned(open, context);
  }

  /**
   * Marks the open issue published and opens the next one (the planned issue if there is one, with the
   * clippings set aside for it), in one transaction. The published issue is locked (see `isLocked`)
   * and is not marked for sync: its post is out, and no sync may rewrite it. With `moveUnfinished`,
   * clippings still without a summary go to the next issue instead of being published half-done.
   * A reopened issue is simply locked again (it keeps its first publishing date; no new issue opens).
   */
  async publish(issueId: string, options: PublishOptions, context: IssueContext): Promise<PublishResult> {
    const db = await this.open();
    const tx = db.transaction(['issues', 'clippings', 'outbox'], 'readwrite');
    settleQuietly(tx.done);
    const issues = tx.objectStore('issues');
    const clippings = tx.objectStore('clippings');
    const current = parseIssue(await issues.get(issueId));
    const open = parseIssue((await issues.index('byStatus').getAll('open'))[0]);
    if (current?.status === 'closed' && current.reopenedAt !== undefined && open) {
      const { reopenedAt: _reopened, ...relocked } = current;
      const issue = { ...relocked, updatedAt: context.now };
      await issues.put(issue);
      await tx.done;
      return { issue, next: open, moved: 0, carried: 0 };
    }
    if (!current || current.status !== 'open') {
      await tx.done;
      throw new Error('Only the open issue can be published.');
    }
    const planned = parseIssue((await issues.index('byStatus').getAll('planned'))[0]);
    const next = planned
      ? { ...planned, status: 'open' as const, updatedAt: context.now }
      : followingIssue(current, context.now, context.settings, context.newId());
    const carried = planned ? ((await clippings.index('byIssue').getAll(planned.id)) as Clipping[]).filter((c) => !c.deletedAt).length : 0;
    const issue: Issue = {
      ...current,
      status: 'closed',
      closedAt: context.now,
      publishedAt: context.now,
      ...(options.postUrl ? { postUrl: options.postUrl } : {}),
      updatedAt: context.now,
    };
    await issues.put(issue);
    await issues.put(next);
    let moved = 0;
    if (options.moveUnfinished) {
      for (const row of (await clippings.index('byIssue').getAll(issueId)) as Clipping[]) {
        if (row.deletedAt || row.summary.trim()) continue;
        // The next issue may have this article already: then the two merge (putClipping).
        await putClipping(clippings, { ...row, issueId: next.id, updatedAt: context.now }, context.now);
        moved += 1;
      }
    }
    // Only the next issue: the published one's post must not be rewritten by a sync.
    await markIssuesChanged(tx.objectStore('outbox'), [next.id], context.now);
    await tx.done;
    return { issue, next, moved, carried };
  }

  /** Unlocks a published issue for corrections (the editor's explicit Reopen); it stays closed, and the open issue stays open. */
  async reopen(issueId: string, now: number): Promise<Issue> {
    const db = await this.open();
    const tx = db.transaction('issues', 'readwrite');
    settleQuietly(tx.done);
    const current = parseIssue(await tx.store.get(issueId));
    if (!current || !isLocked(current)) {
      await tx.done;
      throw new Error('Only a published, locked issue can be reopened.');
    }
    const issue = { ...current, reopenedAt: now, updatedAt: now };
    await tx.store.put(issue);
    await tx.done;
    return issue;
  }
}

export interface PublishOptions {
  /** Carry the clippings still without a summary over to the next issue. */
  moveUnfinished: boolean;
  /** The published post's address, when the draft was synced to a backend that gave one. */
  postUrl?: string;
}

export interface PublishResult {
  /** The issue as published (locked). */
  issue: Issue;
  /** The open issue after publishing. */
  next: Issue;
  /** Clippings without a summary moved along (moveUnfinished). */
  moved: number;
  /** Clippings that were waiting in the planned issue ("not this week") and open with it. */
  carried: number;
}
