import { sendFirstMessage } from '../platform/first-message';
import type { MessageName, RequestOf } from './protocol';

/**
 * A message sent before the page's main bundle has loaded (popup/start.ts sends clip.prepare this
 * way): typed like {@link send} in client.ts but with no zod and no polyfill, so it costs the page
 * almost nothing to load. Its raw reply is parsed later by `parseReply` (client.ts), once the main
 * bundle runs. Only types are imported from the protocol: none of its code comes along.
 */
export interface PendingReply<K extends MessageName> {
  type: K;
  /** The raw reply, unparsed; rejects when the worker did not answer. */
  raw: Promise<unknown>;
}

export function sendBeforeLoad<K extends MessageName>(type: K, payload: RequestOf<K>): PendingReply<K> {
  const raw = sendFirstMessage({ type, payload });
  raw.catch(() => undefined); // handled when parsed; this only keeps an early failure from counting as unhandled
  return { type, raw };
}
