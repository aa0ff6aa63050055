"""Report -> events: the orchestration of the extractor stages.

``prepare`` checks and case-restores the text; spaCy runs (in batches, by the caller or here);
``extract_doc`` finds triggers, dates and casualty claims over the whole report, splits it into
events (:mod:`eventdesk.extractor.segment`) and fills each event's fields from its own sentences.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventdesk.extractor import actors, participants, quotes, weapons
from eventdesk.extractor.casualties import combine_claims, find_casualties, find_headline_casualties
from eventdesk.extractor.context import EventContext
from eventdesk.extractor.dates import dateline_date, find_date_expressions, parse_published, resolve_date
from eventdesk.extractor.places import dateline_span, find_location
from eventdesk.extractor.segment import DateMention, Segment, count_attacks, split_events
from eventdesk.extractor.types import choose_type, event_type, find_triggers
from eventdesk.io.validate import check_text
from eventdesk.nlp.truecase import needs_truecasing, restore_case
from eventdesk.records import DateValue, Event, Evidence, Report

if TYPE_CHECKING:
    from spacy.tokens import Doc

EXTRACTOR_VERSION = "eventdesk.extractor.v1"
MIN_TRIGGER_WEIGHT = 2.0


@dataclass(frozen=True)
class Prepared:
    report: Report
    nlp_text: str  # case-restored when needed; same length as report.text
    warnings: tuple[str, ...]
    published: dt.date | None


def prepare(report: Report) -> Prepared:
    """Validate a report (raising :class:`~eventdesk.errors.InputError`) and restore its case."""
    warnings = check_text(report.text)
    published = parse_published(report.published)
    if report.published and published is None:
        warnings.append(f"could not parse the publication date {report.published!r}; relative dates unresolved")
    if published is None:
        found = dateline_date(report.text)
        if found is not None:
            published = dt.date.fromisoformat(found[0].start)
            warnings.append(f"publication date taken from the dateline: {published.isoformat()}")
    nlp_text = report.text
    if needs_truecasing(report.text):
        nlp_text = restore_case(report.text)
        warnings.append("text is all upper or lower case: case restored before NLP")
    return Prepared(report, nlp_text, tuple(warnings), published)


def extract_report(report: Report) -> tuple[Event, ...]:
    from eventdesk.nlp.model import load_nlp

    prep = prepare(report)
    return extract_doc(prep, load_nlp()(prep.nlp_text))


def _date_mentions(doc: Doc, text: str, published: dt.date | None) -> list[DateMention]:
    spans = {(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")}
    for s, e in find_date_expressions(text):
        if not any(a <= s and e <= b for a, b in spans):
            spans = {(a, b) for a, b in spans if not (s <= a and b <= e)} | {(s, e)}
    out = []
    for s, e in sorted(spans):
        resolved = resolve_date(text[s:e], published)
        if resolved is None:
            # "Saturday night, police said": retry on the pattern-matched part of an entity
            for ps, pe in find_date_expressions(text, s, e):
                resolved = resolve_date(text[ps:pe], published)
                if resolved:
                    s, e = ps, pe
                    break
        out.append(DateMention(s, e, resolved))
    return out


_STAMP = re.compile(r"\b(?:posted|published|updated|last\s+updated|copyright|created|modified)\b[:\s]*(?:on\s+)?"
                    r"(?:\w+,?\s+)?$|©\s*$", re.IGNORECASE)
_SAID = re.compile(r"\b(?:said|says|told|announced|reported|confirmed|added)\s+(?:on\s+)?$", re.IGNORECASE)
_AFTERMATH = re.compile(
    r"\b(?:arrest\w*|charged|charges|arraign\w*|court|hearing|sentenc\w*|funeral|vigil|memorial|bond|bail|"
    r"indict\w*|trial|pleaded|plea|convicted|verdict|released|identified|autopsy|press\s+conference)\b",
    re.IGNORECASE,
)


def _main_date(dates: Sequence[DateMention], sentences: Sequence[tuple[int, int]], anchors: Sequence[int],
               published: dt.date | None, text: str) -> DateMention | None:
    """The main event's date: a resolved date in a sentence about the attack, not after publication.

    Page stamps ("Posted Jun. 15, 2015", "Updated: Wednesday") are not event dates; dates in
    sentences about the aftermath (arrests, court, funerals) rank below dates in sentences that
    carry a trigger word or a casualty figure.
    """
    usable = []
    header = dateline_span(text)
    header_end = header[1] if header else 0
    for d in dates:
        r = d.resolved
        if r is None or r.precision == "year" or _STAMP.search(text[max(0, d.start - 30) : d.start]):
            continue
        if d.start < header_end:
            continue  # the release/filing date in the header and dateline, not the event's
        start = dt.date.fromisoformat(r.start)
        if published and (start > published + dt.timedelta(days=1) or (published - start).days > 45):
            continue
        usable.append(d)
    if not usable:
        return None

    def rank(d: DateMention) -> tuple[int, int, int, int]:
        sent = next(((a, b) for a, b in sentences if a <= d.start < b), (d.start, d.end))
        anchored = any(sent[0] <= a < sent[1] for a in anchors)
        aftermath = bool(_AFTERMATH.search(text[sent[0] : sent[1]])) or bool(_SAID.search(text[max(0, d.start - 12) : d.start]))
        near = min((abs(d.start - a) for a in anchors), default=10_000)
        day = d.resolved is not None and d.resolved.precision == "day"
        return (not day, (not anchored) + aftermath, near > 400, d.start)

    return min(usable, key=rank)


def extract_doc(prep: Prepared, doc: Doc) -> tuple[Event, ...]:
    report = prep.report
    text = report.text
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    sent_spans = list(doc.sents)
    triggers = find_triggers(text)
    title_triggers = find_triggers(report.title or "")
    dates = _date_mentions(doc, text, prep.published)
    claims_all = find_casualties(text, sentences)
    title_claims = find_headline_casualties(report.title) if report.title else []
    anchors = [t.start for t in triggers if t.weight >= 2] + [c.start for c in claims_all]
    main_date = _main_date(dates, sentences, anchors, prep.published, text)
    main_day = dt.date.fromisoformat(main_date.resolved.start) if main_date and main_date.resolved else None
    segments = split_events(sentences, dates, triggers, text, main_date=main_day, published=prep.published)

    events: list[Event] = []
    lead_end = sentences[0][1] if sentences else 0
    for index, seg in enumerate(segments):
        spans = [sentences[i] for i in seg.sentences]
        if not spans:
            continue
        seg_triggers = [t for t in triggers if any(s <= t.start < e for s, e in spans)]
        claims = [c for c in claims_all if any(s <= c.start < e for s, e in spans)]
        weight = sum(t.weight for t in seg_triggers) + (sum(2.0 for _ in title_triggers) if seg.role == "main" else 0)
        if weight < MIN_TRIGGER_WEIGHT and not claims:
            continue
        title_boost = [t.__class__(-1, -1, t.code, t.weight * 2) for t in title_triggers] if seg.role == "main" else []
        code, support = choose_type([*seg_triggers, *title_boost], lead_end=lead_end if seg.role == "main" else 0)
        type_ev = tuple(Evidence(t.start, t.end, text[t.start : t.end]) for t in support if t.start >= 0)[:3]
        killed, injured = combine_claims(
            text, claims, title=report.title, title_claims=title_claims if seg.role == "main" else ()
        )
        ctx = EventContext(
            text=text, doc=doc, sents=tuple(sent_spans[i] for i in seg.sentences), role=seg.role,
            published=prep.published.isoformat() if prep.published else None,
        )
        date = _event_date(seg, main_date, text, prep.published)
        seg_anchors = [t.start for t in support if t.start >= 0] + [c.start for c in claims]
        location = find_location(ctx, anchors=seg_anchors, use_dateline=seg.role == "main",
                                 title=report.title if seg.role == "main" else None)
        events.append(
            Event(
                event_id=_event_id(report, seg.role, index),
                role=seg.role,
                type=event_type(code, type_ev),
                date=date,
                location=location,
                killed=killed,
                injured=injured,
                perpetrators=actors.find_perpetrators(ctx),
                targets=participants.find_targets(ctx),
                victims=participants.find_victims(ctx),
                weapons=weapons.find_weapons(ctx),
                sources=quotes.find_sources(ctx),
                attacks=count_attacks(text, spans),
                confidence=_confidence(weight, date, location.precision, killed is not None),
            )
        )
    return tuple(events)


def _event_date(seg: Segment, main_date: DateMention | None, text: str, published: dt.date | None) -> DateValue:
    """The event's date from the text; for a main event whose report states no date, the
    publication date, marked ``basis="published"`` (no evidence), as wire coders do."""
    d = main_date if seg.role == "main" else seg.date
    if d is None or d.resolved is None:
        if seg.role == "main" and published is not None:
            day = published.isoformat()
            return DateValue(start=day, end=day, precision="day", basis="published")
        return DateValue()
    r = d.resolved
    ev = Evidence(d.start, d.end, text[d.start : d.end])
    return DateValue(start=r.start, end=r.end, precision=r.precision, text=ev.text, evidence=(ev,))


def _confidence(weight: float, date: DateValue, place_precision: str, has_toll: bool) -> float:
    score = min(weight, 8.0) / 16.0
    score += 0.15 if date.precision == "day" else 0.05 if date.precision != "unknown" else 0.0
    score += 0.15 if place_precision in ("city", "exact", "admin2") else 0.05 if place_precision != "unknown" else 0
    score += 0.2 if has_toll else 0.0
    return round(min(score, 1.0), 3)


def _event_id(report: Report, role: str, index: int) -> str:
    key = f"{EXTRACTOR_VERSION}|{Report.content_id(report.text)}|{role}|{index}"
    return "ev_" + hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
