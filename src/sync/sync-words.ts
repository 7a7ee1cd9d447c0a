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
  if (!target) return 'the drafting backend';
  return target.kind === 'wordpress' ? `WordPress site ${target.site}` : `drafting server ${target.site}`;
}

/** The label of the editor's choice that keeps the target's version of a conflicting region. */
export function keepRemoteLabel(target: TargetDescription | undefined): string {
  return target?.kind === 'wordpress' ? 'Keep WordPress’s version' : 'Keep the server’s version';
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function uncapitalised(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * The editor-facing words for a sync failure: what happened, naming the configured target, and what
 * to do when the editor can do something. Built from the code and its facts only: the one place
 * where sync errors become sentences (the worker, the desk, the popup and "Test connection" use it).
 */
export function syncErrorWords(error: SyncErrorData, target: TargetDescription | undefined): { message: string; action?: string } {
  const name = targetName(target);
  const Name = capitalised(name);
  const http = error.status ? ` (HTTP ${error.status})` : '';
  const wordpress = target?.kind === 'wordpress';
  const credentials = !target ? 'credentials' : wordpress ? 'user name and Application Password' : 'token';
  const checkAddress = wordpress
    ? 'Check the site address in the options (the site’s address, not wp-admin).'
    : 'Check the address in the options.';
  const retry = '; trying again later.';
  const said = error.said ? ` ${Name} said: “${error.said}”` : '';
  const words = ((): { message: string; action?: string } => {
    switch (error.code) {
      case 'auth':
        return {
          message: `${Name} refused the credentials${http}.`,
          action: `Check the ${credentials} in the options, then press “Sync now”.`,
        };
      case 'forbidden':
        return {
          message: `${Name} refused the credentials for this${http}.`,
          action: `Check the ${credentials} in the options (the account must be allowed to edit drafts), then press “Sync now”.`,
        };
      case 'not-found':
        return {
          message: `No ${wordpress ? 'WordPress REST API' : 'drafting protocol'} was found at ${name}${http}.`,
          action: checkAddress,
        };
      case 'draft-deleted':
        return {
          message: `The draft is gone from ${name}${http}: it was deleted there.`,
          action: 'Press “Recreate the draft” to make a new one.',
        };
      case 'draft-trashed':
        return {
          message: `The issue's draft is in the trash of ${name}.`,
          action: 'Restore it from the trash there, or press “Recreate the draft”.',
        };
      case 'published':
        return {
          message: `The issue's post was published on ${name}; the extension no longer changes it.`,
          action: 'Close this issue in the issue desk.',
        };
      case 'conflict':
        return error.status
          ? { message: `${Name} reports that the draft changed since the last sync${http}.` }
          : {
              message: `The clippings' part of the draft was edited on ${name} since the last sync.`,
              action: `Choose in the issue desk: ${uncapitalised(keepRemoteLabel(target))}, or overwrite it.`,
            };
      case 'moved':
        return {
          message: error.movedTo
            ? `${Name} moved to ${error.movedTo} (the request was redirected there).`
            : `${Name} redirected a request that may not be redirected (it would drop what is sent).`,
          action: 'Press “Test connection” in the options: it shows the address to enter. Then press “Sync now”.',
        };
      case 'offline':
        return { message: `${Name} could not be reached${error.text ? ` (${error.text})` : ''}${retry}` };
      case 'timeout':
        return { message: `${Name} did not answer in time${http}${retry}` };
      case 'rate-limited':
        return { message: `${Name} asked for fewer requests${http}${retry}` };
      case 'server':
        return { message: `${Name} is not answering properly${http}${retry}` };
      case 'bad-response':
        return { message: `${Name} answered with something that is not what its protocol promises (is the address right?)${retry}` };
      case 'rejected':
        return { message: `${Name} refused the update${http}.`, action: checkAddress };
      case 'edit-race':
        return { message: `${Name} says the draft changed while it was being updated; trying again.` };
      case 'unexpected':
        return { message: `Sync failed unexpectedly${error.text ? ` (${error.text})` : ''}.` };
    }
  })();
  return { ...words, message: `${words.message}${said}` };
}
