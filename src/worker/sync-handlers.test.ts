import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, makeRepos } from '../../test/fixtures';
import { makeFeedDeps } from '../../test/feed-deps';
import { MessageError } from '../messages/message-error';
import { type MessageName, type RequestOf, type ResponseOf, protocol } from '../messages/protocol';
import type { Handlers } from '../messages/router';
import type { ClipperDB } from '../store/db';
import type { IssuesRepo } from '../store/issues-repo';
import type { OutboxRepo, SyncStateRepo } from '../store/sync-repos';
import type { DraftUpdate, PushOptions, SyncAdapter } from '../sync/adapter';
import { type DrainReport, drainOutbox } from '../sync/engine';
import { findRegion } from '../sync/managed-region';
import type { OutboxEntry } from '../sync/outbox-entry';
import { SyncError } from '../sync/sync-error';
import type { SyncState } from '../sync/sync-state';
import type { TargetConfig } from '../sync/target-config';
import type { CheckStep } from '../sync/wordpress-check';
import { draftForIssue } from './draft-for-issue';
import { createHandlers } from './handlers';
import type { HandlerDeps } from './handler-deps';
import type { SyncDeps } from './handler-deps';

const WEDNESDAY = Date.parse('2026-06-10T10:00:00Z');
const MINUTE = 60_000;
const SITE = 'https://news.example.org';
const PASSWORD = 'abcd efgh ijkl mnop';
const CONFIG: TargetConfig = { kind: 'wordpress', siteUrl: SITE, user: 'ada', appPassword: PASSWORD };

/** A drafting backend in memory: one draft per remote id; a behaviour can make the next pushes fail. */
class FakeAdapter implements SyncAdapter {
  readonly target = `fake:${SITE}`;
  readonly pushes: { issueId: string; region: string; previous: SyncState | undefined; options: PushOptions | undefined }[] = [];
  readonly remoteAsked: { issueId: string; previous: SyncState | undefined }[] = [];
  readonly drafts = new Map<string, string>();
  failWith: SyncError | undefined;
  private nextId = 1;

  constructor(private readonly clock: () => number) {}

  async push(update: DraftUpdate, previous: SyncState | undefined, options?: PushOptions): Promise<SyncState> {
    this.pushes.push({ issueId: update.issueId, region: update.region, previous, options });
    if (this.failWith) throw this.failWith;
    const remoteId = previous?.remoteId ?? `post-${this.nextId++}`;
    if (!options?.keepRemote) this.drafts.set(remoteId, update.region);
    return {
      issueId: update.issueId,
      target: this.target,
      remoteId,
      lastSyncedAt: this.clock(),
      regionHash: 'h'.repeat(64),
      remoteModified: String(this.clock()),
    };
  }

  async remoteRegion(issueId: string, previous: SyncState | undefined): Promise<string> {
    this.remoteAsked.push({ issueId, previous });
    return (previous && this.drafts.get(previous.remoteId)) ?? '';
  }
}

/** The worker with real repos over a fresh database, a fake target behind SyncDeps, and a clock. */
class World {
  db!: ClipperDB;
  handlers!: Handlers;
  issues!: IssuesRepo;
  outbox!: OutboxRepo;
  syncStates!: SyncStateRepo;
  clock = WEDNESDAY;
  target: TargetConfig | undefined = CONFIG;
  hostAccess = true;
  /** Whether the browser lets the access go (it refuses for an origin the manifest grants). */
  accessRemovable = true;
  readonly accessDropped: string[] = [];
  adapter = new FakeAdapter(() => this.clock);
  readonly checked: TargetConfig[] = [];
  readonly drains: Promise<DrainReport>[] = [];
  private seq = 0;

