/**
 * The browser's own `runtime.sendMessage`, for the popup's first message (popup/start.ts): no
 * webextension-polyfill, so the message leaves before the popup's main bundle (preact, zod, the
 * polyfill, the form) has even loaded. Firefox has the promise-based `browser`; Chromium's MV3
 * `chrome.runtime.sendMessage` returns a promise too. Everything after the first message goes through
 * the polyfill (worker-messaging.ts); the reply is parsed by the main bundle (src/messages/client.ts).
 */

interface Runtime {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/** What the polyfill's onMessage wrapper (the worker's side) sends back for a listener that rejected. */
interface PolyfillRejection {
  __mozWebExtensionPolyfillReject__: true;
  message?: unknown;
}

function isPolyfillRejection(value: unknown): value is PolyfillRejection {
  return typeof value === 'object' && value !== null && (value as PolyfillRejection).__mozWebExtensionPolyfillReject__ === true;
}

/** The extension API object of this page: Firefox's `browser`, else Chromium's `chrome`. */
function runtimeApi(): Runtime | undefined {
  const scope = globalThis as { browser?: Partial<Runtime>; chrome?: Partial<Runtime> };
  const api = scope.browser?.runtime ? scope.browser : scope.chrome;
  return typeof api?.runtime?.sendMessage === 'function' ? (api as Runtime) : undefined;
}

/** Hands one message to the worker with the browser's own API and resolves with its raw, unparsed reply. */
export async function sendFirstMessage(message: { type: string; payload: unknown }): Promise<unknown> {
  const api = runtimeApi();
  if (!api) throw new Error('this page has no extension messaging');
  const reply = await api.runtime.sendMessage(message);
  // The worker answers through the polyfill, which turns a rejected listener into this shape (it never does: its router always answers).
  if (isPolyfillRejection(reply)) throw new Error(typeof reply.message === 'string' ? reply.message : 'the worker failed');
  return reply;
}
