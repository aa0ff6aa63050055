"""``--format parquet``: the incident records as a Parquet file, nested structure kept.

Written by DuckDB (already a dependency, for the store), so no pyarrow: the records stream to a
temporary JSONL file that DuckDB reads with an explicit column type for every field of the contract
(``docs/schema.md``; the histories, perpetrators and contradictions are lists of structs, ``votes``
and ``roles`` maps), then ``COPY ... TO (FORMAT parquet)``. A contradiction side's ``value`` (a
figure, a day, a place or a name) is a JSON column. Dates stay ISO strings, as in the contract.
:func:`read_incidents` reads such a file back into the same records.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from eventdesk.export.table import ExportCount
from eventdesk.store.incident import Incident, incident_from_dict, incident_to_dict


def _struct(**fields: str) -> str:
    return "STRUCT(" + ", ".join(f'"{k}" {v}' for k, v in fields.items()) + ")"


V, INT = "VARCHAR", "BIGINT"
_CLAIM = _struct(
    value=INT, low=INT, best=INT, high=INT, qualifier=V, text=V, published=V, report_id=V, source=V, event_id=V, role=V
)
_COUNT = _struct(low=INT, best=INT, high=INT, history=_CLAIM + "[]")
_STATEMENT = _struct(status=V, published=V, report_id=V, source=V, attributed_by=V)
_SIDE = _struct(value="JSON", reports=V + "[]")
COLUMNS: dict[str, str] = {
    "incident_id": V,
    "reports": V + "[]",
    "events": V + "[]",
    "title": V,
    "type": _struct(
        code=V,
        label=V,
        violent_attack="BOOLEAN",
        gtd_attack_type=V,
        acled_sub_event_type=V,
        votes=f"MAP({V}, {INT})",
    ),
    "date": _struct(start=V, end=V, precision=V),
    "location": _struct(
        name=V,
        admin1=V,
        country=V,
        country_code=V,
        lat="DOUBLE",
        lon="DOUBLE",
        geonames_id=INT,
        precision=V,
        district=V,
    ),
    "killed": _COUNT,
    "injured": _COUNT,
    "perpetrators": _struct(name=V, kind=V, status=V, history=_STATEMENT + "[]") + "[]",
    "contradictions": _struct(field=V, kind=V, detail=V, sides=_SIDE + "[]") + "[]",
    "first_published": V,
    "last_published": V,
    "roles": f"MAP({V}, {INT})",
    "schema_version": V,
}


def _quoted(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def write_incidents(incidents: Iterable[Incident], path: Path) -> ExportCount:
    """Write ``incidents`` to the Parquet file ``path`` (use :func:`eventdesk.io.atomic.atomic_path`)."""
    import duckdb

    count = ExportCount()
    with tempfile.TemporaryDirectory(prefix="eventdesk-parquet-") as tmp:
        lines = Path(tmp) / "incidents.jsonl"
        with lines.open("w", encoding="utf-8") as fh:
            for inc in incidents:
                fh.write(json.dumps(incident_to_dict(inc), ensure_ascii=False) + "\n")
                count.written += 1
        con = duckdb.connect()
        try:
            source = "SELECT * FROM read_json(?, format = 'newline_delimited', columns = ?, maximum_object_size = 1073741824)"
            con.execute(f"COPY ({source}) TO {_quoted(path)} (FORMAT parquet)", [str(lines), COLUMNS])
        finally:
            con.close()
    return count


def _record(row: dict[str, Any]) -> dict[str, Any]:
    """A Parquet row as the contract's dict: a struct has every key, the contract's objects not all."""
    if row["type"] is None or row["type"]["code"] is None:
        row["type"] = {}
    loc = row["location"] or {}
    if all(loc.get(k) is None for k in ("name", "country_code", "lat")):  # no report placed it
        row["location"] = {"precision": loc.get("precision") or "unknown"}
    for c in row["contradictions"] or ():
        for side in c["sides"]:
            side["value"] = None if side["value"] is None else json.loads(side["value"])
    return row


def read_incidents(path: Path) -> Iterator[Incident]:
    """The incident records of a Parquet file written by :func:`write_incidents`."""
    import duckdb

    con = duckdb.connect()
    try:
        cur = con.execute(f"SELECT * FROM read_parquet({_quoted(path)})")
        names = [d[0] for d in cur.description]
        while batch := cur.fetchmany(1000):
            for values in batch:
                yield incident_from_dict(_record(dict(zip(names, values, strict=True))))
    finally:
        con.close()
