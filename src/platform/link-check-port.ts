import browser, { type Runtime } from 'webextension-polyfill';
import { timerSleep } from '../check/links/check-link';
import { isExtensionPageSender } from '../messages/router';
import { LINK_CHECK_PORT, type LinkCheckEvent, LinkCheckRequest } from '../messages/link-check-port';
import { type LinkCheckSessionDeps, runLinkCheckSession } from '../worker/link-check-session';

/**
 * The worker's side of the link-check port. Registered synchronously at the worker's top level.
 *
 * Redirects: in an extension's worker or background page, `fetch(url, { redirect: 'manual' })` gives
 * an `opaqueredirect` answer (status 0, no Location header) in Chromium and in Firefox alike, host
 * permission or not (the Fetch standard's "atomic HTTP redirect handling"). The core asks with
 * `manual` first and, on an opaque answer, lets the browser follow the chain (`redirect: 'follow'`)
 * and reads the final address from `response.url`; the status of the redirect (301 or 302) stays
 * unknown, so such a move is worded "now leads to" rather than "moved for good".
 */
export function listenForLinkChecks(deps: Omit<LinkCheckSessionDeps, 'net' | 'hasHostAccess'>): void {
  const extensionOrigin = browser.runtime.getURL('');
  browser.runtime.onConnect.addListener((port: Runtime.Port) => {
    if (port.name !== LINK_CHECK_PORT) return;
    const sender = port.sender ?? {};
    if (
      !isExtensionPageSender(
        { ...(sender.id ? { id: sender.id } : {}), ...(sender.url ? { url: sender.url } : {}) },
        browser.runtime.id,
        extensionOrigin,
      )
    ) {
      port.disconnect();
      return;
    }
    const controller = new AbortController();
    let started = false;
    let open = true;
    port.onDisconnect.addListener(() => {
      open = false;
      controller.abort();
    });
    const post = (event: LinkCheckEvent) => {
      if (open) port.postMessage(event);
    };
    port.onMessage.addListener((raw: unknown) => {
      const parsed = LinkCheckRequest.safeParse(raw);
      if (!parsed.success) return;
      if (parsed.data.type === 'cancel') return controller.abort();
      if (started) return;
      started = true;
      void runLinkCheckSession(
        parsed.data.issueId,
        {
          ...deps,
          hasHostAccess: (pattern) => browser.permissions.contains({ origins: [pattern] }).catch(() => false),
          net: { fetch: (url, init) => fetch(url, init), sleep: timerSleep, now: () => Date.now() },
        },
        controller.signal,
        post,
      ).finally(() => {
        if (open) port.disconnect();
      });
    });
  });
}

/**
 * Asks for host access to the sites an issue links to (within the manifest's optional_host_permissions);
 * must run inside the editor's click (a user gesture). A browser that has the access already grants it
 * without a prompt; the prompt lists the sites, which an editor recognises.
 */
export async function requestLinkCheckAccess(origins: string[]): Promise<boolean> {
  if (origins.length === 0) return true;
  // Called first, with no await before it: Firefox honours the request only while the click's gesture
  // lasts. A browser that has the access already grants it again without asking.
  try {
    return await browser.permissions.request({ origins });
  } catch {
    return false;
  }
}

/** Opens the port from an extension page. */
export function connectLinkCheck(): Runtime.Port {
  return browser.runtime.connect({ name: LINK_CHECK_PORT });
}
