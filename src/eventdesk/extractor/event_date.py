"""The main event's date: which of a report's resolved date mentions is the day of the attack.

A report names many days: when it was posted, when police spoke, when a suspect was arrested or
arraigned, when the victim died, and (usually) when the attack happened. Each mention is ranked by

1. what it is attached to in the dependency parse: the date's head, followed up to four steps, is
   looked up in ``data/date_heads.tsv`` (``event``: "shot Saturday", "Friday night's shooting";
   ``scene``: "the incident happened Saturday"; ``weak``: "died Sunday"; ``after``: "arrested Tuesday"; ``report``: "police said Sunday");
2. whether its sentence is about the attack (a trigger word or a casualty figure) and not about the
   aftermath (arrests, court, funerals);
3. distance from the nearest attack word (sidebars and "more stories" lists are far away).

Page stamps ("Posted Jun. 15, 2015", "Updated: Wednesday"), the header and dateline date, dates
after publication and dates more than 45 days before it are never the main event's date.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from eventdesk.extractor.dates import MONTH_RE, dateline_date, find_date_expressions, is_house_number, resolve_date
from eventdesk.extractor.places import dateline_span
from eventdesk.extractor.segment import DateMention
from eventdesk.records import DateValue, Evidence
from eventdesk.resources import read_tsv

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from eventdesk.extractor.segment import Segment

# how far back (days before publication) a main event's date may lie
MAX_AGE_DAYS = 45
# how many steps up the parse a date's governing word is looked for
MAX_HEAD_STEPS = 4

_STAMP = re.compile(r"\b(?:posted|published|updated|last\s+updated|copyright|created|modified|news\s+release)\b[:\s]*(?:on\s+)?"
                    r"(?:\w+,?\s+)?$|©\s*$", re.IGNORECASE)
_HEADER_DATE = re.compile(
    rf"^\s*{MONTH_RE}\s+\d{{1,2}}(?:,\s+\d{{4}})?\s*:|^.{{0,200}}?\(\s*{MONTH_RE}\s+\d{{1,2}}(?:,\s+\d{{4}})?\s*\)",
    re.IGNORECASE | re.DOTALL,
)
_SAID = re.compile(r"\b(?:said|says|told|announced|reported|confirmed|added)\s+(?:on\s+)?$", re.IGNORECASE)
_AFTERMATH = re.compile(
    r"\b(?:arrest\w*|charged|charges|arraign\w*|court|hearing|sentenc\w*|funeral|vigil|memorial|bond|bail|"
    r"indict\w*|trial|pleaded|plea|convicted|verdict|released|identified|autopsy|press\s+conference)\b",
    re.IGNORECASE,
)
# rank of each head class; a date with no listed head gets a rank from its sentence (1-3)
_CLASS_RANK = {"event": 0.0, "scene": 0.5, "weak": 1.0, "after": 4.0, "report": 4.0, "future": 5.0}
# words between an event word and its date: "shot on Saturday", "killed early Sunday"
_SKIP_BEFORE = frozenset({"on", "at", "late", "early", "about", "around", "shortly", "just", "before", "after", ","})


@functools.lru_cache(maxsize=1)
def _head_classes() -> dict[str, str]:
    return {row["lemma"]: row["class"] for row in read_tsv("date_heads.tsv")}


def date_mentions(doc: Doc, text: str, published: dt.date | None) -> list[DateMention]:
    """Every date expression of the text (spaCy DATE/TIME entities and our patterns), resolved."""
    spans = {(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")}
    for s, e in find_date_expressions(text):
        if not any(a <= s and e <= b for a, b in spans):
            # the pattern wins over an entity it overlaps: "9:30 p.m. Saturday" against "Saturday, Feb. 9, 2013"
            spans = {(a, b) for a, b in spans if not (a < e and s < b)} | {(s, e)}
    out = []
    for s, e in sorted(spans):
        resolved = None if is_house_number(text, s, e) else resolve_date(text[s:e], published)
        if resolved is None:
            # "Saturday night, police said": retry on the pattern-matched part of an entity
            for ps, pe in find_date_expressions(text, s, e):
                resolved = resolve_date(text[ps:pe], published)
                if resolved:
                    s, e = ps, pe
                    break
        out.append(DateMention(s, e, resolved))
    return out


# subjects that make "reported" mean "happened": "the shooting was reported Sunday"
_HAPPENINGS = frozenset({"shooting", "incident", "attack", "gunfire", "shot", "blast", "explosion", "stabbing",
                         "robbery", "fire", "disturbance", "fight", "altercation"})


# what starts or begins on a later day without being the attack: "classes started on Tuesday"
_ROUTINES = frozenset({"class", "school", "game", "season", "trial", "hearing", "session", "meeting", "practice",
                       "investigation", "search", "vigil", "service", "funeral", "day", "week", "semester"})
# what a court finds ("found probable cause", "found no evidence")
_FINDINGS = frozenset({"cause", "evidence", "verdict", "reason"})


def _word_class(tok: Token, classes: dict[str, str]) -> str | None:
    cls = classes.get(tok.lemma_.lower()) or classes.get(tok.lower_)
    if cls == "report" and any(c.dep_ in ("nsubjpass", "nsubj") and c.lemma_.lower() in _HAPPENINGS for c in tok.children):
        return "scene"  # "the shooting was reported about 10 a.m. Sunday": when it happened, not the telling
    if (cls == "scene" and tok.lemma_.lower() in ("start", "begin")
            and any(c.dep_ == "nsubj" and c.lemma_.lower() in _ROUTINES for c in tok.children)):
        return None  # "classes started on Tuesday": school went on, not the fight that started it
    if cls == "event" and tok.lemma_.lower() == "gun" and tok.pos_ == "NOUN":
        return None  # "recovered the final gun yesterday": the weapon, not "gunned down"
    if cls == "event" and tok.lemma_.lower() == "hit" and any(c.lemma_.lower() == "street" for c in tok.children):
        return None  # "arrest teams hit the streets early Friday": went out, not a shot
    if cls == "weak" and any(c.dep_ == "dobj" and c.lemma_.lower() in _FINDINGS for c in tok.children):
        return "after"  # "a judge on Wednesday found probable cause": a court's finding, not a body found
    return cls


def head_class(doc: Doc, start: int, end: int) -> str | None:
    """The class (``data/date_heads.tsv``) of the word a date expression is attached to, if listed."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    classes = _head_classes()
    # the words right next to it first: "shot Saturday", "arrested Tuesday", "the December 14 shooting"
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in _SKIP_BEFORE:
        i -= 1
    if i >= 0 and doc[i].sent == span.root.sent:
        cls = _word_class(doc[i], classes)
        prev = doc[i]
        if (cls == "event" and prev.pos_ == "NOUN" and prev.head.lower_ in ("with", "for", "of", "in")
                and classes.get(prev.head.head.lemma_.lower()) == "after" and prev not in span.root.ancestors):
            return "after"  # "was charged with murder Wednesday": the charge's day, not the murder's
        if cls is not None:
            return cls
    j = span.end
    while j < len(doc) and (doc[j].lower_ in ("'s", "’s", "'", "’") or (doc[j].text == "," and j == span.end
                                                                        and re.fullmatch(r"\d{4}", doc[j - 1].text))):
        j += 1  # ("the June 11, 2015, shooting spree": a full date's closing comma)
    if j < len(doc) and doc[j].pos_ in ("NOUN", "VERB") and classes.get(doc[j].lemma_.lower()) in ("event", "scene"):
        return classes[doc[j].lemma_.lower()]
    inside = {t.i for t in span}
    tok: Token = span.root
    for _ in range(MAX_HEAD_STEPS):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.i in inside:
            continue
        cls = _word_class(tok, classes)
        if cls is not None:
            return cls
        if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ != "aux"):
            return None  # an unlisted verb (or "was" heading its clause) governs the date: stop there
    return None


