#!/usr/bin/env bash
# Local PostgreSQL, Elasticsearch and Redis for development and tests.
#   scripts/services.sh start [postgres] [elasticsearch] [redis]   provision + start (idempotent; default: all three)
#   scripts/services.sh stop  [postgres] [elasticsearch] [redis]   stop what runs from .services/
#   scripts/services.sh start es-cluster                           a throwaway three-node Elasticsearch cluster
#   scripts/services.sh stop es-cluster | es-node-N                stop it, or one of its nodes (N = 1..3)
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
REDIS_PORT="${REDIS_PORT:-56379}"
# The cluster's nodes answer HTTP on ES_CLUSTER_PORT, +1, +2 and talk to each other 100 ports above.
ES_CLUSTER_PORT="${ES_CLUSTER_PORT:-59210}"
ES_CLUSTER_NODES=3
ES_CLUSTER_HEAP="${ES_CLUSTER_HEAP:-256m}"
SERVICE_USER="${SERVICE_USER:-earlycare}"
PG_DIR="$SERVICES_DIR/postgres"
ES_DIR="$SERVICES_DIR/elasticsearch"
ES_HOME="$ES_DIR/elasticsearch-$ES_VERSION"
REDIS_DIR="$SERVICES_DIR/redis"
ES_CLUSTER_DIR="$SERVICES_DIR/es-cluster"

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

# The local nodes speak plain HTTP: the security module, where the distribution has one, is turned off.
es_security_off() {
  if [ -d "$ES_HOME/modules/x-pack-security" ]; then printf '%s\n' -E xpack.security.enabled=false; fi
}

# Java 17 (installed when missing), the service user and the unpacked distribution; prints Java's home.
prepare_elasticsearch() {
  local java_home; java_home="$(java17_home || true)"
  [ -n "$java_home" ] || { apt_install openjdk-17-jre-headless >&2; java_home="$(java17_home)"; }
  ensure_service_user >&2
  fetch_elasticsearch >&2
  echo "$java_home"
}

start_elasticsearch() {
  if es_ready; then echo "reused elasticsearch"; return; fi
  local java_home; java_home="$(prepare_elasticsearch)"
  own_dir "$ES_DIR" "$ES_DIR/data" "$ES_DIR/logs" "$ES_DIR/tmp"
  local security=()
  mapfile -t security < <(es_security_off)
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

# Stop the process of a pid file: SIGTERM, up to a minute to finish, then SIGKILL.
stop_pidfile() {
  local pidfile="$1" name="$2" pid
  [ -f "$pidfile" ] || return 0
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping $name (pid $pid)"
    kill "$pid"
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" || true
  fi
  rm -f "$pidfile"
}

stop_elasticsearch() { stop_pidfile "$ES_DIR/elasticsearch.pid" Elasticsearch; }

# ---------------------------------------------------- Elasticsearch cluster (tests of a lost node)
es_node_port() { echo $((ES_CLUSTER_PORT + $1 - 1)); }
es_cluster_url() {
  local urls=() n
  for n in $(seq 1 "$ES_CLUSTER_NODES"); do urls+=("http://127.0.0.1:$(es_node_port "$n")"); done
  (IFS=,; echo "${urls[*]}")
}
es_cluster_ready() {
  curl -fsS "http://127.0.0.1:$ES_CLUSTER_PORT/_cluster/health?wait_for_nodes=$ES_CLUSTER_NODES&timeout=1s" 2>/dev/null \
    | grep -q "\"number_of_nodes\":$ES_CLUSTER_NODES"
}

# Three master-eligible data nodes of the same minimal distribution, each with its own config, data and logs
# folders and a small heap. A throwaway cluster: its data is wiped at every start. The JVMs compile with C1 only
# (TieredStopAtLevel=1): the three nodes start with half the CPU, which a test cluster on a busy machine needs more
# than peak query speed.
start_es_cluster() {
  if es_cluster_ready; then echo "reused es-cluster"; return; fi
  local java_home; java_home="$(prepare_elasticsearch)"
  local security=() seeds=() masters=() n node pids=()
  mapfile -t security < <(es_security_off)
  for n in $(seq 1 "$ES_CLUSTER_NODES"); do
    seeds+=("127.0.0.1:$(($(es_node_port "$n") + 100))")
    masters+=("node-$n")
  done
  rm -rf "$ES_CLUSTER_DIR"
  for n in $(seq 1 "$ES_CLUSTER_NODES"); do
    node="$ES_CLUSTER_DIR/node-$n"
    mkdir -p "$node"
    cp -r "$ES_HOME/config" "$node/config"
    own_dir "$node" "$node/data" "$node/logs" "$node/tmp"
    log "starting Elasticsearch cluster node $n on http://127.0.0.1:$(es_node_port "$n") (log: $node/logs/portal-cluster.log)"
    as_service_user env ES_JAVA_HOME="$java_home" ES_TMPDIR="$node/tmp" ES_PATH_CONF="$node/config" \
      ES_JAVA_OPTS="-Xms$ES_CLUSTER_HEAP -Xmx$ES_CLUSTER_HEAP -XX:TieredStopAtLevel=1" \
      "$ES_HOME/bin/elasticsearch" -d -p "$node/elasticsearch.pid" \
      -E cluster.name=portal-cluster -E node.name="node-$n" -E network.host=127.0.0.1 \
      -E http.port="$(es_node_port "$n")" -E transport.port=$(($(es_node_port "$n") + 100)) \
      -E discovery.seed_hosts="$(IFS=,; echo "${seeds[*]}")" \
      -E cluster.initial_master_nodes="$(IFS=,; echo "${masters[*]}")" \
      -E path.data="$node/data" -E path.logs="$node/logs" \
      -E cluster.routing.allocation.disk.threshold_enabled=false \
      -E action.destructive_requires_name=false "${security[@]}" >"$node/start.log" 2>&1 &
    pids+=($!)
  done
  # Each launcher returns once its node runs (they start side by side: a node waits for the others to form the
  # cluster).
  for n in $(seq 1 "$ES_CLUSTER_NODES"); do
    wait "${pids[$((n - 1))]}" || die "Elasticsearch cluster node $n did not start, see $ES_CLUSTER_DIR/node-$n/start.log and $ES_CLUSTER_DIR/node-$n/logs/portal-cluster.log"
  done
  local health=""
  for _ in $(seq 1 90); do
    health="$(curl -fsS "http://127.0.0.1:$ES_CLUSTER_PORT/_cluster/health?wait_for_nodes=$ES_CLUSTER_NODES&wait_for_status=green&timeout=2s" 2>/dev/null || true)"
    echo "$health" | grep -q '"timed_out":false' && break
    sleep 1
  done
  echo "$health" | grep -q '"timed_out":false' \
    || die "the Elasticsearch cluster did not form on $(es_cluster_url), see $ES_CLUSTER_DIR/node-*/logs/portal-cluster.log"
  echo "started es-cluster"
}

stop_es_node() { stop_pidfile "$ES_CLUSTER_DIR/node-$1/elasticsearch.pid" "Elasticsearch cluster node $1"; }

stop_es_cluster() {
  local n
  for n in $(seq 1 "$ES_CLUSTER_NODES"); do stop_es_node "$n" & done
  wait
}

# ---------------------------------------------------------------------- Redis
redis_ready() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; }

