"""The event's place: candidate place mentions scored, reference points dropped, geocoded offline.

Candidates come from spaCy GPE/LOC/FAC entities, gazetteer hits (for ALL-CAPS text and NER misses)
and the wire dateline. "510 miles southeast of Tehran" is a reference point, not the event's place;
the dateline city is only a fallback when the text names no other place for the event.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from eventdesk.extractor.context import EventContext
from eventdesk.geo.gazetteer import Gazetteer, Place
from eventdesk.geo.geocode import to_location
from eventdesk.records import Evidence, Location

_REFERENCE = re.compile(
    r"(?:\b\d[\d,.]*\s*(?:-\s*)?(?:miles?|mi|km|kilometers?|kilometres?)\b[^.]{0,30}?"
    r"\b(?:of|from)|\b(?:north|south|east|west|northeast|northwest|southeast|southwest|"
    r"northern|southern|eastern|western)(?:ern)?\s+of|\boutskirts\s+of|\bfrom)\s*(?:the\s+)?$",
    re.IGNORECASE,
)
_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|inside|on|into|across|around|of)\s+(?:the\s+)?$", re.IGNORECASE)
_DATELINE = re.compile(r"^\s*(?P<place>[A-Z][A-Za-z .'-]{1,40}?)(?:,\s*(?P<region>[A-Z][A-Za-z .'-]{1,30}?))?"
                       r"\s*(?:\([^)]{1,40}\)\s*)?(?:--|—|–|-)\s", re.MULTILINE)
# "... video ORANGE COUNTY, Fla. - An 18-year-old": a capitalised dateline after page debris
_CAPS_DATELINE = re.compile(
    r"(?:^|[\s.])(?P<place>[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3}),\s*(?P<region>[A-Z][a-z]{1,5}\.(?:\s?[A-Z]\.)?|"
    r"[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s*(?:\([^)]{1,40}\)\s*(?:--|—|–|-)?|--|—|–|-)\s"
)
# the dateline is a fallback: any place the text itself names for the event beats it
_DATELINE_SCORE = 2.0
_SPECIFICITY = {"city": 4, "admin2": 3, "region": 2.5, "admin1": 2, "country": 1}


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    place: Place
    score: float
    field: str = "text"  # "title" for a place named in the headline


def _hint_after(text: str, end: int, gaz: Gazetteer) -> tuple[str | None, str | None]:
    """"Harvey, Ill." / "Kerman, Iran" / "Andar district, Ghazni province": (admin1, country_code)
    named right after a place."""
    m = re.match(r"(?:\s+(?:district|county|township|city|town|village|municipality))?,\s*"
                 r"([A-Z][A-Za-z.’'-]+(?:\s[A-Z][A-Za-z.’'-]+)?)", text[end : end + 60])
    if not m:
        return None, None
    for cand in gaz.lookup(m.group(1).rstrip(",")):
        if cand.kind == "admin1":
            return cand.name, cand.country_code
        if cand.kind == "country":
            return None, cand.country_code
    return None, None


def _country_hint(ctx: EventContext, gaz: Gazetteer) -> str | None:
    counts: Counter[str] = Counter()
    for ent in ctx.doc.ents:
        if ent.label_ in ("GPE", "NORP", "LOC"):
            for p in gaz.lookup(ctx.text[ent.start_char : ent.end_char])[:1]:
                if p.country_code:
                    counts[p.country_code] += 2 if p.kind == "country" else 1
            if ent.label_ == "NORP":
                code = gaz.country_of_demonym(ent.text)
                if code:
                    counts[code] += 1
    return counts.most_common(1)[0][0] if counts else None


def _candidates(ctx: EventContext, gaz: Gazetteer) -> list[tuple[int, int]]:
    spans: set[tuple[int, int]] = set()
    ents = [e for e in ctx.doc.ents if e.label_ in ("GPE", "LOC", "FAC")]  # once: Span.ents reads all of them
    for sent in ctx.sents:
        for ent in ents:
            if ent.start >= sent.start and ent.end <= sent.end:  # what Span.ents keeps
                spans.add((ent.start_char, ent.end_char))
    lo = min((s.start_char for s in ctx.sents), default=0)
    hi = max((s.end_char for s in ctx.sents), default=0)
    for start, end, _ in gaz.scan(ctx.text[lo:hi]):
        s, e = start + lo, end + lo
        if not any(a <= s and e <= b for a, b in spans):
            spans.add((s, e))
    return sorted(spans)


def find_location(
    ctx: EventContext, *, anchors: Sequence[int] = (), use_dateline: bool = True, title: str | None = None
) -> Location:
    """The most likely place of the event. ``anchors`` are offsets of its trigger/casualty words.

    A name qualified once ("Portsmouth, Va.") keeps that reading for its other mentions, and such
    qualifiers set the country for the whole report. ``title`` (main events only) adds the
    headline's places as candidates.
    """
    gaz = Gazetteer.default()
    text = ctx.text
    candidates = _candidates(ctx, gaz)
    hints: dict[str, tuple[str | None, str | None]] = {}
    for start, end in candidates:
        admin1, cc = _hint_after(text, end, gaz)
        if admin1 or cc:
            hints.setdefault(text[start:end].lower(), (admin1, cc))
    hinted = Counter(cc for _, cc in hints.values() if cc)
    country = hinted.most_common(1)[0][0] if hinted else _country_hint(ctx, gaz)
    mentions: list[PlaceMention] = []
    dl = _dateline(ctx, gaz, country) if use_dateline else None
    dl_span = dateline_span(text)
    for rank, (start, end) in enumerate(candidates):
        before = text[max(0, start - 60) : start]
        if _REFERENCE.search(before):
            continue
        if dl_span and dl_span[0] <= start < dl_span[1]:
            continue  # the dateline says where the report was filed; it only counts as a fallback
        admin1, cc = hints.get(text[start:end].lower(), (None, None))
        place = gaz.resolve(text[start:end], country_code=cc or country, admin1=admin1)
        if place is None:
            continue
        score = _SPECIFICITY.get(place.kind, 1.0)
        if _LOCATIVE.search(before[-20:]):
            score += 1.5
        if anchors and min(abs(start - a) for a in anchors) < 200:
            score += 1.0
        score -= 0.1 * rank
        mentions.append(PlaceMention(start, end, place, score))
    if title:
        for start, end, _ in gaz.scan(title):
            admin1, cc = _hint_after(title, end, gaz)
            if not (admin1 or cc):
                admin1, cc = hints.get(title[start:end].lower(), (None, None))
            place = gaz.resolve(title[start:end], country_code=cc or country, admin1=admin1)
            if place is not None:
                mentions.append(PlaceMention(start, end, place, _SPECIFICITY.get(place.kind, 1.0) + 2.0, "title"))
    if dl is not None:
        mentions.append(dl)
    if not mentions:
        return Location()
    best = max(mentions, key=lambda m: m.score)
    source = (title or "") if best.field == "title" else text
    return to_location(best.place, Evidence(best.start, best.end, source[best.start : best.end], best.field))


def _dateline_match(text: str) -> re.Match[str] | None:
    return _DATELINE.match(text[:200]) or _CAPS_DATELINE.search(text[:600])


def dateline_span(text: str) -> tuple[int, int] | None:
    """Where the wire dateline ("KABUL, Afghanistan (Jan. 25, 2013) –") stands, if there is one."""
    m = _dateline_match(text)
    return (m.start("place"), m.end()) if m else None


def _dateline(ctx: EventContext, gaz: Gazetteer, country: str | None) -> PlaceMention | None:
    m = _dateline_match(ctx.text)
    if not m:
        return None
    region = m.group("region")
    admin1, cc = (None, None)
    if region:
        for cand in gaz.lookup(region):
            if cand.kind == "admin1":
                admin1, cc = cand.name, cand.country_code
                break
            if cand.kind == "country":
                cc = cand.country_code
                break
    place = gaz.resolve(m.group("place").strip(), country_code=cc or country, admin1=admin1)
    if place is None:
        return None
    return PlaceMention(m.start("place"), m.start("place") + len(m.group("place").strip()), place, _DATELINE_SCORE)
