from __future__ import annotations

import pytest

from eventdesk.extractor.numbers import find_numbers, words_to_int


@pytest.mark.parametrize(
    ("text", "low", "best", "high", "qualifier"),
    [
        ("at least 103", 103, 103, None, "at_least"),
        ("more than 100", 101, 101, None, "more_than"),
        ("dozens", 24, None, None, "vague"),
        ("a dozen", 12, 12, 12, "exact"),
        ("scores", 40, None, None, "vague"),
        ("several", 3, None, None, "vague"),
        ("a few", 2, None, None, "vague"),
        ("about 40", None, 40, None, "about"),
        ("as many as 20", None, 20, 20, "up_to"),
        ("one hundred and three", 103, 103, 103, "exact"),
        ("1,200", 1200, 1200, 1200, "exact"),
        ("more than a dozen", 13, 13, None, "more_than"),
    ],
)
def test_numbers_vague_word_table(text: str, low: int | None, best: int | None, high: int | None,
                                  qualifier: str) -> None:
    (n,) = find_numbers(text)
    assert (n.low, n.best, n.high, n.qualifier) == (low, best, high, qualifier)
    assert (n.start, n.end) == (0, len(text))


def test_numbers_words_to_int() -> None:
    assert words_to_int("twenty-one") == 21
    assert words_to_int("two thousand and five") == 2005
    assert words_to_int("banana") is None
