"""GVA: gold loading, normalisation, scoring on synthetic articles, real-data runs."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from eventdesk.eval import gva
from eventdesk.records import Count, Event, Report

MakeEvent = Callable[..., Event]


def test_gva_city_and_state_forms() -> None:
    assert gva.city_forms("Lower Macungie (Township)") == {"lower macungie"}
    assert gva.city_forms("New York (Manhattan)") == {"new york", "manhattan"}
    assert gva.city_forms("Harris (county)") == {"harris"}
    assert gva.state_form("PA") == gva.state_form("Pennsylvania") == "pennsylvania"
    assert gva.state_form(None) == ""


def test_gva_count_value_prefers_best_then_low() -> None:
    assert gva.count_value(None) == 0
    assert gva.count_value(Count(low=3, best=4)) == 4
    assert gva.count_value(Count(low=24, best=None)) == 24
    assert gva.count_value(Count()) == 0


def test_gva_load_items_skips_empty_unlabelled_and_double_filed(synthetic_root: Path, tmp_path: Path) -> None:
    items, skipped = gva.load_items(synthetic_root / "gva")
    assert [it.doc_id for it in items] == ["d1", "d2", "d3"]
    assert skipped == {"empty content": 1, "incident without labels": 1}
    assert items[0].date == "2016-05-02" and items[0].killed == 1 and items[2].lat is None
    docs = (synthetic_root / "gva/documents.jsonl").read_text().splitlines()
    extra = {**json.loads(docs[0]), "incident_id": "1002"}
    (synthetic_root / "gva/documents.jsonl").write_text("\n".join([*docs, json.dumps(extra)]) + "\n")
    items, skipped = gva.load_items(synthetic_root / "gva")
    assert skipped["filed under two incidents"] == 2 and "d1" not in {it.doc_id for it in items}


def test_gva_scores_on_synthetic_articles(
    synthetic_root: Path, make_event: MakeEvent, fake_predictor: Callable[..., Any]
) -> None:
    def events_for(report: Report) -> list[Event]:
        if report.id == "d1":  # everything right, coordinates 1.1 km off
            return [
                make_event(
                    killed=1,
                    injured=2,
                    day="2016-05-02",
                    place="Springfield",
                    admin1="OH",
                    lat=39.93,
                    lon=-83.81,
                )
            ]
        if report.id == "d3":  # no figures (read as 0 killed, 0 injured), wrong day, county matches
            return [make_event(day="2016-06-04", place="Harris County", admin1="Texas")]
        return []  # d2: no event at all

    result = gva.evaluate_gva(synthetic_root, predictor=fake_predictor(events_for), progress=False)
    s = {name: score.value for name, score in result.scores.items()}
    assert result.reports == 3
    assert s["killed.accuracy"] == pytest.approx(2 / 3) and s["killed.coverage"] == pytest.approx(2 / 3)
    assert s["injured.accuracy"] == pytest.approx(1 / 3)
    assert s["killed.median_abs_error"] == 0.0 and s["injured.median_abs_error"] == 0.5  # errors 0 and 1
    assert s["date.accuracy"] == pytest.approx(1 / 3) and s["date.coverage"] == pytest.approx(2 / 3)
    assert s["city.accuracy"] == pytest.approx(2 / 3) and s["state.accuracy"] == pytest.approx(2 / 3)
    assert s["coords.within_25km"] == 0.5 and s["coords.coverage"] == 0.5  # d3's incident has no coordinates
    assert s["coords.median_km"] == pytest.approx(1.1, abs=0.05)


def test_gva_limit_is_a_stable_sample(synthetic_root: Path, no_events: Callable[..., Any]) -> None:
    first = gva.evaluate_gva(synthetic_root / "gva", predictor=no_events, limit=2, progress=False)
    again = gva.evaluate_gva(synthetic_root / "gva", predictor=no_events, limit=2, progress=False)
    assert first.reports == again.reports == 2
    assert first.scores["killed.accuracy"].value == 0.0 and first.scores["killed.coverage"].value == 0.0


@pytest.mark.data
def test_gva_real_data_oracle_and_empty(
    data_root: Path, make_event: MakeEvent, fake_predictor: Callable[..., Any], no_events: Callable[..., Any]
) -> None:
    items = {it.doc_id: it for it in gva.load_items(data_root / "gva")[0]}

    def oracle(report: Report) -> list[Event]:
        it = items[report.id]
        city = re.sub(r"\s*\(.*?\)", "", it.city)  # 'Chicago (Englewood)' -> 'Chicago'
        return [
            make_event(
                killed=it.killed,
                injured=it.injured,
                day=it.date,
                place=city,
                admin1=it.state,
                lat=it.lat,
                lon=it.lon,
            )
        ]

    result = gva.evaluate_gva(data_root, predictor=fake_predictor(oracle), limit=30, progress=False)
    s = {name: score.value for name, score in result.scores.items()}
    assert result.reports == 30
    for name in ("killed", "injured", "date", "city", "state"):
        assert s[f"{name}.accuracy"] == 1.0, name
    assert s["coords.within_25km"] == 1.0
    empty = gva.evaluate_gva(data_root, predictor=no_events, limit=5, progress=False)
    assert empty.scores["killed.accuracy"].value == 0.0