  async start(): Promise<this> {
    const { db, open } = await freshDatabase('sync-handlers-test');
    this.db = db;
    const repos = makeRepos(open);
    this.issues = repos.issues;
    this.outbox = repos.outbox;
    this.syncStates = repos.syncStates;
    const draftFor = (issueId: string) => draftForIssue(repos, issueId);
    const sync: SyncDeps = {
      readTarget: async () => this.target,
      writeTarget: async (config) => {
        this.target = config;
      },
      clearTarget: async () => {
        this.target = undefined;
      },
      hasHostAccess: async () => this.hostAccess,
      dropHostAccess: async (siteUrl) => {
        this.accessDropped.push(siteUrl);
        if (this.accessRemovable) this.hostAccess = false;
        return this.accessRemovable;
      },
      adapterFor: () => this.adapter,
      check: async (config): Promise<CheckStep[]> => {
        this.checked.push(config);
        return [{ name: 'reachable', ok: true, message: 'The site answered (HTTP 200).' }];
      },
      draftFor,
      drain: (only) => {
        const ready = this.target && this.hostAccess;
        const drain = drainOutbox(
          {
            outbox: this.outbox,
            syncStates: this.syncStates,
            adapter: ready ? this.adapter : undefined,
            draftFor,
            now: () => this.clock,
            random: () => 0,
          },
          only,
        );
        this.drains.push(drain);
        return drain;
      },
    };
    const deps: HandlerDeps = {
      ...repos,
      sync,
      feeds: makeFeedDeps(),
      resolveTab: async () => {
        throw new MessageError('not-found', 'no tabs here');
      },
      captureTab: async () => {
        throw new Error('no tabs here');
      },
      openTab: async () => {
        throw new Error('no tabs here');
      },
      readLinkText: async () => undefined,
      confirmLinkClip: async () => {},
      now: () => this.clock,
      newId: () => `id-${String(++this.seq).padStart(6, '0')}`,
    };
    this.handlers = createHandlers(deps);
    return this;
  }

  /** Calls a handler the way the router does: the request parsed, the reply checked against the protocol. */
  async call<K extends MessageName>(name: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
    return protocol[name].response.parse(await this.raw(name, request)) as ResponseOf<K>;
  }

  /** The handler's own reply, before the protocol's schema strips unknown fields from it. */
  async raw<K extends MessageName>(name: K, request: RequestOf<K>): Promise<unknown> {
    const parsed = protocol[name].request.parse(request);
    const handler = this.handlers[name] as (request: unknown, sender: object) => Promise<unknown>;
    return handler(parsed, {});
  }

  /** Clips a link into the open issue and files it under Articles (through the handlers); answers with the issue's id. */
  async clipLink(url: string, text: string): Promise<string> {
    const { clipping } = await this.call('clip.link', { url, text });
    await this.call('clip.update', { id: clipping.id, changes: { section: 'articles' } });
    return clipping.issueId!;
  }

  async entry(issueId: string): Promise<OutboxEntry | undefined> {
    return this.outbox.get(issueId);
  }
}

let world: World;
beforeEach(async () => {
  world = await new World().start();
});
afterEach(() => world.db.close());

describe('syncing a clipping through the handlers', () => {
  it('a clip puts an entry in the outbox; sync.now pushes the issue’s draft with it', async () => {
    const issueId = await world.clipLink('https://example.com/outage', 'The big outage');
    expect(await world.entry(issueId)).toMatchObject({ state: 'pending', changedAt: WEDNESDAY });
    const report = await world.call('sync.now', {});
    expect(report).toEqual({ synced: [issueId], retrying: [], failed: [], conflicts: [] });
    const region = world.adapter.pushes[0]!.region;
    expect(findRegion(region)?.issueId).toBe(issueId);
    expect(region).toContain('The big outage');
    expect(await world.entry(issueId)).toBeUndefined();
    // The state names the version of each clipping the draft holds (the issue desk marks cards with it).
    const clipping = (await world.call('clip.listRecent', { limit: 10 })).clippings[0]!;
    const status = await world.call('sync.status', { issueId });
    expect(status.state?.rendered).toEqual({ [clipping.id]: clipping.updatedAt });
  });

  it('a delete reaches the draft at the next sync', async () => {
    const issueId = await world.clipLink('https://example.com/outage', 'The big outage');
    await world.call('sync.now', {});
    const id = (await world.call('clip.listRecent', { limit: 10 })).clippings[0]!.id;
    world.clock += MINUTE;
    await world.call('clip.delete', { id });
    expect(await world.entry(issueId)).toMatchObject({ changedAt: WEDNESDAY + MINUTE });
    await world.call('sync.now', {});
    expect(world.adapter.pushes).toHaveLength(2);
    expect(world.adapter.pushes[1]!.region).not.toContain('The big outage');
    expect(world.adapter.pushes[1]!.previous?.remoteId).toBe('post-1');
  });
});

