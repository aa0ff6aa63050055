"""``--format gtd``: the GTD codebook's columns, codes and casualty conventions."""

from __future__ import annotations

import io

from export_builders import day, dtypes, exact, make_event, make_result, place, read_csv, results
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventdesk.export import gtd
from eventdesk.export.crosswalks import gtd_codes
from eventdesk.export.table import ExportCount
from eventdesk.records import Count, DateValue, Perpetrator, ReportResult, Target, Weapon

CODEBOOK_COLUMNS = [
    "iyear", "imonth", "iday", "approxdate", "country", "country_txt", "provstate", "city", "latitude",
    "longitude", "specificity", "attacktype1", "attacktype1_txt", "weaptype1", "weaptype1_txt", "targtype1",
    "targtype1_txt", "gname", "guncertain1", "claimed", "claimmode", "nkill", "nkillter", "nwound", "multiple",
    "related", "summary", "scite1", "scite2", "scite3",
]  # fmt: skip


def _export(*batch: ReportResult) -> tuple[list[str], list[dict[str, str]], ExportCount]:
    out = io.StringIO()
    count = gtd.write_results(batch, out)
    header, rows = read_csv(out.getvalue())
    return header, rows, count


def test_gtd_columns_are_the_codebook_names() -> None:
    header, _, _ = _export()
    assert set(CODEBOOK_COLUMNS) <= set(header)
    assert header[:3] == ["iyear", "imonth", "iday"]


def test_gtd_bombing_with_claim_codes_every_field() -> None:
    event = make_event(
        "r1-e0",
        code="suicide_bombing",
        killed=exact(6, perpetrators=1),
        injured=exact(12),
        weapons=(Weapon("explosive vest", "explosives"),),
        targets=(Target("police checkpoint", "police"),),
        perpetrators=(Perpetrator("the River Brigade", "organization", "claimed"),),
    )
    _, (row,), count = _export(make_result("r1", event, title="Bomber kills five at checkpoint"))
    assert count.written == 1 and not count.left_out
    assert (row["iyear"], row["imonth"], row["iday"], row["approxdate"]) == ("2024", "1", "3", "")
    assert (row["country_txt"], row["provstate"], row["city"], row["specificity"]) == ("Iran", "Kerman", "Kerman", "1")
    assert (row["attacktype1"], row["attacktype1_txt"]) == ("3", "Bombing/Explosion")
    assert (row["weaptype1"], row["weaptype1_txt"]) == ("6", "Explosives")
    assert (row["targtype1"], row["targtype1_txt"]) == ("3", "Police")
    assert (row["gname"], row["guncertain1"], row["claimed"], row["claimmode"]) == ("the River Brigade", "0", "1", "10")
    # the codebook's nkill counts the attacker who died; nkillter says how many of them were attackers
    assert (row["nkill"], row["nkillter"], row["nwound"]) == ("6", "1", "12")
    assert row["scite1"].startswith('"Bomber kills five at checkpoint", Test Wire, 2024-01-04')
    assert row["eventdesk_id"] == "r1-e0"


def test_gtd_unknown_day_perpetrator_and_weapon() -> None:
    month = DateValue("2024-03-01", "2024-03-31", "month", "in March")
    suspected = Perpetrator("Eastern Front", "organization", "suspected")
    _, rows, _ = _export(
        make_result("r1", make_event("r1-e0", code="shooting", date=month, perpetrators=(suspected,))),
        make_result("r2", make_event("r2-e0", code="shooting", date=DateValue(), location=place("Kabul", "admin1"))),
    )
    first, second = rows
    assert (first["imonth"], first["iday"], first["approxdate"]) == ("3", "0", "2024-03")
    assert (first["gname"], first["guncertain1"], first["claimed"], first["claimmode"]) == ("Eastern Front", "1", "0", "")
    assert (first["weaptype1"], first["targtype1"]) == ("13", "20")  # Unknown, Unknown
    assert (second["iyear"], second["imonth"], second["iday"]) == ("", "0", "0")
    assert (second["gname"], second["claimed"]) == ("Unknown", "-9")
    assert (second["city"], second["specificity"]) == ("", "4")  # only the province: its centroid
    assert first["nkill"] == "" and first["nwound"] == ""  # no figure: blank, not 0


def test_gtd_vague_toll_is_blank_and_denial_is_no_attribution() -> None:
    vague = Count(low=24, best=None, high=None, text="dozens", qualifier="vague")
    denied = Perpetrator("Eastern Front", "organization", "denied")
    _, (row,), _ = _export(make_result("r1", make_event(code="bombing", killed=vague, perpetrators=(denied,))))
    assert row["nkill"] == ""  # the codebook: a figure too vague to be of use stays blank
    assert row["gname"] == "Unknown"


def test_gtd_leaves_out_what_it_does_not_code() -> None:
    _, rows, count = _export(
        make_result("r1", make_event("r1-e0", code="air_strike"), make_event("r1-e1", code="stampede")),
        make_result("r2", make_event("r2-e0", code="kidnapping", date=day("2023-12-30"))),
    )
    assert [r["attacktype1"] for r in rows] == ["6"]
    assert count.written == 1 and count.left_out == {gtd.NOT_GTD: 2}


@settings(max_examples=60, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(0, 10**6), min_size=1, max_size=4, unique=True).flatmap(
    lambda ids: st.tuples(*(results(f"r{i}") for i in ids))))
def test_gtd_loads_with_codebook_dtypes_and_codes(batch: tuple[ReportResult, ...]) -> None:
    header, rows, count = _export(*batch)
    assert count.written == len(rows)
    if not rows:
        return
    types = dtypes(rows, header)
    for column in ("imonth", "iday", "multiple", "attacktype1", "weaptype1", "targtype1", "claimed"):
        assert types[column] == "int64", column
    for column in ("iyear", "latitude", "longitude", "specificity", "nkill", "nkillter", "nwound", "guncertain1"):
        assert types[column] in ("int64", "float64"), column
    for row in rows:
        for field in ("attacktype", "weaptype", "targtype"):
            code = int(row[f"{field}1"])
            assert gtd_codes(field)[code] == row[f"{field}1_txt"]
        assert 0 <= int(row["imonth"]) <= 12 and 0 <= int(row["iday"]) <= 31
        assert row["claimed"] in ("1", "0", "-9") and row["guncertain1"] in ("", "0", "1")
        assert row["specificity"] in ("", "1", "3", "4", "5")
