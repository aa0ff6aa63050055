"""Number expressions with their qualifiers: "at least 103", "more than a dozen", "dozens".

The vague-word table (docs/schema.md) lives in ``data/vague_numbers.tsv``; qualifiers in
``data/number_qualifiers.tsv``. :func:`to_range` turns (qualifier, value) into low/best/high.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from eventdesk.resources import read_tsv

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUE = {w: i for i, w in enumerate(_UNITS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
_NUM_WORD = r"(?:" + "|".join(sorted(_WORD_VALUE, key=len, reverse=True)) + r")"
# "one hundred and three", "twenty-one", "1,200", "103", "2.5 million" is not a casualty figure
_WORD_NUMBER = (
    rf"{_NUM_WORD}(?:[\s-]+{_NUM_WORD})?(?:\s+(?:hundred|thousand)(?:\s+(?:and\s+)?{_NUM_WORD}"
    rf"(?:[\s-]+{_NUM_WORD})?)?)?"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
# what follows a house number: "1121 W. Columbus Ave.", "2501 Carter Homestead Rd.", "the 4400 block"
ADDRESS_AFTER = re.compile(
    r"\s+(?:[NSEW]\.\s+|(?:North|South|East|West)\s+)?(?:[A-Z][\w'-]*\.?\s+){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Dr|"
    r"Drive|Blvd|Boulevard|Lane|Ln|Way|Court|Ct|Place|Pl|Pkwy|Parkway|Hwy|Highway|Terrace|Circle|Cir|Pike|Trail|Loop)\b"
    r"|\s+[NSEW]\.?\s+[A-Z]|\s+block\b"
)


@dataclass(frozen=True, slots=True)
class NumberMention:
    start: int
    end: int
    value: int | None  # None for vague words without a value ("dozens" has low only)
    low: int | None
    best: int | None
    high: int | None
    qualifier: str  # exact | at_least | more_than | about | up_to | fewer_than | vague


@functools.lru_cache(maxsize=1)
def _vague() -> dict[str, tuple[int | None, int | None, int | None]]:
    def opt(v: str) -> int | None:
        return int(v) if v.strip() else None

    return {r["phrase"]: (opt(r["low"]), opt(r["best"]), opt(r["high"])) for r in read_tsv("vague_numbers.tsv")}


@functools.lru_cache(maxsize=1)
def _qualifiers() -> dict[str, str]:
    return {r["phrase"]: r["qualifier"] for r in read_tsv("number_qualifiers.tsv")}


@functools.lru_cache(maxsize=1)
def number_pattern() -> re.Pattern[str]:
    quals = "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in sorted(_qualifiers(), key=len, reverse=True))
    vague = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(_vague(), key=len, reverse=True))
    return re.compile(
        rf"(?<![\w.,-])(?:(?P<qual>{quals})\s+)?(?:(?P<digits>{_DIGITS})|(?P<words>{_WORD_NUMBER})|(?P<vague>{vague}))"
        r"(?![\w-]|:\d|\s*[ap]\.?m\b)",  # "3:15 a.m.", "3 p.m." are clock times
        re.IGNORECASE,
    )


def words_to_int(words: str) -> int | None:
    total, current = 0, 0
    for w in re.split(r"[\s-]+", words.lower()):
        if w == "and" or not w:
            continue
        if w in _WORD_VALUE:
            current += _WORD_VALUE[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
    return total + current


def to_range(qualifier: str, value: int) -> tuple[int | None, int | None, int | None]:
    """(low, best, high) for a qualified figure; see the table in docs/schema.md."""
    if qualifier == "at_least":
        return value, value, None
    if qualifier == "more_than":
        return value + 1, value + 1, None
    if qualifier == "about":
        return None, value, None
    if qualifier == "nearly":
        return None, value, value
    if qualifier == "up_to":
        return None, value, value
    if qualifier == "fewer_than":
        return None, None, value - 1
    return value, value, value


def parse_number(match: re.Match[str]) -> NumberMention:
    qual_text = (match.group("qual") or "").lower()
    qualifier = _qualifiers().get(re.sub(r"\s+", " ", qual_text), "exact") if qual_text else "exact"
    if match.group("vague"):
        low, best, high = _vague()[re.sub(r"\s+", " ", match.group("vague").lower())]
        if best is not None and qualifier != "exact":  # "more than a dozen"
            low, best, high = to_range(qualifier, best)
            return NumberMention(match.start(), match.end(), best, low, best, high, qualifier)
        if qualifier == "exact" and best is not None:
            return NumberMention(match.start(), match.end(), best, low, best, high, "exact")
        return NumberMention(match.start(), match.end(), None, low, best, high, "vague")
    raw = match.group("digits")
    value = int(raw.replace(",", "")) if raw else words_to_int(match.group("words"))
    if value is None:
        return NumberMention(match.start(), match.end(), None, None, None, None, "vague")
    low, best, high = to_range(qualifier, value)
    return NumberMention(match.start(), match.end(), value, low, best, high, qualifier)


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[NumberMention]:
    return [parse_number(m) for m in number_pattern().finditer(text, start, len(text) if end is None else end)]
