"""Opening a store from the CLI: read commands never create one (defect 8 of issue 19), and a DuckDB
file held by another process is a clear "in use" error, not DuckDB's lock message (defect 9)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from store_builders import fresh_database, kerman_story

from eventdesk.errors import StoreError
from eventdesk.records import result_to_dict
from eventdesk.store.base import open_store
from eventdesk.store.cli import incidents, ingest, reextract

READ_AND_CORRECT = (
    ("incidents", "list"),
    ("incidents", "show", "inc-000000000000"),
    ("incidents", "export"),
    ("incidents", "log"),
    ("incidents", "merge", "inc-a", "inc-b", "--why", "same"),
    ("incidents", "split", "inc-a", "--report", "r1", "--why", "two"),
    ("incidents", "rebuild"),
    ("reextract",),
)


def _invoke(args: tuple[str, ...], db: str) -> Result:
    cmd = incidents if args[0] == "incidents" else reextract
    return CliRunner().invoke(cmd, [*args[1:], "--db", db], catch_exceptions=False)


@pytest.mark.parametrize("args", READ_AND_CORRECT, ids=lambda a: " ".join(a[:2]))
def test_store_open_missing_duckdb_is_refused_not_created(tmp_path: Path, args: tuple[str, ...]) -> None:
    db = tmp_path / "typo" / "nesw.duckdb"
    res = _invoke(args, str(db))
    assert res.exit_code == 2, res.output
    assert "'--db'" in res.output and f"no store at {db}" in res.output
    assert f"eventdesk ingest REPORTS --db {db}" in res.output
    assert not db.parent.exists()


def test_store_open_ingest_still_creates_the_store(tmp_path: Path) -> None:
    extracted = tmp_path / "results.jsonl"
    extracted.write_text("".join(json.dumps(result_to_dict(r, include_report=True)) + "\n" for r in kerman_story()))
    db = tmp_path / "new" / "folder" / "s.duckdb"
    res = CliRunner().invoke(ingest, [str(extracted), "--extracted", "--db", str(db), "--quiet"])
    assert res.exit_code == 0, res.output
    listing = CliRunner().invoke(incidents, ["list", "--db", str(db)])
    assert listing.exit_code == 0 and listing.output.count("inc-") == 2


def test_store_open_library_keeps_creating_by_default(tmp_path: Path) -> None:
    db = tmp_path / "lib" / "s.duckdb"
    with pytest.raises(StoreError) as err:
        open_store(str(db), create=False)
    assert err.value.code == "no_store" and not db.parent.exists()
    open_store(str(db)).close()
    open_store(str(db), create=False).close()


@pytest.mark.postgres
def test_store_open_postgres_without_tables_is_refused(postgres_server: str) -> None:
    url = fresh_database(postgres_server)
    res = CliRunner().invoke(incidents, ["list", "--db", url])
    assert res.exit_code == 2 and "no store in" in res.output and "eventdesk ingest" in res.output, res.output
    with pytest.raises(StoreError) as err:
        open_store(url, create=False)  # still no tables: the refusal created nothing
    assert err.value.code == "no_store"
    open_store(url).close()
    assert CliRunner().invoke(incidents, ["list", "--db", url]).exit_code == 0


HOLD = (
    "import sys, time, duckdb\n"
    "con = duckdb.connect(sys.argv[1])\n"
    "con.execute('CREATE TABLE IF NOT EXISTS held (x INTEGER)')\n"
    "print('holding', flush=True)\n"
    "time.sleep(120)\n"
)


@pytest.fixture
def held_store(tmp_path: Path) -> Iterator[tuple[str, int]]:
    """A DuckDB file that a second process has open for writing, as an ingest would; (path, its PID)."""
    db = tmp_path / "busy.duckdb"
    open_store(str(db)).close()
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"
        yield str(db), proc.pid
    finally:
        proc.kill()
        proc.wait(timeout=30)


@pytest.mark.parametrize("args", [("incidents", "list"), ("incidents", "log"), ("reextract",)], ids=" ".join)
def test_store_open_locked_duckdb_says_who_and_what_to_do(held_store: tuple[str, int], args: tuple[str, ...]) -> None:
    db, pid = held_store
    res = _invoke(args, db)
    assert res.exit_code == 1, res.output
    assert f"the store {db} is in use by another process (PID {pid})" in res.output
    assert "Wait for that process to finish" in res.output and "PostgreSQL" in res.output
    assert "[locked]" in res.output and "IO Error" not in res.output
