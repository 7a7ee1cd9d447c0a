/**
 * Date scoring in Node (linkedom), ours only: a quick loop for work on the date rules (the
 * Chromium bench, bench/capture.ts, is the measure of record).
 *
 *   npx tsx bench/dates-node.ts DIR [DIR…] [--limit N] [--misses]
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { extractCapture } from '../src/capture/extract';
import { documentAt } from '../test/document';
import { percent, scoreCase, type FieldTally, type ScoredField } from './capture-scoring';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { limit: { type: 'string' }, misses: { type: 'boolean' }, all: { type: 'boolean' } },
});
const limit = values.limit ? Number(values.limit) : Infinity;
for (const dir of positionals) {
  const corpus = basename(resolve(dir));
  const scoring =
    corpus === 'htmldate' ? { fields: ['publishedTime'] as const, daysAsWritten: true } : { fields: ['publishedTime'] as const };
  const tallies: Partial<Record<ScoredField, FieldTally>> = {};
  let wrongCertain = 0;
  let unsure = 0;
  let n = 0;
  for (const name of readdirSync(dir).sort()) {
    if (n >= limit) break;
    const caseDir = join(dir, name);
    if (!existsSync(join(caseDir, 'source.html'))) continue;
    const expected = JSON.parse(readFileSync(join(caseDir, 'expected.json'), 'utf8')) as Record<string, string>;
    if (typeof expected.publishedTime !== 'string') continue;
    n++;
    const meta = JSON.parse(readFileSync(join(caseDir, 'meta.json'), 'utf8')) as { pageUrl?: string };
    let got: string | undefined;
    let uncertain = false;
    let source: string;
    try {
      const capture = extractCapture(documentAt(readFileSync(join(caseDir, 'source.html'), 'utf8'), meta.pageUrl), { now: new Date() });
      got = capture.publishedTime?.value;
      uncertain = !!capture.publishedTime?.uncertain;
      source = capture.publishedTime?.source ?? '';
    } catch (error) {
      source = `error: ${String(error).slice(0, 80)}`;
    }
    const [result] = scoreCase(tallies, { publishedTime: expected.publishedTime }, { publishedTime: got }, scoring);
    if (got && uncertain) unsure++;
    if (got && !uncertain && !result!.lenient) wrongCertain++;
    if (values.misses && (!result!.lenient || (values.all && !result!.exact)))
      console.log(
        `${name}\twant ${expected.publishedTime}\tgot ${got ?? '-'}\t${source}${uncertain ? ' (uncertain)' : ''}\t${meta.pageUrl}`,
      );
  }
  const t = tallies.publishedTime!;
  console.log(
    `${corpus}: ${t.n} dates, exact ${percent(t.exact, t.n)} %, lenient ${percent(t.lenient, t.n)} %, wrong as certain ${wrongCertain}, uncertain ${unsure}`,
  );
}
