"""A toll that rises, climbs, reaches, jumps or is revised up or down to N is the figure, with its
evidence at exact offsets, for the dead and for the hurt (issue 19, defect 4): without it a later
report's revision never reaches the incident's toll history."""

from __future__ import annotations

import pytest

from eventdesk import extract
from eventdesk.extractor.casualties import combine_claims, find_casualties
from eventdesk.records import Count


def _counts(text: str) -> tuple[Count | None, Count | None]:
    killed, injured = combine_claims(text, find_casualties(text, [(0, len(text))]))
    for count in (killed, injured):
        for ev in count.evidence if count is not None else ():
            assert text[ev.start : ev.end] == ev.text
    return killed, injured


def _figure(count: Count | None) -> tuple[int | None, int | None, int | None] | None:
    return None if count is None else (count.low, count.best, count.high)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The death toll from Monday's car bombing in the capital rose to 73, officials said.", 73),
        ("The toll from Monday's bombing at the bus station rises to 73.", 73),
        ("Officials revised the death toll from Monday's car bombing down to 61 on Wednesday.", 61),
        ("Health officials revised the death toll from the blast up to 80 late on Tuesday.", 80),
        ("The death toll in Saturday's market attack climbed to 45 overnight.", 45),
        ("The death toll from last week's flooding-related clashes in the north has reached 38.", 38),
        ("By nightfall the toll from the twin suicide bombings had jumped to 27.", 27),
        ("THE DEATH TOLL FROM MONDAY'S CAR BOMBING IN THE CAPITAL ROSE TO 73, OFFICIALS SAID.", 73),
        ("The military revised its death toll for the ambush downward to 14.", 14),
    ],
)
def test_casualties_toll_revision_gives_the_killed_figure(text: str, figure: int) -> None:
    killed, _ = _counts(text)
    assert _figure(killed) == (figure, figure, figure)
    assert killed is not None
    assert any(str(figure) in ev.text and "toll" in ev.text.lower() for ev in killed.evidence)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The number of wounded rose to 140 by Tuesday evening, the ministry said.", 140),
        ("The injured toll from Sunday's explosion at the depot climbed to 56.", 56),
        ("The number of people injured in Friday's stampede-like crush has risen to 33.", 33),
        ("Officials revised the number of injured down to 19.", 19),
    ],
)
def test_casualties_toll_revision_gives_the_injured_figure(text: str, figure: int) -> None:
    killed, injured = _counts(text)
    assert _figure(injured) == (figure, figure, figure)
    assert killed is None
    assert injured is not None and any(str(figure) in ev.text for ev in injured.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "The death toll could rise, officials said, as 40 people remained trapped.",
        "The toll road to 5 towns was closed after the attack.",
        "Rescuers said the death toll was unclear; 12 buses were damaged.",
    ],
)
def test_casualties_toll_word_without_a_figure_gives_none(text: str) -> None:
    killed, _ = _counts(text)
    assert killed is None


def test_casualties_toll_verb_does_not_reach_past_another_figure() -> None:
    killed, _ = _counts("The death toll from the attack rose to 12, while the number hurt climbed to 30.")
    assert _figure(killed) == (12, 12, 12)


def test_casualties_toll_revision_in_a_report_is_the_main_events_figure() -> None:
    text = (
        "BAGHDAD - The death toll from Monday's car bombing in the capital rose to 73, officials said on "
        "Wednesday. The bomb exploded near a crowded market in the Karrada district."
    )
    (main,) = [e for e in extract(text, published="2024-03-06") if e.role == "main"]
    assert main.killed is not None and (main.killed.low, main.killed.best) == (73, 73)
    for ev in main.killed.evidence:
        assert text[ev.start : ev.end] == ev.text
