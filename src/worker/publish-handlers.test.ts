import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeFeedDeps } from '../../test/feed-deps';
import { CaptureContext, type Clipping, ClippingForm } from '../clip/clipping';
import { freshDatabase, makeCapture, makeClipping, makeRepos } from '../../test/fixtures';
import { buildIssueExport, renderJson } from '../export/json-export';
import { readBackup } from '../export/backup';
import type { Issue } from '../issue/issue';
import { MessageError } from '../messages/message-error';
import { type MessageName, type RequestOf, type ResponseOf, protocol } from '../messages/protocol';
import type { Handlers } from '../messages/router';
import { defaultSettings, type Settings } from '../settings/settings';
import type { ClipperDB } from '../store/db';
import type { SyncAdapter } from '../sync/adapter';
import { drainOutbox } from '../sync/engine';
import { draftForIssue } from './draft-for-issue';
import { createHandlers } from './handlers';
import type { HandlerDeps } from './handler-deps';
import { keepBackup } from './keep-backup';
import { offlineSyncDeps } from './offline-sync-deps';

const DAY = 86_400_000;
const WEDNESDAY = Date.parse('2026-06-10T10:00:00Z');
const NEXT_MONDAY = Date.parse('2026-06-15T00:00:00Z');
const LOCKED = 'Issue #1 is published, so it cannot be changed. Reopen it on the issue desk first.';

const SETTINGS: Settings = { ...defaultSettings(), newsletterName: 'SRE Weekly', timeZone: 'UTC', weekStartsOn: 1 };

let db: ClipperDB;
let deps: HandlerDeps;
let handlers: Handlers;
let clock: number;
let seq: number;
/** What the downloads API was asked to save. */
let saved: { name: string; text: string }[];

async function call<K extends MessageName>(name: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  const parsed = protocol[name].request.parse(request);
  const handler = handlers[name] as (request: unknown, sender: object) => Promise<unknown>;
  return protocol[name].response.parse(await handler(parsed, {})) as ResponseOf<K>;
}

beforeEach(async () => {
  clock = WEDNESDAY;
  seq = 0;
  saved = [];
  const fresh = await freshDatabase('publish-test');
  db = fresh.db;
  deps = {
    ...makeRepos(fresh.open),
    backupFiles: {
      save: (name, text) => {
        saved.push({ name, text });
        return Promise.resolve(true);
      },
    },
    sync: offlineSyncDeps(),
    feeds: makeFeedDeps(),
    openTab: () => Promise.reject(new Error('no tabs in these tests')),
    resolveTab: () => Promise.resolve({ id: 1, url: 'https://example.com/post-9' }),
    captureTab: () => Promise.resolve({ capture: makeCapture('https://example.com/post-9'), origin: 'page' }),
    readLinkText: () => Promise.resolve(undefined),
    confirmLinkClip: () => Promise.resolve(),
    now: () => clock,
    newId: () => `id-${String(++seq).padStart(6, '0')}`,
  };
  handlers = createHandlers(deps);
  await call('settings.save', { settings: SETTINGS });
});
afterEach(() => db.close());

/** The open issue with three clippings: two finished, one without a summary; and one set aside for the next issue. */
async function assembled(): Promise<{ issue: Issue; clippings: Clipping[]; waiting: Clipping }> {
  const { issue } = await call('issue.view', {});
  const clippings = [
    makeClipping(1, { issueId: issue.id, section: 'articles', position: 1 }),
    makeClipping(2, { issueId: issue.id, section: 'articles', position: 2 }),
    makeClipping(3, { issueId: issue.id, section: 'outages', position: 3, summary: '' }),
  ];
  await deps.clippings.putMany(clippings);
  const waiting = makeClipping(4, { issueId: issue.id, section: 'articles' });
  await deps.clippings.putMany([waiting]);
  await call('clip.moveToNextIssue', { id: waiting.id });
  return { issue, clippings, waiting };
}

