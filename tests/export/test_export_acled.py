"""``--format acled``: ACLED's columns, event type hierarchy, actors and fatality conventions."""

from __future__ import annotations

import io

from export_builders import dtypes, exact, make_event, make_result, place, read_csv, results
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventdesk.export import acled
from eventdesk.export.table import ExportCount
from eventdesk.records import Count, DateValue, Location, Perpetrator, ReportResult
from eventdesk.resources import read_tsv
from eventdesk.store.fuse import fuse
from eventdesk.store.incident import Sighting

CODEBOOK_COLUMNS = [
    "event_date", "disorder_type", "event_type", "sub_event_type", "actor1", "actor2", "interaction", "country",
    "admin1", "location", "latitude", "longitude", "geo_precision", "time_precision", "source", "notes",
    "fatalities",
]  # fmt: skip
HIERARCHY = {r["sub_event_type"]: (r["event_type"], r["disorder_type"]) for r in read_tsv("acled_event_types.tsv")}


def _export(*batch: ReportResult) -> tuple[list[str], list[dict[str, str]], ExportCount]:
    out = io.StringIO()
    count = acled.write_results(batch, out)
    header, rows = read_csv(out.getvalue())
    return header, rows, count


def test_acled_columns_are_the_codebook_names() -> None:
    header, _, _ = _export()
    assert header[: len(CODEBOOK_COLUMNS)] == CODEBOOK_COLUMNS


def test_acled_attack_by_unnamed_gunmen_on_civilians() -> None:
    at_least = Count(low=3, best=3, high=None, text="at least three", qualifier="at_least")
    _, (row,), _ = _export(make_result("r1", make_event(code="shooting", killed=at_least), source="Radio D"))
    assert (row["event_date"], row["time_precision"], row["geo_precision"]) == ("2024-01-03", "1", "1")
    assert (row["disorder_type"], row["event_type"], row["sub_event_type"]) == (
        "Political violence", "Violence against civilians", "Attack",
    )  # fmt: skip
    assert (row["actor1"], row["actor2"], row["interaction"]) == (
        "Unidentified Armed Group (Iran)", "Civilians (Iran)", "37",
    )  # fmt: skip
    assert (row["location"], row["admin1"], row["source"], row["fatalities"]) == ("Kerman", "Kerman", "Radio D", "3")


def test_acled_state_air_strike_is_a_sole_state_actor() -> None:
    state = Perpetrator("Military Forces of Iran", "state", "confirmed")
    _, (row,), _ = _export(make_result("r1", make_event(code="air_strike", perpetrators=(state,))))
    assert (row["event_type"], row["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert (row["actor1"], row["actor2"], row["interaction"], row["fatalities"]) == (
        "Military Forces of Iran", "", "10", "0",
    )  # fmt: skip


def test_acled_fatalities_take_the_most_conservative_figure() -> None:
    """An incident told as 73, then 84: ACLED codes the lower figure (fused low), not the latest."""
    sightings = [
        Sighting(make_event("a-e0", killed=Count(73, 73, None, "at least 73", "at_least")), "a/e0", "a", "2024-01-03"),
        Sighting(make_event("b-e0", killed=exact(84)), "b/e0", "b", "2024-01-05", "Wire B"),
    ]
    out = io.StringIO()
    acled.write_incidents([fuse("inc-1", sightings)], out)
    (row,) = read_csv(out.getvalue())[1]
    assert row["fatalities"] == "73" and row["eventdesk_id"] == "inc-1"


def test_acled_time_and_geo_precision() -> None:
    three_days = DateValue("2024-01-01", "2024-01-03", "range", "over the weekend")
    month = DateValue("2024-01-01", "2024-01-31", "month", "in January")
    _, rows, _ = _export(
        make_result("r1", make_event("r1-e0", date=three_days, location=place("Kabul", "admin2"))),
        make_result("r2", make_event("r2-e0", date=month, location=place("Kabul", "admin1"))),
    )
    assert [(r["time_precision"], r["geo_precision"]) for r in rows] == [("2", "2"), ("3", "3")]
    assert rows[0]["event_date"] == "2024-01-01"


def test_acled_leaves_out_what_it_cannot_code() -> None:
    _, rows, count = _export(
        make_result("r1", make_event("r1-e0", code="stampede"), make_event("r1-e1", date=DateValue())),
        make_result("r2", make_event("r2-e0", location=Location())),
    )
    assert rows == []
    assert count.left_out == {acled.NOT_ACLED: 1, acled.NO_DATE: 1, acled.NO_PLACE: 1}


@settings(max_examples=60, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(0, 10**6), min_size=1, max_size=4, unique=True).flatmap(
    lambda ids: st.tuples(*(results(f"r{i}") for i in ids))))
def test_acled_loads_with_codebook_dtypes_and_codes(batch: tuple[ReportResult, ...]) -> None:
    header, rows, _ = _export(*batch)
    if not rows:
        return
    types = dtypes(rows, header)
    assert types["fatalities"] == types["geo_precision"] == types["time_precision"] == "int64"
    assert types["latitude"] == types["longitude"] == "float64"
    for row in rows:
        assert HIERARCHY[row["sub_event_type"]] == (row["event_type"], row["disorder_type"])
        assert row["geo_precision"] in ("1", "2", "3") and row["time_precision"] in ("1", "2", "3")
        assert int(row["fatalities"]) >= 0 and row["actor1"]
        assert row["interaction"] in ("", "10", "17", "30", "37")
