import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIXTURE_MONDAY, freshDatabase, makeClipping, makeIssue } from '../../test/fixtures';
import type { Issue } from '../issue/issue';
import { defaultSettings, type Settings } from '../settings/settings';
import { ClippingsRepo } from './clippings-repo';
import type { ClipperDB } from './db';
import { type IssueContext, IssuesRepo } from './issues-repo';

/** Live clippings in no issue, read through the repo's full listing. */
const unplaced = async (repo: ClippingsRepo) => (await repo.listAll()).filter((c) => c.issueId === null && !c.deletedAt);

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const WEDNESDAY = Date.parse('2026-06-10T10:00:00Z');
const MONDAY = FIXTURE_MONDAY;
const NEXT_MONDAY = MONDAY + WEEK;

const settings: Settings = { ...defaultSettings(), newsletterName: 'Ops Weekly', timeZone: 'UTC' };

let db: ClipperDB;
let issues: IssuesRepo;
let clippings: ClippingsRepo;
let warn: { mockRestore(): void };
let seq = 0;

/** The context at a moment: settings and an id maker counting the ids handed out. */
function at(now: number, s: Settings = settings): IssueContext {
  return { now, settings: s, newId: () => `issue-${String(++seq).padStart(4, '0')}` };
}

beforeEach(async () => {
  seq = 0;
  const fresh = await freshDatabase('issues-test');
  db = fresh.db;
  issues = new IssuesRepo(fresh.open);
  clippings = new ClippingsRepo(fresh.open);
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  db.close();
  warn.mockRestore();
});

const summary = (list: Issue[]) => list.map((i) => [i.number, i.status]);

describe('IssuesRepo.ensureOpen', () => {
  it('creates issue #1 for the week containing now, once', async () => {
    const first = await issues.ensureOpen(at(WEDNESDAY));
    expect(first).toMatchObject({
      id: 'issue-0001',
      number: 1,
      status: 'open',
      title: 'Ops Weekly Issue #1',
      start: MONDAY,
      end: NEXT_MONDAY,
      createdAt: WEDNESDAY,
    });
    const again = await issues.ensureOpen(at(WEDNESDAY + DAY));
    expect(again).toEqual(first);
    expect(await issues.list()).toEqual([first]);
    expect(await issues.get(first.id)).toEqual(first);
  });

  it('returns the open issue even after its window has passed (it stays open until closed)', async () => {
    const first = await issues.ensureOpen(at(WEDNESDAY));
    expect(await issues.ensureOpen(at(WEDNESDAY + 3 * WEEK))).toEqual(first);
  });

  it('adopts every live clipping not yet placed, and leaves deleted and placed ones alone', async () => {
    await clippings.putMany([
      makeClipping(1),
      makeClipping(2, { deletedAt: MONDAY }),
      makeClipping(3, { issueId: 'elsewhere-0001' }),
      makeClipping(4, { createdAt: MONDAY - 10 * WEEK }), // clipped long before issues existed
    ]);
    const first = await issues.ensureOpen(at(WEDNESDAY));
    expect((await clippings.listByIssue(first.id)).map((c) => c.id).sort()).toEqual(['clipping-0001', 'clipping-0004']);
    expect((await db.get('clippings', 'clipping-0002'))?.issueId).toBeNull();
    expect((await db.get('clippings', 'clipping-0003'))?.issueId).toBe('elsewhere-0001');
    expect(await unplaced(clippings)).toEqual([]);
  });

  it('adoption keeps the clippings otherwise as they were', async () => {
    await clippings.putMany([makeClipping(1, { position: 77, summary: 'Kept' })]);
    const first = await issues.ensureOpen(at(WEDNESDAY));
    expect(await clippings.get('clipping-0001')).toEqual({ ...makeClipping(1, { position: 77, summary: 'Kept' }), issueId: first.id });
  });

  it('five concurrent calls make exactly one issue, and all answer with it', async () => {
    await clippings.putMany([makeClipping(1), makeClipping(2)]);
    const results = await Promise.all(Array.from({ length: 5 }, () => issues.ensureOpen(at(WEDNESDAY))));
    expect(new Set(results.map((i) => i.id)).size).toBe(1);
    expect(await issues.list()).toHaveLength(1);
    expect(await db.count('issues')).toBe(1);
    expect(await clippings.listByIssue(results[0]!.id)).toHaveLength(2);
  });

  it('with no open issue but earlier ones, opens the issue following the last (no adoption)', async () => {
    const first = await issues.ensureOpen(at(WEDNESDAY));
    await issues.put({ ...first, status: 'closed', closedAt: WEDNESDAY });
    await clippings.putMany([makeClipping(9)]);
    const second = await issues.ensureOpen(at(NEXT_MONDAY + DAY));
    expect(second).toMatchObject({ number: 2, status: 'open', start: first.end, end: NEXT_MONDAY + WEEK });
    expect(await unplaced(clippings)).toHaveLength(1);
  });

  it('with no open issue but a planned one, opens the planned one', async () => {
    const first = await issues.ensureOpen(at(WEDNESDAY));
    const planned = await issues.ensurePlanned(first, at(WEDNESDAY));
    await issues.put({ ...first, status: 'closed', closedAt: WEDNESDAY });
    const open = await issues.ensureOpen(at(NEXT_MONDAY + DAY));
    expect(open).toEqual({ ...planned, status: 'open', updatedAt: NEXT_MONDAY + DAY });
    expect(summary(await issues.list())).toEqual([
      [1, 'closed'],
      [2, 'open'],
    ]);
  });
});