describe('issue.publish', () => {
  it('records the date and the post’s address, locks the issue, opens the next with the clippings set aside for it, and keeps a backup', async () => {
    const { issue, waiting } = await assembled();
    await deps.syncStates.put({
      issueId: issue.id,
      target: 'wordpress:https://news.example.org',
      remoteId: '41',
      postUrl: 'https://news.example.org/?p=41',
      lastSyncedAt: WEDNESDAY,
      regionHash: 'h',
      remoteModified: '2026-06-10T10:00:00',
    });
    clock = NEXT_MONDAY + DAY;
    const result = await call('issue.publish', { issueId: issue.id, moveUnfinished: false });
    expect(result.issue).toMatchObject({
      status: 'closed',
      publishedAt: clock,
      closedAt: clock,
      postUrl: 'https://news.example.org/?p=41',
    });
    expect(result.issue.reopenedAt).toBeUndefined();
    expect(result).toMatchObject({ moved: 0, carried: 1, next: { number: 2, status: 'open', start: issue.end } });
    expect((await call('issue.view', {})).clippings.map((c) => c.id)).toEqual([waiting.id]);
    // The backup holds the published issue, locked, and every clipping.
    expect(result.backup).toMatchObject({ reason: { kind: 'published', issueNumber: 1 }, issues: 2, clippings: 4, createdAt: clock });
    const file = await call('backups.file', { id: result.backup!.id });
    const restored = readBackup(JSON.stringify(file));
    expect('error' in restored ? [] : restored.issues.map((i) => [i.number, i.status, i.publishedAt])).toEqual([
      [1, 'closed', clock],
      [2, 'open', undefined],
    ]);
  });

  it('with moveUnfinished, the clippings without a summary open with the next issue too', async () => {
    const { issue, clippings, waiting } = await assembled();
    const result = await call('issue.publish', { issueId: issue.id, moveUnfinished: true });
    expect(result).toMatchObject({ moved: 1, carried: 1 });
    expect((await call('issue.view', {})).clippings.map((c) => c.id).sort()).toEqual([clippings[2]!.id, waiting.id].sort());
  });

  it('publishes even when no backup can be kept (logged), and the issue is locked all the same', async () => {
    const { issue } = await assembled();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(deps.backups, 'add').mockRejectedValueOnce(new Error('quota exceeded'));
    const result = await call('issue.publish', { issueId: issue.id, moveUnfinished: false });
    expect(result.backup).toBeUndefined();
    expect(result.issue.status).toBe('closed');
    expect(warn).toHaveBeenCalledWith('newsletter-clipper: no backup was kept on publishing', expect.any(Error));
    warn.mockRestore();
  });

  it('a published issue’s post is never written again: the drain drops its pending entry and pushes only the next issue', async () => {
    const { issue } = await assembled();
    expect(await draftForIssue(deps, issue.id)).toBeDefined();
    const { next } = await call('issue.publish', { issueId: issue.id, moveUnfinished: false });
    expect((await deps.outbox.all()).map((e) => e.issueId)).toContain(issue.id); // changed before publishing, not synced yet
    expect(await draftForIssue(deps, issue.id)).toBeUndefined();
    const pushed: string[] = [];
    const adapter: SyncAdapter = {
      target: 'generic:https://drafts.example.org',
      push: (update) => {
        pushed.push(update.issueId);
        return Promise.resolve({
          issueId: update.issueId,
          target: 'generic:https://drafts.example.org',
          remoteId: `draft-${update.issueId}`,
          lastSyncedAt: clock,
          regionHash: 'h',
          remoteModified: '1',
        });
      },
      remoteRegion: () => Promise.resolve(''),
    };
    const report = await drainOutbox({ ...deps, adapter, draftFor: (id) => draftForIssue(deps, id), now: () => clock });
    expect(pushed).toEqual([next.id]);
    expect(report.synced).toEqual([next.id]);
    expect(await deps.outbox.all()).toEqual([]);
  });
});

