#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the integration tests.
#
#   pg-cluster.sh start DIR   initdb + start on a free 127.0.0.1 port, create karvan_test,
#                             write postgresql://postgres@127.0.0.1:PORT/karvan_test to DIR/url
#   pg-cluster.sh stop DIR    stop the cluster and remove it and DIR
#
# DIR is the handle the caller keeps (ctest: <build>/pg). The cluster itself lives in a fresh
# directory under /tmp owned by the postgres OS user, because PostgreSQL refuses to run as root
# and postgres may not be able to reach DIR. Trust authentication, local connections only,
# fsync off: test data is disposable. Any failure exits non-zero with the server log on stderr.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
handle=$2

pg_bindir() {
  if [ -n "${KARVAN_PG_BINDIR:-}" ]; then echo "$KARVAN_PG_BINDIR"; return; fi
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return; fi
  done
  command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)" && return
  echo "pg-cluster: no PostgreSQL server binaries (initdb, pg_ctl) found; run scripts/setup.sh" >&2
  exit 1
}

# Runs a command as the cluster owner: postgres when we are root, ourselves otherwise.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_is_free() {
  # A refused connection means nobody listens there.
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

stop_cluster() {
  local bindir data
  [ -f "$handle/datadir" ] || return 0
  data=$(cat "$handle/datadir")
  bindir=$(pg_bindir)
  if [ -f "$data/db/postmaster.pid" ]; then
    as_owner "$bindir/pg_ctl" -D "$data/db" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
  case "$data" in
    /tmp/karvan-pg.*) rm -rf -- "$data" ;;
  esac
}

start_cluster() {
  local bindir data port attempt started=0
  bindir=$(pg_bindir)
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    echo "pg-cluster: running as root but there is no 'postgres' OS user to own the cluster" >&2
    exit 1
  fi
  # A cluster left behind by an interrupted run goes first.
  stop_cluster
  rm -rf -- "$handle"
  mkdir -p "$handle"

  data=$(mktemp -d /tmp/karvan-pg.XXXXXX)
  echo "$data" >"$handle/datadir"
  chmod 700 "$data"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$data"

  if ! as_owner "$bindir/initdb" -D "$data/db" -U postgres -A trust -E UTF8 --no-locale \
      >"$handle/initdb.log" 2>&1; then
    echo "pg-cluster: initdb failed:" >&2
    cat "$handle/initdb.log" >&2
    exit 1
  fi
  # Local connections only: the Unix socket in the cluster directory and 127.0.0.1.
  as_owner tee "$data/db/pg_hba.conf" >/dev/null <<HBA
local all all trust
host  all all 127.0.0.1/32 trust
HBA

  for attempt in 1 2 3 4 5 6 7 8; do
    port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    port_is_free "$port" || continue
    if as_owner "$bindir/pg_ctl" -D "$data/db" -l "$data/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$data \
            -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
            -c shared_buffers=32MB -c max_connections=200" start >/dev/null 2>&1; then
      started=1
      break
    fi
    # Most likely someone took the port between the probe and the bind: try another.
    echo "pg-cluster: start on port $port failed (attempt $attempt), retrying" >&2
    as_owner "$bindir/pg_ctl" -D "$data/db" -m immediate -w stop >/dev/null 2>&1 || true
  done
  if [ "$started" -ne 1 ]; then
    echo "pg-cluster: the PostgreSQL server did not start; its log:" >&2
    cat "$data/server.log" >&2 2>/dev/null || true
    exit 1
  fi

  if ! as_owner "$bindir/psql" -X -q -h "$data" -p "$port" -U postgres -d postgres \
      -v ON_ERROR_STOP=1 -c "CREATE DATABASE karvan_test" >"$handle/createdb.log" 2>&1; then
    # psql may live outside the server's bindir (postgresql-client).
    if ! as_owner psql -X -q -h "$data" -p "$port" -U postgres -d postgres \
        -v ON_ERROR_STOP=1 -c "CREATE DATABASE karvan_test" >"$handle/createdb.log" 2>&1; then
      echo "pg-cluster: cannot create database karvan_test:" >&2
      cat "$handle/createdb.log" >&2
      exit 1
    fi
  fi
  echo "postgresql://postgres@127.0.0.1:$port/karvan_test" >"$handle/url"
  cat "$handle/url"
}

case "$action" in
  start) start_cluster ;;
  stop)
    stop_cluster
    rm -rf -- "$handle"
    echo "pg-cluster: stopped" ;;
  *) usage ;;
esac
