import { sendToWorker } from '../platform/worker-messaging';
import { MessageError } from './message-error';
import { type MessageName, type RequestOf, type ResponseOf, Reply, protocol } from './protocol';

/** Sends one message to the worker and parses its reply; a failure reply becomes a thrown MessageError. */
export function send<K extends MessageName>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  return parseReply(type, sendToWorker({ type, payload }));
}

/**
 * Parses the raw reply to a message of `type` sent by other means (the popup's first message, sent by
 * popup/start.ts before this code loaded: src/messages/first-message.ts); a failure reply, or no
 * answer, becomes a thrown MessageError, as with {@link send}.
 */
export async function parseReply<K extends MessageName>(type: K, pending: Promise<unknown>): Promise<ResponseOf<K>> {
  let raw: unknown;
  try {
    raw = await pending;
  } catch (error) {
    throw new MessageError(
      'internal',
      `The extension’s background worker did not answer (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  const reply = Reply.safeParse(raw);
  if (!reply.success) throw new MessageError('bad-response', `The background worker sent an unreadable reply to "${type}".`);
  if (!reply.data.ok) throw new MessageError(reply.data.error.code, reply.data.error.message);
  const value = protocol[type].response.safeParse(reply.data.value);
  if (!value.success) throw new MessageError('bad-response', `The background worker's reply to "${type}" did not match the protocol.`);
  return value.data as ResponseOf<K>;
}
