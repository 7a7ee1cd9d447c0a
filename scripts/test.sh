#!/usr/bin/env bash
# `npm test`: set-up, type-check, unit tests, build, end-to-end tests in Debian's Chromium and Firefox ESR.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
bash scripts/ensure-deps.sh
echo "› type-check"
npm run --silent typecheck
echo "› lint"
npx eslint --max-warnings 0 .
npx prettier --check . >/dev/null || { npx prettier --list-different .; echo "Prettier: the files above are not formatted (npm run format)"; exit 1; }
echo "› unit tests"
npx vitest run --reporter=default --reporter=json --outputFile=reports/unit.json
echo "› build"
npm run --silent build:test >/dev/null
npm run --silent size
echo "› end-to-end tests (Chromium: ${CHROMIUM_PATH:-/usr/bin/chromium}; Firefox: ${FIREFOX_PATH:-/usr/bin/firefox-esr})"
npx playwright test
echo "npm test finished in $(( $(date +%s) - start )) s"
node scripts/test-summary.mjs reports/unit.json reports/e2e.json
