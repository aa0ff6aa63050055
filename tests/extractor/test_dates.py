from __future__ import annotations

import datetime as dt

import pytest

from eventdesk.extractor.dates import dateline_date, is_house_number, resolve_date

THURSDAY = dt.date(2024, 1, 4)


@pytest.mark.parametrize(
    ("expr", "start", "precision"),
    [
        ("on Wednesday", "2024-01-03", "day"),
        ("Thursday", "2024-01-04", "day"),  # the publication weekday means that day
        ("last Thursday", "2023-12-28", "day"),
        ("Saturday night", "2023-12-30", "day"),
        ("last night", "2024-01-03", "day"),
        ("Jan. 3", "2024-01-03", "day"),
        ("Dec. 30", "2023-12-30", "day"),
        ("earlier this month", "2024-01-01", "month"),
        ("in 2020", "2020-01-01", "year"),
        ("January 2020", "2020-01-01", "month"),
        ("12 NOV 89", "1989-11-12", "day"),
        ("two days ago", "2024-01-02", "day"),
        ("last week", "2023-12-25", "range"),
        ("Saturday's", "2023-12-30", "day"),
        ("Saturday, Dec. 23, 2023", "2023-12-23", "day"),  # the explicit date, not the weekday
        ("on the 2nd", "2024-01-02", "day"),
        ("on the 22nd", "2023-12-22", "day"),  # never after publication
        ("over the weekend", "2023-12-30", "range"),
        ("overnight", "2024-01-03", "range"),  # either side of midnight
    ],
)
def test_dates_resolved_against_published(expr: str, start: str, precision: str) -> None:
    r = resolve_date(expr, THURSDAY)
    assert r is not None and (r.start, r.precision) == (start, precision)


@pytest.mark.parametrize("expr", ["on Wednesday", "last night", "Jan. 3", "earlier this month", "yesterday"])
def test_dates_relative_unresolved_without_published(expr: str) -> None:
    assert resolve_date(expr, None) is None


def test_dates_absolute_without_published() -> None:
    r = resolve_date("in 2020", None)
    assert r is not None and r.precision == "year"


def test_dates_dateline() -> None:
    found = dateline_date("KABUL, Afghanistan (Jan. 25, 2013)\nDuring an operation")
    assert found is not None and found[0].start == "2013-01-25"
    assert dateline_date("No dateline in this text at all.") is None


@pytest.mark.parametrize(
    "expr", ["about 20 minutes later", "two days later", "4:09 AM EDT", "10 p.m. ET", "20 minutes", "17-year", "2 hours", "3 years", "22nd", "6 p.m. and"]
)
def test_dates_times_durations_and_streets_are_not_days(expr: str) -> None:
    assert resolve_date(expr, THURSDAY) is None


@pytest.mark.parametrize("expression", ["1013", "early 20s", "late 20's", "30s"])
def test_session7_numbers_that_are_no_dates(expression: str) -> None:
    # a house number outside 1900-2099; an age ("in their early 20s")
    assert resolve_date(expression, dt.date(2016, 8, 22)) is None


def test_session7_house_number_before_a_street_is_no_year() -> None:
    text = "Three people were hurt in front of 1913 Carrie St. in 2014."
    at = text.index("1913")
    assert is_house_number(text, at, at + 4)
    at = text.index("2014")
    assert not is_house_number(text, at, at + 4)
