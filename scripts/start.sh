#!/usr/bin/env bash
# `npm start`: set-up, build, then open Chromium with the extension on the sample articles.
# With a display it is an interactive session; without one (SSH, CI) it runs the scripted tour headless.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
echo "› build"
npm run --silent build:test >/dev/null
if [ -n "${DISPLAY:-}" ] && [ -z "${CI:-}" ] && [ "${HEADLESS:-}" != "1" ]; then
  exec npx tsx scripts/interactive.ts
fi
exec npx tsx scripts/tour.ts
