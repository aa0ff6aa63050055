"""What incident resolution looks at: one :class:`Mention` per stored event.

A mention is the event's date interval (in days since 1970-01-01), place, type, tolls and what
identifies it in text (``store/names.py``): victims' names, the proper-noun phrases of the report's
title and lead, its street names and the content words of its lead (for the report's main event),
or the same from the event's own evidence (for background and related events, so that a recalled
attack never borrows today's names). Mentions are plain data, stored as JSON next to the
event, so resolving a new batch never re-reads report texts.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Any

from eventdesk.records import Event, Location, Report, iter_evidence
from eventdesk.store.names import (
    content_words,
    name_of,
    normalise,
    proper_phrases,
    street_names,
    strip_site,
    title_words,
)

NARROW_DAYS = 7  # a date interval at most this wide is blocked by day, wider ones by place and year
PUBLISHED_LAG_DAYS = 3  # an undated main event is assumed to lie in [published - 3, published]
LEAD_CHARS = 1500  # how much of a report's text feeds a main event's names


@dataclass(frozen=True, slots=True)
class Mention:
    """The resolution view of one stored event (see the module docstring)."""

    key: str  # the stored event key
    report: str  # the report's content hash: two mentions of one report never share an incident
    role: str
    published: str  # ISO date or "" (orders mentions and incident ids)
    lo: int | None  # first plausible day of the event
    hi: int | None  # last plausible day of the event
    dated: str  # "event": from the event's own date; "published": guessed from publication; "none"
    country: str | None
    admin1: str | None
    place: str | None
    lat: float | None
    lon: float | None
    loc_precision: str
    type_code: str | None
    violent: bool | None
    killed: tuple[int | None, int | None, int | None] | None
    injured: tuple[int | None, int | None, int | None] | None
    names: frozenset[str]  # strong identifiers: victims' and individual perpetrators' names
    phrases: frozenset[str]  # proper-noun phrases of the title/lead or of the event's evidence
    words: frozenset[str]  # content words of the title (main events only)
    streets: frozenset[str] = frozenset()  # street names of the report (main) or the event's evidence
    terms: frozenset[str] = frozenset()  # content words of the lead (main) or of the evidence
    district: str | None = None  # the part of the town (location.district), normalised

    @property
    def narrow(self) -> bool:
        return self.lo is not None and self.hi is not None and self.hi - self.lo <= NARROW_DAYS

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "report": self.report,
            "role": self.role,
            "published": self.published,
            "lo": self.lo,
            "hi": self.hi,
            "dated": self.dated,
            "country": self.country,
            "admin1": self.admin1,
            "place": self.place,
            "lat": self.lat,
            "lon": self.lon,
            "loc_precision": self.loc_precision,
            "type_code": self.type_code,
            "violent": self.violent,
            "killed": list(self.killed) if self.killed else None,
            "injured": list(self.injured) if self.injured else None,
            "names": sorted(self.names),
            "phrases": sorted(self.phrases),
            "words": sorted(self.words),
            "streets": sorted(self.streets),
            "terms": sorted(self.terms),
            "district": self.district,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Mention:
        return cls(
            key=d["key"],
            report=d["report"],
            role=d["role"],
            published=d.get("published") or "",
            lo=d.get("lo"),
            hi=d.get("hi"),
            dated=d.get("dated", "none"),
            country=d.get("country"),
            admin1=d.get("admin1"),
            place=d.get("place"),
            lat=d.get("lat"),
            lon=d.get("lon"),
            loc_precision=d.get("loc_precision", "unknown"),
            type_code=d.get("type_code"),
            violent=d.get("violent"),
            killed=tuple(d["killed"]) if d.get("killed") else None,
            injured=tuple(d["injured"]) if d.get("injured") else None,
            names=frozenset(d.get("names", ())),
            phrases=frozenset(d.get("phrases", ())),
            words=frozenset(d.get("words", ())),
            streets=frozenset(d.get("streets", ())),
            terms=frozenset(d.get("terms", ())),
            district=d.get("district"),
        )


def day_number(iso: str | None) -> int | None:
    """Days since 1970-01-01 of an ISO date or datetime; ``None`` when it does not parse."""
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10]).toordinal() - _EPOCH
    except ValueError:
        return None


def day_iso(day: int) -> str:
    return date.fromordinal(day + _EPOCH).isoformat()


_EPOCH = date(1970, 1, 1).toordinal()


def date_interval(event: Event) -> tuple[int | None, int | None]:
    """The event's plausible days ``[lo, hi]`` from its date and precision."""
    d = event.date
    lo = day_number(d.start)
    if lo is None:
        return None, None
    hi = day_number(d.end) if d.end else None
    start = date.fromisoformat(d.start[:10])  # type: ignore[index]
    if d.precision == "month":
        last = calendar.monthrange(start.year, start.month)[1]
        hi = max(hi or lo, day_number(start.replace(day=last).isoformat()) or lo)
    elif d.precision == "year":
        hi = max(hi or lo, day_number(f"{start.year}-12-31") or lo)
    if hi is None or hi < lo:
        hi = lo
    return lo, hi


