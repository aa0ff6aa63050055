"""Hand-built records for the store tests (texts written for these tests)."""

from __future__ import annotations

import io
import json
import uuid
from pathlib import Path

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

KERMAN = Location(
    name="Kerman",
    admin1="Kerman",
    country="Iran",
    country_code="IR",
    lat=30.2832,
    lon=57.0788,
    precision="city",
)
TEHRAN = Location(
    name="Tehran",
    admin1="Tehran",
    country="Iran",
    country_code="IR",
    lat=35.6944,
    lon=51.4215,
    precision="city",
)
BOMBING = EventType(code="bombing", label="Bombing/explosion", violent_attack=True)
STAMPEDE = EventType(code="stampede", label="Stampede", violent_attack=False)
SHOOTING = EventType(code="shooting", label="Shooting", violent_attack=True)


def day(iso: str) -> DateValue:
    return DateValue(start=iso, end=iso, precision="day")


def event(
    event_id: str,
    *,
    role: str = "main",
    type: EventType = BOMBING,
    date: DateValue | None = None,
    location: Location = KERMAN,
    killed: int | None = None,
    qualifier: str = "exact",
    injured: int | None = None,
    perpetrators: tuple[Perpetrator, ...] = (),
    victims: tuple[str, ...] = (),
) -> Event:
    return Event(
        event_id=event_id,
        role=role,
        type=type,
        date=date or day("2024-01-03"),
        location=location,
        killed=None if killed is None else Count(low=killed, best=killed, text=str(killed), qualifier=qualifier),
        injured=None if injured is None else Count(low=injured, best=injured, text=str(injured)),
        perpetrators=perpetrators,
        victims=tuple(Victim(text=v, effect="killed") for v in victims),
    )


def result(
    rid: str,
    text: str,
    *events: Event,
    published: str,
    source: str = "Wire",
    title: str | None = None,
    url: str | None = None,
) -> ReportResult:
    report = Report(text=text, id=rid, title=title or text[:60], published=published, url=url, source=source)
    return ReportResult(id=rid, events=events, report=report)


def kerman_story() -> list[ReportResult]:
    """The unfolding Kerman bombing (73, then 103, then a revised 84; no claim, then a claim), and a
    report on the 2020 funeral stampede that the last report recalls."""
    claim = Perpetrator(name="Islamic State", kind="organization", status="claimed", attributed_by="Amaq")
    return [
        result(
            "s2020",
            "A stampede at the funeral of Qassem Soleimani in Kerman killed 56 people.",
            event("s2020-e0", type=STAMPEDE, date=day("2020-01-07"), killed=56),
            published="2020-01-07",
            source="Wire C",
        ),
        result(
            "k1",
            "Two explosions near the tomb of Qassem Soleimani in Kerman killed at least 73 people. "
            "No group claimed responsibility.",
            event("k1-e0", killed=73, qualifier="at_least"),
            published="2024-01-03",
            source="Wire A",
        ),
        result(
            "k2",
            "The toll from the twin blasts in Kerman rose to 103, officials said.",
            event("k2-e0", killed=103, injured=141),
            published="2024-01-04",
            source="Wire B",
        ),
        result(
            "k3",
            "Iran revised the toll from the Kerman bombings to 84. Islamic State claimed the attack. "
            "In 2020 a stampede at the funeral of Qassem Soleimani in Kerman killed 56 people.",
            event("k3-e0", killed=84, injured=284, perpetrators=(claim,)),
            event("k3-e1", role="background", type=STAMPEDE, date=day("2020-01-07"), killed=56),
            published="2024-01-05",
            source="Wire C",
        ),
    ]


def fresh_database(server_dsn: str) -> str:
    """A new, empty database on the test PostgreSQL server; its connection URL."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server_dsn, autocommit=True) as con:
        con.execute(f"CREATE DATABASE {name}")  # type: ignore[arg-type]
    base, _, _ = server_dsn.rpartition("/")
    return f"{base}/{name}"


def export_jsonl(url: str) -> str:
    """Every incident of the store at ``url`` as the contract's JSONL (to compare two stores)."""
    from eventdesk.store.base import IncidentQuery, open_store
    from eventdesk.store.export import write_jsonl

    store = open_store(url)
    try:
        out = io.StringIO()
        write_jsonl(store.iter_incidents(IncidentQuery()), out)
        return out.getvalue()
    finally:
        store.close()


def write_synthetic_results(path: Path, n: int, *, seed: int) -> None:
    """``n`` synthetic pre-extracted results, with their reports, as ``ingest --extracted`` input."""
    from eventdesk.records import result_to_dict
    from eventdesk.store.synthetic import synthetic_results

    with path.open("w", encoding="utf-8") as fh:
        for r in synthetic_results(n, seed=seed):
            fh.write(json.dumps(result_to_dict(r, include_report=True)) + "\n")
