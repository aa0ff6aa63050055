"""Turn a gazetteer :class:`Place` into the record contract's ``location`` block."""

from __future__ import annotations

from collections.abc import Iterable

from eventdesk.geo.gazetteer import Place
from eventdesk.records import Evidence, Location

# Place.precision already uses the contract's words; anything else (a future kind) is "unknown".
_PRECISIONS = frozenset({"exact", "city", "admin2", "admin1", "country"})


def to_location(place: Place | None, evidence: Evidence | Iterable[Evidence] | None = ()) -> Location:
    """``records.Location`` for ``place`` with the given evidence span(s); ``None`` -> unknown place."""
    if evidence is None:
        spans: tuple[Evidence, ...] = ()
    elif isinstance(evidence, Evidence):
        spans = (evidence,)
    else:
        spans = tuple(evidence)
    if place is None:
        return Location(evidence=spans)
    return Location(
        name=place.name,
        admin1=place.admin1,
        country=place.country,
        country_code=place.country_code,
        lat=place.lat,
        lon=place.lon,
        geonames_id=place.geonames_id,
        precision=place.precision if place.precision in _PRECISIONS else "unknown",
        evidence=spans,
    )
