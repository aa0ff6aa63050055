"""Splitting a report into events: the main event, related events and background events.

A sentence belongs to a background event when it is anchored in a clearly earlier time than the
main event (a date more than ``BACKGROUND_DAYS`` before it, a year before the main year, "years
ago", "last year") and describes violence of its own (a trigger word). Consecutive background
sentences with the same time anchor form one event.

A sentence with a trigger opens a related event (the round-ups of wire copy: "Elsewhere, a car
bomb exploded ...") when it starts with a "separate attack" cue, or when it starts a paragraph and
either says the same people "also" attacked, opens on a place the lead did not name ("In Huancayo,
..."), or tells of another kind of incident than the main event so far (a murder in a kidnapping
story) with its own day or place. The rest of its paragraph stays with it (the paragraphs of
hard-wrapped wire copy are found by their indentation or blank lines). Everything else describes
the main event.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from eventdesk.extractor.dates import ResolvedDate
from eventdesk.extractor.types import Trigger, event_type
from eventdesk.geo.normalize import normalize_key

BACKGROUND_DAYS = 45

_BACKGROUND_CUE = re.compile(
    r"\b(?:years?\s+ago|last\s+year|previous(?:ly)?|earlier\s+attacks?|anniversary|in\s+(?:19|20)\d\d|"
    r"(?:19|20)\d\d\s+(?:attack|bombing|shooting|massacre|stampede|strike)|since\s+then|at\s+the\s+time)\b",
    re.IGNORECASE,
)
_RELATED_CUE = re.compile(
    r"^\W*(?:in\s+a\s+separate|separately|in\s+another|elsewhere|meanwhile|moreover|in\s+addition\b(?!\s+to)|"
    r"in\s+a\s+(?:second|third|similar|different)\s+(?:incident|attack)|"
    r"also\s+(?:on\s+\w+|today|yesterday|last\s+night|this\s+(?:morning|afternoon|evening|week)),?\s+in)\b",
    re.IGNORECASE,
)

# "the guerrillas also blew up ...": another attack by the same people, told in its own paragraph
_ALSO_ATTACKED = re.compile(
    r"\balso\s+(?:been\s+)?(?:attacked|blew\s+up|blown\s+up|bombed|burned|set\s+fire|kidnapped|abducted|placed|"
    r"planted|dynamited|destroyed|hurled|threw|exploded|ambushed|sabotaged|robbed|seized)\b",
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
    places: Sequence[tuple[int, int]] = (),
) -> list[Segment]:
    """Group sentence indexes into events; the first segment is always the main event.

    ``places`` are the character spans of place names (spaCy's GPE and LOC entities): a paragraph
    that opens "In <place>," on a place the lead did not name, and tells of violence, is a related
    event (a round-up of incidents).
    """
    main = Segment("main")
    segments: list[Segment] = [main]
    current: Segment | None = None
    wrapped = _hard_wrapped(text)
    lead_end = sentences[min(1, len(sentences) - 1)][1] if sentences else 0
    lead_places = {normalize_key(text[a:b]) for a, b in places if a < lead_end}
    main_triggers: list[Trigger] = []
    for i, (s, e) in enumerate(sentences):
        same_paragraph = i > 0 and not _paragraph_break(_gap_before(text, sentences, i), wrapped)
        sent_dates = [d for d in dates if s <= d.start < e]
        sent_triggers = [t for t in triggers if s <= t.start < e]
        has_trigger = bool(sent_triggers)
        earlier = [d for d in sent_dates if _is_earlier(d, main_date, published)]
        later_or_same = [d for d in sent_dates if d.resolved and not _is_earlier(d, main_date, published)]
        if i > 0 and has_trigger and earlier and not later_or_same:
            key = earlier[0]
            kind = _dominant(sent_triggers)
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
        if i > 0 and has_trigger and _opens_related(
            text, (s, e), i, same_paragraph=same_paragraph, dated=bool(later_or_same),
            triggers=sent_triggers, main_triggers=main_triggers, places=places, lead_places=lead_places,
        ):
            current = Segment("related", [i], sent_dates[0] if sent_dates else None)
            segments.append(current)
            continue
        if current is not None and not sent_dates and (
            _continues(text[s:e]) or (current.role == "related" and same_paragraph)
        ):
            current.sentences.append(i)
            continue
        current = None
        main.sentences.append(i)
        main_triggers.extend(sent_triggers)
    return segments


def _opens_related(
    text: str,
    span: tuple[int, int],
    index: int,
    *,
    same_paragraph: bool,
    dated: bool,
    triggers: Sequence[Trigger],
    main_triggers: Sequence[Trigger],
    places: Sequence[tuple[int, int]],
    lead_places: set[str],
) -> bool:
    """Does this sentence (with a trigger) open a separate incident of a round-up?"""
    s, e = span
    if _RELATED_CUE.search(text[s:e]):
        return True  # "Elsewhere, ...", "In a separate attack ..."
    if same_paragraph:
        return False
    if _ALSO_ATTACKED.search(text, s, e) or _opens_on_new_place(text, s, places, lead_places):
        return True  # "The rebels also blew up ...", "In Huancayo, ..."
    # another kind of incident (a murder in a kidnapping story), with its own day or place
    return (
        index > 1
        and (dated or _names_new_place(s, e, places, lead_places, text))
        and _other_kind(triggers, main_triggers)
    )


_OPENING_PLACE = re.compile(r"\W*(?:in|at)\s+(?:the\s+(?:town|city|village|department|province)\s+of\s+)?", re.I)


def _opens_on_new_place(text: str, start: int, places: Sequence[tuple[int, int]], known: set[str]) -> bool:
    """"In Huancayo, ...": the sentence opens on a place, followed by a comma, that the lead did not name."""
    m = _OPENING_PLACE.match(text, start)
    if m is None:
        return False
    for a, b in places:
        if a == m.end():
            return text[b : b + 1] == "," and normalize_key(text[a:b]) not in known
    return False


def _names_new_place(start: int, end: int, places: Sequence[tuple[int, int]], known: set[str], text: str) -> bool:
    return any(start <= a < end and normalize_key(text[a:b]) not in known for a, b in places)


def _kind_weights(triggers: Sequence[Trigger]) -> dict[str, float]:
    """Strong triggers' weight by kind of incident (kidnapping, bombing, arson, robbery, attack)."""
    out: dict[str, float] = {}
    for t in triggers:
        if t.weight >= 3:
            kind = event_type(t.code).muc4_incident_type
            if kind:
                out[kind] = out.get(kind, 0.0) + t.weight
    return out


def _other_kind(sentence: Sequence[Trigger], main: Sequence[Trigger]) -> bool:
    """Does the sentence tell of a kind of incident (a murder) that the main event so far is not (a
    kidnapping)?"""
    ours, theirs = _kind_weights(sentence), _kind_weights(main)
    if not ours or not theirs:
        return False
    return max(ours, key=lambda k: ours[k]) not in theirs


def _hard_wrapped(text: str) -> bool:
    """Wire copy broken into lines of about 70 characters, where a line break is not a new paragraph."""
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    if len(lines) < 5 or sorted(map(len, lines))[len(lines) // 2] > 90:
        return False
    mid_sentence = sum(1 for line in lines if line[-1] not in '.!?:"\u201d)]')
    return mid_sentence * 2 >= len(lines)


def _gap_before(text: str, sentences: Sequence[tuple[int, int]], i: int) -> str:
    """The white space between sentence ``i - 1`` and sentence ``i`` (spaCy keeps it in the first)."""
    before = text[sentences[i - 1][0] : sentences[i][0]]
    return before[len(before.rstrip()) :]


def _paragraph_break(gap: str, wrapped: bool) -> bool:
    """Does the white space between two sentences start a new paragraph?"""
    if "\n" not in gap:
        return False
    return not wrapped or bool(re.search(r"\n[ \t]*\n|\n[ \t]+", gap))


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
