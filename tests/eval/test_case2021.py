"""CASE 2021: crosswalk, sub-type and violence accuracy."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from eventdesk.eval import case2021
from eventdesk.records import Event, Report

MakeEvent = Callable[..., Event]


def test_case2021_crosswalk_labels(make_event: MakeEvent) -> None:
    walk = case2021.load_crosswalk()
    assert walk.label(None) == "NONE"
    assert walk.label(make_event(code="bombing", acled="Remote explosive/landmine/IED")) == "REM_EXPLOS"
    assert walk.label(make_event(code="accident", acled=None, violent=False)) == "MAN_MADE_DISASTER"
    assert walk.label(make_event(code="novel", acled=None)) == "UNMAPPED"
    assert walk.violent["AIR_STRIKE"] is True and walk.violent["PEACE_PROTEST"] is False
    assert walk.violent["VIOL_DEMONSTR"] is None
    assert len(walk.violent) == 30


def test_case2021_scores_on_synthetic_rows(
    synthetic_root: Path, make_event: MakeEvent, fake_predictor: Callable[..., Any]
) -> None:
    def events_for(report: Report) -> list[Event]:
        if "car bomb" in report.text:
            return [make_event(code="bombing", acled="Remote explosive/landmine/IED")]
        if "marched" in report.text:
            return [make_event(code="peaceful_protest", acled="Peaceful protest", violent=False)]
        return []

    result = case2021.evaluate_case2021(synthetic_root, predictor=fake_predictor(events_for), progress=False)
    s = {name: score.value for name, score in result.scores.items()}
    assert s["subtype.accuracy"] == pytest.approx(2 / 3) and s["subtype.coverage"] == pytest.approx(2 / 3)
    assert s["subtype_violent.accuracy"] == 1.0
    assert (
        s["violence.accuracy"] == 1.0 and result.scores["violence.accuracy"].n == 2
    )  # VIOL_DEMONSTR left out
    assert result.details["confusion"]["VIOL_DEMONSTR"] == {"NONE": 1}


@pytest.mark.data
def test_case2021_real_data_empty_extractor(data_root: Path, no_events: Callable[..., Any]) -> None:
    result = case2021.evaluate_case2021(data_root, predictor=no_events, limit=60, progress=False)
    assert result.reports == 60
    assert result.scores["subtype.accuracy"].value == 0.0
    violence = result.scores["violence.accuracy"]
    assert violence.value is not None and 0.0 < violence.value < 1.0  # non-violent rows are right
