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

# npm ci when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
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