describe('sync.status', () => {
  it('without a target: not configured, with the entries waiting', async () => {
    world.target = undefined;
    const issueId = await world.clipLink('https://example.com/a', 'A');
    const status = await world.call('sync.status', {});
    expect(status).toEqual({
      configured: false,
      entries: [{ issueId, changedAt: WEDNESDAY, attempts: 0, nextAttemptAt: WEDNESDAY, state: 'pending' }],
    });
  });

  it('with a target: the site, the issue’s entries and its sync state', async () => {
    const issueId = await world.clipLink('https://example.com/a', 'A');
    await world.call('sync.now', {});
    await world.db.put('outbox', {
      issueId: 'issue-other-0001',
      changedAt: WEDNESDAY,
      attempts: 0,
      nextAttemptAt: WEDNESDAY,
      state: 'pending',
    });
    const status = await world.call('sync.status', { issueId });
    expect(status).toMatchObject({
      configured: true,
      target: SITE,
      entries: [],
      state: { issueId, remoteId: 'post-1', target: world.adapter.target },
    });
    expect((await world.call('sync.status', {})).entries.map((e) => e.issueId)).toEqual(['issue-other-0001']);
  });

  it('hides a sync state that belongs to another target', async () => {
    const issueId = await world.clipLink('https://example.com/a', 'A');
    await world.syncStates.put({
      issueId,
      target: 'wordpress:https://old.example.org',
      remoteId: '9',
      lastSyncedAt: WEDNESDAY,
      regionHash: 'x',
      remoteModified: 'y',
    });
    expect(await world.call('sync.status', { issueId })).not.toHaveProperty('state');
  });

  it('shows a failure’s code and facts, and the target’s kind to name it by', async () => {
    const issueId = await world.clipLink('https://example.com/a', 'A');
    world.adapter.failWith = new SyncError('auth', { status: 401 });
    await world.call('sync.now', {});
    const status = await world.call('sync.status', { issueId });
    expect(status).toMatchObject({ target: SITE, targetKind: 'wordpress' });
    expect(status.entries[0]).toEqual({
      issueId,
      changedAt: expect.any(Number),
      attempts: 0,
      nextAttemptAt: expect.any(Number),
      state: 'failed',
      lastError: { code: 'auth', status: 401, at: WEDNESDAY },
    });
  });
});

