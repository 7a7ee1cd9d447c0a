import { describe, expect, it } from 'vitest';
import type { CaptureContext, ClippingForm } from '../clip/clipping';
import { makeContext, makeForm, makeRepos } from '../../test/fixtures';
import { makeFeedDeps } from '../../test/feed-deps';
import type { OpenDB } from '../store/db';
import { offlineSyncDeps } from '../worker/offline-sync-deps';
import { createHandlers } from '../worker/handlers';
import type { HandlerDeps } from '../worker/handler-deps';
import { Envelope, type MessageName, PreparedClip, Reply, type RequestOf, protocol } from './protocol';

const form: ClippingForm = makeForm({ url: 'https://example.com/a', title: 'A', summary: 'Worth reading.' });
const context: CaptureContext = makeContext({ sources: { url: 'canonical-link' } });

/** One well-formed request per message (typed over every key, so a new message needs an example here). */
const validRequests: { [K in MessageName]: RequestOf<K> } = {
  'clip.prepare': { tabId: 3 },
  'clip.weekCount': {},
  'draft.save': { key: 'https://example.com/a', form, context, clippingId: 'clipping-0001' },
  'draft.discard': { key: 'https://example.com/a' },
  'clip.save': { key: 'https://example.com/a', form, context },
  'clip.link': { url: 'https://example.com/a', text: 'A', tabId: 1 },
  'clip.get': { id: 'clipping-0001' },
  'clip.listRecent': { limit: 10 },
  'clip.delete': { id: 'clipping-0001' },
  'issue.view': { issueId: 'issue-0001' },
  'issue.update': { issueId: 'issue-0001', title: 'SRE Weekly Issue #2', sponsor: 'Thanks to **Acme**.' },
  'issue.publish': { issueId: 'issue-0001', moveUnfinished: true },
  'issue.reopen': { issueId: 'issue-0001' },
  'issue.document': { issueId: 'issue-0001' },
  'clip.update': { id: 'clipping-0001', changes: { summary: 'Better words.', section: 'outages' } },
  'clip.fillIn': { id: 'clipping-0001' },
  'clip.move': { id: 'clipping-0001', section: null, index: 0 },
  'clip.moveToNextIssue': { id: 'clipping-0001' },
  'clip.restore': { id: 'clipping-0001' },
  'issue.exportFile': { issueId: 'issue-0001' },
  'issue.import': { text: '{"format":"newsletter-clipper.issue"}' },
  'backup.create': {},
  'backup.restore': { text: '{"format":"newsletter-clipper.backup"}' },
  'backups.list': {},
  'backups.file': { id: 'backup-0001' },
  'backups.restore': { id: 'backup-0001' },
  'backups.setSaveFiles': { on: true },
  'sync.status': { issueId: 'issue-0001' },
  'sync.now': {},
  'sync.resolve': { issueId: 'issue-0001', choice: 'overwrite' },
  'sync.compare': { issueId: 'issue-0001' },
  'target.get': {},
  'target.save': { kind: 'wordpress', address: 'https://news.example.org', user: 'editor', secret: 'abcd efgh ijkl mnop' },
  'target.clear': {},
  'target.test': { kind: 'generic', address: 'https://drafts.example.org/api/v1', user: '', secret: '' },
  'sources.list': {},
  'sources.save': {
    kind: 'ttrss',
    address: 'https://reader.example.org/tt-rss/',
    name: 'My reader',
    section: null,
    unstarAfterFiling: true,
    enabled: true,
    user: 'editor',
    password: 'secret',
  },
  'sources.remove': { id: 'source-1' },
  'sources.test': {
    kind: 'feed',
    address: 'https://news.example.org/feed.xml',
    name: '',
    section: 'articles',
    unstarAfterFiling: false,
    enabled: true,
  },
  'sources.checkNow': { id: 'source-1' },
  'sources.setInterval': { minutes: 15 },
  'check.run': { issueId: 'issue-0001' },
  'settings.get': {},
  'settings.save': {
    settings: {
      version: 1,
      newsletterName: 'N',
      titleTemplate: '{newsletter} #{number}',
      sections: [{ id: 'a', name: 'A', style: 'entries' }],
      weekStartsOn: 1,
      timeZone: '',
    },
  },
};

