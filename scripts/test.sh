#!/usr/bin/env bash
# One command on a fresh machine: set up (incl. the PostgreSQL server package), lint, type-check and
# run every test. When ../shared/data is present, also run the evaluation gate (pinned floors).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --system
. .venv/bin/activate
echo "== ruff =="; ruff check src tests
echo "== mypy =="; mypy
echo "== pytest =="
export EVENTDESK_REQUIRE_POSTGRES=${EVENTDESK_REQUIRE_POSTGRES:-1}
python -m pytest -q "$@"
data="${EVENTDESK_DATA:-../shared/data}"
if [[ -d "$data" && -z "${EVENTDESK_SKIP_GATE:-}" ]]; then
  echo "== evaluation gate ($data) =="
  eventdesk eval gate --data "$data" --workers 2
else
  echo "== evaluation gate skipped (no $data) =="
fi
