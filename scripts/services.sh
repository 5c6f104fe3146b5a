#!/usr/bin/env bash
# Local PostgreSQL and Elasticsearch for development and tests.
#   scripts/services.sh start [postgres] [elasticsearch]   provision + start (idempotent)
#   scripts/services.sh stop  [postgres] [elasticsearch]   stop what runs from .services/
#   scripts/services.sh status
# `start` prints one line per service: "started <name>" or "reused <name>", so callers
# (scripts/test.sh) stop only what they started. Everything lives under .services/ (git-ignored),
# binds to 127.0.0.1 on non-default ports, and runs as a non-root OS user.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SERVICES_DIR="${SERVICES_DIR:-$ROOT/.services}"
CACHE_DIR="${PORTAL_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/early-care-portal}"
PG_PORT="${PG_PORT:-55432}"
ES_PORT="${ES_PORT:-59200}"
ES_VERSION="${ES_VERSION:-8.19.8}"
SERVICE_USER="${SERVICE_USER:-earlycare}"
PG_DIR="$SERVICES_DIR/postgres"
ES_DIR="$SERVICES_DIR/elasticsearch"
ES_HOME="$ES_DIR/elasticsearch-$ES_VERSION"

log() { echo "services: $*" >&2; }
die() { echo "services: ERROR: $*" >&2; exit 1; }

# Run a command as the unprivileged service user when we are root (initdb and Elasticsearch refuse root).
as_service_user() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u "$SERVICE_USER" -- "$@"
  else
    "$@"
  fi
}

ensure_service_user() {
  [ "$(id -u)" = 0 ] || return 0
  id -u "$SERVICE_USER" >/dev/null 2>&1 && return 0
  log "creating system user $SERVICE_USER"
  useradd --system --no-create-home --shell /usr/sbin/nologin "$SERVICE_USER"
}

own_dir() {
  mkdir -p "$@"
  if [ "$(id -u)" = 0 ]; then chown -R "$SERVICE_USER" "$@"; fi
}

