"""Fused incident records scored against GVA's incident labels."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from eventdesk.eval.gva import GvaItem
from eventdesk.eval.gva_incidents import score_incidents
from eventdesk.eval.metrics import EvalResult
from eventdesk.records import Event, Report, ReportResult

MakeEvent = Callable[..., Event]


def _item(doc_id: str, incident: str, published: str, *, killed: int, injured: int) -> GvaItem:
    return GvaItem(
        doc_id=doc_id, incident_id=incident, text="x", title=None, published=published, killed=killed,
        injured=injured, date="2024-05-04", city="Springfield", state="Illinois", lat=39.80, lon=-89.64,
    )


def _result(doc_id: str, event: Event) -> ReportResult:
    event = dataclasses.replace(event, event_id=f"ev-{doc_id}")
    return ReportResult(id=doc_id, events=(event,), report=Report(text="x", id=doc_id))


def test_the_fused_incident_takes_the_latest_toll(make_event: MakeEvent) -> None:
    # incident A: the first report has one dead, the next day's report two (GVA's final toll is 2)
    # incident B: one report, right on everything
    items = [
        _item("a1", "A", "2024-05-04", killed=2, injured=1),
        _item("a2", "A", "2024-05-05", killed=2, injured=1),
        _item("b1", "B", "2024-05-04", killed=0, injured=3),
    ]
    here = {"day": "2024-05-04", "lat": 39.78, "lon": -89.65}
    results = [
        _result("a1", make_event(killed=1, injured=2, **here)),
        _result("a2", make_event(killed=2, injured=1, **here)),
        _result("b1", make_event(injured=3, **here)),
    ]
    result = EvalResult("gva-dedup", 3)
    score_incidents(items, results, ["k1", "k1", "k2"], result)
    s = {name: score.value for name, score in result.scores.items()}
    assert s["incidents.killed.accuracy"] == 1.0
    assert s["incidents.injured.accuracy"] == 1.0
    assert s["incidents.first_article.killed.accuracy"] == 0.5
    assert s["incidents_multi.killed.accuracy"] == 1.0
    assert s["incidents_multi.first_article.killed.accuracy"] == 0.0
    assert s["incidents_multi.last_article.killed.accuracy"] == 1.0
    assert s["incidents.date.accuracy"] == 1.0 and s["incidents.coords.within_25km"] == 1.0
    assert result.details["incidents"] == {"gold": 2, "with_two_or_more_articles": 1, "articles": 3}


def test_an_incident_split_by_the_resolver_is_scored_on_its_majority(make_event: MakeEvent) -> None:
    items = [_item(f"a{i}", "A", f"2024-05-0{i + 4}", killed=2, injured=0) for i in range(3)]
    results = [
        _result("a0", make_event(killed=5)),  # linked elsewhere: not the incident's record
        _result("a1", make_event(killed=1)),
        _result("a2", make_event(killed=2)),
    ]
    result = EvalResult("gva-dedup", 3)
    score_incidents(items, results, ["k9", "k1", "k1"], result)
    s = {name: score.value for name, score in result.scores.items()}
    assert s["incidents.killed.accuracy"] == 1.0
    assert s["incidents.first_article.killed.accuracy"] == 0.0
    assert s["incidents.date.accuracy"] == 0.0, "no day given"
    assert s["incidents.coords.within_25km"] == pytest.approx(0.0)