_FUTURE_AUX = frozenset({"will", "shall", "'ll", "’ll"})
_FUTURE_VERBS = frozenset({"schedule", "plan", "expect", "set"})  # "is scheduled to appear Monday"


def is_future(doc: Doc, start: int, end: int) -> bool:
    """Is the date attached to a clause about the future ("will be held Monday", "is scheduled to
    appear in court on Tuesday")? A weekday there is a day to come, not the attack's."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok: Token = span.root
    for _ in range(MAX_HEAD_STEPS):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in tok.children):
                return True
            if tok.lemma_.lower() in _FUTURE_VERBS and any(c.dep_ == "xcomp" for c in tok.children):
                return True
            return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _FUTURE_VERBS
    return False


def main_date(dates: Sequence[DateMention], sentences: Sequence[tuple[int, int]], anchors: Sequence[int],
              published: dt.date | None, text: str, doc: Doc | None = None) -> DateMention | None:
    """The main event's date mention, or ``None`` when the report states none usable."""
    usable, older = [], []
    header = dateline_span(text)
    header_end = header[1] if header else 0
    wire = dateline_date(text)  # "KABUL, Afghanistan (June 21, 2011)": the release date
    if wire is not None:
        header_end = max(header_end, wire[2])
    m = _HEADER_DATE.match(text)  # "KABUL, Afghanistan (Feb. 12) -", "July 10: ISAF operations in ..."
    if m:
        header_end = max(header_end, m.end())
    for d in dates:
        r = d.resolved
        if r is None or r.precision == "year" or _STAMP.search(text[max(0, d.start - 30) : d.start]):
            continue
        if d.start < header_end:
            continue  # the release/filing date in the header and dateline, not the event's
        start = dt.date.fromisoformat(r.start)
        if published and start > published + dt.timedelta(days=1):
            continue
        if published and (published - start).days > MAX_AGE_DAYS:
            older.append(d)
            continue
        usable.append(d)

    def rank(d: DateMention) -> tuple[bool, float, bool, int]:
        sent = next(((a, b) for a, b in sentences if a <= d.start < b), (d.start, d.end))
        anchored = any(sent[0] <= a < sent[1] for a in anchors)
        said = bool(_SAID.search(text[max(0, d.start - 12) : d.start]))
        cls = head_class(doc, d.start, d.end) if doc is not None else None
        if said and cls != "scene":  # "police said Sunday"; but "the shooting was reported Sunday" happened then
            cls = "report"
        if doc is not None and is_future(doc, d.start, d.end):
            attached = _CLASS_RANK["future"]  # "On Monday, there will be a meeting": a day to come
        elif cls is not None:
            attached = _CLASS_RANK[cls]
        else:
            attached = 1.0 + (not anchored) + bool(_AFTERMATH.search(text[sent[0] : sent[1]]))
        near = min((abs(d.start - a) for a in anchors), default=10_000)
        day = d.resolved is not None and d.resolved.precision == "day"
        return (not day, attached, near > 400, d.start)

    best = min(usable, key=rank) if usable else None
    if best is None or rank(best)[1] > _CLASS_RANK["scene"]:
        # a follow-up story (an arrest, a trial) months later: an older date attached to the attack
        # itself or to the death ("was shot on Aug. 8", "the shooting death of ... on March 18") beats
        # recent dates that are not
        attached = [d for d in older if d.resolved and d.resolved.precision == "day"
                    and doc is not None and head_class(doc, d.start, d.end) in ("event", "scene", "weak")]
        if attached:
            return attached[0]
    return best


def event_date(seg: Segment, main: DateMention | None, text: str, published: dt.date | None) -> DateValue:
    """The event's date from the text; for a main event whose report states no date, the
    publication date, marked ``basis="published"`` (no evidence), as wire coders do."""
    d = main if seg.role == "main" else seg.date
    if d is None or d.resolved is None:
        if seg.role == "main" and published is not None:
            day = published.isoformat()
            return DateValue(start=day, end=day, precision="day", basis="published")
        return DateValue()
    r = d.resolved
    ev = Evidence(d.start, d.end, text[d.start : d.end])
    return DateValue(start=r.start, end=r.end, precision=r.precision, text=ev.text, evidence=(ev,))
