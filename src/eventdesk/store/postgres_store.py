"""The shared store on a PostgreSQL server (``--db postgresql://user@host:port/dbname``).

The same SQL core as the DuckDB store. Writers serialise on a transaction-scoped advisory lock,
so two ``eventdesk ingest`` processes can feed one server without linking the same incident twice.
Bulk rows go in with ``COPY``. The schema is created on first use (``create``); opened with
``create=False`` (read commands), a database without it is a ``no_store`` error.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import psycopg

from eventdesk.errors import StoreError
from eventdesk.store.schema import create_statements
from eventdesk.store.sql import NestedTransactions, Row, SqlStore

TYPES = {
    "TEXT": "TEXT",
    "INTEGER": "INTEGER",
    "BIGINT": "BIGINT",
    "DOUBLE": "DOUBLE PRECISION",
    "BOOLEAN": "BOOLEAN",
}
WRITE_LOCK = 0x45564453  # "EVDS": the advisory lock every writing transaction takes


def _masked(dsn: str) -> str:
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", dsn)


class PostgresBackend(NestedTransactions):
    def __init__(self, dsn: str, *, create: bool = True) -> None:
        self.url = _masked(dsn)
        try:
            self.con = psycopg.connect(dsn, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {self.url}: {exc}", code="unavailable") from exc
        if not create and self.query("SELECT to_regclass(?)", ["meta"])[0][0] is None:
            self.con.close()
            raise StoreError(
                f"no store in {self.url} (the database has no eventdesk tables; check --db or EVENTDESK_DB). "
                f"To create one, store reports in it: eventdesk ingest REPORTS --db {self.url}",
                code="no_store",
            )
        with self.transaction():
            for statement in create_statements(TYPES):
                self.execute(statement)

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        try:
            self.con.execute(self._sql(sql), list(params))
        except psycopg.Error as exc:
            raise StoreError(f"{self.url}: {exc}") from exc

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        try:
            return list(self.con.execute(self._sql(sql), list(params)).fetchall())
        except psycopg.Error as exc:
            raise StoreError(f"{self.url}: {exc}") from exc

    def in_list(self, column: str) -> str:
        return f"{column} = ANY(?)"

    def insert_rows(self, table: str, cols: Sequence[str], rows: Sequence[Row]) -> None:
        if not rows:
            return
        try:
            with self.con.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        except psycopg.Error as exc:
            raise StoreError(f"{self.url}: {exc}") from exc

    def on_begin(self) -> None:
        self.execute("SELECT pg_advisory_xact_lock(?)", [WRITE_LOCK])  # one writer at a time

    def close(self) -> None:
        self.con.close()


def open_postgres(dsn: str, *, create: bool = True) -> SqlStore:
    return SqlStore(PostgresBackend(dsn, create=create))
