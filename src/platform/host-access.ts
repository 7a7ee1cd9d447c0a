import browser from 'webextension-polyfill';

/** The match pattern for an address's origin (scheme and host; a browser grants a host on every port). */
export function hostPattern(address: string): string {
  const { protocol, hostname } = new URL(address);
  return `${protocol}//${hostname}/*`;
}

/**
 * Asks the browser for access to one address's origin only (it shows its own prompt unless access is
 * already granted). Must be called inside the click that asks for it: permissions.request needs a user
 * gesture, so nothing may be awaited before it. False when refused, or when the address is not http(s).
 */
export async function requestHostAccess(address: string): Promise<boolean> {
  let pattern: string;
  try {
    if (!/^https?:$/.test(new URL(address).protocol)) return false;
    pattern = hostPattern(address);
  } catch {
    return false;
  }
  try {
    return await browser.permissions.request({ origins: [pattern] });
  } catch {
    return false;
  }
}