describe('sync.now', () => {
  it('pushes an issue in backoff now, whatever its wait', async () => {
    const issueId = await world.clipLink('https://example.com/a', 'A');
    await world.db.put('outbox', {
      issueId,
      changedAt: WEDNESDAY,
      attempts: 4,
      nextAttemptAt: WEDNESDAY + 60 * MINUTE,
      state: 'pending',
      lastError: { code: 'server', status: 503, at: WEDNESDAY },
    });
    expect((await world.call('sync.now', {})).synced).toEqual([issueId]);
    expect(await world.entry(issueId)).toBeUndefined();
  });

  it('without an issue, leaves failed issues alone; with the issue, tries it again', async () => {
    const issueId = await world.clipLink('https://example.com/a', 'A');
    await world.db.put('outbox', {
      issueId,
      changedAt: WEDNESDAY,
      attempts: 0,
      nextAttemptAt: WEDNESDAY,
      state: 'failed',
      lastError: { code: 'rejected', status: 400, at: WEDNESDAY },
    });
    expect(await world.call('sync.now', {})).toEqual({ synced: [], retrying: [], failed: [], conflicts: [] });
    expect(world.adapter.pushes).toEqual([]);
    expect((await world.call('sync.now', { issueId })).synced).toEqual([issueId]);
  });

  it('a temporary failure re-arms with a backoff after the press', async () => {
    const issueId = await world.clipLink('https://example.com/a', 'A');
    world.adapter.failWith = new SyncError('offline');
    expect((await world.call('sync.now', {})).retrying).toEqual([issueId]);
    expect(await world.entry(issueId)).toMatchObject({ attempts: 1, nextAttemptAt: WEDNESDAY + 15_000 });
    world.adapter.failWith = undefined;
    expect((await world.call('sync.now', {})).synced).toEqual([issueId]);
  });

  it('refuses without a target, and without host access, touching nothing', async () => {
    const issueId = await world.clipLink('https://example.com/a', 'A');
    const before = await world.entry(issueId);
    world.target = undefined;
    await expect(world.call('sync.now', {})).rejects.toMatchObject({ code: 'no-target', message: expect.stringMatching(/set up yet/) });
    world.target = CONFIG;
    world.hostAccess = false;
    await expect(world.call('sync.now', {})).rejects.toMatchObject({
      code: 'no-access',
      message: expect.stringContaining(new URL(SITE).host),
    });
    expect(world.adapter.pushes).toEqual([]);
    expect(await world.entry(issueId)).toEqual(before);
  });
});

describe('sync.resolve', () => {
  let issueId: string;
  beforeEach(async () => {
    issueId = await world.clipLink('https://example.com/a', 'A');
    await world.call('sync.now', {});
    world.clock += MINUTE;
    await world.clipLink('https://example.com/b', 'B');
    world.adapter.failWith = new SyncError('conflict');
    expect((await world.call('sync.now', {})).conflicts).toEqual([issueId]);
    world.adapter.failWith = undefined;
    world.clock += MINUTE;
  });

  it('a conflict stays put until the editor chooses', async () => {
    await world.call('sync.now', {});
    expect(world.adapter.pushes).toHaveLength(2);
    expect(await world.entry(issueId)).toMatchObject({ state: 'conflict' });
  });

  it('overwrite pushes with overwrite and clears the conflict', async () => {
    const report = await world.call('sync.resolve', { issueId, choice: 'overwrite' });
    expect(report).toEqual({ synced: [issueId], retrying: [], failed: [], conflicts: [] });
    expect(world.adapter.pushes.at(-1)).toMatchObject({ issueId, options: { overwrite: true }, previous: { remoteId: 'post-1' } });
    expect(await world.entry(issueId)).toBeUndefined();
  });

  it('keep-remote pushes with keepRemote', async () => {
    expect((await world.call('sync.resolve', { issueId, choice: 'keep-remote' })).synced).toEqual([issueId]);
    expect(world.adapter.pushes.at(-1)?.options).toEqual({ keepRemote: true, beforeWrite: expect.any(Function) });
    expect(await world.entry(issueId)).toBeUndefined();
  });

  it('recreate forgets the old draft, so a new one is made', async () => {
    expect((await world.call('sync.resolve', { issueId, choice: 'recreate' })).synced).toEqual([issueId]);
    expect(world.adapter.pushes.at(-1)).toMatchObject({ options: {}, previous: undefined });
    expect(await world.syncStates.get(issueId)).toMatchObject({ remoteId: 'post-2' });
  });

  it('retry pushes again with no options', async () => {
    expect((await world.call('sync.resolve', { issueId, choice: 'retry' })).synced).toEqual([issueId]);
    expect(world.adapter.pushes.at(-1)?.options).toEqual({ beforeWrite: expect.any(Function) });
  });

  it('a choice that fails again is reported, and the entry keeps the new reason', async () => {
    world.adapter.failWith = new SyncError('draft-deleted', { status: 404 });
    expect((await world.call('sync.resolve', { issueId, choice: 'overwrite' })).failed).toEqual([issueId]);
    expect(await world.entry(issueId)).toMatchObject({ state: 'failed', lastError: { code: 'draft-deleted', status: 404 } });
  });

  it('refuses without host access', async () => {
    world.hostAccess = false;
    await expect(world.call('sync.resolve', { issueId, choice: 'overwrite' })).rejects.toMatchObject({ code: 'no-access' });
    expect(await world.entry(issueId)).toMatchObject({ state: 'conflict' });
  });
});

