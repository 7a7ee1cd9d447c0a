import { buildBackup, readBackup } from '../export/backup';
import { t, uiLanguage } from '../i18n/messages';
import { buildIssueExport, parseIssueExport } from '../export/json-export';
import { MessageError } from '../messages/message-error';
import type { Handlers } from '../messages/router';
import { mergeRecords } from '../store/merge-records';
import type { HandlerDeps } from './handler-deps';

type TransferHandlerNames = 'issue.exportFile' | 'issue.import' | 'backup.create' | 'backup.restore';

/** The worker's handlers for files: an issue's JSON export and import, the whole-store backup and restore. */
export function transferHandlers(deps: HandlerDeps): Pick<Handlers, TransferHandlerNames> {
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
      const restored = readBackup(text);
      if ('error' in restored) throw new MessageError('bad-request', restored.error);
      const report = await mergeRecords(deps.openDb, restored, deps.now());
      return { ...report, skipped: [...restored.skipped, ...report.skipped] };
    },
  };
}
