#!/usr/bin/env bash
# One command on a fresh machine: set up, then extract the bundled sample reports into the embedded
# DuckDB database (./eventdesk-demo.duckdb) and print the events.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
. .venv/bin/activate
exec eventdesk demo "$@"
