import { t } from '../i18n/messages';
import type { SyncErrorData } from './sync-error';

/** The target as the editor set it up, for naming it in words: its kind and where it is. */
export interface TargetDescription {
  kind: 'wordpress' | 'generic';
  /** Host and path of the address, e.g. "news.example.org" or "example.org/blog". */
  site: string;
}

/** The target's description from its kind and configured address (a malformed address is shown as it is). */
export function describeTarget(kind: TargetDescription['kind'], address: string): TargetDescription {
  let site = address;
  try {
    const url = new URL(address);
    site = `${url.host}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    // Shown as typed: the words still name what the editor entered.
  }
  return { kind, site };
}

/** "WordPress site news.example.org", "drafting server drafts.example.org", or a neutral name when none is known. */
export function targetName(target: TargetDescription | undefined): string {
  if (!target) return t('syncTargetNone');
  return target.kind === 'wordpress' ? t('syncTargetWordpress', target.site) : t('syncTargetGeneric', target.site);
}

/** The label of the editor's choice that keeps the target's version of a conflicting region. */
export function keepRemoteLabel(target: TargetDescription | undefined): string {
  return target?.kind === 'wordpress' ? t('syncKeepWordpress') : t('syncKeepServer');
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The editor-facing words for a sync failure: what happened, naming the configured target, and what
 * to do when the editor can do something. Built from the code and its facts only: the one place
 * where sync errors become sentences (the worker, the desk, the popup and "Test connection" use it).
 */
export function syncErrorWords(error: SyncErrorData, target: TargetDescription | undefined): { message: string; action?: string } {
  const name = targetName(target);
  const Name = capitalised(name);
  const http = error.status ? t('syncHttpStatus', String(error.status)) : '';
  const wordpress = target?.kind === 'wordpress';
  const checkAddress = wordpress ? t('syncCheckAddressWordpress') : t('syncCheckAddress');
  const words = ((): { message: string; action?: string } => {
    switch (error.code) {
      case 'auth':
        return {
          message: t('syncAuth', Name, http),
          action: !target ? t('syncAuthAction') : wordpress ? t('syncAuthActionWordpress') : t('syncAuthActionGeneric'),
        };
      case 'forbidden':
        return {
          message: t('syncForbidden', Name, http),
          action: !target ? t('syncForbiddenAction') : wordpress ? t('syncForbiddenActionWordpress') : t('syncForbiddenActionGeneric'),
        };
      case 'not-found':
        return {
          message: wordpress ? t('syncNotFoundWordpress', name + http) : t('syncNotFoundGeneric', name + http),
          action: checkAddress,
        };
      case 'draft-deleted':
        return { message: t('syncDraftDeleted', name + http), action: t('syncDraftDeletedAction') };
      case 'draft-trashed':
        return { message: t('syncDraftTrashed', name), action: t('syncDraftTrashedAction') };
      case 'published':
        return { message: t('syncPublished', name), action: t('syncPublishedAction') };
      case 'conflict':
        return error.status
          ? { message: t('syncConflictRemote', Name, http) }
          : {
              message: t('syncConflictEdited', name),
              action: wordpress ? t('syncConflictActionWordpress') : t('syncConflictActionServer'),
            };
      case 'moved':
        return {
          message: error.movedTo ? t('syncMovedTo', Name, error.movedTo) : t('syncMovedRedirect', Name),
          action: t('syncMovedAction'),
        };
      case 'offline':
        return { message: error.text ? t('syncOfflineDetail', Name, error.text) : t('syncOffline', Name) };
      case 'timeout':
        return { message: t('syncTimeout', Name, http) };
      case 'rate-limited':
        return { message: t('syncRateLimited', Name, http) };
      case 'server':
        return { message: t('syncServer', Name, http) };
      case 'bad-response':
        return { message: t('syncBadResponse', Name) };
      case 'rejected':
        return { message: t('syncRejected', Name, http), action: checkAddress };
      case 'edit-race':
        return { message: t('syncEditRace', Name) };
      case 'unexpected':
        return { message: error.text ? t('syncUnexpectedDetail', error.text) : t('syncUnexpected') };
    }
  })();
  return { ...words, message: error.said ? t('syncSaid', words.message, Name, error.said) : words.message };
}
