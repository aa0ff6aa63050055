"""`ingest` names every report it could not store or extract, and exits 3 (issue 19, defect 6)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from eventdesk.store.base import open_store
from eventdesk.store.cli import ingest


def _reports(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines))
    return path


def test_ingest_names_unreadable_and_failed_reports_and_exits_3(tmp_path: Path, store_url: str) -> None:
    path = _reports(tmp_path / "reports.jsonl", [
        '{"id": "torn", "text": "A bomb explo',  # cut off mid-line: not JSON
        json.dumps({"id": "blank", "text": "   "}),  # readable, but nothing to extract
        json.dumps({"id": "no-text", "title": "Headline only"}),
    ])
    errors = tmp_path / "failed.jsonl"

    res = CliRunner().invoke(ingest, [str(path), "--db", store_url, "--errors", str(errors)])

    assert res.exit_code == 3, res.output
    assert "[bad_record]" in res.output and "no-text [bad_record]" in res.output
    assert "blank [empty]" in res.output
    written = [json.loads(line) for line in errors.read_text().splitlines()]
    assert sorted((d["code"], d["stage"]) for d in written) == [
        ("bad_record", "read"), ("bad_record", "read"), ("empty", "extract")
    ]
    store = open_store(store_url)
    try:
        # the report whose extraction failed is stored with its error, so nothing is lost
        assert store.db.query("SELECT report_id, error_code FROM reports") == [("blank", "empty")]  # type: ignore[attr-defined]
    finally:
        store.close()


def test_ingest_names_the_first_20_failures_and_counts_the_rest(tmp_path: Path) -> None:
    path = _reports(tmp_path / "reports.jsonl", [json.dumps({"id": f"r{i}"}) for i in range(25)])

    res = CliRunner().invoke(ingest, [str(path), "--db", str(tmp_path / "s.duckdb")])

    assert res.exit_code == 3, res.output
    named = [line for line in res.output.splitlines() if line.startswith("failed: ")]
    assert len(named) == 20 and named[0].startswith("failed: r0 [bad_record]")
    assert "... and 5 more (--errors FILE lists them all)" in res.output
