"""Casualty figures in headlines (our own titles): "Man shot, woman killed", "Gunman leaves 4 dead"."""

from __future__ import annotations

import pytest

from eventdesk.extractor.casualties import combine_claims, find_casualties
from eventdesk.extractor.headlines import find_headline_casualties


def test_casualties_headline_someone_shot_who_then_died() -> None:
    claims = find_headline_casualties("Teen shot in Miami dies, two others wounded")
    assert {(c.category, c.best) for c in claims} == {("killed", 1), ("injured", 2)}


def test_casualties_the_headline_total_beats_a_smaller_body_figure() -> None:
    title = "Gunman leaves 4 dead, 3 victims identified"
    text = "The shooter killed three victims in the first hours before taking his own life, deputies said."
    killed, _ = combine_claims(
        text, find_casualties(text, [(0, len(text))]), title=title, title_claims=find_headline_casualties(title)
    )
    assert killed is not None and killed.best == 4 and killed.evidence[0].field == "title"
    assert title[killed.evidence[0].start : killed.evidence[0].end] == killed.evidence[0].text


def test_casualties_an_age_in_a_headline_is_not_a_toll() -> None:
    # the boy is one dead, not three
    assert [(c.category, c.best) for c in find_headline_casualties("3 year-old boy dead after accidental shooting")] == [
        ("killed", 1)
    ]


@pytest.mark.parametrize(
    ("title", "killed", "injured"),
    [
        ("Ann Lee, 21, Killed In Riverton Shooting; 3 Others Wounded", 1, 3),  # the named one beside the figure
        ("2-year-old child dead after accidental shooting", 1, None),
        ("Suspect in triple-murder appears in court", 3, None),
        ("Victims of Lakeview quadruple homicide identified", 4, None),
        ("Police investigate double shooting on Elm St.", None, 2),
        ("Police say there was no double homicide", None, None),
        ("Jo McNeill, 24, Fatally Shot in Riverton", 1, None),  # a name with a capital inside
        ("Four-year-old wounded in drive-by shooting", None, 1),
        ("Riverton boy, 7, hospitalized after accidental shooting", None, 1),
        ("Juvenile shot in arm in Riverton", None, 1),
        ("Student accidentally shot during altercation", None, 1),
        ("Third victim in Riverton shooting dies", 3, None),  # the ordinal is the toll
        ("2 year old dies after accidentally shooting himself", 1, None),
        ("Grandparents charged in 5-year-old's shooting death", 1, None),
    ],
)
def test_casualties_headline_names_and_multiples(title: str, killed: int | None, injured: int | None) -> None:
    k, i = combine_claims("", [], title=title, title_claims=find_headline_casualties(title))
    assert (k.best if k else None, i.best if i else None) == (killed, injured)


@pytest.mark.parametrize(
    ("title", "killed"),
    [
        ("Officials: Girl, 12, who shot herself by accident dies", 1),
        ("Two charged after baby girl accidentally shot, killed", 1),
        ("Accidental discharge kills deputy's son", 1),
        ("Man Killed Few Blocks From Home", 1),
    ],
)
def test_casualties_session6_headlines(title: str, killed: int) -> None:
    k, _ = combine_claims("", [], title=title, title_claims=find_headline_casualties(title))
    assert k is not None and k.best == killed


@pytest.mark.parametrize(
    ("title", "killed", "injured"),
    [
        # two people in one headline: the one only "shot" lived
        ("Man shot, woman killed in Elm Street shooting", 1, 1),
        ("Woman killed, man wounded in shooting", 1, 1),
        # not when the headline says the incidents are separate
        ("Investigations Underway: 5-Year-Old Shot, Teen Killed In Separate Incidents", None, 1),
    ],
)
def test_casualties_session7_two_people_in_a_headline(title: str, killed: int | None, injured: int | None) -> None:
    k, i = combine_claims("", [], title=title, title_claims=find_headline_casualties(title))
    for c in (k, i):
        for e in c.evidence if c else ():
            assert title[e.start : e.end] == e.text
    assert (k.best if k else None, i.best if i else None) == (killed, injured)


@pytest.mark.parametrize(
    ("title", "killed", "injured"),
    [
        ("4-year-old boy fatally shoots himself with gun found at home", 1, None),
        ("Girl, 6, shoots self in hand with grandfather's pistol", None, 1),
    ],
)
def test_headlines_session8_shooting_oneself(title: str, killed: int | None, injured: int | None) -> None:
    k, i = combine_claims("", [], title=title, title_claims=find_headline_casualties(title))
    for c in (k, i):
        for e in c.evidence if c else ():
            assert e.field == "title" and title[e.start : e.end] == e.text
    assert (k.best if k else None, i.best if i else None) == (killed, injured)


def test_headlines_a_page_with_no_story_keeps_the_headlines_event() -> None:
    from eventdesk import extract

    text = "Subscribe today for full access to our website and the daily print edition delivered to your door."
    title = "5 dead in murder-suicide at family cabin outside Deer Lodge"
    (main,) = extract(text, title=title, published="2024-02-03")
    assert main.role == "main" and main.killed is not None and main.killed.best == 5
    ev = main.killed.evidence[0]
    assert ev.field == "title" and title[ev.start : ev.end] == ev.text
    # a page with no story and no toll in its headline makes no event
    assert list(extract(text, title="Community gathers for county fair", published="2024-02-03")) == []
