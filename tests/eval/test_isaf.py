"""ISAF: release dates, province names, kill counts; synthetic and real-data runs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from eventdesk.eval import isaf
from eventdesk.records import Event, Report

MakeEvent = Callable[..., Event]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("2013-01-S-025\n\nKABUL, Afghanistan (Jan. 25, 2013)\nDuring an operation ...", "2013-01-25"),
        ("Morning Operational Update June 13, 2011 | ...", "2011-06-13"),
        ("2012-05-S-040 | For Immediate Release |  | KABUL, Afghanistan (May 24) | In ...", "2012-05-24"),
        ("2012-12-S-001 | KABUL, Afghanistan (Jan. 2) | In ...", "2013-01-02"),
        ("May 12: Afghan-ISAF Operations | ISAF Joint Command 2010-05-CA-044 | ...", "2010-05-12"),
        ("ISAF Joint Command | 2011-07-S-003 | An Afghan-led force ...", None),
        ("KABUL, Afghanistan (Feb. 07) | In a district ...", None),
    ],
)
def test_isaf_release_date(header: str, expected: str | None) -> None:
    assert isaf.release_date(header) == expected


def test_isaf_canonical_province() -> None:
    assert isaf.canonical_province("Ghazni Province") == "ghazni"
    assert isaf.canonical_province("Paktia") == isaf.canonical_province("paktya") == "paktya"
    assert isaf.canonical_province("Sar-e Pol") == isaf.canonical_province("sar-e pul") == "sar-e pul"
    assert isaf.canonical_province("Khowst") == "khost"
    assert isaf.canonical_province("southern afghanistan") is None
    assert isaf.canonical_province(None) is None


def test_isaf_scores_on_synthetic_releases(
    synthetic_root: Path, make_event: MakeEvent, fake_predictor: Callable[..., Any]
) -> None:
    seen: dict[str, str | None] = {}

    def events_for(report: Report) -> list[Event]:
        seen[report.id] = report.published
        if report.id == "isaf-a":  # two related operations, 1 + 1 killed; province given as admin1
            return [
                make_event(killed=1, day="2012-05-03", admin1="Helmand Province"),
                make_event(role="related", killed=1),
                make_event(role="background", killed=5),
            ]
        return []  # isaf-b: detention only, nothing extracted: 0 killed is right

    result = isaf.evaluate_isaf(synthetic_root, predictor=fake_predictor(events_for), progress=False)
    s = {name: score.value for name, score in result.scores.items()}
    assert seen == {"isaf-a": "2012-05-04", "isaf-b": "2011-01-09"}
    assert s["killed.accuracy"] == 1.0 and s["killed.coverage"] == 0.5
    assert s["killed_nonzero.accuracy"] == 1.0
    assert s["date.accuracy"] == 0.5 and s["province.accuracy"] == 0.5 and s["province.coverage"] == 0.5


@pytest.mark.data
def test_isaf_real_data(data_root: Path, make_event: MakeEvent, fake_predictor: Callable[..., Any]) -> None:
    items = {it.id: it for it in isaf.load_items(data_root / "isaf")}

    def oracle(report: Report) -> list[Event]:
        it = items[report.id]
        return [make_event(killed=it.min_killed, day=it.start_date, admin1=it.province)]

    result = isaf.evaluate_isaf(data_root, predictor=fake_predictor(oracle), limit=40, progress=False)
    s = {name: score.value for name, score in result.scores.items()}
    assert result.reports == 40
    assert s["killed.accuracy"] == s["date.accuracy"] == s["province.accuracy"] == 1.0
    empty = isaf.evaluate_isaf(data_root, predictor=fake_predictor(lambda r: []), limit=40, progress=False)
    assert empty.scores["killed_nonzero.accuracy"].value == 0.0
    assert empty.scores["date.coverage"].value == 0.0


def test_isaf_killed_low_falls_back_to_best() -> None:
    from eventdesk.records import Count

    assert isaf.killed_low(None) == 0
    assert isaf.killed_low(Count(low=3, best=None)) == 3  # "several"
    assert isaf.killed_low(Count(low=None, best=40)) == 40  # "about 40"
    assert isaf.killed_low(Count()) == 0