describe('IssuesRepo.ensurePlanned', () => {
  it('creates #2 as planned, right after the open issue, once', async () => {
    const open = await issues.ensureOpen(at(WEDNESDAY));
    const planned = await issues.ensurePlanned(open, at(WEDNESDAY + DAY));
    expect(planned).toMatchObject({ number: 2, status: 'planned', title: 'Ops Weekly Issue #2', start: open.end, end: open.end + WEEK });
    const again = await issues.ensurePlanned(open, at(WEDNESDAY + 2 * DAY));
    expect(again).toEqual(planned);
    expect(summary(await issues.list())).toEqual([
      [1, 'open'],
      [2, 'planned'],
    ]);
  });

  it('concurrent calls make one planned issue', async () => {
    const open = await issues.ensureOpen(at(WEDNESDAY));
    const results = await Promise.all(Array.from({ length: 5 }, () => issues.ensurePlanned(open, at(WEDNESDAY))));
    expect(new Set(results.map((i) => i.id)).size).toBe(1);
    expect(await db.count('issues')).toBe(2);
  });
});

describe('IssuesRepo.issueForNewClipping', () => {
  it('inside the open issue’s window: the open issue (created on demand)', async () => {
    const issue = await issues.issueForNewClipping(at(WEDNESDAY));
    expect(issue).toMatchObject({ number: 1, status: 'open' });
    expect(await issues.issueForNewClipping(at(NEXT_MONDAY - 1))).toEqual(issue);
    expect(await db.count('issues')).toBe(1);
  });

  it('after the open issue’s window: the planned issue, the same one each time', async () => {
    const open = await issues.ensureOpen(at(WEDNESDAY));
    const later = await issues.issueForNewClipping(at(NEXT_MONDAY));
    expect(later).toMatchObject({ number: 2, status: 'planned', start: open.end });
    expect(await issues.issueForNewClipping(at(NEXT_MONDAY + 2 * DAY))).toEqual(later);
    expect(await issues.ensureOpen(at(NEXT_MONDAY))).toEqual(open);
  });
});

