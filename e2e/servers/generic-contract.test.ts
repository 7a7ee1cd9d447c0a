import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GenericAdapter } from '../../src/sync/generic';
import { findRegion, renderRegion } from '../../src/sync/managed-region';
import { SyncError } from '../../src/sync/sync-error';
import type { SyncState } from '../../src/sync/sync-state';
import { type FaultProxy, startFaultProxy } from './fault-proxy';
import { type GenericTarget, startGenericTarget } from './generic-target';

// The generic HTTP target's contract, run against the reference server (a real HTTP server on
// 127.0.0.1), directly and through the fault proxy: the same guarantees as the WordPress sync.

let server: GenericTarget;
let proxy: FaultProxy;
beforeAll(async () => {
  server = await startGenericTarget({ token: 'secret-token', readOnlyToken: 'read-only' });
  proxy = await startFaultProxy({ target: server.origin, stallMs: 3_000 });
});
afterAll(async () => {
  await proxy.close();
  await server.close();
});
beforeEach(() => {
  server.reset();
  proxy.clearFaults();
  proxy.clearLog();
});

const update = (issueId: string, html: string) => ({ issueId, title: 'SRE Weekly Issue #7', region: renderRegion(issueId, html) });
const adapter = (base = server.baseUrl, token = 'secret-token') => new GenericAdapter({ baseUrl: base, token }, { timeoutMs: 1_000 });
const viaProxy = () => adapter(`${proxy.origin}${new URL(server.baseUrl).pathname}`);

async function failure(work: Promise<unknown>): Promise<SyncError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SyncError);
  return error as SyncError;
}

describe('generic target contract', () => {
  it('checks the protocol and the token', async () => {
    expect(await adapter().check()).toMatchObject({ protocol: 'newsletter-clipper-drafts', version: 1 });
    expect((await failure(adapter(server.baseUrl, 'wrong').check())).kind).toBe('permanent');
  });

  it('creates one draft, then replaces only the region, keeping the editor’s text around it', async () => {
    const first = await adapter().push(update('issue-1', '<h2>Articles</h2><p>One</p>'), undefined);
    expect(server.draft('issue-1')?.content).toContain('<p>One</p>');
    const around = `<p>Intro by the editor</p>\n${server.draft('issue-1')!.content}<p>Sign-off</p>\n`;
    server.editDraft('issue-1', { content: around });
    await adapter().push(update('issue-1', '<h2>Articles</h2><p>Two</p>'), first);
    const stored = server.draft('issue-1')!.content;
    expect(stored.startsWith('<p>Intro by the editor</p>\n')).toBe(true);
    expect(stored.endsWith('<p>Sign-off</p>\n')).toBe(true);
    expect(findRegion(stored)?.text).toContain('<p>Two</p>');
    expect(Object.keys(server.drafts())).toEqual(['issue-1']);
  });

  it('an edit inside the region is a conflict; overwrite and keep-theirs resolve it', async () => {
    const first = await adapter().push(update('issue-2', '<p>Ours</p>'), undefined);
    const draft = server.draft('issue-2')!;
    server.editDraft('issue-2', { content: draft.content.replace('<p>Ours</p>', '<p>Theirs</p>') });
    expect((await failure(adapter().push(update('issue-2', '<p>Ours, updated</p>'), first))).kind).toBe('conflict');
    expect(server.draft('issue-2')!.content).toContain('<p>Theirs</p>');
    const kept = await adapter().push(update('issue-2', '<p>Ours, updated</p>'), first, { keepRemote: true });
    expect(server.draft('issue-2')!.content).toContain('<p>Theirs</p>');
    server.editDraft('issue-2', { content: server.draft('issue-2')!.content.replace('<p>Theirs</p>', '<p>Theirs again</p>') });
    await adapter().push(update('issue-2', '<p>Ours wins</p>'), kept, { overwrite: true });
    expect(server.draft('issue-2')!.content).toContain('<p>Ours wins</p>');
  });

  it('a lost answer to a create never makes a second draft (same key replayed, or draft adopted)', async () => {
    // The server stores the PUT, then the connection drops before the answer arrives.
    proxy.enqueueFor({ method: 'PUT' }, { kind: 'reset', after: true });
    expect((await failure(viaProxy().push(update('issue-3', '<p>Once</p>'), undefined))).kind).toBe('temporary');
    expect(server.stats.stored).toBe(1);
    const state = await viaProxy().push(update('issue-3', '<p>Once</p>'), undefined);
    expect(Object.keys(server.drafts())).toEqual(['issue-3']);
    expect(server.draft('issue-3')!.content.split('<p>Once</p>').length - 1).toBe(1);
    expect(state.remoteId).toBe('issue-3');
  });

  it('classifies every failure: 401, 403, a deleted draft, 5xx/429, resets, stalls, garbage', async () => {
    expect((await failure(adapter(server.baseUrl, 'nope').push(update('issue-4', '<p>x</p>'), undefined))).data).toMatchObject({
      code: 'auth',
      status: 401,
    });
    expect((await failure(adapter(server.baseUrl, 'read-only').push(update('issue-4', '<p>x</p>'), undefined))).data).toMatchObject({
      code: 'forbidden',
      status: 403,
    });
    const state: SyncState = await adapter().push(update('issue-4', '<p>x</p>'), undefined);
    server.deleteDraft('issue-4');
    const gone = await failure(adapter().push(update('issue-4', '<p>y</p>'), state));
    expect([gone.kind, gone.code]).toEqual(['permanent', 'draft-deleted']);
    for (const fault of ['500', '503', '429', 'reset', 'stall', 'truncate', 'non-json', 'garbage-json'] as const) {
      proxy.enqueue(fault);
      const error = await failure(viaProxy().push(update('issue-5', '<p>z</p>'), undefined));
      expect(error.kind, fault).toBe('temporary');
    }
    proxy.enqueue('429');
    expect((await failure(viaProxy().push(update('issue-5', '<p>z</p>'), undefined))).retryAfterMs).toBe(1000);
    await viaProxy().push(update('issue-5', '<p>z</p>'), undefined);
    expect(Object.keys(server.drafts()).sort()).toEqual(['issue-5']);
  });
});
