"""Round trips (property tests): export then read back gives the same records, for the JSONL
contract (incidents and extract output lines) and for Parquet (incidents, nested structure kept)."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

from export_builders import exact, incident_lists, make_event, results
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventdesk.export import jsonl, parquet
from eventdesk.records import ReportResult, result_from_dict
from eventdesk.store.fuse import fuse
from eventdesk.store.incident import Incident, Sighting, incident_from_dict

PROPERTY = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _lines(out: io.StringIO) -> list[str]:
    """The JSON lines: split at "\\n" only (``splitlines`` also splits at U+0085 and U+2028 inside text)."""
    return [line for line in out.getvalue().split("\n") if line]


@PROPERTY
@given(incident_lists)
def test_export_roundtrip_jsonl_incidents(incidents: tuple[Incident, ...]) -> None:
    out = io.StringIO()
    assert jsonl.write_incidents(incidents, out).written == len(incidents)
    back = [incident_from_dict(json.loads(line)) for line in _lines(out)]
    assert back == list(incidents)


@PROPERTY
@given(st.lists(st.integers(0, 10**6), max_size=3, unique=True).flatmap(
    lambda ids: st.tuples(*(results(f"r{i}") for i in ids))))
def test_export_roundtrip_jsonl_results(batch: tuple[ReportResult, ...]) -> None:
    out = io.StringIO()
    jsonl.write_results(batch, out, include_report=True)
    back = [result_from_dict(json.loads(line)) for line in _lines(out)]
    assert back == list(batch)


@PROPERTY
@given(incident_lists)
def test_export_roundtrip_parquet_incidents(incidents: tuple[Incident, ...]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "incidents.parquet"
        assert parquet.write_incidents(incidents, path).written == len(incidents)
        assert list(parquet.read_incidents(path)) == list(incidents)


def test_export_parquet_keeps_nested_columns(tmp_path: Path) -> None:
    """The file is typed, not a column of JSON text: histories are lists of structs, votes a map."""
    import duckdb

    inc = fuse("inc-1", [Sighting(make_event(killed=exact(3)), "a/e0", "a", "2024-01-04", "Wire A")])
    path = tmp_path / "x.parquet"
    parquet.write_incidents([inc], path)
    types = {r[0]: r[1] for r in duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()}
    assert types["killed"].startswith("STRUCT(low BIGINT, best BIGINT, high BIGINT, history STRUCT(")
    assert "votes MAP(VARCHAR, BIGINT)" in types["type"]
    assert types["reports"] == "VARCHAR[]"
    query = f"SELECT killed.best, killed.history[1].source FROM read_parquet('{path}')"
    assert duckdb.sql(query).fetchall() == [(3, "Wire A")]
