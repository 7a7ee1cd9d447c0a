import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clipping } from '../clip/clipping';
import { makeClipping } from '../../test/fixtures';
import { defaultSettings } from '../settings/settings';
import { MessageError } from './message-error';
import { Reply } from './protocol';
import { createRouter, type Handlers, isExtensionPageSender, type SenderInfo } from './router';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const popup: SenderInfo = { id: EXTENSION_ID, url: `${ORIGIN}popup/index.html`, origin: ORIGIN.slice(0, -1) };

const stored: Clipping = makeClipping(1, {
  url: 'https://example.com/a',
  title: 'A',
  summary: '',
  section: null,
  urlKey: 'https://example.com/a',
  origin: 'link',
  createdAt: 1,
  updatedAt: 1,
  position: 0,
});

describe('isExtensionPageSender', () => {
  const allowed = (sender: SenderInfo) => isExtensionPageSender(sender, EXTENSION_ID, ORIGIN);

  it('accepts the extension’s own pages, in the popup or in a tab', () => {
    expect(allowed(popup)).toBe(true);
    expect(allowed({ id: EXTENSION_ID, url: `${ORIGIN}issue/index.html`, tab: { id: 12 } })).toBe(true);
  });

  it('refuses another extension, even one claiming our page', () => {
    expect(allowed({ id: 'ponmlkjihgfedcbaponmlkjihgfedcba', url: 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/popup.html' })).toBe(
      false,
    );
    expect(allowed({ id: 'ponmlkjihgfedcbaponmlkjihgfedcba', url: `${ORIGIN}popup/index.html` })).toBe(false);
  });

  it('refuses our own content script running in a web page', () => {
    expect(allowed({ id: EXTENSION_ID, url: 'https://example.com/article', origin: 'https://example.com', tab: { id: 7 } })).toBe(false);
  });

  it('refuses a web page whose address merely contains the extension origin', () => {
    expect(allowed({ id: EXTENSION_ID, url: `https://evil.example/?next=${ORIGIN}popup/index.html`, tab: { id: 7 } })).toBe(false);
  });

  it('refuses a sender without an address or an id', () => {
    expect(allowed({ id: EXTENSION_ID })).toBe(false);
    expect(allowed({ id: EXTENSION_ID, tab: { id: 7 } })).toBe(false);
    expect(allowed({ url: `${ORIGIN}popup/index.html` })).toBe(false);
    expect(allowed({})).toBe(false);
  });
});

describe('createRouter', () => {
  let calls: { name: string; request: unknown; sender: SenderInfo }[];
  let handlers: Handlers;
  let errors: { mockRestore(): void };

  beforeEach(() => {
    calls = [];
    const record =
      <T>(name: string, answer: () => T) =>
      async (request: unknown, sender: SenderInfo) => {
        calls.push({ name, request, sender });
        return answer();
      };
    const unusedAnswer = (): never => {
      throw new Error('not used');
    };
    handlers = {
      'clip.prepare': record('clip.prepare', () => {
        throw new Error('not used');
      }),
      'clip.weekCount': record('clip.weekCount', () => ({ weekCount: 2 })),
      'draft.save': record('draft.save', () => ({ savedAt: 5 })),
      'draft.discard': record('draft.discard', () => ({})),
      'clip.save': record('clip.save', () => {
        throw new Error('not used');
      }),
      'clip.link': record('clip.link', () => ({ clipping: stored, created: true })),
      'clip.get': record('clip.get', () => ({ clipping: stored })),
      'clip.listRecent': record('clip.listRecent', () => ({ clippings: [stored] })),
      'clip.delete': record('clip.delete', () => ({ deleted: true })),
      'issue.view': record('issue.view', unusedAnswer),
      'issue.update': record('issue.update', unusedAnswer),
      'issue.publish': record('issue.publish', unusedAnswer),
      'issue.reopen': record('issue.reopen', unusedAnswer),
      'issue.document': record('issue.document', unusedAnswer),
      'clip.update': record('clip.update', unusedAnswer),
      'clip.fillIn': record('clip.fillIn', unusedAnswer),
      'clip.move': record('clip.move', () => ({ changed: 1 })),
      'clip.moveToNextIssue': record('clip.moveToNextIssue', unusedAnswer),
      'clip.restore': record('clip.restore', () => ({ clipping: null })),
      'issue.exportFile': record('issue.exportFile', unusedAnswer),
      'issue.import': record('issue.import', unusedAnswer),
      'backup.create': record('backup.create', unusedAnswer),
      'backup.restore': record('backup.restore', unusedAnswer),
      'backups.list': record('backups.list', unusedAnswer),
      'backups.file': record('backups.file', unusedAnswer),
      'backups.restore': record('backups.restore', unusedAnswer),
      'backups.setSaveFiles': record('backups.setSaveFiles', unusedAnswer),
      'sync.status': record('sync.status', unusedAnswer),
      'sync.now': record('sync.now', unusedAnswer),
      'sync.resolve': record('sync.resolve', unusedAnswer),
      'sync.compare': record('sync.compare', unusedAnswer),
      'target.get': record('target.get', () => null),
      'target.save': record('target.save', unusedAnswer),
      'target.clear': record('target.clear', unusedAnswer),
      'target.test': record('target.test', unusedAnswer),
      'sources.list': record('sources.list', unusedAnswer),
      'sources.save': record('sources.save', unusedAnswer),
      'sources.remove': record('sources.remove', unusedAnswer),
      'sources.test': record('sources.test', unusedAnswer),
      'sources.checkNow': record('sources.checkNow', unusedAnswer),
      'sources.setInterval': record('sources.setInterval', unusedAnswer),
      'check.run': record('check.run', unusedAnswer),
      'settings.get': record('settings.get', () => defaultSettings()),
      'settings.save': record('settings.save', () => defaultSettings()),
    };
    errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  });

  afterEach(() => {
    errors.mockRestore();
  });

  const router = () => createRouter(handlers, (sender) => isExtensionPageSender(sender, EXTENSION_ID, ORIGIN));

  it('runs the handler for a well-formed message from an extension page and answers ok', async () => {
    const reply = await router()({ type: 'clip.get', payload: { id: 'clipping-0001' } }, popup);
    expect(reply).toEqual({ ok: true, value: { clipping: stored } });
    expect(calls).toEqual([{ name: 'clip.get', request: { id: 'clipping-0001' }, sender: popup }]);
  });

  it('hands the handler the parsed request: defaults applied, unknown keys dropped', async () => {
    await router()({ type: 'clip.listRecent', payload: {} }, popup);
    await router()({ type: 'clip.get', payload: { id: 'clipping-0001', __proto__extra: 'x', admin: true } }, popup);
    expect(calls.map((c) => c.request)).toEqual([{ limit: 100 }, { id: 'clipping-0001' }]);
  });

  it.each<[string, SenderInfo]>([
    ['another extension', { id: 'ponmlkjihgfedcbaponmlkjihgfedcba', url: 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/x.html' }],
    ['a content script on a web page', { id: EXTENSION_ID, url: 'https://example.com/a', tab: { id: 4 } }],
    ['a sender with no address', { id: EXTENSION_ID }],
  ])('refuses %s as forbidden without running a handler', async (_, sender) => {
    const reply = await router()({ type: 'clip.delete', payload: { id: 'clipping-0001' } }, sender);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['an unknown message name', { type: 'clip.nuke', payload: {} }],
    ['a message that is not an object', 'clip.get'],
    ['null', null],
    ['a missing payload', { type: 'clip.get' }],
    ['a payload of the wrong type', { type: 'clip.get', payload: { id: 42 } }],
    ['a payload nested one level too deep', { type: 'clip.get', payload: { payload: { id: 'clipping-0001' } } }],
    ['an oversize string', { type: 'clip.link', payload: { url: `https://example.com/${'a'.repeat(5000)}` } }],
  ])('answers bad-request for %s, without running a handler', async (_, message) => {
    const reply = await router()(message, popup);
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(Reply.safeParse(reply).success).toBe(true);
    expect(calls).toEqual([]);
  });

  it('names the faulty field in a bad-request message', async () => {
    const reply = await router()({ type: 'clip.get', payload: { id: 42 } }, popup);
    expect(reply.ok === false && reply.error.message).toMatch(/id/);
  });

  it('answers internal when a handler throws a plain error, and never rejects', async () => {
    handlers['clip.delete'] = async () => {
      throw new Error('disk on fire');
    };
    const reply = await router()({ type: 'clip.delete', payload: { id: 'clipping-0001' } }, popup);
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(Reply.safeParse(reply).success).toBe(true);
    expect(errors).toHaveBeenCalled();
  });

  it('answers internal when a handler throws something that is not an Error', async () => {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a handler that rejects with a non-Error is the case under test
    handlers['clip.delete'] = () => Promise.reject('just a string');
    const reply = await router()({ type: 'clip.delete', payload: { id: 'clipping-0001' } }, popup);
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it.each(['bad-request', 'forbidden', 'not-found', 'internal', 'bad-response'] as const)(
    'passes a MessageError %s through with its message',
    async (code) => {
      handlers['clip.get'] = async () => {
        throw new MessageError(code, 'Plain words for the editor.');
      };
      const reply = await router()({ type: 'clip.get', payload: { id: 'clipping-0001' } }, popup);
      expect(reply).toEqual({ ok: false, error: { code, message: 'Plain words for the editor.' } });
    },
  );

  it('keeps a long MessageError message within the reply limit', async () => {
    handlers['clip.get'] = async () => {
      throw new MessageError('not-found', 'x'.repeat(5000));
    };
    const reply = await router()({ type: 'clip.get', payload: { id: 'clipping-0001' } }, popup);
    expect(Reply.safeParse(reply).success).toBe(true);
    expect(reply.ok === false && reply.error.message.length).toBe(2000);
  });

  it('validates the handler’s response: a malformed one is not passed on as ok', async () => {
    handlers['clip.get'] = async () => ({ clipping: { id: 'x' } }) as never;
    handlers['clip.delete'] = async () => ({}) as never;
    const get = await router()({ type: 'clip.get', payload: { id: 'clipping-0001' } }, popup);
    const del = await router()({ type: 'clip.delete', payload: { id: 'clipping-0001' } }, popup);
    expect(get).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(del).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('answers forbidden when the sender check itself fails closed', async () => {
    const route = createRouter(handlers, () => false);
    expect(await route({ type: 'settings.get', payload: {} }, popup)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });
});