describe('sync.compare', () => {
  it('shows the region as the extension would write it and as it is on the server', async () => {
    const issueId = await world.clipLink('https://example.com/a', 'A');
    await world.call('sync.now', {});
    world.adapter.drafts.set('post-1', '<!-- the server’s version -->');
    await world.clipLink('https://example.com/b', 'Bee article');
    const { local, remote } = await world.call('sync.compare', { issueId });
    expect(remote).toBe('<!-- the server’s version -->');
    expect(findRegion(local)?.issueId).toBe(issueId);
    expect(local).toContain('Bee article');
    expect(world.adapter.remoteAsked).toEqual([{ issueId, previous: await world.syncStates.get(issueId) }]);
  });

  it('shows an empty remote region for an issue never synced', async () => {
    const issueId = await world.clipLink('https://example.com/a', 'A');
    expect((await world.call('sync.compare', { issueId })).remote).toBe('');
  });
});

describe('target settings', () => {
  const form = (overrides: Partial<RequestOf<'target.save'>> = {}): RequestOf<'target.save'> => ({
    kind: 'wordpress',
    address: SITE,
    user: 'ada',
    secret: '',
    ...overrides,
  });

  it('target.get never returns the password', async () => {
    const reply = await world.call('target.get', {});
    expect(reply).toEqual({ kind: 'wordpress', address: SITE, user: 'ada', hasSecret: true });
    // The handler itself leaves it out (the protocol's schema stripping it is only a second line).
    expect(JSON.stringify(await world.raw('target.get', {}))).not.toContain(PASSWORD);
    expect(JSON.stringify(await world.raw('sync.status', {}))).not.toContain(PASSWORD);
    world.target = undefined;
    expect(await world.call('target.get', {})).toBeNull();
  });

  it('target.get never returns a generic target’s token either', async () => {
    world.target = { kind: 'generic', baseUrl: 'https://drafts.example.org', token: 'tok-secret-123' };
    expect(await world.call('target.get', {})).toEqual({
      kind: 'generic',
      address: 'https://drafts.example.org',
      user: '',
      hasSecret: true,
    });
    expect(JSON.stringify(await world.raw('target.get', {}))).not.toContain('tok-secret-123');
  });

  it('target.save stores the settings with the password', async () => {
    world.target = undefined;
    expect(await world.call('target.save', form({ address: 'https://other.example.org', user: 'bob', secret: ' pass word ' }))).toEqual({
      saved: true,
    });
    expect(world.target).toEqual({ kind: 'wordpress', siteUrl: 'https://other.example.org', user: 'bob', appPassword: 'pass word' });
  });

  it('target.save with an empty password keeps the stored one for the same site', async () => {
    await world.call('target.save', form({ user: 'ada.lovelace', secret: '  ' }));
    expect(world.target).toEqual({ ...CONFIG, user: 'ada.lovelace' });
  });

  it('target.save with an empty password for another site is refused, and changes nothing', async () => {
    await expect(world.call('target.save', form({ address: 'https://elsewhere.example.org' }))).rejects.toMatchObject({
      code: 'bad-request',
      message: expect.stringMatching(/Application Password/),
    });
    expect(world.target).toEqual(CONFIG);
  });

  it('target.save never hands the WordPress password to another kind of target at the same address', async () => {
    await expect(world.call('target.save', form({ kind: 'generic', user: '' }))).rejects.toMatchObject({ code: 'bad-request' });
    expect(world.target).toEqual(CONFIG);
  });

  it('target.save re-arms failed issues (a wrong password is worth another try) and starts a drain', async () => {
    const issueId = await world.clipLink('https://example.com/a', 'A');
    await world.db.put('outbox', {
      issueId,
      changedAt: WEDNESDAY,
      attempts: 0,
      nextAttemptAt: WEDNESDAY,
      state: 'failed',
      lastError: { code: 'auth', status: 401, at: WEDNESDAY },
    });
    await world.db.put('outbox', {
      issueId: 'issue-conflict-01',
      changedAt: WEDNESDAY,
      attempts: 0,
      nextAttemptAt: WEDNESDAY,
      state: 'conflict',
    });
    world.clock += MINUTE;
    world.hostAccess = false; // the drain finds nothing to do: the re-armed entry is visible as such
    await world.call('target.save', form({ secret: 'a new password' }));
    expect(await world.entry(issueId)).toMatchObject({ state: 'pending', attempts: 0, nextAttemptAt: WEDNESDAY + MINUTE });
    expect(await world.entry('issue-conflict-01')).toMatchObject({ state: 'conflict' });
    expect(world.drains).toHaveLength(1);
    await Promise.all(world.drains);
  });

  it('target.save’s drain pushes the re-armed issue', async () => {
    const issueId = await world.clipLink('https://example.com/a', 'A');
    await world.db.put('outbox', { issueId, changedAt: WEDNESDAY, attempts: 0, nextAttemptAt: WEDNESDAY, state: 'failed' });
    await world.call('target.save', form({ secret: 'a new password' }));
    expect(await Promise.all(world.drains)).toEqual([{ synced: [issueId], retrying: [], failed: [], conflicts: [] }]);
  });

  it('target.clear forgets the target and gives its host access back', async () => {
    expect(await world.call('target.clear', {})).toEqual({});
    expect(await world.call('target.get', {})).toBeNull();
    expect(world.accessDropped).toEqual([SITE]);
    expect(world.hostAccess).toBe(false);
  });

  it('target.clear still forgets the target when the browser keeps the access (granted by the manifest)', async () => {
    world.accessRemovable = false;
    expect(await world.call('target.clear', {})).toEqual({});
    expect(await world.call('target.get', {})).toBeNull();
    expect(world.accessDropped).toEqual([SITE]);
    // Cleared again, with no target left: no permission is touched.
    expect(await world.call('target.clear', {})).toEqual({});
    expect(world.accessDropped).toEqual([SITE]);
  });
});

