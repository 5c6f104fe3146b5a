#!/usr/bin/env bash
# make test: start PostgreSQL + Elasticsearch if they are not running, run the whole suite against
# them and a real Chromium, and stop whatever this script started — also when tests fail.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# Some machines export PYTHONDONTWRITEBYTECODE=1: every pytest process then compiles the project and rewrites
# hypothesis' and schemathesis' modules again (collection took 16 s per worker instead of 9 s here).
unset PYTHONDONTWRITEBYTECODE

started=()
es_log="$(mktemp)"
es_job=""
cleanup() {
  if [ -n "$es_job" ]; then
    wait "$es_job" 2>/dev/null || true
    cat "$es_log"
    grep -q '^started elasticsearch' "$es_log" && started+=(elasticsearch)
  fi
  rm -f "$es_log"
  if [ ${#started[@]} -gt 0 ]; then bash scripts/services.sh stop "${started[@]}"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

while read -r verb name; do
  [ "$verb" = started ] && started+=("$name")
done < <(bash scripts/services.sh start postgres)
[ -f .services/env ] || { echo "test: .services/env was not written" >&2; exit 1; }
# shellcheck disable=SC1091
source .services/env
# Elasticsearch takes about 25 s to start: when it is down, it starts beside the suite (collection, then each
# worker's test database), and each worker waits for the cluster once its database is ready (tests/conftest.py).
# A live process in its pid file is a start already under way: not started twice.
es_pid="$(cat .services/elasticsearch/elasticsearch.pid 2>/dev/null || true)"
if ! curl -fsS "$ELASTICSEARCH_URL/_cluster/health" >/dev/null 2>&1 && ! { [ -n "$es_pid" ] && kill -0 "$es_pid" 2>/dev/null; }; then
  bash scripts/services.sh start elasticsearch >"$es_log" 2>&1 &
  es_job=$!
fi
bash scripts/e2e_deps.sh

# One worker per core (pytest-xdist; each has its own test database, indices and browser). TEST_WORKERS=0 runs
# in this process; tests in one xdist_group share a worker (and the fixtures they build once).
set +e
.venv/bin/python -m pytest -n "${TEST_WORKERS:-auto}" --dist loadgroup "$@"
status=$?
set -e
exit $status
