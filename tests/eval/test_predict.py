"""Running the extractor for an evaluation: data folders, order checks, the default predictor."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

import eventdesk
from eventdesk.errors import DataNotFound
from eventdesk.eval import predict
from eventdesk.eval.predict import recase
from eventdesk.records import Report, ReportResult


def test_predict_resolve_data_dir_accepts_root_or_folder(synthetic_root: Path) -> None:
    assert predict.resolve_data_dir(synthetic_root, "isaf", "isaf_shared.jsonl") == synthetic_root / "isaf"
    assert (
        predict.resolve_data_dir(synthetic_root / "isaf", "isaf", "isaf_shared.jsonl")
        == synthetic_root / "isaf"
    )
    with pytest.raises(DataNotFound):
        predict.resolve_data_dir(synthetic_root, "rams", "dev.jsonlines")


def test_predict_stable_order_is_a_fixed_shuffle() -> None:
    items = [f"doc-{i}" for i in range(50)]
    order = predict.stable_order(items, key=lambda s: s)
    assert order == predict.stable_order(list(reversed(items)), key=lambda s: s)
    assert order != items and sorted(order) == sorted(items)


def test_predict_default_predictor_calls_extract_many(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, Any]] = []

    def fake_extract_many(reports: Sequence[Report], *, workers: int = 1) -> Iterator[ReportResult]:
        calls.append({"n": len(reports), "workers": workers})
        return iter([ReportResult(id=r.id) for r in reports])

    monkeypatch.setattr(eventdesk, "extract_many", fake_extract_many)
    reports = [Report(text="x", id="a"), Report(text="y", id="b")]
    results = predict.run_predictions(reports, predict.default_predictor(3), progress=True)
    assert [r.id for r in results] == ["a", "b"] and calls == [{"n": 2, "workers": 3}]


def test_predict_run_predictions_checks_order_and_count() -> None:
    reports = [Report(text="x", id="a"), Report(text="y", id="b")]
    with pytest.raises(RuntimeError, match="out of order"):
        predict.run_predictions(
            reports, lambda rs: [ReportResult(id="b"), ReportResult(id="a")], progress=False
        )
    with pytest.raises(RuntimeError, match="1 results for 2"):
        predict.run_predictions(reports, lambda rs: [ReportResult(id="a")], progress=False)


def test_predict_main_event_choice(make_event: Any) -> None:
    background, related, main = (
        make_event(role="background"),
        make_event(role="related"),
        make_event(role="main"),
    )
    assert predict.main_event(ReportResult(id="x", events=(background, related, main))) is main
    assert predict.main_event(ReportResult(id="x", events=(background, related))) is related
    assert predict.main_event(ReportResult(id="x", events=(background,))) is None
    assert predict.current_events(ReportResult(id="x", events=(background, main))) == [main]

def test_predict_recase_keeps_length_and_offsets() -> None:
    text = "Straße in Köln: 3 killed, İstanbul"
    for case in ("upper", "lower"):
        out = recase(text, case)
        assert len(out) == len(text)
        assert out != text
    assert recase("Kano", "upper") == "KANO"
    assert recase("Kano", "lower") == "kano"
    assert recase("Kano", "as-is") == "Kano"
    assert "ß" in recase("Straße", "upper")  # "SS" would shift every later offset