describe('the lock: the worker refuses every change to a published issue, in words', () => {
  let issue: Issue;
  let clippings: Clipping[];
  let before: unknown;
  beforeEach(async () => {
    ({ issue, clippings } = await assembled());
    await call('clip.delete', { id: clippings[1]!.id }); // a tombstone, for the undo below
    await call('issue.publish', { issueId: issue.id, moveUnfinished: false });
    before = { issues: await db.getAll('issues'), clippings: await db.getAll('clippings') };
  });
  const unchanged = async () => expect({ issues: await db.getAll('issues'), clippings: await db.getAll('clippings') }).toEqual(before);
  const refused = async (attempt: Promise<unknown>) => {
    await expect(attempt).rejects.toBeInstanceOf(MessageError);
    await expect(attempt).rejects.toMatchObject({ code: 'forbidden', message: LOCKED });
    await unchanged();
  };
  const first = () => clippings[0]!;

  it('issue.update (title, sponsor)', async () => {
    await refused(call('issue.update', { issueId: issue.id, title: 'Renamed' }));
    await refused(call('issue.update', { issueId: issue.id, sponsor: 'Thanks to Acme' }));
  });
  it('clip.update', () => refused(call('clip.update', { id: first().id, changes: { summary: 'Changed after publishing' } })));
  it('clip.move (reorder, or to another section)', async () => {
    await refused(call('clip.move', { id: first().id, section: 'articles', index: 1 }));
    await refused(call('clip.move', { id: first().id, section: 'outages', index: 0 }));
  });
  it('clip.moveToNextIssue (out of it)', () => refused(call('clip.moveToNextIssue', { id: first().id })));
  it('clip.delete', () => refused(call('clip.delete', { id: first().id })));
  it('clip.restore (an undo would put a clipping back into it)', () => refused(call('clip.restore', { id: clippings[1]!.id })));
  it('clip.save from the popup, on a clipping of the published issue', async () => {
    const clipping = (await deps.clippings.get(first().id))!;
    const form = { ...ClippingForm.parse(clipping), summary: 'Edited in the popup' };
    const context = CaptureContext.parse({ origin: clipping.origin, sources: clipping.sources, notes: [] });
    await refused(call('clip.save', { key: clipping.urlKey, form, context, clippingId: clipping.id }));
    // The same address without the id: found by its address, refused all the same.
    await refused(call('clip.save', { key: clipping.urlKey, form, context }));
  });
  it('issue.import of the published issue', async () => {
    const file = buildIssueExport({
      newsletter: 'SRE Weekly',
      lang: 'en',
      issue: { ...issue, title: 'Imported over it', updatedAt: clock + DAY },
      sections: SETTINGS.sections,
      clippings: [],
      now: clock,
    });
    await refused(call('issue.import', { text: renderJson(file) }));
  });
  it('new clips never land in it: a link clipped now goes to the open issue', async () => {
    const { clipping } = await call('clip.link', { url: 'https://example.com/new-today' });
    expect(clipping.issueId).not.toBe(issue.id);
  });

  it('Reopen is explicit; then edits go through, and Lock again locks it (keeping its publishing date)', async () => {
    const publishedAt = (await deps.issues.get(issue.id))!.publishedAt;
    clock += DAY;
    const reopened = await call('issue.reopen', { issueId: issue.id });
    expect(reopened).toMatchObject({ status: 'closed', reopenedAt: clock, publishedAt });
    await expect(call('issue.reopen', { issueId: issue.id })).rejects.toMatchObject({
      code: 'bad-request',
      message: 'Issue #1 is not published, so there is nothing to reopen.',
    });
    await call('clip.update', { id: first().id, changes: { summary: 'Corrected' } });
    await call('issue.update', { issueId: issue.id, sponsor: 'Thanks to Acme' });
    const open = (await call('issue.view', {})).issue;
    const relocked = await call('issue.publish', { issueId: issue.id, moveUnfinished: false });
    expect(relocked.issue).toMatchObject({ status: 'closed', publishedAt, sponsor: 'Thanks to Acme' });
    expect(relocked.issue.reopenedAt).toBeUndefined();
    expect(relocked.next.id).toBe(open.id); // no new issue opens
    expect(relocked.backup).toBeUndefined();
    await expect(call('clip.update', { id: first().id, changes: { summary: 'Again' } })).rejects.toMatchObject({ message: LOCKED });
    expect((await deps.clippings.get(first().id))?.summary).toBe('Corrected');
  });

  it('Reopen of an issue that is not published is refused', async () => {
    const { issue: open } = await call('issue.view', {});
    await expect(call('issue.reopen', { issueId: open.id })).rejects.toMatchObject({
      code: 'bad-request',
      message: 'Issue #2 is not published, so there is nothing to reopen.',
    });
  });
});

