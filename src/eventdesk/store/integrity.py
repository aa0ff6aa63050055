"""Integrity check of a store: the invariants every committed state must hold.

The crash-safety tests kill ``ingest``, ``reextract``, ``merge``/``split`` and ``export`` at random
points and then call :func:`check_integrity`; ``eventdesk incidents check`` runs the same check for
a user (after a crash, a disk full, a restore from backup). Each problem is one line a person can
read, with counts; an empty list means the store is consistent:

* every report is stored once (``report_hash`` is unique) and has an id;
* every event belongs to a stored report, and each report's ``n_events`` equals its stored events;
* every event is linked to exactly one incident, every link names a stored event and incident, and
  every block entry names a stored event;
* every incident has at least one event, and its ``n_reports`` equals the reports of its events;
* the JSON columns (event payloads, incident records, audit details) parse.
"""

from __future__ import annotations

import json
from typing import Any

from eventdesk.store.base import Store


def _scalar(store: Any, sql: str) -> int:
    with store._lock:
        return int(store.db.query(sql)[0][0] or 0)


_COUNTS: tuple[tuple[str, str], ...] = (
    ("reports stored more than once", "SELECT COUNT(*) - COUNT(DISTINCT report_hash) FROM reports"),
    ("reports without an id", "SELECT COUNT(*) FROM reports WHERE report_id IS NULL OR report_id = ''"),
    (
        "events whose report is not stored",
        "SELECT COUNT(*) FROM events e LEFT JOIN reports r ON r.report_hash = e.report_hash "
        "WHERE r.report_hash IS NULL",
    ),
    (
        "reports whose n_events differs from their stored events",
        "SELECT COUNT(*) FROM reports r LEFT JOIN (SELECT report_hash, COUNT(*) AS n FROM events "
        "GROUP BY report_hash) e ON e.report_hash = r.report_hash "
        "WHERE COALESCE(r.n_events, 0) <> COALESCE(e.n, 0)",
    ),
    (
        "events linked to no incident",
        "SELECT COUNT(*) FROM events e LEFT JOIN incident_events ie ON ie.event_key = e.event_key "
        "WHERE ie.event_key IS NULL",
    ),
    (
        "events linked more than once",
        "SELECT COUNT(*) FROM (SELECT event_key FROM incident_events GROUP BY event_key "
        "HAVING COUNT(*) > 1) d",
    ),
    (
        "links to events that are not stored",
        "SELECT COUNT(*) FROM incident_events ie LEFT JOIN events e ON e.event_key = ie.event_key "
        "WHERE e.event_key IS NULL",
    ),
    (
        "links to incidents that are not stored",
        "SELECT COUNT(*) FROM incident_events ie LEFT JOIN incidents i ON i.incident_id = ie.incident_id "
        "WHERE i.incident_id IS NULL",
    ),
    (
        "block entries for events that are not stored",
        "SELECT COUNT(*) FROM blocks b LEFT JOIN events e ON e.event_key = b.event_key WHERE e.event_key IS NULL",
    ),
    (
        "incidents without events",
        "SELECT COUNT(*) FROM incidents i LEFT JOIN incident_events ie ON ie.incident_id = i.incident_id "
        "WHERE ie.incident_id IS NULL",
    ),
    (
        "incidents whose n_reports differs from the reports of their events",
        "SELECT COUNT(*) FROM incidents i JOIN (SELECT ie.incident_id, COUNT(DISTINCT e.report_hash) AS n "
        "FROM incident_events ie JOIN events e ON e.event_key = ie.event_key GROUP BY ie.incident_id) c "
        "ON c.incident_id = i.incident_id WHERE COALESCE(i.n_reports, 0) <> c.n",
    ),
)

_JSON_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("events", "event_key", "payload"),
    ("events", "event_key", "mention"),
    ("incidents", "incident_id", "record"),
    ("audit_log", "audit_id", "detail"),
)


def check_integrity(store: Store, *, json_columns: bool = True, page: int = 5000) -> list[str]:
    """The problems found in ``store`` (empty when it is consistent); see the module docstring."""
    problems = []
    for what, sql in _COUNTS:
        n = _scalar(store, sql)
        if n:
            problems.append(f"{n} {what}")
    if _scalar(store, "SELECT COUNT(*) FROM meta WHERE key = 'schema_version'") != 1:
        problems.append("no schema version in meta")
    if json_columns:
        for table, key, column in _JSON_COLUMNS:
            bad = _unparsable(store, table, key, column, page)
            if bad:
                problems.append(f"{bad} rows of {table}.{column} are not valid JSON")
    return problems


def _unparsable(store: Any, table: str, key: str, column: str, page: int) -> int:
    """Rows of ``table.column`` that are not JSON, read ``page`` rows at a time in key order."""
    bad = 0
    last: Any = None
    while True:
        where = "" if last is None else f"WHERE {key} > ?"
        with store._lock:
            rows = store.db.query(
                f"SELECT {key}, {column} FROM {table} {where} ORDER BY {key} LIMIT {int(page)}",
                [] if last is None else [last],
            )
        for _, value in rows:
            if value is None:
                continue
            try:
                json.loads(value)
            except ValueError:
                bad += 1
        if len(rows) < page:
            return bad
        last = rows[-1][0]
