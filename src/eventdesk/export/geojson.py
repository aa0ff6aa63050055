"""``--format geojson``: a FeatureCollection of points (RFC 7946), one per incident or event.

The point is ``[lon, lat]`` (RFC 7946 section 3.1.1: longitude first, WGS84); the properties are
the CSV columns (``flat.py``) without the coordinates. A record without coordinates is no point: it
is left out and counted. The collection is written as it streams, one feature a line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from eventdesk.export.flat import event_row, incident_row
from eventdesk.export.rows import rows_from_results
from eventdesk.export.table import ExportCount
from eventdesk.records import ReportResult
from eventdesk.store.incident import Incident

NO_POINT = "without coordinates"


def feature(record_id: str, props: dict[str, Any]) -> dict[str, Any] | str:
    lat, lon = props.pop("lat"), props.pop("lon")
    if lat is None or lon is None:
        return NO_POINT
    point = {"type": "Point", "coordinates": [lon, lat]}
    return {"type": "Feature", "id": record_id, "geometry": point, "properties": props}


def _write(features: Iterable[dict[str, Any] | str], out: IO[str]) -> ExportCount:
    count = ExportCount()
    out.write('{"type": "FeatureCollection", "features": [\n')
    for f in features:
        if isinstance(f, str):
            count.left_out[f] += 1
            continue
        out.write((",\n" if count.written else "") + json.dumps(f, ensure_ascii=False))
        count.written += 1
    out.write("\n]}\n")
    return count


def write_incidents(incidents: Iterable[Incident], out: IO[str]) -> ExportCount:
    return _write((feature(i.incident_id, incident_row(i)) for i in incidents), out)


def write_results(results: Iterable[ReportResult], out: IO[str]) -> ExportCount:
    return _write((feature(r.id, event_row(r)) for r in rows_from_results(results)), out)
