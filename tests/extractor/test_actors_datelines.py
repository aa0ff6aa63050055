"""A wire dateline ("KABUL, Afghanistan, May 2 -") says where a report was filed: it never names a
perpetrator, whether it opens the text or a later paragraph, in any case (issue 19, defect 3)."""

from __future__ import annotations

import pytest

from eventdesk import extract
from eventdesk.extractor.actors import find_perpetrators
from eventdesk.extractor.context import EventContext
from eventdesk.extractor.places import dateline_span
from eventdesk.nlp.model import load_nlp
from eventdesk.nlp.truecase import needs_truecasing, restore_case
from eventdesk.records import Perpetrator


def _perpetrators(text: str) -> list[Perpetrator]:
    restored = restore_case(text) if needs_truecasing(text) else text
    doc = load_nlp()(restored)
    found = find_perpetrators(EventContext(text=text, doc=doc, sents=tuple(doc.sents)))
    for perp in found:
        for ev in perp.evidence:
            assert text[ev.start : ev.end] == ev.text
    return list(found)


# (text, the dateline's place and region as written, a perpetrator the story itself names)
DATELINED = [
    ("KABUL, Afghanistan, May 2 - A suicide bomber blew himself up outside a police station on Sunday, "
     "killing six officers.", "KABUL, Afghanistan", "suicide bomber"),
    ("MOSUL, Iraq, March 11 - A car bomb exploded near a crowded vegetable market, killing 12 people, "
     "police said.", "MOSUL, Iraq", None),
    ("MOSUL, Iraq, March 11 - Militants attacked an army post overnight, killing four soldiers.",
     "MOSUL, Iraq", "militants"),
    ("BAGHDAD, March 3 - A suicide bomber killed 20 people at a checkpoint.", "BAGHDAD", "suicide bomber"),
    ("KANDAHAR, Afghanistan, Oct. 14, 2010 -- Gunmen on motorbikes shot dead a district chief.",
     "KANDAHAR, Afghanistan", "gunmen"),
    ("MOSUL, Iraq, 11 March (Reuters) - A roadside bomb killed two policemen on Tuesday.", "MOSUL, Iraq", None),
    ("KABUL, AFGHANISTAN, MAY 2 - A SUICIDE BOMBER BLEW HIMSELF UP OUTSIDE A POLICE STATION ON SUNDAY, "
     "KILLING SIX OFFICERS.", "KABUL, AFGHANISTAN", "suicide bomber"),
    ("MOSUL, IRAQ, MARCH 11 - A CAR BOMB EXPLODED NEAR A CROWDED VEGETABLE MARKET, KILLING 12 PEOPLE, "
     "POLICE SAID.", "MOSUL, IRAQ", None),
]


def _in_dateline(text: str, perp: Perpetrator, place: str) -> bool:
    start = text.index(place)
    return any(start <= ev.start < start + len(place) for ev in perp.evidence)


@pytest.mark.parametrize(("text", "place", "story_perpetrator"), DATELINED)
def test_actors_dateline_is_never_a_perpetrator(text: str, place: str, story_perpetrator: str | None) -> None:
    found = _perpetrators(text)
    assert not [p.name for p in found if _in_dateline(text, p, place)]
    names = {p.name.lower() for p in found}
    if story_perpetrator is not None:
        assert story_perpetrator in names


@pytest.mark.parametrize(("text", "place"), [(t, p) for t, p, _ in DATELINED])
def test_places_dateline_span_takes_the_date_in(text: str, place: str) -> None:
    span = dateline_span(text)
    assert span is not None
    start, end = span
    assert text[start:].startswith(place)
    assert text[start:end].rstrip().endswith(("-", "--"))  # through the dash, so the date is inside


def test_actors_dateline_opening_a_later_paragraph_names_no_one() -> None:
    from eventdesk.extractor.places import dateline_spans

    first = ("BAGHDAD, March 3 - A suicide bomber killed 20 people at a checkpoint in the south of the capital "
             "on Monday, police said. The blast destroyed several cars and damaged a row of shops, and the "
             "wounded were taken to two hospitals nearby, where doctors appealed for blood donations. Traffic "
             "was stopped on the main road into the city for several hours.")
    second = "MOSUL, Iraq, March 3 - A car bomb exploded near a crowded vegetable market, killing 12 people."
    text = f"{first}\n\n{second}"
    assert len(first) > 300  # beyond where the report's own dateline is looked for
    spans = dateline_spans(text)
    assert any(text[s:].startswith("MOSUL, Iraq") for s, _ in spans)
    found = _perpetrators(text)
    assert not [p.name for p in found if _in_dateline(text, p, "MOSUL, Iraq")]
    assert not [p.name for p in found if _in_dateline(text, p, "BAGHDAD")]


def test_actors_a_place_that_is_no_dateline_may_still_be_named() -> None:
    # "Iraq" as the subject of the story is no dateline: it stays a candidate
    text = "MOSUL - Iraq accused Turkey of shelling a village near the border, killing three farmers."
    span = dateline_span(text)
    assert span is not None and text[span[0] : span[1]].startswith("MOSUL -")
    assert "turkey" in {p.name.lower() for p in _perpetrators(text)}


@pytest.mark.parametrize(
    "text",
    [
        "KABUL, Afghanistan, May 2 - A suicide bomber blew himself up outside a police station on Sunday, killing "
        "six officers, the Interior Ministry said.",
        "KABUL, AFGHANISTAN, MAY 2 - A SUICIDE BOMBER BLEW HIMSELF UP OUTSIDE A POLICE STATION ON SUNDAY, KILLING "
        "SIX OFFICERS, THE INTERIOR MINISTRY SAID.",
    ],
)
def test_actors_dateline_names_no_one_through_extract(text: str) -> None:
    events = extract(text, published="2021-05-03")
    assert events
    for event in events:
        names = {p.name.lower() for p in event.perpetrators}
        assert "kabul" not in names and "afghanistan" not in names
