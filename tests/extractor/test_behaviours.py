"""The behaviours issue 3 says must hold, each on a short report of our own (not the golden set,
which has a mismatch budget: these have none)."""

from __future__ import annotations

from eventdesk import extract
from eventdesk.records import Event

MEMORIAL = (
    "KERMAN, Iran (AP) - Two bombs exploded minutes apart on Wednesday at a memorial ceremony in Kerman, "
    "killing at least 103 people and wounding 141 others, state media said. No group has claimed "
    "responsibility. Officials called it a terrorist attack. Kerman is 510 miles southeast of Tehran. "
    "The ceremony honoured a general who was killed in a U.S. drone strike in Baghdad in 2020. "
    "A stampede at his funeral in Kerman in 2020 killed 56 people."
)


def _main(events: list[Event]) -> Event:
    return next(e for e in events if e.role == "main")


def _check_offsets(text: str, events: list[Event]) -> None:
    from eventdesk.records import iter_evidence

    for event in events:
        for ev in iter_evidence(event):
            if ev.field == "text":
                assert text[ev.start : ev.end] == ev.text


def test_behaviour_main_versus_background() -> None:
    events = extract(MEMORIAL, published="2024-01-04")
    _check_offsets(MEMORIAL, events)
    main = _main(events)
    assert main.killed is not None and (main.killed.low, main.killed.qualifier) == (103, "at_least")
    assert main.injured is not None and main.injured.best == 141
    assert main.date.start == "2024-01-03"
    assert main.location.name == "Kerman" and main.location.country == "Iran"
    background = [e for e in events if e.role == "background"]
    assert background, "the 2020 strike and stampede are background events"
    assert all(e.date.start is None or e.date.start.startswith("2020") for e in background)
    # the stampede's 56 never leaks into the main event
    assert 56 not in {main.killed.low, main.killed.best, main.killed.high}


def test_behaviour_twin_blasts_are_one_incident_with_two_attacks() -> None:
    main = _main(extract(MEMORIAL, published="2024-01-04"))
    assert main.attacks == 2
    assert main.killed is not None and main.killed.low == 103  # not doubled


def test_behaviour_no_claim_means_no_perpetrator() -> None:
    main = _main(extract(MEMORIAL, published="2024-01-04"))
    assert not [p for p in main.perpetrators if p.status in ("claimed", "confirmed")]


def test_behaviour_toll_rose_to() -> None:
    text = "A car bomb exploded in a market on Monday. The death toll rose to 95, health officials said."
    main = _main(extract(text, published="2024-02-06"))
    assert main.killed is not None and main.killed.best == 95


def test_behaviour_vague_tolls() -> None:
    for phrase, low in (("Dozens of people were killed", 24), ("A dozen people were killed", 12),
                        ("Scores of people were killed", 40), ("More than 100 people were killed", 101)):
        main = _main(extract(f"{phrase} when gunmen attacked a village on Sunday.", published="2024-02-06"))
        assert main.killed is not None and main.killed.low == low, phrase


def test_behaviour_perpetrator_in_the_toll_stays_identifiable() -> None:
    text = "Three people, including the gunman, were killed in a shooting at a warehouse on Tuesday."
    main = _main(extract(text, published="2024-02-07"))
    assert main.killed is not None and main.killed.best == 3 and main.killed.includes_perpetrators == 1


def test_behaviour_claim_and_denial() -> None:
    text = (
        "A car bomb killed 12 people at a restaurant on Friday. The government accused the Northern Front "
        "of the attack. The Northern Front denied any involvement in a statement."
    )
    main = _main(extract(text, published="2024-02-10"))
    front = [p for p in main.perpetrators if "Northern Front" in p.name]
    assert front and front[0].status in ("denied", "accused")
    assert not [p for p in main.perpetrators if p.status in ("claimed", "confirmed")]


def test_behaviour_historical_year_has_year_precision() -> None:
    events = extract(MEMORIAL, published="2024-01-04")
    years = [e.date for e in events if e.role == "background" and e.date.start]
    assert years and all(d.precision in ("year", "day", "month") for d in years)
    assert any(d.precision == "year" and d.start == "2020-01-01" for d in years)


def test_behaviour_no_clock_guessing_without_publication_date() -> None:
    main = _main(extract("Gunmen killed four people on Wednesday in Kano.", published=None))
    assert main.date.start is None


def test_behaviour_reference_point_is_not_the_place() -> None:
    text = "Gunmen killed five people in a village 40 miles north of Kano on Sunday."
    main = _main(extract(text, published="2024-02-05"))
    assert main.location.name != "Kano"


def test_behaviour_dateline_is_not_the_place_when_the_text_says_elsewhere() -> None:
    text = "GAZA CITY (Reuters) - An air strike on a house in Khan Yunis killed 12 people on Saturday."
    main = _main(extract(text, published="2021-05-15"))
    assert [e.text for e in main.location.evidence] == ["Khan Yunis"] and main.location.admin1 == "Gaza Strip"


def test_behaviour_quote_becomes_a_source() -> None:
    text = (
        "Two bombs exploded at a ceremony in Kerman on Wednesday, killing 20 people, "
        "said Babak Yektaparast, a spokesman for the emergency services."
    )
    main = _main(extract(text, published="2024-01-04"))
    assert any("Yektaparast" in s.speaker for s in main.sources)


def test_behaviour_all_caps_wire_works_like_normal_text() -> None:
    text = "GUNMEN KILLED FOUR PEOPLE IN A MARKET IN KANO ON WEDNESDAY, POLICE SAID."
    main = _main(extract(text, published="2024-02-09"))
    assert main.killed is not None and main.killed.best == 4
    assert main.date.start == "2024-02-07"
    assert main.location.name == "Kano"


def test_behaviour_all_caps_wire_is_read_on_restored_case_with_evidence_from_the_original() -> None:
    # a named victim ("JUSTINO RAMOS, 42, WAS KILLED") and a street corner need case to be read
    text = (
        "SAN SALVADOR, 17 OCT 89 (RADIO) -- [TEXT] A BOMB EXPLODED TODAY IN SANTA TECLA. CITIZEN "
        "JUSTINO RAMOS, 42, WAS KILLED BY THE BLAST, THE POLICE REPORTED."
    )
    events = extract(text)
    _check_offsets(text, events)
    main = _main(events)
    assert main.killed is not None and main.killed.best == 1
    assert main.killed.evidence[0].text.isupper(), "evidence is the original text, not the restored one"
    assert main.location.name == "Santa Tecla"
    assert all(ev.text == text[ev.start : ev.end] for ev in main.location.evidence)


def test_behaviour_an_all_caps_headline_is_read_on_restored_case() -> None:
    # a small town is taken from a headline only after "in": that needs the headline's case restored
    title = "TEENAGER SHOT AND WOUNDED IN DUQUESNE ON SATURDAY"
    text = "Police said a 16-year-old was shot in the leg late Saturday and taken to a hospital."
    main = _main(extract(text, title=title, published="2024-06-02"))
    assert main.location.name == "Duquesne"
    assert [(ev.field, ev.text) for ev in main.location.evidence] == [("title", "DUQUESNE")]


def test_behaviour_sports_metaphors_are_not_events() -> None:
    text = (
        "Rovers shot down City 3-1 in a bruising derby on Sunday. A late strike from the substitute killed off "
        "the contest after the referee showed a red card; the goalkeeper was massacred by the midfield."
    )
    assert extract(text, published="2024-03-04") == []
    shooting = "A man was shot and killed outside the stadium after the match on Sunday, police said."
    assert _main(extract(shooting, published="2024-03-04")).killed is not None
