"""WikiEvents and RAMS adapters: text reconstruction, gold arguments, real-data runs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from eventdesk.eval import rams, wikievents
from eventdesk.records import Event, Report

MakeEvent = Callable[..., Event]


def test_wikievents_rebuild_text_places_sentences_at_offsets() -> None:
    sentences = [
        [[["Blast", 0, 5], ["hits", 6, 10], ["town", 11, 15]], "Blast hits town"],
        [[["Two", 16, 19], ["died", 20, 24], [".", 24, 25]], "Two died."],
    ]
    text = wikievents.rebuild_text(sentences)
    assert text == "Blast hits town Two died."
    assert all(text[s:e] == tok for sent in sentences for tok, s, e in sent[0])


def test_rams_parse_example_builds_text_and_arguments() -> None:
    row = {
        "doc_key": "k1",
        "sentences": [["Rebels", "shelled", "the", "town", "."], ["Two", "civilians", "died", "."]],
        "evt_triggers": [[1, 1, [["conflict.attack.n/a", 1.0]]]],
        "gold_evt_links": [
            [[1, 1], [0, 0], "evt001arg01attacker"],
            [[1, 1], [2, 3], "evt001arg02target"],
            [[1, 1], [2, 3], "evt001arg02target"],
        ],
    }
    ex = rams.parse_example(row)
    assert ex.text == "Rebels shelled the town . Two civilians died ."
    assert ex.positive and ex.triggers == [(7, 14)]
    assert [(a.cls, a.mentions) for a in ex.args] == [("attacker", ("Rebels",)), ("target", ("the town",))]
    assert rams.role_of("evt089arg01victim") == "victim"


@pytest.mark.data
def test_wikievents_real_data(
    data_root: Path, make_event: MakeEvent, fake_predictor: Callable[..., Any]
) -> None:
    docs = {d.doc_id: d for d in wikievents.load_documents(data_root / "wikievents")}
    assert len(docs) == 20
    for doc in docs.values():  # trigger spans index the rebuilt text
        assert all(0 <= s < e <= len(doc.text) for s, e in doc.triggers)

    def oracle(report: Report) -> list[Event]:
        args = docs[report.id].args
        pick = {c: [a.mentions[0] for a in args if a.cls == c] for c in ("attacker", "victim", "instrument")}
        return (
            [
                make_event(
                    perps=[(p, "individual") for p in pick["attacker"]],
                    victims=pick["victim"],
                    weapons=pick["instrument"],
                    trigger=docs[report.id].triggers[0],
                )
            ]
            if args
            else []
        )

    result = wikievents.evaluate_wikievents(
        data_root, predictor=fake_predictor(oracle), limit=5, progress=False
    )
    assert result.reports == 5
    for cls in ("attacker", "victim", "instrument"):
        score = result.scores.get(f"args.head.{cls}.recall")
        assert score is None or score.value == 1.0
    assert result.scores["detection.recall"].value == 1.0


@pytest.mark.data
def test_rams_real_data(data_root: Path, no_events: Callable[..., Any]) -> None:
    examples = rams.load_examples(data_root / "rams")
    assert len(examples) == 924 and sum(e.positive for e in examples) == 250
    for ex in examples[:50]:
        assert all(ex.text[s:e].strip() for s, e in ex.triggers)
    result = rams.evaluate_rams(data_root, predictor=no_events, limit=40, progress=False)
    assert result.reports == 40 and result.scores["detection.recall"].value == 0.0
