#!/usr/bin/env bash
# Browser-test dependencies: Debian's chromium (never a browser download) and axe-core from npm.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ ! -x /usr/bin/chromium ]; then
  [ "$(id -u)" = 0 ] || { echo "e2e: install chromium: sudo apt-get install -y chromium" >&2; exit 1; }
  echo "e2e: installing Debian's chromium" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if [ ! -f "$ROOT/node_modules/axe-core/axe.min.js" ]; then
  echo "e2e: installing axe-core from the npm registry" >&2
  (cd "$ROOT" && npm ci --silent --no-audit --no-fund)
fi
