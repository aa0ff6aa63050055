"""Plain records passed between stages.

Everything here is a frozen dataclass holding plain data and character offsets, so records pickle
across processes and serialise to the JSON contract in ``docs/schema.md`` without surprises.
spaCy objects never leave the NLP stages.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1.0"


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of the report that supports a value: ``text == report.text[start:end]``.

    ``field`` names the report field the offsets index: ``"text"`` (almost always) or ``"title"``
    for a value only the headline states (``text == report.title[start:end]``).
    """

    start: int
    end: int
    text: str
    field: str = "text"

    @classmethod
    def of(cls, report_text: str, start: int, end: int) -> Evidence:
        return cls(start, end, report_text[start:end])


@dataclass(frozen=True, slots=True)
class Report:
    """One input report. ``id`` defaults to a content hash of the text."""

    text: str
    id: str = ""
    title: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or datetime
    url: str | None = None
    source: str | None = None
    language: str | None = None
    # set by a reader when the bytes were not UTF-8 and this encoding was detected (prepare() warns)
    guessed_encoding: str | None = None

    @staticmethod
    def content_id(text: str) -> str:
        return "sha1:" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class EventType:
    code: str
    label: str
    gtd_attack_type: str | None = None
    acled_sub_event_type: str | None = None
    muc4_incident_type: str | None = None
    plover: str | None = None
    violent_attack: bool = True
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class DateValue:
    start: str | None = None
    end: str | None = None
    precision: str = "unknown"  # day | month | year | range | unknown
    text: str | None = None
    evidence: tuple[Evidence, ...] = ()
    basis: str = "text"  # text: stated in the report | published: not stated, the publication date used


@dataclass(frozen=True, slots=True)
class Location:
    name: str | None = None
    admin1: str | None = None
    country: str | None = None
    country_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    precision: str = "unknown"  # exact | city | admin2 | admin1 | country | unknown
    # the part of the town the report names ("the Brighton Park neighborhood" of a Chicago shooting):
    # the town stays the place, the district is kept beside it; its words are among ``evidence``
    district: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Count:
    """A casualty figure as a range: ``low`` is what a careful coder would defend."""

    low: int | None = None
    best: int | None = None
    high: int | None = None
    text: str = ""
    qualifier: str = "exact"  # see docs/schema.md, the vague-word table
    includes_perpetrators: int | None = None  # perpetrators known to be counted in the figure
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Perpetrator:
    name: str
    kind: str = "unknown"  # organization | individual | state | unknown
    status: str = "suspected"  # claimed | confirmed | accused | suspected | denied
    attributed_by: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Target:
    text: str
    kind: str = "unknown"
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Victim:
    text: str
    count: int | None = None
    effect: str = "unknown"  # killed | injured | kidnapped | unharmed | unknown
    evidence: tuple[Evidence, ...] = ()
    named: bool = False  # a named person ("Ignacio Ellacuria"), not a description ("six priests")


@dataclass(frozen=True, slots=True)
class Weapon:
    text: str
    type: str = "unknown"
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Source:
    speaker: str
    role: str | None = None
    said: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    event_id: str
    role: str  # main | related | background
    type: EventType
    date: DateValue = field(default_factory=DateValue)
    location: Location = field(default_factory=Location)
    killed: Count | None = None
    injured: Count | None = None
    perpetrators: tuple[Perpetrator, ...] = ()
    targets: tuple[Target, ...] = ()
    victims: tuple[Victim, ...] = ()
    weapons: tuple[Weapon, ...] = ()
    sources: tuple[Source, ...] = ()
    attacks: int = 1  # coordinated attacks noted in one incident ("two blasts minutes apart")
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class ReportError:
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class Failure:
    """A report a command could not process, as named on stderr and in ``--errors`` files: an input
    record that was not read (``stage="read"``) or a report whose extraction failed
    (``stage="extract"``)."""

    id: str
    code: str
    message: str
    stage: str

    def as_dict(self) -> dict[str, str]:
        return {"id": self.id, "code": self.code, "message": self.message, "stage": self.stage}


@dataclass(frozen=True, slots=True)
class ReportResult:
    """One output line of ``eventdesk extract``."""

    id: str
    events: tuple[Event, ...] = ()
    warnings: tuple[str, ...] = ()
    error: ReportError | None = None
    report: Report | None = None  # the input, kept for stores; not serialised by default

    @property
    def ok(self) -> bool:
        return self.error is None


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


def event_to_dict(event: Event) -> dict[str, Any]:
    out: dict[str, Any] = _plain(event)
    return out


def result_to_dict(result: ReportResult, *, include_report: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": result.id,
        "events": [event_to_dict(e) for e in result.events],
        "warnings": list(result.warnings),
        "error": _plain(result.error) if result.error else None,
    }
    if include_report and result.report is not None:
        out["report"] = _plain(result.report)
    return out


def _evidence(items: Any) -> tuple[Evidence, ...]:
    return tuple(
        Evidence(int(e["start"]), int(e["end"]), str(e["text"]), str(e.get("field", "text"))) for e in items or ()
    )


def event_from_dict(d: dict[str, Any]) -> Event:
    """Inverse of :func:`event_to_dict` (used by stores and exporters)."""

    def count(c: dict[str, Any] | None) -> Count | None:
        if c is None:
            return None
        return Count(**{**c, "evidence": _evidence(c.get("evidence"))})

    def many(cls: Any, items: Any) -> tuple[Any, ...]:
        return tuple(cls(**{**i, "evidence": _evidence(i.get("evidence"))}) for i in items or ())

    t = d["type"]
    return Event(
        event_id=d["event_id"],
        role=d["role"],
        type=EventType(**{**t, "evidence": _evidence(t.get("evidence"))}),
        date=DateValue(**{**d["date"], "evidence": _evidence(d["date"].get("evidence"))}),
        location=Location(**{**d["location"], "evidence": _evidence(d["location"].get("evidence"))}),
        killed=count(d.get("killed")),
        injured=count(d.get("injured")),
        perpetrators=many(Perpetrator, d.get("perpetrators")),
        targets=many(Target, d.get("targets")),
        victims=many(Victim, d.get("victims")),
        weapons=many(Weapon, d.get("weapons")),
        sources=many(Source, d.get("sources")),
        attacks=int(d.get("attacks", 1)),
        confidence=float(d.get("confidence", 0.0)),
    )


def result_from_dict(d: dict[str, Any]) -> ReportResult:
    err = d.get("error")
    rep = d.get("report")
    return ReportResult(
        id=d["id"],
        events=tuple(event_from_dict(e) for e in d.get("events", [])),
        warnings=tuple(d.get("warnings", [])),
        error=ReportError(**err) if err else None,
        report=Report(**rep) if rep else None,
    )


def evidence_source(evidence: Evidence, text: str, title: str | None) -> str:
    """The string an evidence span indexes (the report text, or its title)."""
    return (title or "") if evidence.field == "title" else text


def iter_evidence(event: Event) -> list[Evidence]:
    """Every evidence span in an event (for offset checks)."""
    spans: list[Evidence] = list(event.type.evidence) + list(event.date.evidence)
    spans += list(event.location.evidence)
    for c in (event.killed, event.injured):
        if c is not None:
            spans += list(c.evidence)
    for group in (event.perpetrators, event.targets, event.victims, event.weapons, event.sources):
        for item in group:
            spans += list(item.evidence)
    return spans