const accepts = <K extends MessageName>(name: K, payload: unknown) => protocol[name].request.safeParse(payload).success;

describe('request schemas', () => {
  it.each(Object.keys(validRequests) as MessageName[])('accept a well-formed %s request', (name) => {
    expect(accepts(name, validRequests[name])).toBe(true);
  });

  it.each(Object.keys(validRequests) as MessageName[])('reject a %s request that is not an object', (name) => {
    for (const payload of [undefined, null, 'clip', 42, [validRequests[name]]]) {
      expect(accepts(name, payload)).toBe(false);
    }
  });

  it('clip.prepare: the tab id is optional but must be a non-negative integer', () => {
    expect(accepts('clip.prepare', {})).toBe(true);
    for (const tabId of ['3', -1, 1.5, null]) expect(accepts('clip.prepare', { tabId })).toBe(false);
  });

  describe.each(['draft.save', 'clip.save'] as const)('%s', (name) => {
    const ok = validRequests[name];
    it.each<[string, unknown]>([
      ['an empty key', { ...ok, key: '' }],
      ['an oversize key', { ...ok, key: 'k'.repeat(5001) }],
      ['no form', { key: ok.key, context }],
      ['a numeric title', { ...ok, form: { ...form, title: 42 } }],
      ['a missing summary', { ...ok, form: { ...form, summary: undefined } }],
      ['an oversize summary', { ...ok, form: { ...form, summary: 's'.repeat(20001) } }],
      ['an oversize URL', { ...ok, form: { ...form, url: `https://example.com/${'a'.repeat(4096)}` } }],
      ['an oversize quote', { ...ok, form: { ...form, quote: 'q'.repeat(20001) } }],
      ['a numeric section', { ...ok, form: { ...form, section: 3 } }],
      ['a nested title object', { ...ok, form: { ...form, title: { value: 'A', source: 'json-ld' } } }],
      ['the form nested one level too deep', { ...ok, form: { form } }],
      ['an unknown origin', { ...ok, context: { ...context, origin: 'web' } }],
      ['an unknown source', { ...ok, context: { ...context, sources: { url: 'rumour' } } }],
      ['too many notes', { ...ok, context: { ...context, notes: Array.from({ length: 21 }, () => 'n') } }],
      ['a short clipping id', { ...ok, clippingId: 'abc' }],
    ])('rejects %s', (_, payload) => {
      expect(accepts(name, payload)).toBe(false);
    });
  });

  it('clip.link: rejects oversize strings and wrong types', () => {
    const ok = validRequests['clip.link'];
    expect(accepts('clip.link', { url: 'https://example.com/a' })).toBe(true);
    for (const payload of [
      { ...ok, url: `https://example.com/${'a'.repeat(4096)}` },
      { ...ok, text: 't'.repeat(1001) },
      { ...ok, url: 42 },
      { ...ok, url: { href: 'https://example.com/a' } },
      { ...ok, tabId: -1 },
      { text: 'no url' },
    ]) {
      expect(accepts('clip.link', payload)).toBe(false);
    }
  });

  it.each(['clip.get', 'clip.delete'] as const)('%s: the id must be a string of 8 to 64 characters', (name) => {
    for (const id of ['short', 'x'.repeat(65), 12345678, null]) expect(accepts(name, { id })).toBe(false);
    expect(accepts(name, { payload: { id: 'clipping-0001' } })).toBe(false);
  });

  it('clip.listRecent: the limit defaults to 100 and is bounded', () => {
    expect(protocol['clip.listRecent'].request.parse({})).toEqual({ limit: 100 });
    for (const limit of [0, -5, 1001, 2.5, '10']) expect(accepts('clip.listRecent', { limit })).toBe(false);
  });

  it('settings.save: rejects settings the schema would not store', () => {
    const settings = validRequests['settings.save'].settings;
    expect(accepts('settings.save', { settings: { ...settings, timeZone: 'Mars/Base' } })).toBe(false);
    expect(
      accepts('settings.save', {
        settings: {
          ...settings,
          sections: [
            { id: 'a', name: 'A', style: 'entries' },
            { id: 'a', name: 'B', style: 'bullets' },
          ],
        },
      }),
    ).toBe(false);
    expect(accepts('settings.save', settings)).toBe(false); // not wrapped in { settings }
  });
});