apt_install() {
  [ "$(id -u)" = 0 ] || die "missing $*; install it with: sudo apt-get install -y $*"
  log "installing Debian packages: $*"
  if [ ! -f /tmp/.portal-apt-updated ]; then apt-get update -qq && touch /tmp/.portal-apt-updated; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# ---------------------------------------------------------------- PostgreSQL
pg_bindir() {
  local dir
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir; return
  fi
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

pg_ready() { pg_isready -q -h 127.0.0.1 -p "$PG_PORT" >/dev/null 2>&1; }

start_postgres() {
  if pg_ready; then echo "reused postgres"; return; fi
  local bindir; bindir="$(pg_bindir || true)"
  if [ -z "$bindir" ]; then apt_install postgresql; bindir="$(pg_bindir)"; fi
  ensure_service_user
  own_dir "$PG_DIR" "$PG_DIR/run"
  if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
    log "initialising PostgreSQL cluster in $PG_DIR/data"
    as_service_user "$bindir/initdb" -D "$PG_DIR/data" -U portal --auth=trust -E UTF8 \
      --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 || die "initdb failed, see $PG_DIR/initdb.log"
  fi
  log "starting PostgreSQL on 127.0.0.1:$PG_PORT (log: $PG_DIR/postgres.log)"
  as_service_user "$bindir/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_DIR/run -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" \
    start >/dev/null || die "PostgreSQL did not start, see $PG_DIR/postgres.log"
  for _ in $(seq 1 60); do pg_ready && break; sleep 1; done
  pg_ready || die "PostgreSQL is not answering on port $PG_PORT, see $PG_DIR/postgres.log"
  if ! psql -h 127.0.0.1 -p "$PG_PORT" -U portal -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname='portal'" | grep -q 1; then
    createdb -h 127.0.0.1 -p "$PG_PORT" -U portal portal
  fi
  echo "started postgres"
}

stop_postgres() {
  local bindir; bindir="$(pg_bindir || true)"
  if [ -n "$bindir" ] && [ -f "$PG_DIR/data/postmaster.pid" ]; then
    log "stopping PostgreSQL"
    as_service_user "$bindir/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null || true
  fi
}

# ------------------------------------------------------------- Elasticsearch
es_url() { echo "http://127.0.0.1:$ES_PORT"; }
es_ready() { curl -fsS "$(es_url)/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; }

java17_home() {
  local home
  for home in "${ES_JAVA_HOME:-}" /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk-arm64; do
    [ -n "$home" ] && [ -x "$home/bin/java" ] && { echo "$home"; return; }
  done
  home="$(ls -d /usr/lib/jvm/*17* 2>/dev/null | head -n 1 || true)"
  [ -n "$home" ] && [ -x "$home/bin/java" ] && echo "$home"
}

fetch_elasticsearch() {
  local zip="$CACHE_DIR/elasticsearch-$ES_VERSION.zip"
  if [ ! -s "$zip" ]; then
    command -v mvn >/dev/null 2>&1 || apt_install maven
    mkdir -p "$CACHE_DIR"
    log "downloading Elasticsearch $ES_VERSION from Maven Central (cached in $CACHE_DIR)"
    mvn -q -B dependency:copy \
      "-Dartifact=org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
      "-DoutputDirectory=$CACHE_DIR" >"$CACHE_DIR/mvn.log" 2>&1 \
      || die "could not download Elasticsearch, see $CACHE_DIR/mvn.log"
  fi
  if [ ! -x "$ES_HOME/bin/elasticsearch" ]; then
    mkdir -p "$ES_DIR"
    command -v unzip >/dev/null 2>&1 || apt_install unzip
    unzip -q -o "$zip" -d "$ES_DIR"
  fi
}

start_elasticsearch() {
  if es_ready; then echo "reused elasticsearch"; return; fi
  local java_home; java_home="$(java17_home || true)"
  [ -n "$java_home" ] || { apt_install openjdk-17-jre-headless; java_home="$(java17_home)"; }
  ensure_service_user
  fetch_elasticsearch
  own_dir "$ES_DIR" "$ES_DIR/data" "$ES_DIR/logs" "$ES_DIR/tmp"
  local security=()
  [ -d "$ES_HOME/modules/x-pack-security" ] && security=(-E xpack.security.enabled=false)
  log "starting Elasticsearch $ES_VERSION on $(es_url) (log: $ES_DIR/logs/portal.log)"
  rm -f "$ES_DIR/elasticsearch.pid"
  as_service_user env ES_JAVA_HOME="$java_home" ES_TMPDIR="$ES_DIR/tmp" \
    ES_JAVA_OPTS="${ES_JAVA_OPTS:--Xms512m -Xmx512m}" \
    "$ES_HOME/bin/elasticsearch" -d -p "$ES_DIR/elasticsearch.pid" \
    -E cluster.name=portal -E node.name=portal-local \
    -E discovery.type=single-node -E network.host=127.0.0.1 -E http.port="$ES_PORT" \
    -E transport.port=$((ES_PORT + 100)) \
    -E path.data="$ES_DIR/data" -E path.logs="$ES_DIR/logs" \
    -E cluster.routing.allocation.disk.threshold_enabled=false \
    -E action.destructive_requires_name=false "${security[@]}" \
    >"$ES_DIR/start.log" 2>&1 || die "Elasticsearch did not start, see $ES_DIR/start.log and $ES_DIR/logs/portal.log"
  local status=""
  for _ in $(seq 1 90); do
    status="$(curl -fsS "$(es_url)/_cluster/health?wait_for_status=yellow&timeout=2s" 2>/dev/null || true)"
    [ -n "$status" ] && break
    sleep 1
  done
  [ -n "$status" ] || die "Elasticsearch is not healthy on $(es_url), see $ES_DIR/logs/portal.log"
  echo "started elasticsearch"
}

stop_elasticsearch() {
  local pidfile="$ES_DIR/elasticsearch.pid" pid
  [ -f "$pidfile" ] || return 0
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping Elasticsearch (pid $pid)"
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" || true
  fi
  rm -f "$pidfile"
}

write_env() {
  mkdir -p "$SERVICES_DIR"
  cat >"$SERVICES_DIR/env" <<ENV
export DATABASE_URL=postgres://portal@127.0.0.1:$PG_PORT/portal
export ELASTICSEARCH_URL=$(es_url)
ENV
}

command="${1:-status}"; shift || true
services=("$@"); [ ${#services[@]} -gt 0 ] || services=(postgres elasticsearch)
case "$command" in
  start)
    for s in "${services[@]}"; do "start_$s"; done
    write_env
    log "connection settings written to $SERVICES_DIR/env"
    ;;
  stop)
    for s in "${services[@]}"; do "stop_$s"; done
    ;;
  status)
    pg_ready && echo "postgres: running on 127.0.0.1:$PG_PORT" || echo "postgres: not running"
    es_ready && echo "elasticsearch: running on $(es_url)" || echo "elasticsearch: not running"
    ;;
  *) die "usage: $0 start|stop|status [postgres] [elasticsearch]" ;;
esac
