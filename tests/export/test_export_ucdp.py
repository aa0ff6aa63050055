"""``--format ucdp``: UCDP GED columns, date and place precision codes, best/low/high deaths."""

from __future__ import annotations

import io

from export_builders import dtypes, exact, make_event, make_result, place, read_csv, results
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventdesk.export import ucdp
from eventdesk.export.table import ExportCount
from eventdesk.records import Count, DateValue, ReportResult
from eventdesk.store.fuse import fuse
from eventdesk.store.incident import Sighting

GED_COLUMNS = [
    "date_start", "date_end", "date_prec", "where_prec", "latitude", "longitude", "best", "low", "high", "country",
    "source_article", "source_date", "source_headline", "number_of_sources",
]  # fmt: skip


def _export(*batch: ReportResult) -> tuple[list[str], list[dict[str, str]], ExportCount]:
    out = io.StringIO()
    count = ucdp.write_results(batch, out)
    header, rows = read_csv(out.getvalue())
    return header, rows, count


def test_ucdp_columns_are_the_ged_names() -> None:
    header, _, _ = _export()
    assert set(GED_COLUMNS) <= set(header)


def test_ucdp_deaths_as_best_low_high() -> None:
    _, rows, _ = _export(
        make_result("r1", make_event("r1-e0", killed=Count(10, 10, None, "at least 10", "at_least"))),
        make_result("r2", make_event("r2-e0", killed=Count(None, 20, 20, "up to 20", "up_to"))),
        make_result("r3", make_event("r3-e0", killed=Count(None, 30, None, "about 30", "about"))),
    )
    assert [(r["best"], r["low"], r["high"]) for r in rows] == [("10", "10", "10"), ("20", "20", "20"), ("30", "30", "30")]


def test_ucdp_incident_keeps_its_range_and_every_source() -> None:
    sightings = [
        Sighting(make_event("a-e0", killed=Count(73, 73, None, "at least 73", "at_least")), "a/e0", "a", "2024-01-03",
                 "Wire A"),
        Sighting(make_event("b-e0", killed=Count(103, 103, 103, "103", "exact")), "b/e0", "b", "2024-01-04", "Wire B"),
        Sighting(make_event("c-e0", killed=exact(84)), "c/e0", "c", "2024-01-05", "Wire C"),
    ]
    out = io.StringIO()
    ucdp.write_incidents([fuse("inc-1", sightings)], out)
    (row,) = read_csv(out.getvalue())[1]
    assert (row["best"], row["low"], row["high"]) == ("84", "73", "103")
    assert (row["source_article"], row["source_date"], row["number_of_sources"]) == (
        "Wire A;Wire B;Wire C", "2024-01-03;2024-01-04;2024-01-05", "3",
    )  # fmt: skip


def test_ucdp_date_and_where_precision() -> None:
    def span(days: int) -> DateValue:
        return DateValue("2024-01-01", f"2024-01-{days:02d}", "range", "last week")

    _, rows, _ = _export(
        make_result("r1", make_event("r1-e0", killed=exact(1))),
        make_result("r2", make_event("r2-e0", killed=exact(1), date=span(4), location=place("Kabul", "admin2"))),
        make_result("r3", make_event("r3-e0", killed=exact(1), date=span(7), location=place("Kabul", "admin1"))),
        make_result("r4", make_event("r4-e0", killed=exact(1), date=DateValue("2024-01-01", "2024-01-31", "month"),
                                     location=place("Kabul", "country"))),
        make_result("r5", make_event("r5-e0", killed=exact(1), date=DateValue("2024-01-01", "2024-12-31", "year"))),
    )
    assert [(r["date_prec"], r["where_prec"]) for r in rows] == [("1", "1"), ("2", "3"), ("3", "4"), ("4", "6"),
                                                                  ("5", "1")]


def test_ucdp_leaves_out_events_without_deaths() -> None:
    _, rows, count = _export(
        make_result("r1", make_event("r1-e0", killed=exact(0)), make_event("r1-e1"), make_event("r1-e2", killed=exact(2)))
    )
    assert [r["eventdesk_id"] for r in rows] == ["r1-e2"]
    assert count.left_out == {ucdp.NO_DEATHS: 2}


@settings(max_examples=60, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(0, 10**6), min_size=1, max_size=4, unique=True).flatmap(
    lambda ids: st.tuples(*(results(f"r{i}") for i in ids))))
def test_ucdp_loads_with_ged_dtypes(batch: tuple[ReportResult, ...]) -> None:
    header, rows, _ = _export(*batch)
    if not rows:
        return
    types = dtypes(rows, header)
    for column in ("best", "low", "high", "date_prec", "where_prec", "number_of_sources"):
        assert types[column] == "int64", column
    for row in rows:
        assert 0 <= int(row["low"]) <= int(row["best"]) <= int(row["high"]) and int(row["best"]) >= 1
        assert row["date_start"] <= row["date_end"]
        assert row["date_prec"] in "12345" and row["where_prec"] in ("1", "3", "4", "6")
