import type { MergeReport } from './protocol';

/** The result of an import or restore in plain words, e.g. "Restored 3 issues, 120 clippings and the settings." */
export function mergeReportText(report: MergeReport, verb: 'Restored' | 'Imported'): string {
  const parts = [
    `${report.issues} ${report.issues === 1 ? 'issue' : 'issues'}`,
    `${report.clippings} ${report.clippings === 1 ? 'clipping' : 'clippings'}`,
  ];
  if (report.settings) parts.push('the settings');
  const list = parts.length === 3 ? `${parts[0]}, ${parts[1]} and ${parts[2]}` : `${parts[0]} and ${parts[1]}`;
  const skipped = report.skipped.length
    ? ` ${report.skipped.length} ${report.skipped.length === 1 ? 'record was' : 'records were'} left out (listed below).`
    : '';
  return `${verb} ${list}.${skipped}`;
}
