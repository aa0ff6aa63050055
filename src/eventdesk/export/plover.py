"""``--format plover``: one PLOVER-style JSON event a line.

The field names follow the PLOVER manual's JSON record (draft 0.8, 2021: ``event_type``, ``mode``,
``context``, ``actor``, ``recipient``, ``date``, the ``dead``/``injured`` magnitudes and a
``location``); the category is the ``plover`` column of ``data/event_types.tsv`` and the mode and
context come from ``data/plover_modes.tsv``. A record with no PLOVER category (stampedes,
accidents, disasters) is left out and counted.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from eventdesk.export.crosswalks import plover_mode, type_crosswalk
from eventdesk.export.rows import ExportRow, coded_skip, rows_from_incidents, rows_from_results
from eventdesk.export.table import ExportCount, write_json_lines
from eventdesk.records import ReportResult
from eventdesk.store.incident import Incident

NOT_PLOVER = "without a PLOVER category"
ATTRIBUTED = ("claimed", "confirmed", "accused", "suspected")


def plover_event(row: ExportRow) -> dict[str, Any] | str:
    if skip := coded_skip(row):
        return skip
    category = type_crosswalk(row.type_code, "plover")
    if category is None:
        return NOT_PLOVER
    mode, context = plover_mode(row.type_code)
    return {
        "id": row.id,
        "date": row.date_start[:10] if row.date_start else None,
        "date_end": row.date_end[:10] if row.date_end else None,
        "date_precision": row.date_precision,
        "event_type": category,
        "mode": mode,
        "context": context,
        "actor": [p.name for p in row.perpetrators if p.status in ATTRIBUTED],
        "recipient": list(row.target_kinds),
        "dead": row.killed.best if row.killed.best is not None else row.killed.low,
        "injured": row.injured.best if row.injured.best is not None else row.injured.low,
        "location": {
            "name": row.place,
            "admin1": row.admin1,
            "country": row.country,
            "country_code": row.country_code,
            "lat": row.lat,
            "lon": row.lon,
            "precision": row.place_precision,
        },
        "text": row.summary,
        "sources": [s.url or s.source or s.report_id for s in row.sources],
        "eventdesk_type": row.type_code,
    }


def write_incidents(incidents: Iterable[Incident], out: IO[str]) -> ExportCount:
    return write_json_lines(plover_event, rows_from_incidents(incidents), out)


def write_results(results: Iterable[ReportResult], out: IO[str]) -> ExportCount:
    return write_json_lines(plover_event, rows_from_results(results), out)
