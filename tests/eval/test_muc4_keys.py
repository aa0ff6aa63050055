"""MUC-4 key notation: alternatives, fillers, dates, countries, datelines (made-up key values)."""

from __future__ import annotations

import datetime as dt

from eventdesk.eval.muc4_keys import (
    DateSpan,
    Filler,
    date_matches,
    dateline_date,
    parse_countries,
    parse_date,
    parse_fillers,
    split_alternatives,
)


def test_muc4_keys_split_alternatives_respects_parentheses_and_quotes() -> None:
    assert split_alternatives('"RED FRONT" / "RF"') == ['"RED FRONT"', '"RF"']
    assert split_alternatives("NARNIA: RIVERTON (CITY / DEPARTMENT)") == [
        "NARNIA: RIVERTON (CITY / DEPARTMENT)"
    ]
    assert split_alternatives("(NARNIA: RIVERTON (CITY)) / (NARNIA)") == ["NARNIA: RIVERTON (CITY)", "NARNIA"]
    assert split_alternatives('"A / B" / "C"') == ['"A / B"', '"C"']
    assert split_alternatives("(ONE / TWO)") == ["ONE", "TWO"]


def test_muc4_keys_fillers() -> None:
    assert parse_fillers("-") == [] and parse_fillers("*") == []
    assert parse_fillers('"GUNMEN" / "MASKED GUNMEN"') == [Filler("GUNMEN"), Filler("MASKED GUNMEN")]
    assert parse_fillers('? "RED FRONT"') == [Filler("RED FRONT", uncertain=True)]
    assert parse_fillers('"\\"EL PASO\\" FARM"') == [Filler('"EL PASO" FARM')]


def test_muc4_keys_dates() -> None:
    assert parse_date("03 MAR 90") == [DateSpan(dt.date(1990, 3, 3), dt.date(1990, 3, 3))]
    assert parse_date("- 03 MAR 90") == [DateSpan(None, dt.date(1990, 3, 3))]
    assert parse_date("01 MAR 90 - 03 MAR 90") == [DateSpan(dt.date(1990, 3, 1), dt.date(1990, 3, 3))]
    alternatives = parse_date("(03 MAR 90) / (02 MAR 90 - 03 MAR 90)")
    assert len(alternatives) == 2
    assert parse_date("-") == [] and parse_date("*") == [] and parse_date("31 NOV 89") == []
    assert parse_date("5 SEPT 89") == [DateSpan(dt.date(1989, 9, 5), dt.date(1989, 9, 5))]


def test_muc4_keys_date_matching() -> None:
    on_or_before = parse_date("- 10 MAY 90")
    assert date_matches(dt.date(1990, 5, 10), on_or_before)
    assert date_matches(dt.date(1990, 4, 20), on_or_before)
    assert not date_matches(dt.date(1990, 5, 11), on_or_before)
    assert not date_matches(dt.date(1989, 5, 10), on_or_before)  # outside the two-month window
    between = parse_date("08 MAY 90 - 09 MAY 90")
    assert date_matches(dt.date(1990, 5, 8), between) and not date_matches(dt.date(1990, 5, 10), between)


def test_muc4_keys_countries() -> None:
    assert parse_countries("(NARNIA: RIVERTON (CITY)) / (NARNIA: HILLS (DEPARTMENT)) / (NARNIA)") == {
        "NARNIA"
    }
    assert parse_countries("ORESTIA / NARNIA") == {"ORESTIA", "NARNIA"}
    assert parse_countries("-") == set()


def test_muc4_keys_dateline() -> None:
    assert dateline_date("   RIVERTON, 4 JAN 90 (XYZ) -- [TEXT] ...") == "1990-01-04"
    assert dateline_date("   HILLS (NARNIA), 22 AUGUST 89 (XYZ) -- [TEXT]") == "1989-08-22"
    assert dateline_date("   PORT CITY (ORESTIA), JUNE 11 89 (XYZ) -- [TEXT]") == "1989-06-11"
    assert dateline_date("   CLANDESTINE, NO DATE (RADIO) -- [TEXT]") is None
    assert dateline_date("   RIVERTON, 25 JAN (XYZ) -- [TEXT] MET ON 4 FEB 90") is None
