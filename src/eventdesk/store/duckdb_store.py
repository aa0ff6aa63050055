"""The embedded store: one DuckDB file (default ``./eventdesk.duckdb``).

DuckDB commits through its write-ahead log, so a process killed mid-batch leaves the file as of
the last commit. Only one process may open a DuckDB file for writing at a time, and then no other
process may open it at all; the second gets a ``locked`` :class:`~eventdesk.errors.StoreError`
naming the holder's PID. A file that does not exist is created only when asked (``create``); else
it is a ``no_store`` error. Bulk rows go in through a temporary NDJSON file and ``read_json`` (about
ten times faster than ``executemany``).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb

from eventdesk.errors import StoreError
from eventdesk.store.schema import TABLES, create_statements
from eventdesk.store.sql import NestedTransactions, Row, SqlStore

MEMORY_LIMIT = "512MB"  # DuckDB buffer cache (env EVENTDESK_DUCKDB_MEMORY overrides); spills to disk beyond
TYPES = {
    "TEXT": "VARCHAR",
    "INTEGER": "INTEGER",
    "BIGINT": "BIGINT",
    "DOUBLE": "DOUBLE",
    "BOOLEAN": "BOOLEAN",
}


def _locked(path: str, exc: duckdb.IOException) -> StoreError:
    """DuckDB's "Could not set lock on file" as what it means and what to do about it."""
    pid = re.search(r"\(PID (\d+)\)", str(exc))
    holder = f"another process (PID {pid.group(1)})" if pid else "another process"
    return StoreError(
        f"the store {path} is in use by {holder}: a DuckDB file can be open in one process at a time "
        "while it writes (an ingest, reextract, merge, split or rebuild). Wait for that process to "
        "finish and try again, or keep the store on PostgreSQL (--db postgresql://...) for concurrent use",
        code="locked",
    )


def _missing(path: str) -> StoreError:
    return StoreError(
        f"no store at {path} (the file does not exist; check --db or EVENTDESK_DB). "
        f"To create one, store reports in it: eventdesk ingest REPORTS --db {path}",
        code="no_store",
    )


class DuckDBBackend(NestedTransactions):
    BEGIN_SQL = "BEGIN TRANSACTION"

    def __init__(self, path: str, *, create: bool = True) -> None:
        self.url = f"duckdb:///{Path(path).resolve()}" if path != ":memory:" else "duckdb:///:memory:"
        if path != ":memory:" and not create and not Path(path).exists():
            raise _missing(path)
        try:
            if path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            self.con = duckdb.connect(path)
        except duckdb.IOException as exc:
            if "could not set lock" in str(exc).lower():
                raise _locked(path, exc) from exc
            raise StoreError(f"cannot open {path}: {exc}") from exc
        except duckdb.Error as exc:
            raise StoreError(f"cannot open {path}: {exc}") from exc
        # bound DuckDB's buffer cache so peak memory does not grow with the store
        self.con.execute(f"SET memory_limit = '{os.environ.get('EVENTDESK_DUCKDB_MEMORY', MEMORY_LIMIT)}'")
        self._types = {t: {c: TYPES[k] for c, k, _ in cols} for t, cols in TABLES.items()}
        # ART indexes slow bulk loads and are not needed for DuckDB's scans, except the keys
        for statement in create_statements(TYPES, indexes=False, keys=False):
            self.con.execute(statement)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        try:
            self.con.execute(sql, list(params))
        except duckdb.Error as exc:
            raise StoreError(f"{self.url}: {exc}") from exc

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        try:
            return self.con.execute(sql, list(params)).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"{self.url}: {exc}") from exc

    def in_list(self, column: str) -> str:
        return f"{column} IN (SELECT UNNEST(?))"

    def insert_rows(self, table: str, cols: Sequence[str], rows: Sequence[Row]) -> None:
        if not rows:
            return
        if len(rows) < 50:
            marks = ", ".join("?" for _ in cols)
            values = ", ".join(f"({marks})" for _ in rows)
            self.execute(f"INSERT INTO {table} ({', '.join(cols)}) VALUES {values}", [v for r in rows for v in r])
            return
        types = self._types[table]
        fd, name = tempfile.mkstemp(suffix=".jsonl", prefix="eventdesk-")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                for row in rows:
                    fh.write(json.dumps(dict(zip(cols, row, strict=True)), ensure_ascii=False) + "\n")
            spec = "{" + ", ".join(f"'{c}': '{types[c]}'" for c in cols) + "}"
            self.execute(
                f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(cols)} FROM "
                f"read_json(?, columns = {spec}, format = 'newline_delimited', "
                "maximum_object_size = 33554432)",
                [name],
            )
        finally:
            os.unlink(name)

    def close(self) -> None:
        self.con.close()


def open_duckdb(path: str, *, create: bool = True) -> SqlStore:
    return SqlStore(DuckDBBackend(path, create=create))
