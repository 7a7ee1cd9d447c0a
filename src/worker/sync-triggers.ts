import type { MessageName } from '../messages/protocol';

/**
 * Messages after which the worker tries to sync at once: the ones that change what a draft shows.
 * (The alarm would catch up anyway; this only saves the editor the wait. Reads, and draft.save, whose
 * unsaved text never reaches a backend, trigger nothing.)
 */
export const SYNC_AFTER: ReadonlySet<MessageName> = new Set<MessageName>([
  'clip.save',
  'clip.link',
  'clip.update',
  'clip.move',
  'clip.moveToNextIssue',
  'clip.delete',
  'clip.restore',
  'issue.update',
  'issue.publish',
  'backups.restore',
  'issue.import',
  'backup.restore',
  'settings.save',
  'sources.checkNow',
]);
