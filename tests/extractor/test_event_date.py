"""The main event's date among the many days a report names (our own texts)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventdesk import extract


def _main_date(text: str, published: str, title: str | None = None) -> tuple[str | None, str | None]:
    main = next(e for e in extract(text, published=published, title=title) if e.role == "main")
    ev = main.date.evidence
    for e in ev:
        assert text[e.start : e.end] == e.text
    return main.date.start, (ev[0].text if ev else None)


def test_attack_day_beats_the_day_police_spoke() -> None:
    text = (
        "Two men were charged with attempted murder, investigators said Sunday. "
        "The men shot and wounded a driver on Elm Street at about 4 p.m. Saturday, police said."
    )
    assert _main_date(text, "2024-03-11") == ("2024-03-09", "Saturday")


def test_arraignment_day_is_not_the_attack_day() -> None:
    text = (
        "A man was arraigned Monday in the shooting death of his neighbor. "
        "The neighbor, 52, was shot Friday night outside his home on Pine Road and died at a hospital."
    )
    assert _main_date(text, "2024-03-12")[0] == "2024-03-08"


def test_possessive_and_compound_dates_attach_to_the_attack() -> None:
    text = (
        "Police made an arrest on Tuesday in connection with an unrelated March 2 incident. "
        "Detectives identified a suspect in the March 4 shooting that killed a 19-year-old man."
    )
    assert _main_date(text, "2024-03-07")[0] == "2024-03-04"


def test_follow_up_story_keeps_the_old_attack_date() -> None:
    text = (
        "A 23-year-old man was arrested Friday in Dayton. "
        "He is accused of shooting a store clerk, who was shot on Aug. 8 during a robbery and survived."
    )
    assert _main_date(text, "2024-11-09")[0] == "2024-08-08"


@pytest.mark.parametrize(
    "text",
    [
        "KABUL, Afghanistan (Feb. 12) - Security forces killed two insurgents in Nad Ali district yesterday.",
        "KABUL, Afghanistan (Feb. 12, 2011) - Security forces killed two insurgents in Nad Ali district yesterday.",
        "Feb. 12: Operations update\\nSecurity forces killed two insurgents in Nad Ali district yesterday.",
    ],
)
def test_release_date_in_the_header_is_not_the_event_date(text: str) -> None:
    assert _main_date(text, "2011-02-12") == ("2011-02-11", "yesterday")


def test_page_stamp_times_are_not_dates() -> None:
    text = (
        "Posted: Wednesday, April 8, 2015 4:09 AM EDT\\n"
        "A man was shot and wounded at a gas station on Main Street early Tuesday, police said."
    )
    assert _main_date(text, "2015-04-08") == ("2015-04-07", "early Tuesday")


def test_street_ordinal_is_not_a_date() -> None:
    text = "A woman was shot on the 1200 block of 22nd Avenue North on Sept. 12, police said."
    assert _main_date(text, "2015-09-24")[0] == "2015-09-12"


def test_no_date_in_text_falls_back_to_publication() -> None:
    events = extract("A man was shot and killed on Oak Street, police said.", published="2024-05-02")
    main = next(e for e in events if e.role == "main")
    assert (main.date.start, main.date.basis, main.date.evidence) == ("2024-05-02", "published", ())
    assert dt.date.fromisoformat(main.date.start)


def test_an_explicit_date_beats_a_weekday_it_overlaps() -> None:
    text = (
        "Four people were shot around 9:30 p.m. Saturday, Feb. 9, 2013, on Bourbon Street. "
        "A third man was booked Saturday with attempted murder, police said."
    )
    assert _main_date(text, "2013-02-18")[0] == "2013-02-09"


@pytest.mark.parametrize("when", ["about 10 a.m. Sunday", "Sunday morning"])
def test_a_shooting_reported_on_a_day_happened_that_day(when: str) -> None:
    text = (
        "A man killed while hunting was identified Monday, and an autopsy was completed Monday. "
        f"The shooting was reported {when} at a home in the 2100 block of 89th Street."
    )
    assert _main_date(text, "2017-02-13")[0] == "2017-02-12"


@pytest.mark.parametrize(
    "later",
    [
        "On Monday, there will be a meeting at the center where the boy was shot.",
        "The man accused of shooting him is scheduled to speak to reporters on Monday.",
    ],
)
def test_a_day_to_come_is_not_the_attack_day(later: str) -> None:
    text = (
        "A 15-year-old boy was shot and killed as he walked home from the community center, police said. "
        f"Friends said they last saw him on Thursday. {later}"
    )
    assert _main_date(text, "2016-11-12")[0] == "2016-11-10"  # published on a Saturday


def test_a_clause_headed_by_was_does_not_borrow_the_telling_verb() -> None:
    # "was at an apartment about 6 p.m. Sunday ..., police said": the visit, not the saying, holds the date
    text = (
        "A family spokesman spoke Monday morning at a news conference. "
        "Police said the boy, 13, was at an apartment on Church Street about 6:40 p.m. Sunday where a friend "
        "was handling the pistol when it fired, killing him."
    )
    assert _main_date(text, "2024-03-11") == ("2024-03-10", "Sunday")


def test_a_court_finding_is_not_a_body_found() -> None:
    text = (
        "A judge on Wednesday found probable cause for a manslaughter charge against a boy, 13, in the "
        "shooting death of his friend. The two boys were at a cabin on the reservation Tuesday night when the "
        "rifle fired, killing the friend."
    )
    assert _main_date(text, "2024-06-26") == ("2024-06-25", "Tuesday night")


def test_a_house_number_is_not_a_year_and_does_not_split_the_report() -> None:
    text = (
        "A man was shot and killed, and three other people were injured just after 11 p.m. Sunday in front of "
        "1013 Carrie St., deputies said."
    )
    events = extract(text, published="2014-08-25")
    assert [e.role for e in events] == ["main"]
    main = events[0]
    assert main.killed is not None and main.killed.best == 1
    assert main.injured is not None and main.injured.best == 3


@pytest.mark.parametrize("when", ["6am Saturday", "about 9:30 p.m. Saturday", "midnight Saturday"])
def test_a_clock_time_before_a_weekday_does_not_move_the_day(when: str) -> None:
    # published on a Saturday: "6am Saturday" is that Saturday, as "Saturday" alone is
    text = f"Four people were shot outside a club just before {when}, police said."
    assert _main_date(text, "2024-06-15")[0] == "2024-06-15"


def test_classes_that_started_later_are_not_the_attack_day() -> None:
    text = (
        "A student brought a loaded pistol into Kimball High School on Monday; it went off in his backpack, "
        "wounding him. Classes started on Tuesday morning without a hitch, the district said."
    )
    assert _main_date(text, "2024-05-08") == ("2024-05-06", "on Monday")


def test_a_follow_up_story_keeps_the_death_date() -> None:
    text = (
        "A second teenager was arrested Monday in the case of Sam Ortiz, 15, who died at a home in Cedar Rapids "
        "on March 18. Police say he was arrested at the county jail."
    )
    assert _main_date(text, "2024-05-07")[0] == "2024-03-18"


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        # a full date's closing comma before the event noun
        ("The trial began Wednesday. He is charged with murder for the May 3, 2023, shooting spree at a park.",
         "2024-07-10", "2023-05-03"),
        # "hit the streets" is no shot
        ("Officers hit the streets early Friday morning and arrested four men. They are charged in a drive-by "
         "shooting June 2nd, 2023, that wounded five people.", "2024-03-15", "2023-06-02"),
        # the weapon recovered is no shooting
        ("\"We recovered the last gun yesterday,\" the chief said. The boy had been shot at a house around "
         "4 p.m. on Dec. 12.", "2024-12-19", "2024-12-12"),
        # the day of a charge of murder is not the murder's
        ("Dana Pruitt, 30, was charged with murder Wednesday. The shooting happened at about 1 a.m. on Sunday "
         "outside a bar.", "2024-08-09", "2024-08-04"),
    ],
)
def test_session8_dates_of_charges_and_idioms(text: str, published: str, day: str) -> None:
    assert _main_date(text, published)[0] == day