# Debian's redis-server as a private cache: loopback only, nothing saved to disk, least recently used keys go
# first when its memory is full.
start_redis() {
  if redis_ready; then echo "reused redis"; return; fi
  command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1 || apt_install redis-server
  ensure_service_user
  own_dir "$REDIS_DIR"
  log "starting Redis on 127.0.0.1:$REDIS_PORT (log: $REDIS_DIR/redis.log)"
  rm -f "$REDIS_DIR/redis.pid"
  as_service_user redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$REDIS_DIR" \
    --daemonize yes --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" \
    --save "" --appendonly no --maxmemory 256mb --maxmemory-policy allkeys-lru \
    >"$REDIS_DIR/start.log" 2>&1 || die "Redis did not start, see $REDIS_DIR/start.log and $REDIS_DIR/redis.log"
  for _ in $(seq 1 50); do redis_ready && break; sleep 0.2; done
  redis_ready || die "Redis is not answering on port $REDIS_PORT, see $REDIS_DIR/redis.log"
  echo "started redis"
}

stop_redis() { stop_pidfile "$REDIS_DIR/redis.pid" Redis; }

write_env() {
  mkdir -p "$SERVICES_DIR"
  cat >"$SERVICES_DIR/env" <<ENV
export DATABASE_URL=postgres://portal@127.0.0.1:$PG_PORT/portal
export ELASTICSEARCH_URL=$(es_url)
export CACHE_URL=redis://127.0.0.1:$REDIS_PORT/0
ENV
}

usage() { die "usage: $0 start|stop|status [postgres] [elasticsearch] [redis] [es-cluster] (stop also es-node-N)"; }

command="${1:-status}"; shift || true
services=("$@"); [ ${#services[@]} -gt 0 ] || services=(postgres elasticsearch redis)
case "$command" in
  start)
    env_services=0
    for s in "${services[@]}"; do
      case "$s" in
        postgres | elasticsearch | redis) "start_$s"; env_services=1 ;;
        es-cluster) start_es_cluster ;;
        *) usage ;;
      esac
    done
    # The cluster is for tests that name it themselves; .services/env keeps the addresses of the others.
    if [ "$env_services" = 1 ]; then
      write_env
      log "connection settings written to $SERVICES_DIR/env"
    fi
    ;;
  stop)
    for s in "${services[@]}"; do
      case "$s" in
        postgres | elasticsearch | redis) "stop_$s" ;;
        es-cluster) stop_es_cluster ;;
        es-node-[1-9]) stop_es_node "${s#es-node-}" ;;
        *) usage ;;
      esac
    done
    ;;
  status)
    pg_ready && echo "postgres: running on 127.0.0.1:$PG_PORT" || echo "postgres: not running"
    es_ready && echo "elasticsearch: running on $(es_url)" || echo "elasticsearch: not running"
    redis_ready && echo "redis: running on 127.0.0.1:$REDIS_PORT" || echo "redis: not running"
    es_cluster_ready && echo "es-cluster: running on $(es_cluster_url)" || echo "es-cluster: not running"
    ;;
  *) usage ;;
esac
