"""The formats from the CLI: ``incidents export --format F`` for every registered format and
``extract --format F``; a binary format without -o and --with-report with rows are usage errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventdesk.cli import main
from eventdesk.export.parquet import read_incidents
from eventdesk.export.registry import EVENT_FORMATS, FORMATS
from eventdesk.store.base import IncidentQuery, open_store
from eventdesk.store.incident import incident_from_dict
from eventdesk.store.synthetic import synthetic_results


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("store") / "store.duckdb")
    store = open_store(path)
    try:
        store.add_results(list(synthetic_results(40)))
    finally:
        store.close()
    return path


def _run(*args: str) -> tuple[int, str, str]:
    res = CliRunner().invoke(main, list(args))
    return res.exit_code, res.stdout, res.stderr


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_cli_incidents_every_format(fmt: str, db: str, tmp_path: Path) -> None:
    target = tmp_path / f"out.{fmt}"
    code, _, err = _run("incidents", "export", "--format", fmt, "--db", db, "-o", str(target))
    assert code == 0, err
    assert " incidents written to " in err
    if fmt == "parquet":
        assert target.read_bytes()[:4] == b"PAR1"
    else:
        assert target.read_text(encoding="utf-8").strip()
    assert not list(tmp_path.glob(".*.part"))  # written atomically: no temporary file left


def test_export_cli_parquet_equals_jsonl(db: str, tmp_path: Path) -> None:
    _run("incidents", "export", "--format", "parquet", "--db", db, "-o", str(tmp_path / "a.parquet"))
    _, lines, _ = _run("incidents", "export", "--db", db)
    from_jsonl = [incident_from_dict(json.loads(line)) for line in lines.split("\n") if line]
    assert list(read_incidents(tmp_path / "a.parquet")) == from_jsonl
    store = open_store(db, create=False)
    try:
        assert from_jsonl == list(store.iter_incidents(IncidentQuery()))
    finally:
        store.close()


def test_export_cli_counts_what_a_format_leaves_out(db: str) -> None:
    code, out, err = _run("incidents", "export", "--format", "gtd", "--db", db)
    stampedes = [r for r in csv.DictReader(io.StringIO(_run("incidents", "export", "--format", "csv", "--db", db)[1]))
                 if r["type"] == "stampede"]
    assert code == 0 and stampedes
    assert f"left out: {len(stampedes)} without a GTD attack type" in err
    assert out.startswith("iyear,imonth,iday,")


def test_export_cli_parquet_needs_a_file(db: str) -> None:
    code, _, err = _run("incidents", "export", "--format", "parquet", "--db", db)
    assert code == 2 and "give one with -o" in err


def test_export_cli_extract_rows_and_usage(tmp_path: Path) -> None:
    assert "parquet" not in EVENT_FORMATS and set(EVENT_FORMATS) == set(FORMATS) - {"parquet"}
    code, _, err = _run("extract", "-", "--format", "csv", "--with-report")
    assert code == 2 and "--with-report applies to --format jsonl only" in err
    code, _, err = _run("extract", "-", "--format", "parquet")
    assert code == 2


@pytest.mark.slow
def test_export_cli_extract_acled_rows(tmp_path: Path) -> None:
    """The real extractor, one report written for this test, to ACLED rows."""
    source = tmp_path / "in.jsonl"
    text = ("Gunmen opened fire on a bus in Kano on Tuesday, killing at least seven passengers and wounding "
            "nine others, police said.")
    source.write_text(json.dumps({"id": "t1", "text": text, "published": "2024-03-06"}) + "\n", encoding="utf-8")
    target = tmp_path / "events.csv"
    code, _, err = _run("extract", str(source), "--format", "acled", "-o", str(target), "--quiet")
    assert code == 0, err
    (row,) = list(csv.DictReader(target.open(encoding="utf-8")))
    assert (row["event_date"], row["country"], row["location"], row["fatalities"]) == (
        "2024-03-05", "Nigeria", "Kano", "7",
    )  # fmt: skip
    assert (row["event_type"], row["sub_event_type"], row["time_precision"]) == ("Violence against civilians", "Attack", "1")
