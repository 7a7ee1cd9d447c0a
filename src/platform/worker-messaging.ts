import browser from 'webextension-polyfill';

/** Hands one message to the extension's background worker and resolves with its raw, unparsed reply. */
export function sendToWorker(message: { type: string; payload: unknown }): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}
