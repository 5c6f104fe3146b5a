#!/usr/bin/env bash
# make test: start PostgreSQL, Elasticsearch and Redis if they are not running, run the whole suite against
# them and a real Chromium, and stop whatever this script started — also when tests fail.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# Some machines export PYTHONDONTWRITEBYTECODE=1: every pytest process then compiles the project and rewrites
# hypothesis' and schemathesis' modules again (collection took 16 s per worker instead of 9 s here).
unset PYTHONDONTWRITEBYTECODE

started=()
template=""
cleanup() {
  [ -z "$template" ] || kill "$template" 2>/dev/null || true
  if [ ${#started[@]} -gt 0 ]; then bash scripts/services.sh stop "${started[@]}"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

while read -r verb name; do
  [ "$verb" = started ] && started+=("$name")
done < <(bash scripts/services.sh start)
[ -f .services/env ] || { echo "test: .services/env was not written" >&2; exit 1; }
# shellcheck disable=SC1091
source .services/env
bash scripts/e2e_deps.sh

# The test databases' migrated template (tests/db_template.py) is built beside pytest's start-up; pytest builds
# it itself if this fails, and a worker that needs it meanwhile waits under the same lock.
mkdir -p var
.venv/bin/python -m tests.db_template >var/db-template.log 2>&1 &
template=$!

# One worker per core (pytest-xdist; each has its own test database, indices and browser). TEST_WORKERS=0 runs
# in this process; tests in one xdist_group share a worker (and the fixtures they build once).
set +e
# Branch coverage of the application code (pyproject.toml [tool.coverage]); its total is printed after the slowest
# tests and the run fails below the floor there. COVERAGE=0 runs without it (faster, for a quick local check).
coverage=()
[ "${COVERAGE:-1}" = 0 ] || coverage=(--cov --cov-report= )
.venv/bin/python -m pytest -n "${TEST_WORKERS:-auto}" --dist loadgroup "${coverage[@]}" "$@"
status=$?
wait "$template" || echo "test: building the template beforehand failed (see var/db-template.log)" >&2
template=""
set -e
exit $status
