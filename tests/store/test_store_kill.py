"""No report lost: kill -9 an ingest mid-batch, check the store is consistent, resume to the end."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from store_builders import export_jsonl, write_synthetic_results

from eventdesk.store.base import open_store

N = 4000
BATCH = 400

DRIVER = """
import sys
from eventdesk.store.base import open_store
from eventdesk.store.ingest import ingest, read_extracted
store = open_store(sys.argv[2])
def committed(summary, n):
    print("committed", summary.totals.stored, flush=True)
ingest(store, read_extracted([sys.argv[1]]), batch_size=int(sys.argv[3]), on_batch=committed)
store.close()
print("done", flush=True)
"""


def _run(args: list[str]) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-c", DRIVER, *args], stdout=subprocess.PIPE, text=True, env=env)


def _check_consistent(url: str) -> int:
    store = open_store(url)
    try:
        q = store.db.query  # type: ignore[attr-defined]
        reports = q("SELECT COUNT(*), COUNT(DISTINCT report_hash), COUNT(DISTINCT url) FROM reports")[0]
        assert reports[0] == reports[1] == reports[2]  # nothing stored twice
        assert reports[0] % BATCH == 0  # whole batches only
        events = q("SELECT COUNT(*) FROM events")[0][0]
        assert events == reports[0]  # one event per synthetic report
        assert (
            q(
                "SELECT COUNT(*) FROM events e LEFT JOIN reports r ON r.report_hash = e.report_hash "
                "WHERE r.report_hash IS NULL"
            )[0][0]
            == 0
        )
        links = q("SELECT COUNT(*), COUNT(DISTINCT event_key) FROM incident_events")[0]
        assert links == (events, events)  # every event linked exactly once
        assert (
            q(
                "SELECT COUNT(*) FROM incident_events ie LEFT JOIN incidents i ON i.incident_id = "
                "ie.incident_id WHERE i.incident_id IS NULL"
            )[0][0]
            == 0
        )
        assert q("SELECT COALESCE(SUM(n_reports), 0) FROM incidents")[0][0] == reports[0]
        return int(reports[0])
    finally:
        store.close()


def test_kill_mid_batch_then_resume(tmp_path: Path, store_url: str) -> None:
    data = tmp_path / "results.jsonl"
    write_synthetic_results(data, N, seed=11)
    proc = _run([str(data), store_url, str(BATCH)])
    assert proc.stdout is not None
    commits = 0
    for line in proc.stdout:
        if line.startswith("committed"):
            commits += 1
            if commits == 3:
                time.sleep(0.15)  # well inside the next batch's transaction
                os.kill(proc.pid, signal.SIGKILL)
                break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    stored = _check_consistent(store_url)
    assert BATCH * 3 <= stored < N

    resumed = _run([str(data), store_url, str(BATCH)])
    out, _ = resumed.communicate(timeout=300)
    assert resumed.returncode == 0 and out.strip().endswith("done")
    assert _check_consistent(store_url) == N

    # the same incidents as one uninterrupted run
    clean = str(tmp_path / "clean.duckdb")
    whole = _run([str(data), clean, str(BATCH)])
    whole.communicate(timeout=300)
    assert export_jsonl(store_url) == export_jsonl(clean)
