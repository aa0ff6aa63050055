"""What incident resolution looks at: one :class:`Mention` per stored event.

A mention is the event's date interval (in days since 1970-01-01), place, type, tolls and the names
that identify it: victims' names and the proper-noun phrases of the report's title and lead (for the
report's main event) or of the event's own evidence (for background and related events, so that a
recalled attack never borrows today's names). Mentions are plain data, stored as JSON next to the
event, so resolving a new batch never re-reads report texts.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from eventdesk.records import Event, Location, Report, iter_evidence

NARROW_DAYS = 7  # a date interval at most this wide is blocked by day, wider ones by place and year
PUBLISHED_LAG_DAYS = 3  # an undated main event is assumed to lie in [published - 3, published]
LEAD_CHARS = 1500  # how much of a report's text feeds a main event's names

_CAP = r"(?:[A-Z][\w'’.-]*[a-z][\w'’.-]*|[A-Z]\.)"
_PHRASE = re.compile(rf"\b{_CAP}(?:[ \t]+{_CAP})+")
_WORD = re.compile(r"[a-z0-9][a-z0-9'-]+")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Word lists written for eventdesk (no outside source).
# Capitalised words that name roles, calendars, outlets or boiler-plate rather than an incident.
_GENERIC = _words(
    """
    a an the and of in on at for to by from with mr mrs ms dr jr sr st
    police department dept sheriff sheriff's office county city state township twp police's news
    officer officers sgt lt det detective chief capt captain deputy deputies trooper mayor governor
    president minister spokesman spokeswoman spokesperson gov sen rep attorney district judge court
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    street avenue road boulevard drive lane highway interstate block north south east west
    updated posted copyright associated press reuters breaking local video photo photos read more
    share tweet email facebook twitter click here related stories story comments watch live
    hospital medical center university school high middle elementary
    """
)
# A phrase holding one of these is page furniture or an institution that many reports mention.
_BOILER = _words(
    """
    rights reserved inc llc corp corporation broadcasting radio television tv internet explorer browser
    emergency messages newsletter subscribe subscription advertisement privacy policy terms cookies
    copyright media group publishing network channel station hospital medical examiner coroner
    sinai memorial jail prison correctional detention courthouse
    """
)
_STOP = _words(
    """
    a an the and or of in on at for to by from with after before over into as is was were are be been
    has have had his her their its he she they it this that who whom which what when where why how not
    no said says say police man woman men women say one two three four five six seven eight nine ten
    year old years day days night morning afternoon evening new news update updated
    killed kill kills killing dead dies died death deaths toll injured injures wounded wounds hurt
    shot shoots shooting shootings fatal fatally attack attacks attacked bomb bombing blast explosion
    gunman gunmen victim victims among after near leaves give gives reaches officials people
    """
)


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


def normalise(text: str) -> str:
    return " ".join(_WORD.findall(text.lower().replace("’", "'")))


def proper_phrases(text: str) -> set[str]:
    """Multi-word proper-noun phrases ("Kevin Barbee", "Burning Tree Apartments"), lower-cased,
    with leading titles and generic words stripped; phrases made only of generic words are dropped."""
    out: set[str] = set()
    for match in _PHRASE.finditer(text):
        before = text[max(0, match.start() - 3) : match.start()].lower()
        if before == "by " or match.group(0).startswith("By "):
            continue  # a by-line names the reporter, not the incident
        words = [w.strip(".'’-").lower() for w in match.group(0).split()]
        while words and words[0] in _GENERIC:
            words.pop(0)
        while words and words[-1] in _GENERIC:
            words.pop()
        words = [w.removesuffix("'s") for w in words]
        if any(w in _BOILER for w in words):
            continue
        if len(words) >= 2 and not all(w in _GENERIC for w in words) and any(len(w) > 2 for w in words):
            out.add(" ".join(words))
    return out


def name_of(text: str) -> str | None:
    """A person-like name inside a victim or perpetrator mention, or ``None``."""
    phrases = sorted(proper_phrases(text), key=len, reverse=True)
    return phrases[0] if phrases else None


def strip_site(title: str | None) -> str:
    """The headline without a trailing site name ("Man shot in Tyler - KLTV" -> "Man shot in Tyler")."""
    if not title:
        return ""
    for sep in (" | ", " - ", " — ", " – "):
        head, found, _ = title.rpartition(sep)
        if found and len(head) >= 20:
            title = head
    return title


def title_words(title: str | None) -> frozenset[str]:
    title = strip_site(title)
    if not title:
        return frozenset()
    words = _WORD.findall(title.lower())
    return frozenset(w for w in words if w not in _STOP and len(w) > 2 and not w[0].isdigit())


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
    if event is not None:
        names = {n for v in event.victims if (n := name_of(v.text))}
        names |= {n for p in event.perpetrators if p.kind == "individual" and (n := name_of(p.name))}
    if role == "main" and report is not None:
        phrases = proper_phrases(strip_site(report.title)) | proper_phrases(report.text[:LEAD_CHARS])
        words = title_words(report.title)
    elif event is not None:
        for ev in iter_evidence(event):
            phrases |= proper_phrases(ev.text)
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
    return keys
