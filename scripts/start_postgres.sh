#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster and print its DSN on stdout.
#
#   scripts/start_postgres.sh [--dir DIR]      start (DIR: a new empty directory; default: mktemp)
#   scripts/start_postgres.sh --stop DIR       stop it and delete DIR
#
# Uses initdb/pg_ctl from Debian's `postgresql` package (/usr/lib/postgresql/<version>/bin; set
# PG_BIN to use others). The cluster listens on 127.0.0.1 on a free port and on a unix socket in
# DIR, trusts local connections (user postgres, database postgres) and is tuned for tests
# (fsync off). As root, the server runs as the `postgres` user, which owns DIR.
# The data directory is printed on stderr; the last line of stdout is the DSN:
#   postgresql://postgres@127.0.0.1:PORT/postgres
set -euo pipefail

die() { echo "start_postgres: $*" >&2; exit 1; }

find_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then echo "$PG_BIN"; return; fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [[ -n "$d" && -x "$d/initdb" ]] || die "no PostgreSQL binaries (apt-get install -y postgresql)"
  echo "$d"
}

as_owner() {  # run a command as the cluster's owner
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

BIN=$(find_bin)

if [[ "${1:-}" == "--stop" ]]; then
  dir=${2:?usage: start_postgres.sh --stop DIR}
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    as_owner "$BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf -- "$dir"
  exit 0
fi

dir=""
if [[ "${1:-}" == "--dir" ]]; then
  dir=${2:?usage: start_postgres.sh --dir DIR}
  mkdir -p "$dir"
else
  dir=$(mktemp -d /tmp/eventdesk-pg.XXXXXX)
fi
[[ -z "$(ls -A "$dir")" ]] || die "$dir is not empty"
if [[ $(id -u) -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || die "running as root needs the postgres user (from the postgresql package)"
  chown postgres: "$dir"
  chmod 700 "$dir"
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

as_owner "$BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
dynamic_shared_memory_type = mmap
max_connections = 50
shared_buffers = 128MB
EOF
as_owner "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null \
  || { cat "$dir/server.log" >&2; die "pg_ctl start failed"; }

echo "start_postgres: data in $dir (stop: scripts/start_postgres.sh --stop $dir)" >&2
echo "postgresql://postgres@127.0.0.1:$port/postgres"
