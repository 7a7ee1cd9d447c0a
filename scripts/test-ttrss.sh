#!/usr/bin/env bash
# `npm run test:ttrss`: the feed sources against a REAL Tiny Tiny RSS. Starts one with scripts/ttrss.sh
# (unless one already answers for the same state dir), runs the tests that need it, and stops it again
# if it started it. Fails, rather than skipping, when Tiny Tiny RSS cannot be started.
set -euo pipefail
cd "$(dirname "$0")/.."
export TTRSS_PORT="${TTRSS_PORT:-8890}"
export TTRSS_STATE_DIR="${TTRSS_STATE_DIR:-${TMPDIR:-/tmp}/nc-ttrss-$TTRSS_PORT}"
started=""
if ! bash scripts/ttrss.sh status >/dev/null 2>&1; then
  bash scripts/ttrss.sh start >/dev/null
  started=1
fi
trap '[ -z "$started" ] || bash scripts/ttrss.sh stop >/dev/null 2>&1 || true' EXIT
TTRSS_REQUIRED=1 npx vitest run src/feeds/ttrss-source.ttrss.test.ts "$@"
