import { buildBackup, readBackup, renderBackup } from '../export/backup';
import { t, uiLanguage } from '../i18n/messages';
import { buildIssueExport, parseIssueExport } from '../export/json-export';
import { MessageError } from '../messages/message-error';
import type { Handlers } from '../messages/router';
import { mergeRecords } from '../store/merge-records';
import type { HandlerDeps } from './handler-deps';
import { refuseIfIssueLocked } from './issue-lock';

type TransferHandlerNames =
  | 'issue.exportFile'
  | 'issue.import'
  | 'backup.create'
  | 'backup.restore'
  | 'backups.list'
  | 'backups.file'
  | 'backups.restore'
  | 'backups.setSaveFiles';

/** The worker's handlers for files: an issue's JSON export and import, the whole-store backup and restore. */
export function transferHandlers(deps: HandlerDeps): Pick<Handlers, TransferHandlerNames> {
  /** A restore (a merge that never drops newer work) from a backup's text, reporting what it skipped. */
  const restore = async (text: string) => {
    const restored = readBackup(text);
    if ('error' in restored) throw new MessageError('bad-request', restored.error);
    const report = await mergeRecords(deps.openDb, restored, deps.now());
    return { ...report, skipped: [...restored.skipped, ...report.skipped] };
  };
  const requireKept = async (id: string) => {
    const kept = await deps.backups.get(id);
    if (!kept) throw new MessageError('not-found', t('workerBackupGone'));
    return kept;
  };
  return {
    async 'issue.exportFile'({ issueId }) {
      const [issue, settings, clippings] = await Promise.all([
        deps.issues.get(issueId),
        deps.settings.get(),
        deps.clippings.listByIssue(issueId),
      ]);
      if (!issue) throw new MessageError('not-found', t('workerIssueGone'));
      const lang = settings.language || uiLanguage();
      return buildIssueExport({
        newsletter: settings.newsletterName,
        lang,
        issue,
        sections: settings.sections,
        clippings,
        now: deps.now(),
      });
    },

    async 'issue.import'({ text }) {
      const parsed = parseIssueExport(text);
      if (!parsed.ok) throw new MessageError('bad-request', parsed.error);
      // An import into a published issue would change it: refused like any other edit.
      await refuseIfIssueLocked(deps, parsed.file.issue.id);
      const settings = await deps.settings.get();
      const known = new Set(settings.sections.map((s) => s.id));
      const missing = parsed.file.sections.filter((s) => !known.has(s.id));
      // Sections the issue uses but this profile lacks are added, so no clipping loses its place.
      const merged = missing.length ? { ...settings, sections: [...settings.sections, ...missing] } : undefined;
      return mergeRecords(
        deps.openDb,
        { issues: [parsed.file.issue], clippings: parsed.file.clippings, ...(merged ? { settings: merged } : {}) },
        deps.now(),
      );
    },

    async 'backup.create'() {
      const [settings, issues, clippings] = await Promise.all([deps.settings.get(), deps.issues.list(), deps.clippings.listAll()]);
      return buildBackup({ settings, issues, clippings, now: deps.now() });
    },

    async 'backup.restore'({ text }) {
      return restore(text);
    },

    async 'backups.list'() {
      const [backups, saveFiles] = await Promise.all([deps.backups.list(), deps.backups.saveFiles()]);
      return { backups, saveFiles };
    },

    async 'backups.file'({ id }) {
      return (await requireKept(id)).file;
    },

    async 'backups.restore'({ id }) {
      // Through the file's own text: exactly what restoring the downloaded file would do.
      return restore(renderBackup((await requireKept(id)).file));
    },

    async 'backups.setSaveFiles'({ on }) {
      await deps.backups.setSaveFiles(on);
      return { saveFiles: on };
    },
  };
}
