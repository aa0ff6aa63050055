"""``--format acled``: rows with ACLED's column names and codes.

Every convention cites the ACLED Codebook section it follows; ``docs/exports.md`` has the table.
ACLED codes only what it can date and place, in its own event types: a record without a date, a
place or an ACLED sub-event type (stampedes, accidents, robberies) is left out and counted.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from eventdesk.export.crosswalks import acled_types, type_crosswalk
from eventdesk.export.rows import ExportRow, coded_skip, rows_from_incidents, rows_from_results
from eventdesk.export.table import ExportCount, day_span, write_table
from eventdesk.records import ReportResult
from eventdesk.store.incident import Incident

COLUMNS = (
    "event_date",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "interaction",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "time_precision",
    "source",
    "notes",
    "fatalities",
    "eventdesk_id",
)

NOT_ACLED, NO_DATE, NO_PLACE = "without an ACLED event type", "without a date", "without a place"
# "Geography": 1 the town itself, 2 a part of a region (a point near or in it), 3 only a larger region
GEO_PRECISION = {"exact": 1, "city": 1, "admin2": 2, "admin1": 3, "country": 3}
# "Actors": inter codes; an unnamed armed actor is an "Unidentified Armed Group", coded as militia
STATE, MILITIA, CIVILIANS = 1, 3, 7
ATTRIBUTED = ("claimed", "confirmed", "accused", "suspected")


def _time_precision(row: ExportRow) -> int:
    """"Time": 1 the day is known, 2 a week or a few days, 3 only the month (or vaguer)."""
    if row.date_precision == "day":
        return 1
    span = day_span(row.date_start, row.date_end)
    return 2 if row.date_precision == "range" and span is not None and span <= 7 else 3


def _actors(row: ExportRow, event_type: str) -> tuple[str, str | None, int | None]:
    """(actor1, actor2, interaction): the attributed perpetrator (else an unidentified armed group);
    civilians as actor 2 of violence against civilians; interaction = the two inter codes, the lower
    first ("Actors"; a sole actor is its code followed by 0)."""
    country = row.country or "International"
    named = next((p for p in row.perpetrators if p.status in ATTRIBUTED), None)
    actor1, inter1 = (f"Unidentified Armed Group ({country})", MILITIA) if named is None else (named.name, None)
    if named is not None and named.kind == "state":
        inter1 = STATE
    actor2, inter2 = (f"Civilians ({country})", CIVILIANS) if event_type == "Violence against civilians" else (None, 0)
    if inter1 is None:
        return actor1, actor2, None
    return actor1, actor2, int("".join(sorted(f"{inter1}{inter2}"))) if inter2 else inter1 * 10


def _fatalities(row: ExportRow) -> int:
    """"Fatalities": the most conservative figure (our low, else best); 0 when none is reported."""
    k = row.killed
    return next((v for v in (k.low, k.best) if v is not None), 0)


def acled_row(row: ExportRow) -> dict[str, Any] | str:
    if skip := coded_skip(row):
        return skip
    sub = type_crosswalk(row.type_code, "acled_sub_event_type")
    types = acled_types(sub)
    if types is None:
        return NOT_ACLED
    if not row.date_start:
        return NO_DATE
    precision = GEO_PRECISION.get(row.place_precision)
    if precision is None:
        return NO_PLACE
    event_type, disorder = types
    actor1, actor2, interaction = _actors(row, event_type)
    return {
        "event_date": row.date_start[:10],
        "disorder_type": disorder,
        "event_type": event_type,
        "sub_event_type": sub,
        "actor1": actor1,
        "actor2": actor2,
        "interaction": interaction,
        "country": row.country,
        "admin1": row.admin1,
        "location": row.place or row.admin1 or row.country,
        "latitude": row.lat,
        "longitude": row.lon,
        "geo_precision": precision,
        "time_precision": _time_precision(row),
        "source": "; ".join(dict.fromkeys(s.source for s in row.sources if s.source)),
        "notes": row.summary,
        "fatalities": _fatalities(row),
        "eventdesk_id": row.id,
    }


def write_incidents(incidents: Iterable[Incident], out: IO[str]) -> ExportCount:
    return write_table(COLUMNS, acled_row, rows_from_incidents(incidents), out)


def write_results(results: Iterable[ReportResult], out: IO[str]) -> ExportCount:
    return write_table(COLUMNS, acled_row, rows_from_results(results), out)
