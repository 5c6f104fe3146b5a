#!/usr/bin/env bash
# make test: start PostgreSQL + Elasticsearch if they are not running, run the whole suite against
# them and a real Chromium, and stop whatever this script started — also when tests fail.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

started=()
cleanup() {
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

set +e
.venv/bin/python -m pytest "$@"
status=$?
set -e
exit $status
