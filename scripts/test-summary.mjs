// Prints one closing line for the whole `npm test` run — "tests: N passed, N failed" — from the
// vitest and Playwright JSON reports, so CI reads one count for both runners.
import { readFileSync } from 'node:fs';

const [unitPath, e2ePath] = process.argv.slice(2);
const unit = JSON.parse(readFileSync(unitPath, 'utf8'));
const e2e = JSON.parse(readFileSync(e2ePath, 'utf8'));
const flaky = e2e.stats?.flaky ?? 0;
const passed = unit.numPassedTests + (e2e.stats?.expected ?? 0) + flaky;
const failed = unit.numFailedTests + (e2e.stats?.unexpected ?? 0);
console.log(
  `unit ${unit.numPassedTests}/${unit.numTotalTests}, end-to-end ${e2e.stats?.expected ?? 0} passed (${e2e.stats?.skipped ?? 0} skipped)`,
);
if (flaky) console.log(`flaky: ${flaky} end-to-end test(s) failed once and passed on the retry (see the list above)`);
console.log(`tests: ${passed} passed, ${failed} failed${flaky ? ` (${flaky} flaky)` : ''}`);
