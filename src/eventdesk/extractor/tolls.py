"""Toll phrases: the figure after "the death toll from Monday's car bombing rose to 73", "the number of
wounded climbed to 140", "officials revised the death toll from the blast up to 80".

A toll is a noun ("death toll", "number of wounded"; its category says what the figure counts) and,
right before the figure, a verb of rise, fall, revision or standing ("rose to", "revised down to",
"stood at") with up to ten words between them, or a plain link ("of", "was", "to") with at most five.
After a reviser ("revised the death toll ... up to 80") the words "up to" are the revision, not the
qualifier "at most", so that figure is exact; "the toll road to 5 towns" is no toll. Phrases are data
(``data/casualty_tolls.tsv``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from eventdesk.extractor.numbers import NumberMention, number_pattern, to_range
from eventdesk.resources import read_tsv

_WINDOW = 160  # characters before the figure that a toll phrase may span
# a word between the toll and its verb: "Monday's", "flooding-related", "capital," (never a figure:
# "the death toll rose to 12, while the number hurt climbed to 30" is no toll of 30 dead)
_GAP_WORD = r"(?![\d,])[\w,'’-]+"
_LINK_WORD = r"[\w,]+"  # the plain links allow a figure between: "the death toll rose from 12 to 15"


@dataclass(frozen=True, slots=True)
class TollMention:
    category: str  # killed | injured
    start: int  # where the toll noun starts; its evidence runs to the figure's end
    figure: NumberMention


@functools.lru_cache(maxsize=1)
def _phrases() -> dict[str, dict[str, str]]:
    """kind -> phrase -> category."""
    out: dict[str, dict[str, str]] = {}
    for row in read_tsv("casualty_tolls.tsv"):
        out.setdefault(row["kind"], {})[row["phrase"].lower()] = row.get("category") or ""
    return out


def _alternation(kind: str) -> str:
    phrases = sorted(_phrases().get(kind, {}), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    noun = rf"(?<![\w-])(?P<noun>{_alternation('noun')})(?![\s-]+(?:{_alternation('road')})\b)"
    toll = re.compile(
        rf"{noun}(?:(?:\s+{_GAP_WORD}){{0,10}}?\s+(?P<verb>{_alternation('verb')})"
        rf"|(?:\s+{_LINK_WORD}){{0,5}}?\s+(?P<link>{_alternation('link')}))\s*$",
        re.IGNORECASE,
    )
    # "revised the death toll from 61 up to 73": "up to" belongs to the reviser
    revised = re.compile(
        rf"(?<![\w-])(?:{_alternation('reviser')})\s+(?:[\w'’]+\s+){{0,2}}?{noun}(?:\s+{_LINK_WORD}){{0,10}}?"
        rf"\s+(?:up|down)(?:wards?)?\s+to\s*$",
        re.IGNORECASE,
    )
    return toll, revised


def _category(noun: str) -> str:
    return _phrases()["noun"].get(re.sub(r"\s+", " ", noun.lower()), "killed")


def find_toll(text: str, sent_start: int, num: NumberMention) -> TollMention | None:
    """The toll whose figure is ``num`` (a number found in the sentence starting at ``sent_start``)."""
    if num.value is None:
        return None
    toll, revised = _patterns()
    lo = max(sent_start, num.start - _WINDOW)
    m = toll.search(text, lo, num.start)
    if m is not None:
        return TollMention(_category(m.group("noun")), m.start("noun"), num)
    if num.qualifier != "up_to":
        return None
    # "revised the death toll up to 80", "the toll went up to 80": the qualifier's words are the verb's
    qual = number_pattern().match(text, num.start)
    if qual is None or not qual.group("qual"):
        return None
    head = text[lo : qual.end("qual")]
    m = toll.search(head)
    if m is None or not m.group("verb"):
        m = revised.search(head)
    if m is None:
        return None
    low, best, high = to_range("exact", num.value)
    exact = NumberMention(num.start, num.end, num.value, low, best, high, "exact")
    return TollMention(_category(m.group("noun")), lo + m.start("noun"), exact)
