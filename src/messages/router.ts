import { type z } from 'zod';
import { MessageError } from './message-error';
import { Envelope, type MessageName, type ParsedRequestOf, type Reply, type ResponseOf, protocol } from './protocol';

/** What the router needs to know about who sent a message (a subset of runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
}

export type Handlers = {
  [K in MessageName]: (request: ParsedRequestOf<K>, sender: SenderInfo) => Promise<ResponseOf<K>>;
};

/**
 * Only the extension's own pages (popup, options, issue view) may send UI messages: a page's
 * content script or another extension must never reach the worker's handlers.
 */
export function isExtensionPageSender(sender: SenderInfo, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId) return false;
  const url = sender.url ?? '';
  return url.startsWith(extensionOrigin);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'message'}: ${issue.message}`)
    .join('; ');
}

/**
 * Makes the worker's single onMessage handler: checks the sender, parses the envelope and the
 * request, runs the handler, and always answers with a Reply (never throws, never rejects).
 */
export function createRouter(handlers: Handlers, isAllowedSender: (sender: SenderInfo) => boolean) {
  return async function route(message: unknown, sender: SenderInfo): Promise<Reply> {
    try {
      if (!isAllowedSender(sender)) throw new MessageError('forbidden', 'Messages are accepted only from the extension’s own pages.');
      const envelope = Envelope.safeParse(message);
      if (!envelope.success) throw new MessageError('bad-request', `Unknown or malformed message (${describeIssues(envelope.error)}).`);
      const name = envelope.data.type;
      const request = protocol[name].request.safeParse(envelope.data.payload);
      if (!request.success) throw new MessageError('bad-request', `Malformed "${name}" request: ${describeIssues(request.error)}.`);
      const handler = handlers[name] as (request: unknown, sender: SenderInfo) => Promise<unknown>;
      const value = protocol[name].response.parse(await handler(request.data, sender));
      return { ok: true, value };
    } catch (error) {
      if (error instanceof MessageError) return { ok: false, error: error.toData() };
      console.error('newsletter-clipper: handler failed', error);
      const text = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'internal', message: `Something went wrong in the extension: ${text.slice(0, 500)}` } };
    }
  };
}
