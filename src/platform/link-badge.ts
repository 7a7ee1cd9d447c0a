import browser from 'webextension-polyfill';
import type { Clipping } from '../clip/clipping';
import { t } from '../i18n/messages';

/**
 * Confirms a link clip on the tab's toolbar button: ✓ for a new clipping, = for one clipped before.
 * The badge is per tab, so the browser clears it when the tab navigates; no timer is needed.
 */
export async function confirmLinkClip(tabId: number | undefined, clipping: Clipping, created: boolean): Promise<void> {
  if (tabId === undefined) return;
  const title = t(created ? 'linkClipped' : 'linkClippedBefore', clipping.title);
  try {
    await Promise.all([
      browser.action.setBadgeBackgroundColor({ tabId, color: created ? '#1a7f37' : '#9a6700' }),
      browser.action.setBadgeText({ tabId, text: created ? '✓' : '=' }),
      browser.action.setTitle({ tabId, title: title.slice(0, 200) }),
    ]);
  } catch {
    // The tab closed in the meantime: the clipping is stored, there is just nothing to badge.
  }
}
