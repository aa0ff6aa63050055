"""Records for the export tests: hand-built events and Hypothesis strategies for reports, events and
fused incidents (texts written for these tests; places from ``eventdesk.store.synthetic``)."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from eventdesk.records import (
    Count,
    DateValue,
    Event,
    EventType,
    Location,
    Perpetrator,
    Report,
    ReportResult,
    Target,
    Weapon,
)
from eventdesk.resources import read_tsv
from eventdesk.store.fuse import fuse
from eventdesk.store.incident import Incident, Sighting
from eventdesk.store.synthetic import PLACES

TYPE_ROWS = {row["code"]: row for row in read_tsv("event_types.tsv")}
WEAPON_TYPES = sorted({row["type"] for row in read_tsv("weapons.tsv")})
TARGET_KINDS = sorted({row["kind"] for row in read_tsv("targets_lexicon.tsv")})


def event_type(code: str) -> EventType:
    row = TYPE_ROWS[code]
    return EventType(
        code=code,
        label=row["label"],
        gtd_attack_type=row["gtd_attack_type"] or None,
        acled_sub_event_type=row["acled_sub_event_type"] or None,
        muc4_incident_type=row["muc4_incident_type"] or None,
        plover=row["plover"] or None,
        violent_attack=row["violent_attack"] == "true",
    )


def place(name: str, precision: str = "city") -> Location:
    row = next(p for p in PLACES if p[0] == name)
    return Location(name=row[0], admin1=row[1], country=row[2], country_code=row[3], lat=row[4], lon=row[5],
                    precision=precision)


def day(iso: str) -> DateValue:
    return DateValue(start=iso, end=iso, precision="day")


def exact(n: int, *, perpetrators: int | None = None) -> Count:
    return Count(low=n, best=n, high=n, text=str(n), includes_perpetrators=perpetrators)


def make_event(event_id: str = "r1-e0", *, code: str = "bombing", **changes: Any) -> Event:
    base: dict[str, Any] = {
        "event_id": event_id,
        "role": "main",
        "type": event_type(code),
        "date": day("2024-01-03"),
        "location": place("Kerman"),
    }
    return Event(**{**base, **changes})


def make_result(rid: str, *events: Event, published: str = "2024-01-04", source: str = "Test Wire",
                title: str = "A made-up headline") -> ReportResult:
    report = Report(text="Made-up text for an export test.", id=rid, title=title, published=published,
                    url=f"https://news.example/{rid}", source=source)
    return ReportResult(id=rid, events=events, report=report)


# ---- Hypothesis strategies -------------------------------------------------------------------

_days = st.dates(min_value=__import__("datetime").date(2001, 1, 1), max_value=__import__("datetime").date(2030, 12, 31))
_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)


@st.composite
def dates(draw: st.DrawFn) -> DateValue:
    d = draw(_days)
    kind = draw(st.sampled_from(("day", "month", "year", "range", "unknown")))
    if kind == "day":
        return DateValue(d.isoformat(), d.isoformat(), "day", draw(st.none() | _text))
    if kind == "month":
        return DateValue(d.replace(day=1).isoformat(), d.replace(day=28).isoformat(), "month")
    if kind == "year":
        return DateValue(f"{d.year}-01-01", f"{d.year}-12-31", "year")
    if kind == "range":
        end = d + __import__("datetime").timedelta(days=draw(st.integers(1, 40)))
        return DateValue(d.isoformat(), end.isoformat(), "range", "last week")
    return DateValue()


@st.composite
def locations(draw: st.DrawFn) -> Location:
    if draw(st.booleans()) and draw(st.booleans()):
        return Location()
    name, admin1, country, code, lat, lon = draw(st.sampled_from(PLACES))
    precision = draw(st.sampled_from(("city", "admin2", "admin1", "country")))
    district = draw(st.none() | st.sampled_from(("Old Town", "Brighton Park", "Zone 4")))
    return Location(name, admin1, country, code, lat, lon, draw(st.none() | st.integers(1, 10**7)), precision,
                    district)


@st.composite
def counts(draw: st.DrawFn) -> Count | None:
    if draw(st.booleans()):
        return None
    n = draw(st.integers(0, 500))
    qualifier = draw(st.sampled_from(("exact", "at_least", "about", "up_to", "vague")))
    low, best, high = {
        "exact": (n, n, n),
        "at_least": (n, n, None),
        "about": (None, n, None),
        "up_to": (None, n, n),
        "vague": (n, None, None),
    }[qualifier]
    return Count(low, best, high, draw(_text), qualifier, draw(st.none() | st.integers(0, 3)))


perpetrators = st.builds(
    Perpetrator,
    name=st.sampled_from(("the River Brigade", "Eastern Front", "a lone gunman", "Ünïcode Group")),
    kind=st.sampled_from(("organization", "individual", "state", "unknown")),
    status=st.sampled_from(("claimed", "confirmed", "accused", "suspected", "denied")),
    attributed_by=st.none() | st.sampled_from(("police", "Amaq")),
)


@st.composite
def events(draw: st.DrawFn, event_id: str) -> Event:
    return Event(
        event_id=event_id,
        role=draw(st.sampled_from(("main", "main", "related", "background"))),
        # an event with no type code now and then: its incident's type is {} (docs/schema.md)
        type=draw(st.sampled_from(sorted(TYPE_ROWS)).map(event_type) | st.just(EventType(code="", label=""))),
        date=draw(dates()),
        location=draw(locations()),
        killed=draw(counts()),
        injured=draw(counts()),
        perpetrators=tuple(draw(st.lists(perpetrators, max_size=2))),
        targets=tuple(Target(k, k) for k in draw(st.lists(st.sampled_from(TARGET_KINDS), max_size=2))),
        weapons=tuple(Weapon(w, w) for w in draw(st.lists(st.sampled_from(WEAPON_TYPES), max_size=2))),
        attacks=draw(st.integers(1, 3)),
        confidence=draw(st.floats(0, 1)),
    )


@st.composite
def results(draw: st.DrawFn, rid: str) -> ReportResult:
    n = draw(st.integers(0, 2))
    evs = tuple(draw(events(f"{rid}-e{i}")) for i in range(n))
    published = draw(st.none() | _days.map(lambda d: d.isoformat()))
    report = Report(text="Made-up text.", id=rid, title=draw(st.none() | _text), published=published,
                    url=draw(st.none() | st.just(f"https://news.example/{rid}")),
                    source=draw(st.none() | st.sampled_from(("Wire A", "Wire B", "Radio D"))))
    return ReportResult(id=rid, events=evs, report=report)


@st.composite
def incidents(draw: st.DrawFn, index: int = 0) -> Incident:
    """An incident fused, as the store fuses it, from 1-4 reports of 1-2 events each."""
    reports = [draw(results(f"i{index}r{j}")) for j in range(draw(st.integers(1, 4)))]
    sightings = [
        Sighting(e, f"{r.id}/{e.event_id}", r.id, r.report.published, r.report.source, r.report.title, r.report.url)
        for r in reports
        if r.report is not None
        for e in r.events
    ]
    if not sightings:
        r = reports[0]
        sightings = [Sighting(make_event(f"{r.id}-e0"), f"{r.id}/e0", r.id, "2024-01-04")]
    return fuse(f"inc-{index:012x}", sightings)


incident_lists = st.integers(0, 4).flatmap(lambda n: st.tuples(*(incidents(i) for i in range(n))))


# ---- reading a CSV export as a dataframe library would -----------------------------------------


def read_csv(text: str) -> tuple[list[str], list[dict[str, str]]]:
    import csv
    import io

    reader = csv.DictReader(io.StringIO(text))
    rows = list(reader)
    return list(reader.fieldnames or ()), rows


def _is_int(v: str) -> bool:
    try:
        int(v)
    except ValueError:
        return False
    return True


def _is_float(v: str) -> bool:
    try:
        float(v)
    except ValueError:
        return False
    return True


def dtype(values: list[str]) -> str:
    """The dtype pandas' ``read_csv`` infers for a column: int64 when every cell is an integer,
    float64 when every cell is a number or empty (NaN; an all-empty column too), else object."""
    filled = [v for v in values if v != ""]
    if filled and len(filled) == len(values) and all(_is_int(v) for v in filled):
        return "int64"
    if all(_is_float(v) for v in filled):
        return "float64"
    return "object"


def dtypes(rows: list[dict[str, str]], columns: list[str]) -> dict[str, str]:
    return {c: dtype([r[c] for r in rows]) for c in columns}