describe('IssuesRepo.publish', () => {
  it('closes the open issue and opens the following one', async () => {
    const first = await issues.ensureOpen(at(WEDNESDAY));
    const closedAt = NEXT_MONDAY + 2 * DAY;
    const { next, moved } = await issues.publish(first.id, { moveUnfinished: false }, at(closedAt));
    expect(moved).toBe(0);
    expect(next).toMatchObject({ number: 2, status: 'open', start: first.end, end: NEXT_MONDAY + WEEK, createdAt: closedAt });
    expect(await issues.get(first.id)).toEqual({ ...first, status: 'closed', closedAt, publishedAt: closedAt, updatedAt: closedAt });
    expect(await issues.get(next.id)).toEqual(next);
    expect(await issues.ensureOpen(at(closedAt))).toEqual(next);
    expect(summary(await issues.list())).toEqual([
      [1, 'closed'],
      [2, 'open'],
    ]);
  });

  it('promotes the planned issue to open rather than making another', async () => {
    const first = await issues.ensureOpen(at(WEDNESDAY));
    const planned = await issues.ensurePlanned(first, at(WEDNESDAY));
    const { next } = await issues.publish(first.id, { moveUnfinished: false }, at(NEXT_MONDAY));
    expect(next).toEqual({ ...planned, status: 'open', updatedAt: NEXT_MONDAY });
    expect(summary(await issues.list())).toEqual([
      [1, 'closed'],
      [2, 'open'],
    ]);
    // And the next issue after that is #3.
    expect((await issues.ensurePlanned(next, at(NEXT_MONDAY))).number).toBe(3);
  });

  it('with moveUnfinished, moves only the clippings still without a summary', async () => {
    const first = await issues.ensureOpen(at(WEDNESDAY));
    await clippings.putMany([
      makeClipping(1, { issueId: first.id, summary: 'Done.' }),
      makeClipping(2, { issueId: first.id, summary: '' }),
      makeClipping(3, { issueId: first.id, summary: '  \n ' }),
      makeClipping(4, { issueId: first.id, summary: '', deletedAt: WEDNESDAY }),
      makeClipping(5, { issueId: 'elsewhere-0001', summary: '' }),
    ]);
    const closedAt = NEXT_MONDAY + DAY;
    const { next, moved } = await issues.publish(first.id, { moveUnfinished: true }, at(closedAt));
    expect(moved).toBe(2);
    expect((await clippings.listByIssue(first.id)).map((c) => c.id)).toEqual(['clipping-0001']);
    const carried = await clippings.listByIssue(next.id);
    expect(carried.map((c) => c.id).sort()).toEqual(['clipping-0002', 'clipping-0003']);
    expect(carried.every((c) => c.updatedAt === closedAt)).toBe(true);
    expect((await db.get('clippings', 'clipping-0004'))?.issueId).toBe(first.id);
    expect((await db.get('clippings', 'clipping-0005'))?.issueId).toBe('elsewhere-0001');
  });

  it('with moveUnfinished, moves unfinished clippings into the promoted planned issue, next to those waiting there', async () => {
    const first = await issues.ensureOpen(at(WEDNESDAY));
    const planned = await issues.ensurePlanned(first, at(WEDNESDAY));
    await clippings.putMany([makeClipping(1, { issueId: first.id, summary: '' }), makeClipping(2, { issueId: planned.id })]);
    const { next, moved } = await issues.publish(first.id, { moveUnfinished: true }, at(NEXT_MONDAY));
    expect(next.id).toBe(planned.id);
    expect(moved).toBe(1);
    expect((await clippings.listByIssue(planned.id)).map((c) => c.id).sort()).toEqual(['clipping-0001', 'clipping-0002']);
  });

  it('without moveUnfinished, leaves every clipping in the closed issue', async () => {
    const first = await issues.ensureOpen(at(WEDNESDAY));
    await clippings.putMany([makeClipping(1, { issueId: first.id, summary: '' }), makeClipping(2, { issueId: first.id })]);
    const { next } = await issues.publish(first.id, { moveUnfinished: false }, at(NEXT_MONDAY));
    expect(await clippings.listByIssue(first.id)).toHaveLength(2);
    expect(await clippings.listByIssue(next.id)).toEqual([]);
  });

  it('refuses to close an issue that is not open, changing nothing', async () => {
    const first = await issues.ensureOpen(at(WEDNESDAY));
    const planned = await issues.ensurePlanned(first, at(WEDNESDAY));
    await expect(issues.publish(planned.id, { moveUnfinished: false }, at(NEXT_MONDAY))).rejects.toThrow(
      'Only the open issue can be published.',
    );
    await expect(issues.publish('issue-9999', { moveUnfinished: false }, at(NEXT_MONDAY))).rejects.toThrow(
      'Only the open issue can be published.',
    );
    const { next } = await issues.publish(first.id, { moveUnfinished: false }, at(NEXT_MONDAY));
    const before = await issues.list();
    await expect(issues.publish(first.id, { moveUnfinished: true }, at(NEXT_MONDAY + DAY))).rejects.toThrow(
      'Only the open issue can be published.',
    );
    expect(await issues.list()).toEqual(before);
    expect(next.status).toBe('open');
  });

  it('closing issue after issue numbers them in order', async () => {
    let open = await issues.ensureOpen(at(WEDNESDAY));
    for (let week = 1; week <= 3; week++) {
      open = (await issues.publish(open.id, { moveUnfinished: false }, at(WEDNESDAY + week * WEEK))).next;
    }
    expect(summary(await issues.list())).toEqual([
      [1, 'closed'],
      [2, 'closed'],
      [3, 'closed'],
      [4, 'open'],
    ]);
    const list = await issues.list();
    for (let i = 1; i < list.length; i++) expect(list[i]!.start).toBe(list[i - 1]!.end);
  });
});

describe('IssuesRepo.list, get, put', () => {
  const issue = (number: number, overrides: Partial<Issue> = {}): Issue => makeIssue(number, { status: 'closed', ...overrides });

  it('lists by number, whatever the order they were written in or their ids', async () => {
    await issues.put(issue(3, { id: 'aaaa-0003' }));
    await issues.put(issue(10, { id: 'bbbb-0010' }));
    await issues.put(issue(1, { id: 'zzzz-0001' }));
    await issues.put(issue(2, { id: 'mmmm-0002', status: 'open' }));
    expect((await issues.list()).map((i) => i.number)).toEqual([1, 2, 3, 10]);
  });

  it('is empty with no issues', async () => {
    expect(await issues.list()).toEqual([]);
  });

  it('skips a damaged issue row, with a warning, and still lists the good ones', async () => {
    await issues.put(issue(1));
    await db.put('issues', { id: 'damaged-0002', number: 2, title: '', status: 'weird' } as unknown as Issue);
    await issues.put(issue(3));
    expect((await issues.list()).map((i) => i.id)).toEqual(['issue-0001', 'issue-0003']);
    expect(await issues.get('damaged-0002')).toBeUndefined();
    expect(warn).toHaveBeenCalled();
  });

  it('answers undefined for an unknown id without reporting damage', async () => {
    expect(await issues.get('issue-9999')).toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
  });

  it('put validates, and stores the parsed issue', async () => {
    await expect(issues.put(issue(1, { title: '  ' }))).rejects.toThrow();
    expect(await db.count('issues')).toBe(0);
    const { sponsor: _omitted, ...withoutSponsor } = issue(1, { title: '  Trimmed  ' });
    const stored = await issues.put(withoutSponsor as Issue);
    expect(stored).toMatchObject({ title: 'Trimmed', sponsor: '' });
    expect(await issues.get('issue-0001')).toEqual(stored);
  });
});
