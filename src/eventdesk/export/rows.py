"""One flat view of an incident or an event, which every tabular and coded export reads.

An incident (``incidents export``) and an event of an extracted report (``extract --format``) carry
the same facts in different shapes; :func:`rows_from_incidents` and :func:`rows_from_results` put
both into :class:`ExportRow`, so the GTD, ACLED, UCDP, PLOVER, CSV and GeoJSON writers are written
once. Nothing here decides a code of another scheme: that is each format's module.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from eventdesk.records import Count, Event, Report, ReportResult
from eventdesk.store.incident import FusedCount, Incident


@dataclass(frozen=True, slots=True)
class Figure:
    """A toll as a range; ``perpetrators``: how many perpetrators the figure counts, when known."""

    low: int | None = None
    best: int | None = None
    high: int | None = None
    perpetrators: int | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    kind: str  # organization | individual | state | unknown
    status: str  # claimed | confirmed | accused | suspected | denied


@dataclass(frozen=True, slots=True)
class SourceRef:
    """One report behind a row."""

    report_id: str
    source: str | None = None
    url: str | None = None
    published: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class ExportRow:
    id: str  # the incident id, or the event id
    kind: str  # incident | event
    role: str | None  # an event's role (main | related | background); None for an incident
    summary: str | None  # the incident's title, or the report's headline
    type_code: str | None
    type_label: str | None
    date_start: str | None
    date_end: str | None
    date_precision: str
    place: str | None
    district: str | None
    admin1: str | None
    country: str | None
    country_code: str | None
    lat: float | None
    lon: float | None
    place_precision: str
    killed: Figure
    injured: Figure
    perpetrators: tuple[Actor, ...] = ()
    weapon_types: tuple[str, ...] = ()  # an event's; an incident record keeps none
    target_kinds: tuple[str, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    attacks: int = 1
    n_contradictions: int = 0


# an event a report only recalls ("in 2020 a stampede ... killed 56"): a coded dataset takes it from
# the reports of its own day, so the coded formats leave it out (counted); csv and geojson keep it
BACKGROUND = "recalled from before (background events)"


def coded_skip(row: ExportRow) -> str | None:
    """Why a coded format (GTD, ACLED, UCDP, PLOVER) leaves ``row`` out before its own checks."""
    return BACKGROUND if row.role == "background" else None


def _figure_of_incident(c: FusedCount) -> Figure:
    return Figure(low=c.low, best=c.best, high=c.high)


def _figure_of_event(c: Count | None) -> Figure:
    if c is None:
        return Figure()
    return Figure(low=c.low, best=c.best, high=c.high, perpetrators=c.includes_perpetrators)


def row_from_incident(inc: Incident, sources: dict[str, SourceRef] | None = None) -> ExportRow:
    """``sources``: what is known of each report (from the toll and claim histories when not given)."""
    known = dict(sources or {})
    for claim in (*inc.killed.history, *inc.injured.history):
        known.setdefault(claim.report_id, SourceRef(claim.report_id, claim.source, None, claim.published))
    for perp in inc.perpetrators:
        for st in perp.history:
            known.setdefault(st.report_id, SourceRef(st.report_id, st.source, None, st.published))
    loc, date, t = inc.location, inc.date, inc.type
    return ExportRow(
        id=inc.incident_id,
        kind="incident",
        role=None,
        summary=inc.title,
        type_code=t.get("code"),
        type_label=t.get("label"),
        date_start=date.get("start"),
        date_end=date.get("end"),
        date_precision=date.get("precision") or "unknown",
        place=loc.get("name"),
        district=loc.get("district"),
        admin1=loc.get("admin1"),
        country=loc.get("country"),
        country_code=loc.get("country_code"),
        lat=loc.get("lat"),
        lon=loc.get("lon"),
        place_precision=loc.get("precision") or "unknown",
        killed=_figure_of_incident(inc.killed),
        injured=_figure_of_incident(inc.injured),
        perpetrators=tuple(Actor(p.name, p.kind, p.status) for p in inc.perpetrators),
        sources=tuple(known.get(r, SourceRef(r)) for r in inc.reports),
        n_contradictions=len(inc.contradictions),
    )


def row_from_event(event: Event, report: Report | None, report_id: str) -> ExportRow:
    loc, date = event.location, event.date
    ref = SourceRef(report_id)
    if report is not None:
        ref = SourceRef(report_id, report.source, report.url, report.published, report.title)
    return ExportRow(
        id=event.event_id,
        kind="event",
        role=event.role,
        summary=report.title if report is not None else None,
        type_code=event.type.code,
        type_label=event.type.label,
        date_start=date.start,
        date_end=date.end,
        date_precision=date.precision,
        place=loc.name,
        district=loc.district,
        admin1=loc.admin1,
        country=loc.country,
        country_code=loc.country_code,
        lat=loc.lat,
        lon=loc.lon,
        place_precision=loc.precision,
        killed=_figure_of_event(event.killed),
        injured=_figure_of_event(event.injured),
        perpetrators=tuple(Actor(p.name, p.kind, p.status) for p in event.perpetrators),
        weapon_types=tuple(dict.fromkeys(w.type for w in event.weapons)),
        target_kinds=tuple(dict.fromkeys(t.kind for t in event.targets)),
        sources=(ref,),
        attacks=event.attacks,
    )


def rows_from_incidents(incidents: Iterable[Incident]) -> Iterator[ExportRow]:
    for inc in incidents:
        yield row_from_incident(inc)


def rows_from_results(results: Iterable[ReportResult]) -> Iterator[ExportRow]:
    """One row per event, in report order; reports with an error or no event give none."""
    for result in results:
        for event in result.events:
            yield row_from_event(event, result.report, result.id)
