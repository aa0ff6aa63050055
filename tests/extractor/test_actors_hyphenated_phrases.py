"""Noun phrases are never cut inside a hyphenated compound: "a 29-year-old suspect" is the
perpetrator "29-year-old suspect", never "-year-old suspect" (issue 19, defect 3). An age or size
compound is kept whole, in perpetrators, targets and victims alike."""

from __future__ import annotations

import re

import pytest

from eventdesk.extractor.actors import find_perpetrators
from eventdesk.extractor.context import EventContext
from eventdesk.extractor.participants import find_targets, find_victims
from eventdesk.nlp.model import load_nlp
from eventdesk.nlp.truecase import needs_truecasing, restore_case
from eventdesk.records import Evidence


def _context(text: str) -> EventContext:
    restored = restore_case(text) if needs_truecasing(text) else text
    doc = load_nlp()(restored)
    return EventContext(text=text, doc=doc, sents=tuple(doc.sents))


def _assert_whole_words(text: str, evidence: tuple[Evidence, ...]) -> None:
    for ev in evidence:
        assert text[ev.start : ev.end] == ev.text
        before, after = text[max(0, ev.start - 1) : ev.start], text[ev.end : ev.end + 1]
        assert not re.fullmatch(r"[\w-]", before), f"{ev.text!r} starts inside a word of {text!r}"
        assert not re.fullmatch(r"[\w-]", after), f"{ev.text!r} ends inside a word of {text!r}"
        assert not ev.text.startswith("-") and not ev.text.endswith("-")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Police arrested a 29-year-old suspect after the shooting on Main Street.", "29-year-old suspect"),
        ("Officers detained a 34-year-old gunman outside the store.", "34-year-old gunman"),
        ("Witnesses said a 19-year-old shooter was taken into custody.", "19-year-old shooter"),
        ("THE 41-YEAR-OLD GUNMAN WAS ARRESTED AT THE SCENE.", "41-year-old gunman"),
        ("Three 20-year-old gunmen stormed the bank and killed a guard.", "20-year-old gunmen"),
    ],
)
def test_actors_age_compound_kept_whole(text: str, name: str) -> None:
    found = find_perpetrators(_context(text))
    names = [p.name.lower() for p in found]
    assert name in names
    for perp in found:
        assert not perp.name.startswith("-")
        _assert_whole_words(text, perp.evidence)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gunmen attacked two 12-story buildings in the city centre.", "12-story buildings"),
        ("Gunmen torched two 40-seat buses near the border.", "40-seat buses"),
    ],
)
def test_participants_size_compound_kept_whole(text: str, name: str) -> None:
    found = find_targets(_context(text))
    assert name in [t.text.lower() for t in found]
    for target in found:
        _assert_whole_words(text, target.evidence)


def test_participants_victim_age_compound_kept_whole() -> None:
    text = "A 29-year-old man was killed when gunmen opened fire on a bus."
    found = find_victims(_context(text))
    assert [v.text for v in found] == ["29-year-old man"]
    for victim in found:
        _assert_whole_words(text, victim.evidence)
