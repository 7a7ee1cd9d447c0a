#!/usr/bin/env bash
# Installs what the two commands need and is missing: npm packages, and Debian's Chromium and Firefox ESR for
# Playwright (Playwright's own browser download is never used). Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -lt 20 ]; then
  echo "Node.js 20 or newer is needed (found: $(node --version 2>/dev/null || echo none))." >&2
  exit 1
fi

# npm ci when node_modules is missing or older than the lock file. Never through a symlinked node_modules
# (a worktree sharing another checkout's packages): npm ci empties the link's target first, under every
# checkout that shares it. Such a checkout is kept up to date where the link points.
if [ -L node_modules ]; then
  [ -d node_modules/.bin ] || { echo "node_modules links to $(readlink node_modules), which has no packages: run npm ci there." >&2; exit 1; }
elif [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "› installing npm packages (npm ci)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

chromium_bin="${CHROMIUM_PATH:-/usr/bin/chromium}"
firefox_bin="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
missing=()
[ -x "$chromium_bin" ] || missing+=(chromium)
[ -x "$firefox_bin" ] || missing+=(firefox-esr)
if [ ${#missing[@]} -gt 0 ]; then
  echo "› installing Debian's ${missing[*]} (apt-get)"
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then sudo_cmd="sudo"; else
      echo "Missing ${missing[*]}, and this user cannot install packages: run 'apt-get install -y ${missing[*]}' as root." >&2
      exit 1
    fi
  fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Tiny Tiny RSS and what it runs on (PHP, PostgreSQL), for the reading-queue tests against a real reader
# (npm run test:ttrss, e2e/journeys/reading-queue.spec.ts). scripts/ttrss.sh keeps the package list and
# installs only what is missing; when everything is there it only asks dpkg (≈ 0.1 s).
if command -v dpkg-query >/dev/null; then
  bash scripts/ttrss.sh install 2>&1 | grep -v '^\[ttrss\] packages are in$' || true
  [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "Could not install Tiny Tiny RSS's packages (see above)." >&2; exit 1; }
else
  echo "› no dpkg here: the Tiny Tiny RSS tests need Debian's tt-rss, php-cli and postgresql packages" >&2
fi
