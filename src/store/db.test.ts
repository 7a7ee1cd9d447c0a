import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabaseName, makeClipping } from '../../test/fixtures';
import { type ClipperDB, DB_VERSION, lazyOpener, openClipperDB } from './db';

const freshName = () => freshDatabaseName('db-test');
const opened: { close(): void }[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});
async function open(name: string): Promise<ClipperDB> {
  const db = await openClipperDB(name);
  opened.push(db);
  return db;
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} did not finish in ${ms} ms`)), ms)),
  ]);
}

/** The layout each version must have, checked after the upgrade ladder ran. */
function describeLayout(db: ClipperDB) {
  type Name = 'clippings' | 'drafts' | 'meta' | 'issues' | 'outbox' | 'syncState' | 'sources' | 'imported';
  // Stores of later steps are checked by those steps' own tests (step 7: backups).
  const names = (Array.from(db.objectStoreNames) as string[]).filter((name) => !LATER_STORES.has(name)) as Name[];
  const tx = db.transaction(names);
  const store = (name: Name) => {
    const s = tx.objectStore(name);
    return {
      keyPath: s.keyPath,
      autoIncrement: s.autoIncrement,
      indexes: Object.fromEntries(
        Array.from(s.indexNames).map((index) => {
          const i = s.index(index) as unknown as IDBIndex;
          return [index, { keyPath: i.keyPath, unique: i.unique, multiEntry: i.multiEntry }];
        }),
      ),
    };
  };
  return {
    version: db.version,
    stores: [...names].sort(),
    clippings: store('clippings'),
    drafts: store('drafts'),
    meta: store('meta'),
    ...(names.includes('issues') ? { issues: store('issues') } : {}),
    ...(names.includes('outbox') ? { outbox: store('outbox'), syncState: store('syncState') } : {}),
    ...(names.includes('sources') ? { sources: store('sources'), imported: store('imported') } : {}),
  };
}

const V1_LAYOUT = {
  version: 1,
  stores: ['clippings', 'drafts', 'meta'],
  clippings: {
    keyPath: 'id',
    autoIncrement: false,
    indexes: {
      byUrlKey: { keyPath: 'urlKey', unique: false, multiEntry: false },
      byCreatedAt: { keyPath: 'createdAt', unique: false, multiEntry: false },
    },
  },
  drafts: { keyPath: 'key', autoIncrement: false, indexes: { byUpdatedAt: { keyPath: 'updatedAt', unique: false, multiEntry: false } } },
  meta: { keyPath: null, autoIncrement: false, indexes: {} },
};

const V2_LAYOUT = {
  ...V1_LAYOUT,
  version: 2,
  stores: ['clippings', 'drafts', 'issues', 'meta'],
  clippings: {
    ...V1_LAYOUT.clippings,
    indexes: { ...V1_LAYOUT.clippings.indexes, byIssue: { keyPath: 'issueId', unique: false, multiEntry: false } },
  },
  issues: {
    keyPath: 'id',
    autoIncrement: false,
    indexes: {
      byNumber: { keyPath: 'number', unique: true, multiEntry: false },
      byStatus: { keyPath: 'status', unique: false, multiEntry: false },
    },
  },
};

const V3_LAYOUT = {
  ...V2_LAYOUT,
  version: 3,
  stores: ['clippings', 'drafts', 'issues', 'meta', 'outbox', 'syncState'],
  outbox: {
    keyPath: 'issueId',
    autoIncrement: false,
    indexes: { byNextAttempt: { keyPath: 'nextAttemptAt', unique: false, multiEntry: false } },
  },
  syncState: { keyPath: 'issueId', autoIncrement: false, indexes: {} },
};

const V4_LAYOUT = {
  ...V3_LAYOUT,
  version: 4,
  clippings: {
    ...V3_LAYOUT.clippings,
    indexes: {
      ...V3_LAYOUT.clippings.indexes,
      byIssueUrl: { keyPath: ['issueId', 'liveUrlKey'], unique: true, multiEntry: false },
      byDeletedAt: { keyPath: 'deletedAt', unique: false, multiEntry: false },
    },
  },
};

const V5_LAYOUT = { ...V4_LAYOUT, version: 5 };

const V6_LAYOUT = {
  ...V5_LAYOUT,
  version: 6,
  stores: ['clippings', 'drafts', 'imported', 'issues', 'meta', 'outbox', 'sources', 'syncState'],
  sources: { keyPath: 'id', autoIncrement: false, indexes: {} },
  imported: { keyPath: 'key', autoIncrement: false, indexes: { bySource: { keyPath: 'sourceId', unique: false, multiEntry: false } } },
};

/** A layout as of version 5: without the feed stores of version 6. */
function asOfVersion5(layout: ReturnType<typeof describeLayout>) {
  const { sources: _sources, imported: _imported, ...rest } = layout;
  return { ...rest, version: 5, stores: rest.stores.filter((s) => s !== 'sources' && s !== 'imported') };
}

/** Stores added after version 5, left out of the layouts above. */
const LATER_STORES = new Set(['backups']);

/** A layout as of version 3: what the later steps added to the clippings store left out. */
function asOfVersion3(layout: ReturnType<typeof describeLayout>) {
  const { byIssueUrl: _unique, byDeletedAt: _tombstones, ...indexes } = layout.clippings.indexes;
  return { ...asOfVersion5(layout), version: 3, clippings: { ...layout.clippings, indexes } };
}

/** The version-3 layout as shipped (the ladder's first three steps, without their data moves), written without the current code. */
function createV3(name: string, version = 3) {
  return openDB(name, version, {
    upgrade(db, _old, _new, tx) {
      const clippings = db.createObjectStore('clippings', { keyPath: 'id' });
      clippings.createIndex('byUrlKey', 'urlKey');
      clippings.createIndex('byCreatedAt', 'createdAt');
      clippings.createIndex('byIssue', 'issueId');
      db.createObjectStore('drafts', { keyPath: 'key' }).createIndex('byUpdatedAt', 'updatedAt');
      db.createObjectStore('meta');
      const issues = db.createObjectStore('issues', { keyPath: 'id' });
      issues.createIndex('byNumber', 'number', { unique: true });
      issues.createIndex('byStatus', 'status');
      db.createObjectStore('outbox', { keyPath: 'issueId' }).createIndex('byNextAttempt', 'nextAttemptAt');
      db.createObjectStore('syncState', { keyPath: 'issueId' });
      if (version < 4) return;
      tx.objectStore('clippings').createIndex('byIssueUrl', ['issueId', 'liveUrlKey'], { unique: true });
      tx.objectStore('clippings').createIndex('byDeletedAt', 'deletedAt');
    },
  });
}

/** The version-4 layout as shipped (createV3 plus the unique index), written without the current code. */
const createV4 = (name: string) => createV3(name, 4);

const UPGRADED_AT = Date.parse('2026-06-12T09:00:00Z');

/** The version-1 layout as shipped, written without the current code. */
function createV1(name: string) {
  return openDB(name, 1, {
    upgrade(db) {
      const clippings = db.createObjectStore('clippings', { keyPath: 'id' });
      clippings.createIndex('byUrlKey', 'urlKey');
      clippings.createIndex('byCreatedAt', 'createdAt');
      db.createObjectStore('drafts', { keyPath: 'key' }).createIndex('byUpdatedAt', 'updatedAt');
      db.createObjectStore('meta');
    },
  });
}

/**
 * One test per step of the upgrade ladder, keyed by the version the step reaches (STYLE rule 7).
 * The convention test below fails when DB_VERSION grows without a step test here.
 */
const upgradeSteps: Record<number, () => Promise<void>> = {
  1: async () => {
    const v1 = await createV1(freshName());
    opened.push(v1);
    expect(describeLayout(v1 as unknown as ClipperDB)).toEqual(V1_LAYOUT);
    const db = await open(freshName());
    expect(describeLayout(db).clippings.indexes).toMatchObject(V1_LAYOUT.clippings.indexes);
  },
  2: async () => {
    const name = freshName();
    const v1 = await createV1(name);
    await v1.put('clippings', { id: 'clipping-0001', urlKey: 'https://example.com/a', createdAt: 10, updatedAt: 10, title: 'A' });
    v1.close();
    const db = await open(name);
    expect({
      ...asOfVersion3(describeLayout(db)),
      version: 2,
      stores: asOfVersion5(describeLayout(db)).stores.filter((s) => s !== 'outbox' && s !== 'syncState'),
      outbox: undefined,
      syncState: undefined,
    }).toEqual({
      ...V2_LAYOUT,
      outbox: undefined,
      syncState: undefined,
    });
    // Rows from before issues get no issue yet and keep their clipping order.
    expect(await db.get('clippings', 'clipping-0001')).toMatchObject({ issueId: null, position: 10 });
    expect(await db.getAllFromIndex('clippings', 'byIssue', 'anything')).toEqual([]);
  },
  3: async () => {
    const name = freshName();
    const v1 = await createV1(name);
    await v1.put('clippings', { id: 'clipping-0001', urlKey: 'https://example.com/a', createdAt: 10, updatedAt: 10, title: 'A' });
    v1.close();
    const db = await open(name);
    expect(asOfVersion3(describeLayout(db))).toEqual(V3_LAYOUT);
    expect(await db.getAll('outbox')).toEqual([]);
    expect(await db.get('clippings', 'clipping-0001')).toMatchObject({ issueId: null });
  },
  4: async () => {
    // A database made by version 3, holding what the race between the popup and the menu left behind.
    const name = freshName();
    const v3 = await createV3(name);
    const key = 'https://example.com/story';
    const A = 'issue-0001';
    const rows = [
      makeClipping(1, { urlKey: key, issueId: A, summary: 'First take', quote: '', section: 'articles' }),
      makeClipping(2, {
        urlKey: key,
        issueId: A,
        summary: 'Second take',
        quote: 'A quote',
        quoteLink: 'https://example.com/story#q',
        section: null,
      }),
      makeClipping(3, { urlKey: key, issueId: A, summary: '', title: '' }),
      makeClipping(4, { urlKey: key, issueId: A, summary: 'deleted', deletedAt: 50 }),
      makeClipping(5, { urlKey: key, issueId: 'issue-0002', summary: 'Other issue' }),
      makeClipping(6, { urlKey: 'https://example.com/old', summary: 'Second take' }),
      makeClipping(7, { urlKey: 'https://example.com/old', summary: 'Second take, longer' }),
      makeClipping(8),
    ];
    for (const row of rows) await v3.put('clippings', row);
    v3.close();

    const db = await openClipperDB(name, () => UPGRADED_AT);
    opened.push(db);
    expect({ ...asOfVersion5(describeLayout(db)), version: 4 }).toEqual(V4_LAYOUT);
    // The oldest of the issue's three copies stays, with the text of all three (summaries joined in
    // creation order; the quote only the second had, with its link; the first one's section).
    const kept = await db.get('clippings', 'clipping-0001');
    expect(kept).toMatchObject({
      createdAt: rows[0]!.createdAt,
      summary: 'First take\n\nSecond take',
      quote: 'A quote',
      quoteLink: 'https://example.com/story#q',
      section: 'articles',
      title: 'Post 1',
      updatedAt: UPGRADED_AT,
    });
    expect(kept?.deletedAt).toBeUndefined();
    for (const id of ['clipping-0002', 'clipping-0003'])
      expect(await db.get('clippings', id)).toMatchObject({ deletedAt: UPGRADED_AT, updatedAt: UPGRADED_AT });
    // A tombstone is no duplicate; the other issue keeps its own copy; rows in no issue merge too (the longer summary contains the shorter).
    expect(await db.get('clippings', 'clipping-0004')).toMatchObject({ deletedAt: 50, summary: 'deleted' });
    expect(await db.get('clippings', 'clipping-0005')).toMatchObject({ summary: 'Other issue' });
    expect((await db.get('clippings', 'clipping-0005'))?.deletedAt).toBeUndefined();
    expect(await db.get('clippings', 'clipping-0006')).toMatchObject({ summary: 'Second take, longer' });
    expect(await db.get('clippings', 'clipping-0007')).toMatchObject({ deletedAt: UPGRADED_AT });
    expect(await db.get('clippings', 'clipping-0008')).toEqual({ ...rows[7], liveUrlKey: rows[7]!.urlKey });
    // The changed issue's draft must follow: its outbox entry was written in the upgrade.
    expect((await db.getAll('outbox')).map((e) => e.issueId)).toEqual([A]);
    // The index: live rows only, and a second live copy in the same issue is refused.
    expect((await db.getFromIndex('clippings', 'byIssueUrl', [A, key]))?.id).toBe('clipping-0001');
    expect((await db.getAllFromIndex('clippings', 'byDeletedAt')).map((c) => c.id)).toEqual([
      'clipping-0004',
      'clipping-0002',
      'clipping-0003',
      'clipping-0007',
    ]);
    await expect(db.put('clippings', { ...makeClipping(9, { urlKey: key, issueId: A }), liveUrlKey: key })).rejects.toMatchObject({
      name: 'ConstraintError',
    });
  },
  5: async () => {
    // A version-4 database: clippings and a draft with the author line as one string.
    const name = freshName();
    const v4 = await createV4(name);
    const { authors: _list, sources: _sources, ...current } = makeClipping(1);
    const old = { ...current, byline: 'Priya Raman and Tomás Ortega', sources: { byline: 'json-ld', title: 'meta' } };
    await v4.put('clippings', { ...old, liveUrlKey: old.urlKey });
    const { authors: _second, ...second } = makeClipping(2);
    await v4.put('clippings', { ...second, authors: [], liveUrlKey: second.urlKey });
    const { authors: _none, ...form } = makeClipping(3);
    await v4.put('drafts', {
      key: 'k',
      form: { ...form, byline: 'Ann Lee, Bo Kim' },
      context: { origin: 'page', sources: { byline: 'meta' }, notes: [] },
      updatedAt: 1,
    });
    v4.close();

    const db = await open(name);
    expect(asOfVersion5(describeLayout(db))).toEqual(V5_LAYOUT);
    const first = await db.get('clippings', 'clipping-0001');
    expect(first).toMatchObject({ authors: ['Priya Raman', 'Tomás Ortega'], sources: { authors: 'json-ld', title: 'meta' } });
    expect(first).not.toHaveProperty('byline');
    expect(await db.get('clippings', 'clipping-0002')).toMatchObject({ authors: [] });
    const draft = await db.get('drafts', 'k');
    expect(draft?.form.authors).toEqual(['Ann Lee', 'Bo Kim']);
    expect(draft?.context.sources).toEqual({ authors: 'meta' });
  },
  6: async () => {
    // A version-5 database with a clipping: the feed stores arrive empty, the clipping stays as it was.
    const name = freshName();
    const v5 = await createV3(name, 5);
    const row = { ...makeClipping(1), liveUrlKey: makeClipping(1).urlKey };
    await v5.put('clippings', row);
    v5.close();
    const db = await open(name);
    expect({ ...describeLayout(db), version: 6 }).toEqual(V6_LAYOUT);
    expect(await db.get('clippings', 'clipping-0001')).toEqual(row);
    expect(await db.getAll('sources')).toEqual([]);
    await db.put('imported', { key: 'https://example.com/a', sourceId: 's1', guid: 'g', clippingId: null, filed: false, at: 1 });
    expect((await db.getAllFromIndex('imported', 'bySource', 's1')).map((r) => r.key)).toEqual(['https://example.com/a']);
  },
  7: async () => {
    // A version-4 database (the ladder runs every later step) with a clipping: the backups store arrives, empty, and nothing else changes.
    const name = freshName();
    const v4 = await createV4(name);
    const clipping = makeClipping(1);
    await v4.put('clippings', { ...clipping, liveUrlKey: clipping.urlKey });
    v4.close();

    const db = await open(name);
    expect(db.version).toBe(7);
    expect({ ...describeLayout(db), version: 6 }).toEqual(V6_LAYOUT);
    const backups = db.transaction('backups').store;
    expect({ keyPath: backups.keyPath, indexes: Array.from(backups.indexNames) }).toEqual({ keyPath: 'id', indexes: ['byCreatedAt'] });
    expect(backups.index('byCreatedAt').keyPath).toBe('createdAt');
    expect(await db.getAll('backups')).toEqual([]);
    expect(await db.get('clippings', 'clipping-0001')).toMatchObject({ id: 'clipping-0001', title: clipping.title });
  },
};

describe('openClipperDB upgrade ladder', () => {
  for (const [version, step] of Object.entries(upgradeSteps)) {
    it(`step to version ${version}: from nothing, creates the version-${version} layout`, step);
  }

  it('convention: every database version has an upgrade-step test', () => {
    const versions = Array.from({ length: DB_VERSION }, (_, i) => i + 1);
    expect(Object.keys(upgradeSteps).map(Number)).toEqual(versions);
  });
});

describe('openClipperDB on an existing database', () => {
  it('reopens a version-1 database with its data intact (migrated)', async () => {
    const name = freshName();
    // The version-1 layout as shipped, written without the current code, with rows in every store.
    const v1 = await createV1(name);
    const clipping = { id: 'clipping-0001', urlKey: 'https://example.com/a', createdAt: 10, updatedAt: 10, title: 'A' };
    const draft = { key: 'https://example.com/b', updatedAt: 20, form: { summary: 'half typed' } };
    await v1.put('clippings', clipping);
    await v1.put('drafts', draft);
    await v1.put('meta', { newsletterName: 'Weekly' }, 'settings');
    v1.close();

    const db = await open(name);
    expect(db.version).toBe(DB_VERSION);
    const migrated = { ...clipping, issueId: null, position: 10 };
    expect(await db.get('clippings', 'clipping-0001')).toEqual(migrated);
    expect(await db.getAllFromIndex('clippings', 'byUrlKey', 'https://example.com/a')).toEqual([migrated]);
    expect(await db.getAllFromIndex('clippings', 'byCreatedAt', 10)).toEqual([migrated]);
    expect(await db.get('drafts', 'https://example.com/b')).toEqual(draft);
    expect(await db.get('meta', 'settings')).toEqual({ newsletterName: 'Weekly' });
  });

  it('keeps what was written across close and reopen', async () => {
    const name = freshName();
    const first = await openClipperDB(name);
    await first.put('meta', 'kept', 'probe');
    first.close();
    const second = await open(name);
    expect(await second.get('meta', 'probe')).toBe('kept');
    expect({ ...describeLayout(second), version: 6 }).toEqual(V6_LAYOUT);
  });

  it('gives way to a newer version instead of blocking its upgrade', async () => {
    const name = freshName();
    const old = await open(name);
    const newer = await within(openDB(name, DB_VERSION + 1), 2000, 'the newer open');
    opened.push(newer);
    expect(newer.version).toBe(DB_VERSION + 1);
    await expect(old.get('meta', 'x')).rejects.toThrow();
  });
});

describe('lazyOpener', () => {
  it('opens once and hands out the same connection', async () => {
    let opens = 0;
    const name = freshName();
    const getDb = lazyOpener(() => {
      opens += 1;
      return open(name);
    });
    const [a, b] = await Promise.all([getDb(), getDb()]);
    const c = await getDb();
    expect(opens).toBe(1);
    expect(a).toBe(b);
    expect(c).toBe(a);
  });

  it('tries again after a failed open', async () => {
    let attempts = 0;
    const name = freshName();
    const getDb = lazyOpener(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('quota exceeded');
      return open(name);
    });
    await expect(getDb()).rejects.toThrow('quota exceeded');
    const db = await getDb();
    expect(db.version).toBe(DB_VERSION);
    expect(attempts).toBe(2);
  });
});
