"""Giveme5W1H phrases and consistency; cross-report deduplication with an injected clusterer."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from pathlib import Path
from typing import Any

import pytest

from eventdesk.eval import dedup, giveme5w1h
from eventdesk.records import Event, Report, ReportResult

MakeEvent = Callable[..., Event]


def test_giveme5w1h_synthetic(
    synthetic_root: Path, make_event: MakeEvent, fake_predictor: Callable[..., Any]
) -> None:
    def events_for(report: Report) -> list[Event]:
        if "consulate" in report.text:
            return [
                make_event(
                    code="bombing",
                    perps=[("attackers", "unknown")],
                    day="2016-11-10",
                    place="Northtown",
                    country_code="XX",
                )
            ]
        return []

    result = giveme5w1h.evaluate_giveme5w1h(
        synthetic_root, predictor=fake_predictor(events_for), progress=False
    )
    s = {name: score.value for name, score in result.scores.items()}
    assert s["who.accuracy"] == pytest.approx(2 / 3) and s["violent.who.accuracy"] == 1.0
    assert s["when.accuracy"] == pytest.approx(2 / 3) and s["where.accuracy"] == pytest.approx(2 / 3)
    assert s["consistency.type"] == 1.0 and s["violent.consistency.date"] == 1.0
    assert s["detection.f1"] == 1.0


def test_dedup_synthetic_with_injected_clusterer(synthetic_root: Path, no_events: Callable[..., Any]) -> None:
    def by_first_word(results: Sequence[ReportResult]) -> list[Hashable]:
        assert all(r.report is not None for r in results)
        return [r.report.text.split()[0] if r.report else r.id for r in results]

    result = dedup.evaluate_dedup(
        synthetic_root, predictor=no_events, clusterer=by_first_word, progress=False
    )
    s = {name: score.value for name, score in result.scores.items()}
    # GVA articles with content: d1, d2 (incident 1001), d3 (1002), d5 (9999, unlabelled but clustered);
    # first words "A", "Police", "A", "A": d1, d3 and d5 wrongly merged, d1 and d2 wrongly split
    assert s["gva.pairwise.precision"] == 0.0 and s["gva.pairwise.recall"] == 0.0
    assert s["gva.bcubed.precision"] == pytest.approx((1 / 3 + 1 + 1 / 3 + 1 / 3) / 4)
    assert s["gva.bcubed.recall"] == pytest.approx((1 / 2 + 1 / 2 + 1 + 1) / 4)
    assert "giveme5w1h.bcubed.f1" in s and result.reports == 4 + 3


def test_dedup_singletons_fallback(synthetic_root: Path, no_events: Callable[..., Any]) -> None:
    clusterer, _note = dedup.default_clusterer()
    singles = dedup.evaluate_dedup(
        synthetic_root / "gva", predictor=no_events, clusterer=lambda rs: [r.id for r in rs], progress=False
    )
    assert singles.scores["gva.bcubed.precision"].value == 1.0
    assert singles.scores["gva.pairwise.precision"].value is None
    assert callable(clusterer)


@pytest.mark.data
def test_dedup_real_data_limit_keeps_whole_incidents(data_root: Path, no_events: Callable[..., Any]) -> None:
    reports, gold = dedup.gva_reports(data_root / "gva", limit=40)
    assert 40 <= len(reports) < 60
    perfect = dict(zip((r.id for r in reports), gold, strict=True))
    result = dedup.evaluate_dedup(
        data_root,
        predictor=no_events,
        limit=40,
        clusterer=lambda rs: [perfect.get(r.id, r.id) for r in rs],
        progress=False,
    )
    assert result.scores["gva.bcubed.f1"].value == 1.0
    assert result.scores["giveme5w1h.bcubed.f1"].value is not None
