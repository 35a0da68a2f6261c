#!/usr/bin/env bash
# Brings up what the services and their integration tests need on this machine:
# PostgreSQL (127.0.0.1:5432), Redis (127.0.0.1:$REDIS_PORT, default 6379) and Kafka.
#   usage: tools/infra/deps.sh up|down
# Services that already answer are used as they are. "down" stops only Kafka,
# and only if kafka.sh started it: PostgreSQL and Redis belong to the machine.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HOST=127.0.0.1
REDIS_PORT="${REDIS_PORT:-6379}"
DATABASES=(switchboard switchboard_test)
APT_UPDATED=

log() { echo "[deps] $*"; }
die() { echo "[deps] ERROR: $*" >&2; exit 1; }

wait_for() { # $1 seconds, then the probe command
  local deadline=$((SECONDS + $1))
  shift
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || return 1
    sleep 1
  done
}

apt_install() {
  if [[ $(id -u) != 0 ]] || ! command -v apt-get >/dev/null; then
    die "$* not installed, and this is not a root shell with apt-get: install by hand"
  fi
  if [[ -z $APT_UPDATED ]]; then
    log "running: apt-get update"
    apt-get update -qq
    APT_UPDATED=1
  fi
  log "running: apt-get install -y $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

pg_ready() { pg_isready -q -h "$HOST" -p 5432; }
# shellcheck disable=SC2012 # version directories are plain numbers
pg_version() { ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1; } # newest, if several
pg_ctl() { pg_ctlcluster --skip-systemctl-redirect "$(pg_version)" main "$@"; }

ensure_postgres() {
  if command -v pg_isready >/dev/null && pg_ready; then
    log "PostgreSQL answers on $HOST:5432"
    return
  fi
  if ! command -v pg_ctlcluster >/dev/null || [[ -z $(pg_version) ]]; then
    apt_install postgresql
    # A fresh Debian cluster asks for passwords over TCP; the apps connect as
    # postgres without one, as on the prepared machines, so trust loopback.
    local hba
    hba="/etc/postgresql/$(pg_version)/main/pg_hba.conf"
    log "trusting 127.0.0.1 and ::1 in $hba"
    sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
    if pg_ctl status >/dev/null 2>&1; then pg_ctl reload; fi
  fi
  if ! pg_ctl status >/dev/null 2>&1; then
    log "running: pg_ctlcluster --skip-systemctl-redirect $(pg_version) main start"
    pg_ctl start
  fi
  wait_for 30 pg_ready || die "PostgreSQL does not answer on $HOST:5432 (see /var/log/postgresql/)"
  log "PostgreSQL answers on $HOST:5432"
}

psql_tcp() { psql -h "$HOST" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

ensure_databases() {
  local sql=psql_tcp db
  if ! psql_tcp -c 'SELECT 1' >/dev/null 2>&1; then
    # Not trust auth over TCP: as root we can still use the local socket's peer auth.
    [[ $(id -u) == 0 ]] || die "cannot connect as postgres to $HOST:5432 without a password"
    log "WARNING: postgres@$HOST:5432 needs a password; the apps' DATABASE_URL will need one too"
    sql=psql_socket
  fi
  for db in "${DATABASES[@]}"; do
    if [[ $($sql -c "SELECT 1 FROM pg_database WHERE datname='$db'") == 1 ]]; then
      log "database $db exists"
    else
      log "creating database $db"
      $sql -c "CREATE DATABASE \"$db\""
    fi
  done
}

psql_socket() { (cd / && runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtA "$@"); }

redis_ready() { [[ $(redis-cli -h "$HOST" -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]; }

writable_dir() { # first of the given dirs that exists and is writable, else the last (created)
  local d
  for d in "$@"; do [[ -d $d && -w $d ]] && { echo "$d"; return; }; done
  mkdir -p "$d" && echo "$d"
}

ensure_redis() {
  if command -v redis-cli >/dev/null && redis_ready; then
    log "Redis answers on $HOST:$REDIS_PORT"
    return
  fi
  if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null; then
    apt_install redis-server
    # Where an init system runs, the package has started its own server.
    if wait_for 3 redis_ready; then
      log "Redis answers on $HOST:$REDIS_PORT"
      return
    fi
  fi
  local dir logdir
  dir="$(writable_dir /var/lib/redis "$ROOT/.infra/redis")"
  logdir="$(writable_dir /var/log/redis "$ROOT/.infra/redis")"
  log "starting redis-server on $HOST:$REDIS_PORT (log: $logdir/ci.log)"
  # Nothing is persisted: tests own their data, and a restart should start clean.
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" \
    --save "" --appendonly no --dir "$dir" --logfile "$logdir/ci.log"
  wait_for 15 redis_ready || die "Redis does not answer on $HOST:$REDIS_PORT"
  log "Redis answers on $HOST:$REDIS_PORT"
}

case "${1:-}" in
  up)
    ensure_postgres
    ensure_databases
    ensure_redis
    "$ROOT/tools/infra/kafka.sh" ensure
    ;;
  down)
    "$ROOT/tools/infra/kafka.sh" stop
    ;;
  *)
    echo "usage: $0 up|down" >&2
    exit 2
    ;;
esac
