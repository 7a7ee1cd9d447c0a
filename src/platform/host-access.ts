import browser from 'webextension-polyfill';
import { originPattern } from '../sync/target-config';

/**
 * Asks the browser for access to one address's origin only (it shows its own prompt unless access is
 * already granted). Must be called inside the click that asks for it: permissions.request needs a user
 * gesture, so nothing may be awaited before it. False when refused, or when the address is not http(s).
 */
export async function requestHostAccess(address: string): Promise<boolean> {
  let pattern: string;
  try {
    if (!/^https?:$/.test(new URL(address).protocol)) return false;
    pattern = originPattern(address);
  } catch {
    return false;
  }
  try {
    return await browser.permissions.request({ origins: [pattern] });
  } catch {
    return false;
  }
}
