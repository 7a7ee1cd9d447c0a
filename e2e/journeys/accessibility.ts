import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserTab } from '../driver/extension-browser';
import { type ContrastReport, textContrast } from './text-contrast';

/** axe-core's browser bundle, read once (it defines `window.axe` when evaluated in a page). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One axe rule a page breaks, with the elements that break it. */
export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  targets: string[];
}

/** What one view looks like to axe and to the contrast check. */
export interface ViewAudit {
  view: string;
  scheme: string;
  violations: AxeViolation[];
  contrast: ContrastReport;
}

/** axe's critical and serious violations: what the audits assert there are none of. */
export const grave = (audit: ViewAudit) => audit.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');

/**
 * Runs axe-core (every rule it runs by default: WCAG 2.x A/AA and best practices) and the text
 * contrast check on the page in `tab`. `exclude` names elements axe skips: the issue desk's preview
 * frame is sandboxed without scripts, and axe waits for an answer from inside it that never comes;
 * that document is audited on its own (see {@link auditDocument}).
 */
export async function audit(tab: BrowserTab, view: string, scheme: string, exclude: string[] = []): Promise<ViewAudit> {
  const injected = await tab.evaluate<boolean>(`typeof axe === 'object'`);
  if (!injected) await tab.evaluate<boolean>(`(() => { ${AXE_SOURCE}\n; return typeof axe === 'object'; })()`);
  const context = exclude.length ? JSON.stringify({ exclude: exclude.map((selector) => [selector]) }) : 'document';
  const violations = await tab.evaluate<AxeViolation[]>(`(async () => {
    const result = await axe.run(${context}, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  })()`);
  const contrast = await tab.evaluate<ContrastReport>(`(${textContrast.toString()})()`);
  return { view, scheme, violations, contrast };
}

/**
 * Audits an HTML document (the desk's preview, whose frame axe cannot enter) as a page of its own:
 * `html` replaces the document of `tab` (an extension page the test opened for it, in the same colour
 * scheme), so it is laid out and styled as the frame shows it.
 */
export async function auditDocument(tab: BrowserTab, html: string, view: string, scheme: string): Promise<ViewAudit> {
  await tab.evaluate<boolean>(`(() => {
    document.open();
    document.write(${JSON.stringify(html)});
    document.close();
    return true;
  })()`);
  return audit(tab, view, scheme);
}

/** A small table of the audits, one row per view and scheme, for the test output. */
export function auditTable(audits: ViewAudit[]): string {
  const rows = audits.map((a) => {
    const count = (impact: string) => a.violations.filter((v) => v.impact === impact).length;
    return [
      a.view,
      a.scheme,
      String(count('critical')),
      String(count('serious')),
      String(count('moderate') + count('minor')),
      `${a.contrast.failures.length} of ${a.contrast.checked}`,
      a.violations.map((v) => `${v.id} (${v.impact})`).join(', ') || '–',
    ];
  });
  const head = ['view', 'scheme', 'axe critical', 'axe serious', 'axe other', 'text under AA', 'axe rules broken'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

/** Every contrast failure of the audits, one line each, for a failing assertion's message. */
export function contrastLines(audits: ViewAudit[]): string[] {
  return audits.flatMap((a) =>
    a.contrast.failures.map(
      (f) => `${a.view} (${a.scheme}): ${f.element} “${f.text}” ${f.foreground} on ${f.background} = ${f.ratio}:1 < ${f.required}:1`,
    ),
  );
}
