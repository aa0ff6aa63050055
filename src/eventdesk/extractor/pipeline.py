"""Report -> events: the orchestration of the extractor stages.

``prepare`` checks and case-restores the text; spaCy runs (in batches, by the caller or here);
``extract_doc`` finds triggers, dates and casualty claims over the whole report, splits it into
events (:mod:`eventdesk.extractor.segment`) and fills each event's fields from its own sentences.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypeVar

from eventdesk.extractor import actors, participants, quotes, weapons
from eventdesk.extractor.casualties import combine_claims, find_casualties
from eventdesk.extractor.context import EventContext
from eventdesk.extractor.dates import dateline_date, parse_published
from eventdesk.extractor.event_date import date_mentions, event_date
from eventdesk.extractor.event_date import main_date as main_event_date
from eventdesk.extractor.headlines import find_headline_casualties
from eventdesk.extractor.places import find_location
from eventdesk.extractor.segment import count_attacks, split_events
from eventdesk.extractor.types import choose_type, event_type, find_triggers, refine_type
from eventdesk.io.validate import check_text
from eventdesk.nlp.truecase import needs_truecasing, restore_case
from eventdesk.records import DateValue, Event, Evidence, Report
from eventdesk.resources import read_lines

if TYPE_CHECKING:
    from spacy.tokens import Doc

T = TypeVar("T")

EXTRACTOR_VERSION = "eventdesk.extractor.v2"
MIN_TRIGGER_WEIGHT = 2.0


@dataclass(frozen=True)
class Prepared:
    report: Report
    nlp_text: str  # case-restored when needed; same length as report.text
    warnings: tuple[str, ...]
    published: dt.date | None
    nlp_title: str | None = None  # the title, case-restored when needed; same length as report.title


def prepare(report: Report) -> Prepared:
    """Validate a report (raising :class:`~eventdesk.errors.InputError`) and restore its case."""
    warnings = check_text(report.text)
    published = parse_published(report.published)
    if report.guessed_encoding:
        warnings.append(f"the input was not valid UTF-8: decoded as {report.guessed_encoding} (detected; "
                        "some characters may be wrong)")
    if report.published and published is None:
        warnings.append(f"could not parse the publication date {report.published!r}; relative dates unresolved")
    if published is not None and published > dt.date.today() + dt.timedelta(days=1):  # a day for time zones
        warnings.append(f"the publication date {published.isoformat()} is in the future; "
                        "relative dates are resolved against it")
    if published is None:
        found = dateline_date(report.text)
        if found is not None:
            published = dt.date.fromisoformat(found[0].start)
            warnings.append(f"publication date taken from the dateline: {published.isoformat()}")
    nlp_text = report.text
    if needs_truecasing(report.text):
        nlp_text = restore_case(report.text)
        warnings.append("text is all upper or lower case: case restored before NLP")
    title = report.title
    nlp_title = restore_case(title) if title and needs_truecasing(title) else title
    return Prepared(report, nlp_text, tuple(warnings), published, nlp_title)


def extract_report(report: Report) -> tuple[Event, ...]:
    from eventdesk.nlp.model import load_nlp

    prep = prepare(report)
    return extract_doc(prep, load_nlp()(prep.nlp_text))


# a report using this many different words of sports reporting is sport, whatever its metaphors
SPORTS_MIN_WORDS = 5


@functools.lru_cache(maxsize=1)
def _sports_pattern() -> re.Pattern[str]:
    words = sorted(read_lines("sports_words.txt"), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.IGNORECASE)


def is_sports_report(text: str) -> bool:
    """"Rovers shot down City ... a late strike killed off the contest": a match report."""
    return len({m.group(0).lower() for m in _sports_pattern().finditer(text)}) >= SPORTS_MIN_WORDS


def extract_doc(prep: Prepared, doc: Doc) -> tuple[Event, ...]:
    report = prep.report
    text = report.text
    if is_sports_report(text):
        return ()
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    sent_spans = list(doc.sents)
    triggers = find_triggers(text)
    title = prep.nlp_title
    title_triggers = find_triggers(title or "")
    dates = date_mentions(doc, text, prep.published)
    claims_all = find_casualties(prep.nlp_text, sentences)  # case-restored: name patterns need case
    title_claims = find_headline_casualties(title) if title else []
    anchors = [t.start for t in triggers if t.weight >= 2] + [c.start for c in claims_all]
    main_date = main_event_date(dates, sentences, anchors, prep.published, text, doc)
    main_day = dt.date.fromisoformat(main_date.resolved.start) if main_date and main_date.resolved else None
    places = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in ("GPE", "LOC")]
    segments = split_events(
        sentences, dates, triggers, text, main_date=main_day, published=prep.published, places=places
    )

    events: list[Event] = []
    lead_end = sentences[0][1] if sentences else 0
    for index, seg in enumerate(segments):
        spans = [sentences[i] for i in seg.sentences]
        if not spans:
            continue
        seg_triggers = [t for t in triggers if any(s <= t.start < e for s, e in spans)]
        claims = [c for c in claims_all if any(s <= c.start < e for s, e in spans)]
        weight = sum(t.weight for t in seg_triggers) + (sum(2.0 for _ in title_triggers) if seg.role == "main" else 0)
        if weight < MIN_TRIGGER_WEIGHT and not claims and not (seg.role == "main" and title_claims):
            continue  # (a headline's toll makes the main event of a report whose page holds no story: a paywall)
        title_boost = [t.__class__(-1, -1, t.code, t.weight * 2) for t in title_triggers] if seg.role == "main" else []
        code, support = choose_type([*seg_triggers, *title_boost], lead_end=lead_end if seg.role == "main" else 0)
        type_ev = tuple(Evidence(t.start, t.end, text[t.start : t.end]) for t in support if t.start >= 0)[:3]
        killed, injured = combine_claims(
            text, claims, title=title, title_claims=title_claims if seg.role == "main" else ()
        )
        # the stages read the case-restored text (their patterns need case); the event's evidence is
        # cut again from the original text at the end (same offsets)
        ctx = EventContext(
            text=prep.nlp_text, doc=doc, sents=tuple(sent_spans[i] for i in seg.sentences), role=seg.role,
            published=prep.published.isoformat() if prep.published else None,
        )
        date = event_date(seg, main_date, text, prep.published)
        seg_anchors = [t.start for t in support if t.start >= 0] + [c.start for c in claims]
        location = find_location(ctx, anchors=seg_anchors, use_dateline=seg.role == "main",
                                 title=title if seg.role == "main" else None)
        perpetrators = actors.find_perpetrators(ctx)
        targets = participants.find_targets(ctx)
        victims = participants.find_victims(ctx)
        first = next((t for t in support if t.start >= 0), None)
        before_trigger = text[max(0, first.start - 100) : first.start] if first is not None else ""
        code = refine_type(code, perpetrators, targets, victims, before_trigger=before_trigger)
        event = Event(
            event_id=_event_id(report, seg.role, index),
            role=seg.role,
            type=event_type(code, type_ev),
            date=date,
            location=location,
            killed=killed,
            injured=injured,
            perpetrators=perpetrators,
            targets=targets,
            victims=victims,
            weapons=weapons.find_weapons(ctx),
            sources=quotes.find_sources(ctx),
            attacks=count_attacks(text, spans),
            confidence=_confidence(weight, date, location.precision, killed is not None),
        )
        restored = prep.nlp_text is not text or title is not report.title
        events.append(_reanchored(event, text, report.title or "") if restored else event)
    return tuple(events)


def _reanchored(value: T, text: str, title: str) -> T:
    """``value`` with every evidence span found on the case-restored text or title cut again from the
    original ``text`` or ``title`` (the same offsets: case restoration keeps the length)."""
    if isinstance(value, Evidence):
        source = title if value.field == "title" else text
        return replace(value, text=source[value.start : value.end])
    if isinstance(value, tuple):
        return tuple(_reanchored(v, text, title) for v in value)  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _reanchored(getattr(value, f.name), text, title) for f in dataclasses.fields(value)}
        return replace(value, **changes)
    return value


def _confidence(weight: float, date: DateValue, place_precision: str, has_toll: bool) -> float:
    score = min(weight, 8.0) / 16.0
    score += 0.15 if date.precision == "day" else 0.05 if date.precision != "unknown" else 0.0
    score += 0.15 if place_precision in ("city", "exact", "admin2") else 0.05 if place_precision != "unknown" else 0
    score += 0.2 if has_toll else 0.0
    return round(min(score, 1.0), 3)


def _event_id(report: Report, role: str, index: int) -> str:
    key = f"{EXTRACTOR_VERSION}|{Report.content_id(report.text)}|{role}|{index}"
    return "ev_" + hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
