"""Synthetic pre-extracted reports for tests and the scaling benchmark.

``synthetic_results(n)`` yields ``n`` :class:`ReportResult` records (with their :class:`Report`)
about made-up incidents: 1 to 6 reports each, published over a few days after the incident, with
tolls that rise, a made-up victim name and a place drawn from a table of 30 real cities. Like a
news stream, incidents come in date order, ``per_day`` a day (so the density of incidents per
city and day, which sets the cost of resolution, stays the same however many reports are asked
for). Everything derives from ``seed``, so two runs give the same records;
``incident_of(report_id)`` tells which synthetic incident a report belongs to (the gold).
No real report text is used.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from eventdesk.records import (
    Count,
    DateValue,
    Event,
    EventType,
    Location,
    Perpetrator,
    Report,
    ReportResult,
    Victim,
)

# (name, admin1, country, code, lat, lon): a handful of real places, enough to exercise blocking
PLACES = (
    ("Kerman", "Kerman", "Iran", "IR", 30.2832, 57.0788),
    ("Kabul", "Kabul", "Afghanistan", "AF", 34.5281, 69.1723),
    ("Mogadishu", "Banaadir", "Somalia", "SO", 2.0371, 45.3438),
    ("Maiduguri", "Borno", "Nigeria", "NG", 11.8464, 13.1603),
    ("Baghdad", "Baghdad", "Iraq", "IQ", 33.3406, 44.4009),
    ("Peshawar", "Khyber Pakhtunkhwa", "Pakistan", "PK", 34.008, 71.5785),
    ("Chicago", "Illinois", "United States", "US", 41.85, -87.65),
    ("Houston", "Texas", "United States", "US", 29.7633, -95.3633),
    ("Goma", "North Kivu", "Democratic Republic of the Congo", "CD", -1.6792, 29.2228),
    ("Bamako", "Bamako", "Mali", "ML", 12.65, -8.0),
    ("Aleppo", "Aleppo", "Syria", "SY", 36.2021, 37.1343),
    ("Sanaa", "Amanat al Asimah", "Yemen", "YE", 15.3547, 44.2067),
    ("Tripoli", "Tripoli", "Libya", "LY", 32.8925, 13.18),
    ("Juba", "Central Equatoria", "South Sudan", "SS", 4.8594, 31.5713),
    ("Kandahar", "Kandahar", "Afghanistan", "AF", 31.6133, 65.7101),
    ("Mosul", "Nineveh", "Iraq", "IQ", 36.335, 43.1189),
    ("Quetta", "Balochistan", "Pakistan", "PK", 30.1841, 67.0014),
    ("Kano", "Kano", "Nigeria", "NG", 12.0001, 8.5167),
    ("Mumbai", "Maharashtra", "India", "IN", 19.0728, 72.8826),
    ("Manila", "Metro Manila", "Philippines", "PH", 14.6042, 120.9822),
    ("Bogota", "Bogota D.C.", "Colombia", "CO", 4.6097, -74.0817),
    ("Mexico City", "Mexico City", "Mexico", "MX", 19.4285, -99.1277),
    ("Lagos", "Lagos", "Nigeria", "NG", 6.4541, 3.3947),
    ("Nairobi", "Nairobi", "Kenya", "KE", -1.2833, 36.8167),
    ("Kiev", "Kyiv City", "Ukraine", "UA", 50.4547, 30.5238),
    ("Khartoum", "Khartoum", "Sudan", "SD", 15.5518, 32.5324),
    ("Ouagadougou", "Centre", "Burkina Faso", "BF", 12.3657, -1.5339),
    ("Niamey", "Niamey", "Niger", "NE", 13.5137, 2.1098),
    ("Damascus", "Damascus", "Syria", "SY", 33.5102, 36.2913),
    ("Beirut", "Beirut", "Lebanon", "LB", 33.8933, 35.5016),
)
HEADLINES = (
    "{killed} killed in {place} {kind}",
    "{kind} in {place} leaves {killed} dead",
    "{victim} among victims of {place} attack",
    "{place}: death toll reaches {killed}",
    "Mourners remember {victim} after {place} {kind}",
    "Officials give toll of {killed} after {kind} near {place}",
)
TYPES = (
    ("bombing", "Bombing/explosion", True),
    ("shooting", "Shooting", True),
    ("stampede", "Stampede", False),
)
FIRST = (
    "Amir",
    "Sara",
    "Kevin",
    "Leila",
    "Omar",
    "Grace",
    "Yusuf",
    "Maria",
    "Ali",
    "Fatima",
    "John",
    "Nadia",
)
LAST = ("Rahimi", "Okafor", "Barbee", "Haddad", "Mensah", "Novak", "Karimi", "Diallo", "Santos", "Petrov")
OUTLETS = ("Wire A", "Wire B", "Daily C", "Radio D", "TV E")


def _letters(i: int) -> str:
    out = ""
    while True:
        i, r = divmod(i, 26)
        out += "abcdefghijklmnopqrstuvwxyz"[r]
        if not i:
            return out


@dataclass(frozen=True, slots=True)
class _Incident:
    index: int
    day: date
    place: tuple[str, str, str, str, float, float]
    type: tuple[str, str, bool]
    killed: int
    victim: str
    reports: int
    group: str | None


def _incident(i: int, seed: int, per_day: int, start: date) -> _Incident:
    rnd = random.Random(f"{seed}:{i}")
    return _Incident(
        index=i,
        day=start + timedelta(days=i // per_day + rnd.randrange(2)),
        place=PLACES[rnd.randrange(len(PLACES))],
        type=TYPES[rnd.randrange(len(TYPES))],
        killed=rnd.choice((0, 1, 1, 2, 3, 5, 8, 12, 20, 40, 73)),
        victim=f"{rnd.choice(FIRST)} {rnd.choice(LAST)}{_letters(i)}",  # unique per incident
        reports=1 + min(5, int(rnd.expovariate(0.7))),
        group=rnd.choice(("the Eastern Front", "the River Brigade", None)),
    )


def incident_of(report_id: str) -> str:
    return report_id.split("-r")[0]


def synthetic_results(
    n: int, *, seed: int = 7, per_day: int = 12, start: date = date(2015, 1, 1)
) -> Iterator[ReportResult]:
    """``n`` synthetic pre-extracted reports, roughly in publication order."""
    made = i = 0
    while made < n:
        inc = _incident(i, seed, per_day, start)
        for j in range(inc.reports):
            if made >= n:
                break
            yield _report(inc, j)
            made += 1
        i += 1


def _report(inc: _Incident, j: int) -> ReportResult:
    i, day, victim = inc.index, inc.day, inc.victim
    name, admin1, country, code, lat, lon = inc.place
    tcode, tlabel, violent = inc.type
    published = day + timedelta(days=min(j, 3))
    killed = max(0, inc.killed - (2 - min(j, 2)) * inc.killed // 5)  # early reports count fewer
    text = (
        f"A {tlabel.lower()} in {name} killed {killed} people on {day.isoformat()}, officials said. "
        f"Among the dead was {victim}."
    )
    headline = HEADLINES[(i + j * 7) % len(HEADLINES)]
    title = headline.format(killed=killed, place=name, kind=tlabel.lower(), victim=victim)
    rid = f"s{i}-r{j}"
    report = Report(
        text=text + f" Report {j} by {OUTLETS[j % len(OUTLETS)]}.",
        id=rid,
        title=title,
        published=published.isoformat(),
        url=f"https://example.org/{rid}",
        source=OUTLETS[j % len(OUTLETS)],
    )
    perps: tuple[Perpetrator, ...] = ()
    if inc.group and j > 0:
        perps = (Perpetrator(name=inc.group, kind="organization", status="claimed"),)
    event = Event(
        event_id=f"{rid}-e0",
        role="main",
        type=EventType(code=tcode, label=tlabel, violent_attack=violent),
        date=DateValue(start=day.isoformat(), end=day.isoformat(), precision="day"),
        location=Location(
            name=name, admin1=admin1, country=country, country_code=code, lat=lat, lon=lon, precision="city"
        ),
        killed=Count(low=killed, best=killed, text=str(killed)),
        victims=(Victim(text=victim, effect="killed"),),
        perpetrators=perps,
        confidence=0.9,
    )
    return ReportResult(id=rid, events=(event,), report=report)
