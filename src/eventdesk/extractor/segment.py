"""Splitting a report into events: the main event, related events and background events.

A sentence belongs to a background event when it is anchored in a clearly earlier time than the
main event (a date more than ``BACKGROUND_DAYS`` before it, a year before the main year, "years
ago", "last year") and describes violence of its own (a trigger word). Consecutive background
sentences with the same time anchor form one event. A sentence that opens with a "separate
attack" cue describes a related event. Everything else describes the main event.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from eventdesk.extractor.dates import ResolvedDate
from eventdesk.extractor.types import Trigger

BACKGROUND_DAYS = 45

_BACKGROUND_CUE = re.compile(
    r"\b(?:years?\s+ago|last\s+year|previous(?:ly)?|earlier\s+attacks?|anniversary|in\s+(?:19|20)\d\d|"
    r"(?:19|20)\d\d\s+(?:attack|bombing|shooting|massacre|stampede|strike)|since\s+then|at\s+the\s+time)\b",
    re.IGNORECASE,
)
_RELATED_CUE = re.compile(
    r"^\W*(?:in\s+a\s+separate|separately|in\s+another|elsewhere|meanwhile,?\s+in|in\s+a\s+second\s+incident|"
    r"also\s+on\s+\w+,?\s+in)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    resolved: ResolvedDate | None


@dataclass
class Segment:
    role: str
    sentences: list[int] = field(default_factory=list)  # sentence indexes
    date: DateMention | None = None
    kind: str | None = None  # dominant trigger type of the segment's first sentence


def _start(d: DateMention) -> dt.date | None:
    return dt.date.fromisoformat(d.resolved.start) if d.resolved else None


def _is_earlier(d: DateMention, main: dt.date | None, published: dt.date | None) -> bool:
    r = d.resolved
    if r is None:
        return False
    ref = main or published
    if ref is None:
        return False
    end = dt.date.fromisoformat(r.end)
    if r.precision == "year":
        return end.year < ref.year
    return (ref - end).days > BACKGROUND_DAYS


def split_events(
    sentences: Sequence[tuple[int, int]],
    dates: Sequence[DateMention],
    triggers: Sequence[Trigger],
    text: str,
    *,
    main_date: dt.date | None,
    published: dt.date | None,
) -> list[Segment]:
    """Group sentence indexes into events; the first segment is always the main event."""
    main = Segment("main")
    segments: list[Segment] = [main]
    current: Segment | None = None
    for i, (s, e) in enumerate(sentences):
        sent_dates = [d for d in dates if s <= d.start < e]
        has_trigger = any(s <= t.start < e for t in triggers)
        earlier = [d for d in sent_dates if _is_earlier(d, main_date, published)]
        later_or_same = [d for d in sent_dates if d.resolved and not _is_earlier(d, main_date, published)]
        if i > 0 and has_trigger and earlier and not later_or_same:
            key = earlier[0]
            kind = _dominant([t for t in triggers if s <= t.start < e])
            if (
                current is not None
                and current.date
                and current.date.resolved == key.resolved
                and kind in (None, current.kind)
            ):
                current.sentences.append(i)
            else:
                current = Segment("background", [i], key, kind)
                segments.append(current)
            continue
        if i > 0 and has_trigger and _RELATED_CUE.search(text[s:e]):
            current = Segment("related", [i], sent_dates[0] if sent_dates else None)
            segments.append(current)
            continue
        if current is not None and not sent_dates and _continues(text[s:e]):
            current.sentences.append(i)
            continue
        current = None
        main.sentences.append(i)
    return segments


def _dominant(triggers: Sequence[Trigger]) -> str | None:
    strong = [t for t in triggers if t.weight >= 3]
    if not strong:
        return None
    return max(strong, key=lambda t: t.weight).code


def _continues(sentence: str) -> bool:
    """A sentence that goes on about the previous one ("It killed 56 people.")."""
    return bool(re.match(r"^\W*(?:it|that|the\s+(?:attack|strike|blast|bombing|stampede|crush)|they|he|she)\b",
                         sentence, re.IGNORECASE))


_MULTI = re.compile(
    r"\b(?P<n>two|twin|double|three|four|five|\d)\s+(?:\w+\s+){0,2}?(?:blasts|explosions|bombings|attacks|bombs|"
    r"suicide\s+bombers|car\s+bombs|shootings|strikes)\b",
    re.IGNORECASE,
)
_N = {"two": 2, "twin": 2, "double": 2, "three": 3, "four": 4, "five": 5}


def count_attacks(text: str, spans: Sequence[tuple[int, int]]) -> int:
    """"two blasts minutes apart": coordinated attacks noted within one incident."""
    best = 1
    for s, e in spans:
        for m in _MULTI.finditer(text, s, e):
            n = m.group("n").lower()
            best = max(best, int(n) if n.isdigit() else _N.get(n, 1))
    return best
