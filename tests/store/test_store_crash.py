"""Crash safety: kill -9 ``ingest``, ``reextract``, ``merge``, ``split`` and ``export`` at random
points; the store must pass the integrity check, and running the command again must give exactly
what one uninterrupted run gives.

Each operation runs as the real CLI in a subprocess on a DuckDB store copied from a prepared one.
The kill time is drawn uniformly from [0, 1.2 x the clean run's duration] by a seeded generator, so
kills land before the first commit, between batches, inside a transaction and after the end; a
failure message names the seed and the delay so it can be replayed. CI runs a few trials per
operation (``EVENTDESK_CRASH_TRIALS``, default 2); the soak run does at least 100 in all::

    EVENTDESK_CRASH_TRIALS=25 python -m pytest -m soak tests/store/test_store_crash.py
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from store_builders import export_jsonl, write_synthetic_results

from eventdesk.store.base import open_store
from eventdesk.store.integrity import check_integrity

CLI = [sys.executable, "-m", "eventdesk"]
INGEST_REPORTS = 1500
REEXTRACT_REPORTS = 120
SEED = int(os.environ.get("EVENTDESK_CRASH_SEED", "20261208"))


def _problems(db: str) -> list[str]:
    store = open_store(db)
    try:
        return check_integrity(store)
    finally:
        store.close()


def _run(args: list[str], *, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=timeout, check=False)


@dataclass
class Op:
    """One operation: the store it starts from, its command, and what counts as done."""

    name: str
    base: Path  # the store every trial starts from (copied)
    args: Callable[[str, Path], list[str]]  # (db, workdir) -> CLI arguments
    clean: str = ""  # export after one uninterrupted run
    before: str = ""  # export of the base store
    seconds: float = 1.0  # duration of the uninterrupted run


@pytest.fixture(scope="module")
def ops(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Op]:
    root = tmp_path_factory.mktemp("crash")
    data = root / "results.jsonl"
    write_synthetic_results(data, INGEST_REPORTS, seed=5)
    small = root / "small.jsonl"
    write_synthetic_results(small, REEXTRACT_REPORTS, seed=6)

    empty = root / "empty.duckdb"
    open_store(str(empty)).close()
    stored = root / "stored.duckdb"
    assert _run(["ingest", str(data), "--extracted", "--db", str(stored), "--quiet"]).returncode == 0
    few = root / "few.duckdb"
    assert _run(["ingest", str(small), "--extracted", "--db", str(few), "--quiet"]).returncode == 0

    store = open_store(str(stored))
    try:
        listed = store.db.query(  # type: ignore[attr-defined]
            "SELECT incident_id, n_reports FROM incidents ORDER BY incident_id"
        )
        multi = next(i for i, n in listed if n >= 2)
        moved = store.db.query(  # type: ignore[attr-defined]
            "SELECT MIN(e.report_id) FROM incident_events ie JOIN events e ON e.event_key = ie.event_key "
            "WHERE ie.incident_id = ?",
            [multi],
        )[0][0]
    finally:
        store.close()
    first, second = listed[0][0], listed[1][0]

    table = {
        "ingest": Op(
            "ingest", empty, lambda db, _: ["ingest", str(data), "--extracted", "--db", db, "--batch-size", "100",
                                            "--quiet"]
        ),
        "reextract": Op(
            "reextract", few, lambda db, _: ["reextract", "--db", db, "--batch-size", "10", "--quiet"]
        ),
        "merge": Op(
            "merge", stored, lambda db, _: ["incidents", "merge", first, second, "--db", db, "--why", "crash test"]
        ),
        "split": Op(
            "split", stored,
            lambda db, _: ["incidents", "split", multi, "--report", moved, "--db", db, "--why", "crash test"],
        ),
        "export": Op(
            "export", stored, lambda db, work: ["incidents", "export", "--db", db, "-o", str(work / "out.jsonl")]
        ),
    }
    for op in table.values():
        work = root / f"clean-{op.name}"
        work.mkdir()
        db = str(work / "store.duckdb")
        shutil.copy(op.base, db)
        op.before = export_jsonl(db)
        started = time.perf_counter()
        done = _run(op.args(db, work))
        op.seconds = time.perf_counter() - started
        assert done.returncode == 0, done.stderr
        op.clean = export_jsonl(db)
        if op.name == "export":
            op.clean = (work / "out.jsonl").read_text(encoding="utf-8")
    return table


def _applied(db: str, action: str) -> bool:
    store = open_store(db)
    try:
        return any(e.action == action for e in store.audit_log())
    finally:
        store.close()


def _trial(op: Op, work: Path, rng: random.Random, label: str) -> None:
    work.mkdir()
    db = str(work / "store.duckdb")
    shutil.copy(op.base, db)
    delay = rng.uniform(0, 1.2 * op.seconds)
    where = f"{label}: kill after {delay:.3f} s of {op.seconds:.2f} s (EVENTDESK_CRASH_SEED={SEED})"
    proc = subprocess.Popen([*CLI, *op.args(db, work)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)

    assert _problems(db) == [], where
    state = export_jsonl(db)
    if op.name == "export":
        out = work / "out.jsonl"
        assert not out.exists() or out.read_text(encoding="utf-8") == op.clean, f"{where}: torn export file"
        assert state == op.before, where  # export never changes the store
    elif op.name in ("merge", "split"):
        assert state in (op.before, op.clean), f"{where}: a correction half applied"
        if _applied(db, op.name):
            assert state == op.clean, where
            return
    # resume: the same command again, to the end
    again = _run(op.args(db, work))
    assert again.returncode == 0, f"{where}: the rerun failed: {again.stderr[-2000:]}"
    assert _problems(db) == [], where
    if op.name == "export":
        assert (work / "out.jsonl").read_text(encoding="utf-8") == op.clean, where
    else:
        assert export_jsonl(db) == op.clean, f"{where}: resumed result differs from a clean run"


OPS = ("ingest", "reextract", "merge", "split", "export")


def _trials(ops: dict[str, Op], name: str, count: int, tmp_path: Path) -> None:
    rng = random.Random(f"{SEED}:{name}")
    for n in range(count):
        _trial(ops[name], tmp_path / f"{name}-{n}", rng, f"{name} trial {n}")


@pytest.mark.parametrize("name", OPS)
def test_crash_kill_at_random_points_keeps_store_whole(ops: dict[str, Op], name: str, tmp_path: Path) -> None:
    _trials(ops, name, int(os.environ.get("EVENTDESK_CRASH_TRIALS", "2")), tmp_path)


@pytest.mark.soak
@pytest.mark.parametrize("name", OPS)
def test_crash_soak_many_kills(ops: dict[str, Op], name: str, tmp_path: Path) -> None:
    _trials(ops, name, max(20, int(os.environ.get("EVENTDESK_CRASH_TRIALS", "25"))), tmp_path)
