"""Name keys and offset-keeping normalisation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventdesk.geo.normalize import key_words, normalize_key


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Khan-Yūnis", "khan yunis"),
        ("Pa.", "pa"),
        ("N.C.", "nc"),
        ("Prince George's County", "prince georges county"),
        ("Prince George’s County", "prince georges county"),
        ("St. Louis", "st louis"),
        ("  SAN   SALVADOR ", "san salvador"),
        ("Kermān", "kerman"),
        ("Straße", "strasse"),
        ("", ""),
    ],
)
def test_normalize_key_examples(name: str, key: str) -> None:
    assert normalize_key(name) == key


def test_normalize_key_words_maps_back_to_offsets() -> None:
    text = "In Prince George's County, Md., and KHAN-YŪNIS."
    norm, starts, ends = key_words(text)
    assert norm == "in prince georges county md and khan yunis"
    i = norm.index("prince georges county")
    j = i + len("prince georges county") - 1
    assert text[starts[i] : ends[j] + 0] == "Prince George's County"


def test_normalize_key_words_decomposed_accents() -> None:
    text = "Kerma\u0304n"  # NFD form
    assert key_words(text)[0] == normalize_key(text) == "kerman"


# Letters, digits, punctuation, spaces and Latin combining accents: what news text is made of.
_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Mn", "Mc", "Me", "Cs", "Co", "Cn")),
        st.characters(min_codepoint=0x300, max_codepoint=0x36F),
    ),
    max_size=80,
)


@given(_TEXT)
def test_normalize_key_words_agrees_with_normalize_key(text: str) -> None:
    norm, starts, ends = key_words(text)
    assert len(norm) == len(starts) == len(ends)
    assert normalize_key(norm) == normalize_key(text)
    for s in starts:
        if s >= 0:
            assert 0 <= s < len(text)
    for e in ends:
        assert e == -1 or 0 < e <= len(text)