describe('target.test', () => {
  const form = (overrides: Partial<RequestOf<'target.test'>> = {}): RequestOf<'target.test'> => ({
    kind: 'wordpress',
    address: SITE,
    user: 'ada',
    secret: '',
    ...overrides,
  });

  it('without host access says so in words, and does not try the site', async () => {
    world.hostAccess = false;
    const { steps } = await world.call('target.test', form({ address: 'https://news.example.org/blog', secret: 'x' }));
    expect(steps).toEqual([
      { name: 'reachable', ok: false, message: 'The extension has no access to https://news.example.org: allow it when the browser asks.' },
    ]);
    expect(world.checked).toEqual([]);
  });

  it('checks with the stored password when the field is empty, for the same site only', async () => {
    expect((await world.call('target.test', form())).steps).toEqual([
      { name: 'reachable', ok: true, message: 'The site answered (HTTP 200).' },
    ]);
    expect(world.checked).toEqual([CONFIG]);
    const { steps } = await world.call('target.test', form({ address: 'https://elsewhere.example.org' }));
    expect(steps).toEqual([{ name: 'credentials', ok: false, message: expect.stringMatching(/Paste the password/) }]);
    expect(world.checked).toHaveLength(1);
    await world.call('target.test', form({ user: 'bob', secret: 'typed one' }));
    expect(world.checked.at(-1)).toEqual({ kind: 'wordpress', siteUrl: SITE, user: 'bob', appPassword: 'typed one' });
  });
});
