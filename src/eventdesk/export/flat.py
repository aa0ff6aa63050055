"""``--format csv`` (and the GeoJSON properties): one flat row per incident or event.

The incident columns are those of the fused fields (histories stay in the JSONL and Parquet
exports); the event columns add the report the event came from and the event's own weapons and
targets. Lists are joined with ``;``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from eventdesk.export.rows import ExportRow, rows_from_results
from eventdesk.export.table import ExportCount, write_table
from eventdesk.records import ReportResult
from eventdesk.store.incident import Incident

INCIDENT_COLUMNS = (
    "incident_id",
    "date_start",
    "date_end",
    "date_precision",
    "type",
    "country_code",
    "admin1",
    "place",
    "district",
    "lat",
    "lon",
    "place_precision",
    "killed_low",
    "killed_best",
    "killed_high",
    "injured_low",
    "injured_best",
    "injured_high",
    "n_reports",
    "reports",
    "perpetrators",
    "n_contradictions",
    "first_published",
    "last_published",
    "title",
)

EVENT_COLUMNS = (
    "event_id",
    "report_id",
    "role",
    "type",
    "date_start",
    "date_end",
    "date_precision",
    "country_code",
    "country",
    "admin1",
    "place",
    "district",
    "lat",
    "lon",
    "place_precision",
    "killed_low",
    "killed_best",
    "killed_high",
    "killed_perpetrators",
    "injured_low",
    "injured_best",
    "injured_high",
    "perpetrators",
    "weapons",
    "targets",
    "attacks",
    "published",
    "source",
    "url",
    "title",
)


def incident_row(inc: Incident) -> dict[str, Any]:
    loc, date = inc.location, inc.date
    return {
        "incident_id": inc.incident_id,
        "date_start": date.get("start"),
        "date_end": date.get("end"),
        "date_precision": date.get("precision"),
        "type": inc.type.get("code"),
        "country_code": loc.get("country_code"),
        "admin1": loc.get("admin1"),
        "place": loc.get("name"),
        "district": loc.get("district"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "place_precision": loc.get("precision"),
        "killed_low": inc.killed.low,
        "killed_best": inc.killed.best,
        "killed_high": inc.killed.high,
        "injured_low": inc.injured.low,
        "injured_best": inc.injured.best,
        "injured_high": inc.injured.high,
        "n_reports": len(inc.reports),
        "reports": ";".join(inc.reports),
        "perpetrators": ";".join(f"{p.name}:{p.status}" for p in inc.perpetrators),
        "n_contradictions": len(inc.contradictions),
        "first_published": inc.first_published,
        "last_published": inc.last_published,
        "title": inc.title,
    }


def event_row(row: ExportRow) -> dict[str, Any]:
    (src,) = row.sources[:1] or (None,)
    return {
        "event_id": row.id,
        "report_id": src.report_id if src else None,
        "role": row.role,
        "type": row.type_code,
        "date_start": row.date_start,
        "date_end": row.date_end,
        "date_precision": row.date_precision,
        "country_code": row.country_code,
        "country": row.country,
        "admin1": row.admin1,
        "place": row.place,
        "district": row.district,
        "lat": row.lat,
        "lon": row.lon,
        "place_precision": row.place_precision,
        "killed_low": row.killed.low,
        "killed_best": row.killed.best,
        "killed_high": row.killed.high,
        "killed_perpetrators": row.killed.perpetrators,
        "injured_low": row.injured.low,
        "injured_best": row.injured.best,
        "injured_high": row.injured.high,
        "perpetrators": ";".join(f"{p.name}:{p.status}" for p in row.perpetrators),
        "weapons": ";".join(row.weapon_types),
        "targets": ";".join(row.target_kinds),
        "attacks": row.attacks,
        "published": src.published if src else None,
        "source": src.source if src else None,
        "url": src.url if src else None,
        "title": row.summary,
    }


def write_incidents(incidents: Iterable[Incident], out: IO[str]) -> ExportCount:
    return write_table(INCIDENT_COLUMNS, incident_row, incidents, out)


def write_results(results: Iterable[ReportResult], out: IO[str]) -> ExportCount:
    return write_table(EVENT_COLUMNS, event_row, rows_from_results(results), out)