describe('Envelope', () => {
  it('accepts every message name', () => {
    for (const type of Object.keys(protocol)) expect(Envelope.safeParse({ type, payload: {} }).success).toBe(true);
  });

  it.each<[string, unknown]>([
    ['an unknown name', { type: 'clip.nuke', payload: {} }],
    ['an inherited property name', { type: 'toString', payload: {} }],
    ['a prototype name', { type: '__proto__', payload: {} }],
    ['a numeric type', { type: 1, payload: {} }],
    ['no type', { payload: {} }],
    ['a string', 'clip.get'],
    ['null', null],
    ['an array', [{ type: 'clip.get', payload: {} }]],
  ])('rejects %s', (_, message) => {
    expect(Envelope.safeParse(message).success).toBe(false);
  });
});

describe('Reply', () => {
  it('accepts success and failure replies', () => {
    expect(Reply.safeParse({ ok: true, value: { anything: 1 } }).success).toBe(true);
    expect(Reply.safeParse({ ok: false, error: { code: 'not-found', message: 'Gone.' } }).success).toBe(true);
  });

  it('rejects unknown error codes, oversize messages and missing parts', () => {
    expect(Reply.safeParse({ ok: false, error: { code: 'teapot', message: 'x' } }).success).toBe(false);
    expect(Reply.safeParse({ ok: false, error: { code: 'internal', message: 'x'.repeat(2001) } }).success).toBe(false);
    expect(Reply.safeParse({ ok: false }).success).toBe(false);
    expect(Reply.safeParse({ ok: 'yes', value: 1 }).success).toBe(false);
  });
});

describe('response schemas', () => {
  it('PreparedClip rejects a short existing id', () => {
    const prepared = {
      key: 'https://example.com/a',
      form,
      captured: form,
      context,
      settings: { version: 1, newsletterName: 'N', sections: [{ id: 'a', name: 'A', style: 'entries' }], weekStartsOn: 1, timeZone: '' },
    };
    expect(PreparedClip.safeParse(prepared).success).toBe(true);
    expect(PreparedClip.safeParse({ ...prepared, existing: { id: 'x', createdAt: 1, updatedAt: 1 } }).success).toBe(false);
  });

  it('clip.weekCount answers a whole, non-negative count, and the popup sends it nothing', () => {
    const response = protocol['clip.weekCount'].response;
    expect(response.safeParse({ weekCount: 0 }).success).toBe(true);
    expect(response.safeParse({ weekCount: 12 }).success).toBe(true);
    for (const weekCount of [-1, 1.5, '3', null, undefined]) expect(response.safeParse({ weekCount }).success).toBe(false);
    expect(protocol['clip.weekCount'].request.parse({})).toEqual({});
  });
});

describe('convention (STYLE rule 13): every protocol message has a handler', () => {
  const unused = (): never => {
    throw new Error('not used when only constructing the handlers');
  };
  const open: OpenDB = () => Promise.reject(new Error('no database in this test'));
  const deps: HandlerDeps = {
    ...makeRepos(open),
    sync: offlineSyncDeps(),
    feeds: makeFeedDeps(),
    resolveTab: unused,
    captureTab: unused,
    openTab: unused,
    readLinkText: unused,
    confirmLinkClip: unused,
    now: () => 0,
    newId: () => 'clipping-0001',
  };
  const handlers = createHandlers(deps);

  it.each(Object.keys(protocol))('%s has a handler', (name) => {
    expect(typeof (handlers as Record<string, unknown>)[name]).toBe('function');
  });

  it('has no handler outside the protocol', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(protocol).sort());
  });
});
