import { describe, expect, it, vi } from 'vitest';

vi.mock('../platform/worker-messaging', () => ({ sendToWorker: vi.fn() }));
const { parseReply } = await import('./client');
const { MessageError } = await import('./message-error');

describe('parseReply (the reply to a message sent before the page’s main bundle loaded)', () => {
  it('parses a reply with the protocol’s schema', async () => {
    await expect(parseReply('clip.weekCount', Promise.resolve({ ok: true, value: { weekCount: 4 } }))).resolves.toEqual({ weekCount: 4 });
  });

  it('a failure reply becomes a MessageError with the worker’s code', async () => {
    const failing = parseReply('clip.prepare', Promise.resolve({ ok: false, error: { code: 'not-found', message: 'The tab is gone.' } }));
    await expect(failing).rejects.toBeInstanceOf(MessageError);
    await expect(failing).rejects.toMatchObject({ code: 'not-found', message: 'The tab is gone.' });
  });

  it('no answer, or one that does not match the protocol, is said in plain words', async () => {
    await expect(parseReply('clip.weekCount', Promise.reject(new Error('Receiving end does not exist.')))).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringContaining('did not answer (Receiving end does not exist.)'),
    });
    await expect(parseReply('clip.weekCount', Promise.resolve({ ok: true, value: { weekCount: -1 } }))).rejects.toMatchObject({
      code: 'bad-response',
    });
    await expect(parseReply('clip.weekCount', Promise.resolve('garbage'))).rejects.toMatchObject({ code: 'bad-response' });
  });
});
