import type { Clipping } from '../clip/clipping';
import { Issue } from '../issue/issue';
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
   * Closes the open issue and opens the next (the planned one if there is one), in one transaction.
   * With `moveUnfinished`, clippings still without a summary go to the new issue instead of being
   * published half-done. Returns the new open issue and how many clippings moved.
   */
  async close(issueId: string, moveUnfinished: boolean, context: IssueContext): Promise<{ next: Issue; moved: number }> {
    const db = await this.open();
    const tx = db.transaction(['issues', 'clippings', 'outbox'], 'readwrite');
    settleQuietly(tx.done);
    const issues = tx.objectStore('issues');
    const current = parseIssue(await issues.get(issueId));
    if (!current || current.status !== 'open') {
      await tx.done;
      throw new Error('Only the open issue can be closed.');
    }
    const planned = parseIssue((await issues.index('byStatus').getAll('planned'))[0]);
    const next = planned
      ? { ...planned, status: 'open' as const, updatedAt: context.now }
      : followingIssue(current, context.now, context.settings, context.newId());
    await issues.put({ ...current, status: 'closed', closedAt: context.now, updatedAt: context.now });
    await issues.put(next);
    let moved = 0;
    if (moveUnfinished) {
      const clippings = tx.objectStore('clippings');
      for (const row of (await clippings.index('byIssue').getAll(issueId)) as Clipping[]) {
        if (row.deletedAt || row.summary.trim()) continue;
        // The next issue may have this article already: then the two merge (putClipping).
        await putClipping(clippings, { ...row, issueId: next.id, updatedAt: context.now }, context.now);
        moved += 1;
      }
    }
    await markIssuesChanged(tx.objectStore('outbox'), [current.id, next.id], context.now);
    await tx.done;
    return { next, moved };
  }
}
