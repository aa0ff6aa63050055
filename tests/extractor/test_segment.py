"""Splitting a report into its main event and the separate incidents it also tells of (round-ups)."""

from __future__ import annotations

from eventdesk import extract
from eventdesk.extractor.segment import _hard_wrapped, _paragraph_break
from eventdesk.records import Event


def _roles(events: list[Event]) -> list[tuple[str, str]]:
    return [(e.role, e.type.code) for e in events]


def _related(events: list[Event]) -> list[Event]:
    return [e for e in events if e.role == "related"]


def _check_offsets(text: str, events: list[Event]) -> None:
    from eventdesk.records import iter_evidence

    for event in events:
        for ev in iter_evidence(event):
            if ev.field == "text":
                assert text[ev.start : ev.end] == ev.text


ROUNDUP = (
    "Gunmen kidnapped the mayor of Santa Rosa on Monday as he left the town hall, police said.\n\n"
    "The mayor's family has not heard from the kidnappers.\n\n"
    "Meanwhile, a bomb exploded outside a bank in Puerto Alegre, injuring two security guards.\n\n"
    "The rebels also blew up two power pylons near San Lucas, cutting electricity to the valley.\n\n"
    "In Villa Nueva, unidentified men set fire to a bus depot."
)


def test_roundup_paragraphs_are_related_events_with_their_own_tolls() -> None:
    events = extract(ROUNDUP, published="2024-03-05")
    _check_offsets(ROUNDUP, events)
    main = next(e for e in events if e.role == "main")
    assert main.type.code == "kidnapping"
    assert main.injured is None, "the bank bombing's injured belong to the bombing"
    related = _related(events)
    assert len(related) == 3
    bombing = related[0]
    assert bombing.type.code == "bombing"
    assert bombing.injured is not None and bombing.injured.best == 2
    assert [t.text for t in related[1].targets] == ["power pylons"]
    assert related[2].type.muc4_incident_type == "arson"


def test_another_kind_of_incident_with_its_own_date_is_related() -> None:
    text = (
        "Five university students were kidnapped this week in Guatemala City, their families said.\n\n"
        "Human rights groups asked the government to find them.\n\n"
        "A prominent banker was shot dead on Thursday by armed men who entered his house in Mixco.\n\n"
        "His son was also wounded."
    )
    events = extract(text, published="2024-08-25")
    assert _roles(events)[0] == ("main", "kidnapping")
    related = _related(events)
    assert len(related) == 1 and related[0].killed is not None and related[0].killed.best == 1
    assert related[0].date.start == "2024-08-22"


def test_a_second_victim_of_the_same_shooting_stays_in_the_main_event() -> None:
    text = (
        "Two men were shot in Springfield on Saturday night, police said.\n\n"
        "One man was shot in the chest and died at the hospital.\n\n"
        "Another victim, a 20-year-old, was shot in the leg and is in stable condition.\n\n"
        "Police also said the gunman fled in a white car. No arrests have been made."
    )
    events = extract(text, published="2024-05-12")
    assert [e.role for e in events] == ["main"]


def test_a_new_paragraph_on_the_same_kind_of_incident_stays_in_the_main_event() -> None:
    text = (
        "A bomb exploded at a market in Quetta on Tuesday, killing four people.\n\n"
        "The blast was heard across the city on Tuesday, residents said."
    )
    assert [e.role for e in extract(text, published="2024-05-15")] == ["main"]


WIRE = (
    "   LIMA, 8 OCT 89 (EFE) -- [TEXT] SHINING PATH GUERRILLAS KIDNAPPED THE MAYOR OF THE TOWN OF\n"
    "HUANTA YESTERDAY, MILITARY SOURCES REPORTED TODAY.  THE MAYOR WAS TAKEN FROM HIS\n"
    "HOME BY A GROUP OF ARMED MEN.\n\n"
    "   ELSEWHERE, A CAR BOMB EXPLODED LAST NIGHT IN THE TOWN OF BARRANCA, LIMA\n"
    "DEPARTMENT.  FOUR PEOPLE WERE INJURED AND PROPERTY WAS DAMAGED.\n\n"
    "   TERRORIST GROUPS ALSO BLEW UP SEVERAL HIGH-VOLTAGE TOWERS NEAR HUACHO.\n"
)


def test_hard_wrapped_wire_copy_keeps_a_paragraph_together() -> None:
    events = extract(WIRE)
    _check_offsets(WIRE, events)
    assert [e.role for e in events] == ["main", "related", "related"]
    bombing = events[1]
    assert bombing.type.code == "car_bombing" or bombing.type.muc4_incident_type == "bombing"
    assert bombing.injured is not None and bombing.injured.best == 4, "the next sentence of its paragraph"
    assert events[0].injured is None


def test_paragraph_breaks() -> None:
    assert _hard_wrapped(WIRE)
    assert not _hard_wrapped(ROUNDUP)
    assert not _paragraph_break("  ", wrapped=False)
    assert _paragraph_break("\n", wrapped=False)
    assert not _paragraph_break("\n", wrapped=True), "a wrapped line is not a new paragraph"
    assert _paragraph_break("\n\n   ", wrapped=True)
    assert _paragraph_break("\n   ", wrapped=True)