def _count(c: Any) -> tuple[int | None, int | None, int | None] | None:
    if c is None or (c.low is None and c.best is None and c.high is None):
        return None
    return (c.low, c.best, c.high)


def build_mention(event: Event | None, report: Report | None, *, key: str, report_key: str) -> Mention:
    """The mention of ``event`` as reported in ``report``. ``event=None`` gives a stand-in main
    mention for a report whose extraction found no event (title, lead and publication date only)."""
    role = event.role if event else "main"
    lo, hi = date_interval(event) if event else (None, None)
    dated = "event" if lo is not None else "none"
    published = (report.published or "")[:10] if report else ""
    if lo is None and role == "main":
        pub = day_number(published)
        if pub is not None:
            lo, hi, dated = pub - PUBLISHED_LAG_DAYS, pub, "published"
    names: set[str] = set()
    phrases: set[str] = set()
    words: frozenset[str] = frozenset()
    streets: set[str] = set()
    terms: set[str] = set()
    if event is not None:
        names = {n for v in event.victims if (n := name_of(v.text))}
        names |= {n for p in event.perpetrators if p.kind == "individual" and (n := name_of(p.name))}
    if role == "main" and report is not None:
        phrases = proper_phrases(strip_site(report.title)) | proper_phrases(report.text[:LEAD_CHARS])
        words = title_words(report.title)
        streets = street_names(report.text) | street_names(report.title or "")
        terms = set(content_words(report.text[:LEAD_CHARS]))
    elif event is not None:
        for ev in iter_evidence(event):
            phrases |= proper_phrases(ev.text)
            streets |= street_names(ev.text)
            terms |= content_words(ev.text)
    loc = event.location if event else Location()
    return Mention(
        key=key,
        report=report_key,
        role=role,
        published=published,
        lo=lo,
        hi=hi,
        dated=dated,
        country=loc.country_code or None,
        admin1=normalise(loc.admin1) or None if loc.admin1 else None,
        place=normalise(loc.name) or None if loc.name else None,
        lat=loc.lat,
        lon=loc.lon,
        loc_precision=loc.precision,
        type_code=(event.type.code or None) if event else None,
        violent=event.type.violent_attack if event else None,
        killed=_count(event.killed) if event else None,
        injured=_count(event.injured) if event else None,
        names=frozenset(names),
        phrases=frozenset(phrases),
        words=words,
        streets=frozenset(streets),
        terms=frozenset(terms),
        district=normalise(loc.district) or None if loc.district else None,
    )


def blocking_keys(m: Mention) -> list[str]:
    """The keys under which ``m`` is filed (see :func:`query_keys` for the keys it looks up)."""
    keys: list[str] = []
    cc = m.country or "-"
    if m.narrow:
        keys += [f"t:{cc}:{d}" for d in range(m.lo, m.hi + 1)]  # type: ignore[arg-type, operator]
    if m.lo is not None and m.hi is not None and (m.place or m.admin1):
        y0, y1 = date.fromordinal(m.lo + _EPOCH).year, date.fromordinal(m.hi + _EPOCH).year
        if y1 - y0 <= 1:
            keys += [f"p:{m.place or m.admin1}:{y}" for y in range(y0, y1 + 1)]
    keys += [f"n:{n}" for n in sorted(m.names | (m.phrases if m.role == "main" else frozenset()))]
    keys += [f"s:{s}" for s in sorted(m.streets)]
    return keys


def query_keys(m: Mention, window: int) -> list[str]:
    """The keys whose mentions are candidates for ``m``: nearby days in the same (or an unknown)
    country for a narrow date; the same place and year for a coarse one; any shared name."""
    keys: list[str] = []
    if m.narrow:
        for d in range(m.lo - window, m.hi + window + 1):  # type: ignore[operator]
            keys.append(f"t:-:{d}")
            if m.country:
                keys.append(f"t:{m.country}:{d}")
    elif m.lo is not None:
        keys += [k for k in blocking_keys(m) if k.startswith("p:")]
    keys += [f"n:{n}" for n in sorted(m.names | m.phrases)]
    keys += [f"s:{s}" for s in sorted(m.streets)]
    return keys
