"""The embedded store: one DuckDB file (default ``./eventdesk.duckdb``).

DuckDB commits through its write-ahead log, so a process killed mid-batch leaves the file as of
the last commit. Only one process may write a DuckDB file at a time; a second gets a ``locked``
:class:`~eventdesk.errors.StoreError`. Bulk rows go in through a temporary NDJSON file and
``read_json`` (about ten times faster than ``executemany``).
"""

from __future__ import annotations

import json
import os
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


class DuckDBBackend(NestedTransactions):
    BEGIN_SQL = "BEGIN TRANSACTION"

    def __init__(self, path: str) -> None:
        self.url = f"duckdb:///{Path(path).resolve()}" if path != ":memory:" else "duckdb:///:memory:"
        try:
            if path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            self.con = duckdb.connect(path)
        except duckdb.IOException as exc:
            code = "locked" if "lock" in str(exc).lower() else "store"
            raise StoreError(f"cannot open {path}: {exc}", code=code) from exc
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


def open_duckdb(path: str) -> SqlStore:
    return SqlStore(DuckDBBackend(path))