describe('kept backups', () => {
  it('keeps the last 8, newest first, each restorable; weekly ones are named so', async () => {
    const { issue } = await assembled();
    const { next } = await call('issue.publish', { issueId: issue.id, moveUnfinished: false });
    for (let week = 1; week <= 8; week++) {
      clock += 7 * DAY;
      await call('issue.update', { issueId: next.id, title: `Draft, week ${week}` }); // a week's work
      expect(await keepBackup(deps, { kind: 'weekly' })).toBeDefined();
    }
    const { backups, saveFiles } = await call('backups.list', {});
    expect(saveFiles).toBe(false);
    expect(backups).toHaveLength(8);
    expect(backups.map((b) => b.createdAt)).toEqual([...backups.map((b) => b.createdAt)].sort((a, b) => b - a));
    // The one kept on publishing was the oldest: it went when the ninth arrived.
    expect(backups.every((b) => b.reason.kind === 'weekly')).toBe(true);
    expect(await db.count('backups')).toBe(8);
    expect(saved).toEqual([]);
  });

  it('keeps no weekly backup when nothing changed since the newest kept one, and keeps one again after a change', async () => {
    const { issue } = await assembled();
    const { next, backup } = await call('issue.publish', { issueId: issue.id, moveUnfinished: false });
    clock += 7 * DAY;
    expect(await keepBackup(deps, { kind: 'weekly' })).toBeUndefined();
    expect((await call('backups.list', {})).backups.map((b) => b.id)).toEqual([backup!.id]);
    await call('issue.update', { issueId: next.id, title: 'Changed since' });
    clock += 7 * DAY;
    const weekly = await keepBackup(deps, { kind: 'weekly' });
    expect(weekly?.kept.reason).toEqual({ kind: 'weekly' });
    expect((await call('backups.list', {})).backups).toHaveLength(2);
  });

  it('restores a kept backup: a clipping deleted since comes back with every field', async () => {
    const { issue, clippings } = await assembled();
    const { backup } = await call('issue.publish', { issueId: issue.id, moveUnfinished: false });
    const original = (await deps.clippings.get(clippings[0]!.id))!;
    await db.delete('clippings', original.id); // lost, as if the profile were damaged
    const report = await call('backups.restore', { id: backup!.id });
    expect(report).toMatchObject({ issues: 2, clippings: 1, settings: true });
    expect(await deps.clippings.get(original.id)).toEqual(original);
    await expect(call('backups.restore', { id: 'gone-0001' })).rejects.toMatchObject({
      code: 'not-found',
      message: 'That backup is no longer kept (only the last 8 stay).',
    });
  });

  it('saves each kept backup as a file too, once the editor chose it', async () => {
    await assembled();
    expect(await call('backups.setSaveFiles', { on: true })).toEqual({ saveFiles: true });
    expect((await call('backups.list', {})).saveFiles).toBe(true);
    const { issue } = await call('issue.view', {});
    clock = NEXT_MONDAY;
    await call('issue.publish', { issueId: issue.id, moveUnfinished: false });
    expect(saved.map((s) => s.name)).toEqual(['newsletter-clipper-backup-2026-06-15-published-1.json']);
    const file = readBackup(saved[0]!.text);
    expect('error' in file ? file.error : file.clippings.length).toBe(4);
    await call('backups.setSaveFiles', { on: false });
    await keepBackup(deps, { kind: 'weekly' });
    expect(saved).toHaveLength(1);
  });
});
