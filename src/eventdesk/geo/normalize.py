"""Name keys: the one normal form used by the gazetteer index, the build script and the scanner.

A key is case- and accent-insensitive: NFKD-decomposed, combining marks dropped, casefolded;
apostrophes and periods are dropped inside words ("Prince George's" -> "prince georges",
"N.C." -> "nc", "St. Louis" -> "st louis"); every other run of non-word characters becomes one
space ("Khan-Yunis" -> "khan yunis"). The scanner applies the same rule word by word so that a key
found in text maps back to exact character offsets.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Characters dropped inside a word: apostrophes of every kind and the period of abbreviations.
JOINERS = frozenset("'.’‘`ʼʻ´")
_DROP_JOINERS = str.maketrans(dict.fromkeys(JOINERS))
_LATIN_MARKS = re.compile("[\u0300-\u036f]+")
_NON_WORD = re.compile(r"[\W_]+")
# A word may carry combining diacritics (decomposed "Kerma\u0304n"), which \w alone does not match.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_WORD = re.compile(rf"\w[\w{_MARKS}]*")
_ODD = re.compile(rf"[^\x00-\x7f\w\s{_MARKS}’‘ʼʻ´]")


def strip_accents(s: str) -> str:
    """Decompose ``s`` (NFKD) and drop its combining marks ("Kermān" -> "Kerman")."""
    d = unicodedata.normalize("NFKD", s)
    if d.isascii():
        return d
    d = _LATIN_MARKS.sub("", d)
    if d.isascii():
        return d
    return "".join(ch for ch in d if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """Lower-case ``word`` and strip its accents ("Kermān" -> "kerman")."""
    if word.isascii():
        return word.lower()
    return strip_accents(word).casefold()


# ASCII fast path: joiners vanish, every other non-alphanumeric character becomes a space.
_ASCII_KEY = str.maketrans({chr(c): (None if chr(c) in JOINERS else " ") for c in range(128) if not chr(c).isalnum()})


def normalize_key(name: str) -> str:
    """The index key of a place name ("Khan-Yūnis" -> "khan yunis", "Pa." -> "pa")."""
    if not name.isascii() and _ODD.search(name) is None:
        # accented letters only: folding the whole string equals folding it word by word
        name = strip_accents(name.translate(_DROP_JOINERS)).casefold().translate(_DROP_JOINERS)
        if not name.isascii():
            return " ".join(_NON_WORD.sub(" ", name).split())
    elif not name.isascii():
        # symbols or marks NFKD may turn into letters ("㉠"): word by word, exactly as key_words()
        parts: list[str] = []
        prev_end = -1
        for m in _WORD.finditer(name):
            if prev_end >= 0:
                sep = name[prev_end : m.start()]
                parts.append("" if all(ch in JOINERS for ch in sep) else " ")
            parts.append(fold_word(m.group()))
            prev_end = m.end()
        name = "".join(parts).translate(_DROP_JOINERS)
        if not name.isascii():
            return " ".join(_NON_WORD.sub(" ", name).split())
    s = name.lower().translate(_ASCII_KEY)
    if "  " in s or s[:1] == " " or s[-1:] == " ":
        return " ".join(s.split())
    return s


def key_words(text: str) -> tuple[str, list[int], list[int]]:
    """Normalise ``text`` like :func:`normalize_key`, keeping offsets.

    Returns ``(norm, starts, ends)``, three sequences of equal length: ``norm`` is the key form of
    the whole text; ``starts[i]`` is the offset in ``text`` of the word that begins at ``norm[i]``
    (else -1) and ``ends[i]`` the end offset in ``text`` of the word whose last character is
    ``norm[i]`` (else -1). Words separated only by joiners ("George's", "N.C.") become one word.
    """
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    prev_end = -1
    for m in _WORD.finditer(text):
        w = fold_word(m.group()).replace("_", " ")
        n = len(w)
        if prev_end >= 0:
            sep = text[prev_end : m.start()]
            if all(ch in JOINERS for ch in sep):
                parts.append(w)  # "George's", "N.C.": one word that keeps its first start
                ends[-1] = -1
                starts.extend([-1] * n)
                ends.extend([-1] * (n - 1))
                ends.append(m.end())
                prev_end = m.end()
                continue
            parts.append(" ")
            starts.append(-1)
            ends.append(-1)
        parts.append(w)
        starts.append(m.start())
        starts.extend([-1] * (n - 1))
        ends.extend([-1] * (n - 1))
        ends.append(m.end())
        prev_end = m.end()
    return "".join(parts), starts, ends
