"""The incident record: one real-world incident fused from every report that mentions it.

Frozen dataclasses holding plain data, like :mod:`eventdesk.records`; ``incident_to_dict`` gives the
JSON contract of ``docs/incidents.md`` and ``incident_from_dict`` reads it back.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from eventdesk.records import Event

INCIDENT_SCHEMA_VERSION = "1.0"


@dataclass(frozen=True, slots=True)
class Sighting:
    """One event as one report told it, with the report facts fusion needs."""

    event: Event
    event_key: str
    report_id: str
    published: str | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    text: str | None = None  # the report's text, for an event it only recalls (titles its incident)


@dataclass(frozen=True, slots=True)
class Claim:
    """One report's figure for a toll."""

    value: int | None  # the report's best figure (its low when it gives no best)
    low: int | None
    best: int | None
    high: int | None
    qualifier: str
    text: str
    published: str | None
    report_id: str
    source: str | None
    event_id: str
    role: str


@dataclass(frozen=True, slots=True)
class FusedCount:
    low: int | None = None
    best: int | None = None
    high: int | None = None
    history: tuple[Claim, ...] = ()


@dataclass(frozen=True, slots=True)
class PerpetratorStatement:
    status: str  # claimed | confirmed | accused | suspected | denied
    published: str | None
    report_id: str
    source: str | None
    attributed_by: str | None


@dataclass(frozen=True, slots=True)
class PerpetratorClaims:
    name: str
    kind: str
    status: str  # the latest statement's status
    history: tuple[PerpetratorStatement, ...] = ()


@dataclass(frozen=True, slots=True)
class Side:
    value: Any
    reports: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Contradiction:
    field: str  # killed | injured | date | location | perpetrator
    kind: str  # toll | downward_revision | date | place | claim_and_denial | competing_claims
    detail: str
    sides: tuple[Side, ...]


@dataclass(frozen=True, slots=True)
class Incident:
    incident_id: str
    reports: tuple[str, ...]  # input report ids, by publication time
    events: tuple[str, ...]  # the linked event ids
    title: str | None = None
    type: dict[str, Any] = field(default_factory=dict)
    date: dict[str, Any] = field(default_factory=dict)
    location: dict[str, Any] = field(default_factory=dict)
    killed: FusedCount = field(default_factory=FusedCount)
    injured: FusedCount = field(default_factory=FusedCount)
    perpetrators: tuple[PerpetratorClaims, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    first_published: str | None = None
    last_published: str | None = None
    roles: dict[str, int] = field(default_factory=dict)  # how many linked events per role
    schema_version: str = INCIDENT_SCHEMA_VERSION


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def incident_to_dict(incident: Incident) -> dict[str, Any]:
    out: dict[str, Any] = _plain(incident)
    return out


def _count_from(d: dict[str, Any] | None) -> FusedCount:
    d = d or {}
    history = tuple(Claim(**c) for c in d.get("history", ()))
    return FusedCount(low=d.get("low"), best=d.get("best"), high=d.get("high"), history=history)


def incident_from_dict(d: dict[str, Any]) -> Incident:
    perps = tuple(
        PerpetratorClaims(
            name=p["name"],
            kind=p.get("kind", "unknown"),
            status=p["status"],
            history=tuple(PerpetratorStatement(**s) for s in p.get("history", ())),
        )
        for p in d.get("perpetrators", ())
    )
    contradictions = tuple(
        Contradiction(
            field=c["field"],
            kind=c["kind"],
            detail=c.get("detail", ""),
            sides=tuple(Side(value=s["value"], reports=tuple(s["reports"])) for s in c["sides"]),
        )
        for c in d.get("contradictions", ())
    )
    return Incident(
        incident_id=d["incident_id"],
        reports=tuple(d.get("reports", ())),
        events=tuple(d.get("events", ())),
        title=d.get("title"),
        type=d.get("type") or {},
        date=d.get("date") or {},
        location=d.get("location") or {},
        killed=_count_from(d.get("killed")),
        injured=_count_from(d.get("injured")),
        perpetrators=perps,
        contradictions=contradictions,
        first_published=d.get("first_published"),
        last_published=d.get("last_published"),
        roles=d.get("roles") or {},
        schema_version=d.get("schema_version", INCIDENT_SCHEMA_VERSION),
    )
