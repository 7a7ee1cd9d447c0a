import { listOf, plural, t } from '../i18n/messages';
import type { MergeReport } from './protocol';

/** The result of an import or restore in plain words, e.g. "Restored 3 issues, 120 clippings and the settings." */
export function mergeReportText(report: MergeReport, verb: 'Restored' | 'Imported'): string {
  const parts = [plural('reportIssues', report.issues), plural('reportClippings', report.clippings)];
  if (report.settings) parts.push(t('reportSettings'));
  const done = t(verb === 'Restored' ? 'reportRestored' : 'reportImported', listOf(parts));
  return report.skipped.length ? `${done} ${plural('reportSkipped', report.skipped.length)}` : done;
}
