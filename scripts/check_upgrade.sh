#!/usr/bin/env bash
# Does a site deployed at an earlier commit upgrade with `migrate` alone, serving the same data afterwards?
#   scripts/check_upgrade.sh [FROM_COMMIT] [SYNTHETIC_PROVIDERS]      (make check-upgrade; needs `make services`)
# The earlier code migrates a fresh PostgreSQL database and loads the demo with N synthetic providers; its exports,
# API answers and a sample of pages are written (scripts/upgrade_snapshot.py); today's code then migrates the same
# database and writes them again; the two are compared file by file and answer by answer.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FROM="${1:-5db6888}"
PROVIDERS="${2:-2000}"
PY="$ROOT/.venv/bin/python"
cd "$ROOT"
# shellcheck disable=SC1091
source .services/env
WORK="$(mktemp -d /tmp/portal-upgrade.XXXXXX)"
trap 'git -C "$ROOT" worktree remove --force "$WORK/old" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
DB=portal_upgrade_check
BASE="${DATABASE_URL%/*}"
psql "$BASE/postgres" -qc "DROP DATABASE IF EXISTS $DB" -qc "CREATE DATABASE $DB"
export DATABASE_URL="$BASE/$DB" DJANGO_SETTINGS_MODULE=portal.settings.dev PORTAL_VAR_DIR="$WORK/var"
unset ELASTICSEARCH_URL
git worktree add --quiet --detach "$WORK/old" "$FROM"

echo "== $FROM: migrate, load the demo with $PROVIDERS synthetic providers, snapshot"
(cd "$WORK/old" && "$PY" manage.py migrate --noinput -v 0 && "$PY" manage.py load_demo --providers "$PROVIDERS" >/dev/null \
  && "$PY" "$ROOT/scripts/upgrade_snapshot.py" "$WORK/before")
echo "== $(git rev-parse --short HEAD): migrate the same database"
"$PY" manage.py showmigrations --plan | grep -c '\[ \]' | sed 's/^/migrations to apply: /'
"$PY" manage.py migrate --noinput
"$PY" scripts/upgrade_snapshot.py "$WORK/after"
"$PY" scripts/compare_snapshots.py "$WORK/before" "$WORK/after"
