"""``--format ucdp``: rows with the UCDP Georeferenced Event Dataset's (GED) column names and codes.

Every convention cites the UCDP GED Codebook section it follows; ``docs/exports.md`` has the table.
The GED records events with at least one death, dated and placed: a record without a death figure,
a date or a place is left out and counted. (Whether the actors are organised, the GED's other
criterion, is the user's filter: ``actor`` is not coded here.)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from eventdesk.export.rows import ExportRow, coded_skip, rows_from_incidents, rows_from_results
from eventdesk.export.table import ExportCount, day_span, write_table
from eventdesk.records import ReportResult
from eventdesk.store.incident import Incident

COLUMNS = (
    "date_start",
    "date_end",
    "date_prec",
    "country",
    "adm_1",
    "where_coordinates",
    "where_prec",
    "latitude",
    "longitude",
    "best",
    "low",
    "high",
    "source_article",
    "source_date",
    "source_headline",
    "number_of_sources",
    "eventdesk_id",
)

NO_DEATHS, NO_DATE, NO_PLACE = "without a death figure", "without a date", "without a place"
# "where_prec": 1 the exact place (a town), 3 a second-order region, 4 a first-order region, 6 the country
WHERE_PREC = {"exact": 1, "city": 1, "admin2": 3, "admin1": 4, "country": 6}


def _date_prec(row: ExportRow) -> int:
    """"date_prec": 1 the day; 2 a span of 2-6 days; 3 a week; 4 8-30 days or a month; 5 longer."""
    if row.date_precision == "day":
        return 1
    if row.date_precision == "month":
        return 4
    span = day_span(row.date_start, row.date_end)
    if row.date_precision != "range" or span is None:
        return 5
    return 2 if span <= 6 else 3 if span == 7 else 4 if span <= 31 else 5


def _deaths(row: ExportRow) -> tuple[int, int, int] | None:
    """(best, low, high) with low <= best <= high ("best", "low", "high"); our open upper bound
    becomes the best figure, the GED's high being the highest *reasonable* estimate."""
    k = row.killed
    best = next((v for v in (k.best, k.low, k.high) if v is not None), None)
    if not best:
        return None
    low = k.low if k.low is not None else best
    high = k.high if k.high is not None else best
    return best, min(low, best), max(high, best)


def _joined(values: Iterable[str | None]) -> str:
    return ";".join(v or "" for v in values)


def ucdp_row(row: ExportRow) -> dict[str, Any] | str:
    if skip := coded_skip(row):
        return skip
    deaths = _deaths(row)
    if deaths is None:
        return NO_DEATHS
    if not row.date_start:
        return NO_DATE
    where = WHERE_PREC.get(row.place_precision)
    if where is None:
        return NO_PLACE
    best, low, high = deaths
    place = ", ".join(p for p in (row.place, row.admin1, row.country) if p)
    return {
        "date_start": row.date_start[:10],
        "date_end": (row.date_end or row.date_start)[:10],
        "date_prec": _date_prec(row),
        "country": row.country,
        "adm_1": row.admin1,
        "where_coordinates": place,
        "where_prec": where,
        "latitude": row.lat,
        "longitude": row.lon,
        "best": best,
        "low": low,
        "high": high,
        "source_article": _joined(s.source or s.url or s.report_id for s in row.sources),
        "source_date": _joined(s.published for s in row.sources),
        "source_headline": _joined(s.title for s in row.sources),
        "number_of_sources": len(row.sources),
        "eventdesk_id": row.id,
    }


def write_incidents(incidents: Iterable[Incident], out: IO[str]) -> ExportCount:
    return write_table(COLUMNS, ucdp_row, rows_from_incidents(incidents), out)


def write_results(results: Iterable[ReportResult], out: IO[str]) -> ExportCount:
    return write_table(COLUMNS, ucdp_row, rows_from_results(results), out)
