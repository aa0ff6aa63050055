"""Enumerations of the dead (our own sentences)."""

from __future__ import annotations

import pytest

from eventdesk.extractor.enumerations import enumerated_dead


@pytest.mark.parametrize(
    ("sent", "total"),
    [
        ("He shot and killed his wife, two young children and his mother-in-law.", 4),
        ("An infant and two women died after the shooting.", 3),
        ("3 adults, 1 child found shot to death", 4),
    ],
)
def test_enumerations_totals_and_spans(sent: str, total: int) -> None:
    (start, end, n), = enumerated_dead(sent)
    assert n == total and 0 <= start < end <= len(sent)


@pytest.mark.parametrize(
    "sent",
    [
        "A man and a woman were arrested on Tuesday.",  # no death
        "Three men, two of them brothers, were questioned.",
        "He visited his wife and two children.",  # no killing verb
    ],
)
def test_enumerations_need_a_death(sent: str) -> None:
    assert enumerated_dead(sent) == []
