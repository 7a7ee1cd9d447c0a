import { actionTitle } from '../clip/clip-shortcut';
import type { OutboxEntry } from './outbox-entry';
import { plural, t } from '../i18n/messages';
import { type TargetDescription, targetName } from './sync-words';

/** Where syncing stands: no target set up, a target without host access yet, or ready to sync. */
export type TargetReadiness = 'none' | 'no-access' | 'ready';

export interface SyncBadge {
  text: string;
  color: string;
  title: string;
}

const RED = '#b42318';
const GREY = '#5b6472';

/**
 * The toolbar badge for the sync queue: failed or conflicting issues as a red count, else pending ones
 * in grey, nothing when all are synced. An editor who never set up a target sees no badge at all (the
 * outbox still keeps every change, for the day one is set up); a target whose site the extension may
 * not reach yet is one red "!" that says where to grant access. The title names the configured target,
 * after the button's own job with the keyboard shortcut the browser really bound (`shortcut`, '' for none).
 */
export function syncBadge(
  entries: readonly Pick<OutboxEntry, 'state'>[],
  readiness: TargetReadiness,
  target?: TargetDescription,
  shortcut = '',
): SyncBadge {
  // The button's own tooltip (the manifest's default title), with the queue's state after it.
  const title = actionTitle(shortcut);
  if (readiness === 'none' || !entries.length) return { text: '', color: GREY, title };
  const name = targetName(target);
  if (readiness === 'no-access') return { text: '!', color: RED, title: t('badgeWaitingForAccess', title, name) };
  const stuck = entries.filter((e) => e.state !== 'pending').length;
  if (stuck) return { text: `!${stuck}`, color: RED, title: plural('badgeNeedAttention', stuck, title, name) };
  return { text: String(entries.length), color: GREY, title: plural('badgeWaiting', entries.length, title, name) };
}
