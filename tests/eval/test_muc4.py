"""MUC-4: event -> template mapping, the adapter on synthetic data, and real-data runs."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from eventdesk.eval import gtt, muc4
from eventdesk.records import Event, Report

MakeEvent = Callable[..., Event]


def test_muc4_event_template_maps_roles(make_event: MakeEvent) -> None:
    event = make_event(
        muc4="bombing",
        perps=[
            ("urban guerrillas", "individual"),
            ("Red Front", "organization"),
            ("the army", "state"),
            ("someone", "unknown"),
        ],
        targets=["power pylon"],
        victims=["two guards", "Two guards"],
        weapons=["dynamite"],
    )
    t = muc4.event_template(event)
    assert t == {
        "incident_type": "bombing",
        "PerpInd": [["urban guerrillas"], ["someone"]],
        "PerpOrg": [["Red Front"], ["the army"]],
        "Target": [["power pylon"]],
        "Victim": [["two guards"]],
        "Weapon": [["dynamite"]],
    }


def test_muc4_event_template_skips_denied_and_non_muc_events(make_event: MakeEvent) -> None:
    denied = muc4.event_template(make_event(perps=[("Red Front", "organization")], perp_status="denied"))
    assert denied is not None and denied["PerpOrg"] == []
    assert muc4.event_template(make_event(muc4=None)) is None
    assert muc4.event_template(make_event(muc4="attack", violent=False)) is None
    assert muc4.event_template(make_event(muc4="forced work stoppage", violent=False)) is not None
    assert muc4.event_template(make_event(muc4="Kidnapping"))["incident_type"] == "kidnapping"  # type: ignore[index]


def test_muc4_background_events_make_no_template(make_event: MakeEvent) -> None:
    events = [make_event(role="main"), make_event(role="background"), make_event(role="related")]
    assert len(muc4.events_to_templates(events)) == 2
    assert len(muc4.events_to_templates(events, include_background=True)) == 3


def _gunmen_event(make_event: MakeEvent) -> Event:
    return make_event(
        muc4="attack",
        day="1990-03-02",
        country="Narnia",
        perps=[("MASKED GUNMEN", "individual"), ("RED FRONT", "organization")],
        perp_status="claimed",
        targets=["POLICE POST"],
        victims=["TWO GUARDS"],
        weapons=["RIFLES"],
    )


def test_muc4_adapter_on_synthetic_data(
    synthetic_root: Path, make_event: MakeEvent, fake_predictor: Callable[..., Any]
) -> None:
    seen: list[Report] = []

    def events_for(report: Report) -> list[Event]:
        seen.append(report)
        return [_gunmen_event(make_event)] if "GUNMEN" in report.text else []

    result, preds = muc4.evaluate_muc4(
        synthetic_root, predictor=fake_predictor(events_for), relevance=None, progress=False
    )
    assert {r.published for r in seen} == {"1990-03-03", "1990-04-09"}  # from the datelines
    s = {name: score.value for name, score in result.scores.items()}
    assert s["gtt.micro.precision"] == 5 / 6  # "two guards" is not a mention of gold "guards"
    assert s["gtt.micro.recall"] == 5 / 6
    assert s["gtt.Victim.recall"] == 0.0 and s["gtt.Weapon.f1"] == 1.0
    assert (
        s["keys.date.accuracy"] == 1.0
        and s["keys.country.accuracy"] == 1.0
        and s["keys.claim.accuracy"] == 1.0
    )
    assert preds["TST2-MUC4-0002"] == {"pred_templates": []}
    assert preds["TST1-MUC3-0001"]["pred_templates"][0]["PerpOrg"] == [["RED FRONT"]]


def test_muc4_empty_extractor_scores_zero(synthetic_root: Path, no_events: Callable[..., Any]) -> None:
    result, _ = muc4.evaluate_muc4(synthetic_root, predictor=no_events, progress=False)
    assert result.scores["gtt.micro.f1"].value == 0.0
    assert result.scores["keys.date.accuracy"].value == 0.0
    assert result.scores["keys.date.coverage"].value == 0.0


def test_muc4_prediction_file_round_trip(
    synthetic_root: Path, tmp_path: Path, make_event: MakeEvent, fake_predictor: Callable[..., Any]
) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text(
        json.dumps({"id": "mine-1", "text": "   RIVERTON, 1 MAY 90 (X) -- GUNMEN ATTACKED."}) + "\n"
    )
    preds = muc4.predict_documents(
        docs, predictor=fake_predictor(lambda r: [_gunmen_event(make_event)]), relevance=None, progress=False
    )
    assert list(preds) == ["mine-1"] and preds["mine-1"]["pred_templates"][0]["incident_type"] == "attack"
    out = tmp_path / "preds.json"
    out.write_text(json.dumps({"TST1-MUC3-0001": preds["mine-1"]}))
    result = muc4.score_prediction_file(out, synthetic_root / "muc4/gtt/dev.jsonl")
    assert result.scores["gtt.micro.recall"].value == 5 / 6


def _oracle(golds: dict[str, gtt.GoldDoc], make_event: MakeEvent) -> Callable[[Report], list[Event]]:
    """Events built from the gold templates: the first mention of each gold entity."""

    def events_for(report: Report) -> list[Event]:
        events = []
        for t in golds[report.id].templates:
            events.append(
                make_event(
                    muc4=t["incident_type"].split(" / ")[0],
                    perps=[(e[0], "individual") for e in t["PerpInd"]]
                    + [(e[0], "organization") for e in t["PerpOrg"]],
                    targets=[e[0] for e in t["Target"]],
                    victims=[e[0] for e in t["Victim"]],
                    weapons=[e[0] for e in t["Weapon"]],
                )
            )
        return events

    return events_for


@pytest.mark.data
def test_muc4_real_data_oracle_and_empty(
    data_root: Path, make_event: MakeEvent, fake_predictor: Callable[..., Any], no_events: Callable[..., Any]
) -> None:
    golds = gtt.load_gold(data_root / "muc4" / "gtt" / "dev.jsonl")
    result, preds = muc4.evaluate_muc4(
        data_root, predictor=fake_predictor(_oracle(golds, make_event)), limit=25, relevance=None,
        progress=False,
    )
    assert result.reports == 25 and len(preds) == 25
    assert result.scores["gtt.micro.f1"].value == 1.0
    empty, _ = muc4.evaluate_muc4(data_root / "muc4", predictor=no_events, limit=5, relevance=None, progress=False)
    assert empty.scores["gtt.micro.f1"].value == 0.0 and empty.errors == 0


def test_muc4_descriptions_are_not_victim_names(make_event: Any) -> None:
    from dataclasses import replace

    from eventdesk.eval.muc4 import event_template
    from eventdesk.records import Victim

    event = make_event(muc4="attack", victims=["Ana Ruiz"])
    event = replace(event, victims=(*event.victims, Victim(text="six priests")))
    template = event_template(event)
    assert template is not None and template["Victim"] == [["Ana Ruiz"]]


def test_muc4_a_clash_counts_only_when_it_hit_civilians(make_event: MakeEvent) -> None:
    clash = muc4.event_template(make_event(code="armed_clash", muc4=None, victims=["four soldiers"]))
    assert clash is None  # guerrillas against the army: not a MUC-4 incident
    hit = muc4.event_template(make_event(code="armed_clash", muc4=None, victims=["three peasants"]))
    assert hit is not None and hit["incident_type"] == "attack"
    vague = muc4.event_template(make_event(code="armed_clash", muc4=None, victims=["five persons"]))
    assert vague is None
