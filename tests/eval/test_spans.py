"""Argument span matching: heads, overlap, tallies."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventdesk.eval.metrics import EvalResult
from eventdesk.eval.spans import ArgTally, GoldArg, head_word, phrases_match, predicted_args
from eventdesk.records import Event

MakeEvent = Callable[..., Event]


@pytest.mark.parametrize(
    ("phrase", "head"),
    [
        ("the Taliban", "taliban"),
        ("members of the armed group", "members"),
        ("a soldier's rifle", "rifle"),
        ("the bomber, who fled", "bomber"),
        ("Islamic State", "state"),
        ("", ""),
    ],
)
def test_spans_head_word(phrase: str, head: str) -> None:
    assert head_word(phrase) == head


def test_spans_phrase_matching_modes() -> None:
    assert phrases_match("the gunmen", "two masked gunmen", "head")
    assert not phrases_match("the Islamic State group", "Islamic State", "head")
    assert phrases_match("the Islamic State group", "Islamic State", "overlap")
    assert not phrases_match("the town", "a town hall", "head")
    assert not phrases_match("of the", "the of", "overlap")  # stop words only
    with pytest.raises(ValueError):
        phrases_match("a", "b", "exact")


def test_spans_tally_precision_and_recall(make_event: MakeEvent) -> None:
    gold = [
        GoldArg("attacker", ("the militants", "gunmen")),  # found through its second mention
        GoldArg("victim", ("three soldiers",)),  # found among our targets (interchangeable)
        GoldArg("instrument", ("a roadside bomb",)),  # missed
    ]
    ours = predicted_args(
        [make_event(perps=[("Gunmen", "individual")], targets=["soldiers"], place="Hilltown")]
    )
    assert ours["place"] == ["Hilltown"]
    tally = ArgTally()
    tally.add_document(gold, ours)
    head = tally.counts["head"]
    assert (head["attacker"].r_num, head["attacker"].r_den) == (1, 1)
    assert (head["victim"].r_num, head["instrument"].r_num) == (1, 0)
    assert (head["place"].p_num, head["place"].p_den) == (0, 1)  # a spurious place
    result = EvalResult("x", 1)
    tally.report(result)
    assert result.scores["args.head.micro.recall"].value == pytest.approx(2 / 3)
    assert result.scores["args.head.micro.precision"].value == pytest.approx(2 / 3)
