import { Clipping } from '../clip/clipping';
import { Issue } from '../issue/issue';
import { Settings } from '../settings/settings';
import { putClipping } from './clipping-rows';
import { type OpenDB, settleQuietly } from './db';
import { markIssuesChanged } from './outbox-marks';

/** Records read from a backup or an issue export, already validated one by one. */
export interface IncomingRecords {
  settings?: Settings;
  issues: readonly Issue[];
  clippings: readonly Clipping[];
}

export interface MergeReport {
  issues: number;
  clippings: number;
  settings: boolean;
  /** Records not written, each with plain-words reason. */
  skipped: { kind: 'issue' | 'clipping'; id: string; reason: string }[];
}

/**
 * Writes restored or imported records into the store in one transaction, without ever dropping the
 * editor's newer work: a record whose id exists is replaced only when the incoming one is newer
 * (`updatedAt`). An issue whose number is taken by another issue replaces it only when that one is
 * empty (as the open issue of a fresh profile is); likewise for the one open issue. A clipping whose
 * issue did not make it in keeps its place in no issue, to be placed again.
 */
export async function mergeRecords(open: OpenDB, incoming: IncomingRecords, now: number): Promise<MergeReport> {
  const db = await open();
  const tx = db.transaction(['issues', 'clippings', 'meta', 'outbox'], 'readwrite');
  settleQuietly(tx.done);
  const changed = new Set<string>();
  const issues = tx.objectStore('issues');
  const clippings = tx.objectStore('clippings');
  const report: MergeReport = { issues: 0, clippings: 0, settings: false, skipped: [] };
  const isEmpty = async (issueId: string) =>
    !((await clippings.index('byIssue').getAll(issueId)) as Clipping[]).some((c) => !c.deletedAt) &&
    !incoming.clippings.some((c) => c.issueId === issueId);
  const incomingIds = new Set(incoming.issues.map((i) => i.id));

  for (const raw of incoming.issues) {
    const issue = Issue.parse(raw);
    const same = await issues.get(issue.id);
    if (same) {
      if (issue.updatedAt > same.updatedAt) {
        await issues.put(issue);
        changed.add(issue.id);
      }
      report.issues += 1;
      continue;
    }
    const clashes = [
      await issues.index('byNumber').get(issue.number),
      ...(issue.status === 'open' ? await issues.index('byStatus').getAll('open') : []),
    ].filter((other): other is Issue => !!other && !incomingIds.has(other.id));
    const blocking: Issue[] = [];
    for (const other of clashes) if (!(await isEmpty(other.id))) blocking.push(other);
    if (blocking.length) {
      const other = blocking[0]!;
      const why =
        other.number === issue.number
          ? `issue #${issue.number} already exists here with clippings of its own`
          : `issue #${other.number} is open here with clippings of its own`;
      report.skipped.push({ kind: 'issue', id: issue.id, reason: `${why}; its clippings were kept without an issue` });
      continue;
    }
    for (const other of clashes) await issues.delete(other.id);
    await issues.put(issue);
    changed.add(issue.id);
    report.issues += 1;
  }

  for (const raw of incoming.clippings) {
    const clipping = Clipping.parse(raw);
    const placed = clipping.issueId === null || (await issues.get(clipping.issueId)) ? clipping : { ...clipping, issueId: null };
    const same = await clippings.get(clipping.id);
    if (same && same.updatedAt >= clipping.updatedAt) {
      report.skipped.push({ kind: 'clipping', id: clipping.id, reason: 'the copy here is the same or newer' });
      continue;
    }
    // An import of an article this issue already has (under another id) merges into it: one clipping per article.
    const stored = await putClipping(clippings, placed, now);
    for (const issueId of [stored.issueId, same?.issueId]) if (issueId) changed.add(issueId);
    report.clippings += 1;
  }

  if (incoming.settings) {
    await tx.objectStore('meta').put(Settings.parse(incoming.settings), 'settings');
    report.settings = true;
  }
  await markIssuesChanged(tx.objectStore('outbox'), changed, now);
  await tx.done;
  return report;
}
