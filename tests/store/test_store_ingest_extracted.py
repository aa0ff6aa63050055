"""`ingest --extracted` takes only lines that carry their report; `reextract` never drops events it
cannot redo (issue 19, defect 2)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from click.testing import CliRunner
from store_builders import kerman_story

import eventdesk
from eventdesk.commands.extract_cmd import extract
from eventdesk.io.readers import ReadFailure
from eventdesk.records import Report, ReportError, ReportResult, result_to_dict
from eventdesk.store.base import Store, open_store
from eventdesk.store.cli import ingest, reextract
from eventdesk.store.ingest import Failure, read_extracted
from eventdesk.store.ingest import ingest as run_ingest


def _events(store_url: str) -> int:
    store = open_store(store_url)
    try:
        return int(store.db.query("SELECT COUNT(*) FROM events")[0][0])  # type: ignore[attr-defined]
    finally:
        store.close()


def test_ingest_extracted_refuses_lines_without_their_report(tmp_path: Path, store_url: str) -> None:
    story = kerman_story()
    path = tmp_path / "results.jsonl"
    with path.open("w") as fh:
        fh.write(json.dumps(result_to_dict(story[0])) + "\n")  # plain `eventdesk extract` output
        fh.write(json.dumps(result_to_dict(story[1], include_report=True)) + "\n")
        fh.write(json.dumps(result_to_dict(story[2])) + "\n")

    res = CliRunner().invoke(ingest, [str(path), "--extracted", "--db", store_url])

    assert res.exit_code == 3, res.output
    assert f"{path}:1 [no_report]" in res.output and f"{path}:3 [no_report]" in res.output
    assert "--with-report" in res.output  # how to write lines that carry the report
    assert "1 stored" in res.output and "2 unreadable" in res.output  # the rest of the file is stored
    store = open_store(store_url)
    try:
        assert store.stats()["reports"] == 1
    finally:
        store.close()


def test_ingest_refuses_results_without_their_report(store: Store) -> None:
    story = kerman_story()
    failures: list[Failure] = []

    summary = run_ingest(store, [story[0], replace(story[1], report=None)], on_failure=failures.append)

    assert summary.totals.stored == 1 and summary.unreadable == 1
    assert [(f.id, f.code) for f in failures] == [("k1", "no_report")]


def test_reextract_keeps_the_events_of_reports_stored_without_text(store: Store, store_url: str) -> None:
    run_ingest(store, kerman_story())
    # what `ingest --extracted` of plain extract output stored before such lines were refused
    store.db.execute("UPDATE reports SET text = ''")  # type: ignore[attr-defined]
    before = store.db.query("SELECT COUNT(*) FROM events")[0][0]  # type: ignore[attr-defined]
    assert before == 5
    store.close()

    res = CliRunner().invoke(reextract, ["--db", store_url])

    assert res.exit_code == 3, res.output
    assert _events(store_url) == before
    assert "not extracted again: k1 [no_text]" in res.output and "events 5 -> 5" in res.output


def test_reextract_keeps_the_events_of_a_report_whose_extraction_fails_now(store: Store) -> None:
    run_ingest(store, kerman_story())
    counts = dict(store.db.query("SELECT report_id, n_events FROM reports"))  # type: ignore[attr-defined]
    assert counts["k1"] == 1

    def fails_on_k1(reports: Iterable[Report]) -> Iterator[ReportResult]:
        for result in eventdesk.extract_many(reports):
            if result.id == "k1":
                result = ReportResult(result.id, error=ReportError("extraction_failed", "a bug"), report=result.report)
            yield result

    summary = store.reextract(who="ana", extract=fails_on_k1)

    after = dict(store.db.query("SELECT report_id, COUNT(*) FROM events GROUP BY report_id"))  # type: ignore[attr-defined]
    assert after.get("k1") == 1
    assert summary.errors == 1 and summary.reports == len(counts) - 1
    assert [(k.id, k.code, k.events) for k in summary.kept] == [("k1", "extraction_failed", 1)]


def test_extract_with_report_output_is_ingested_and_extracted_again(tmp_path: Path, store_url: str) -> None:
    reports = tmp_path / "reports.jsonl"
    with reports.open("w") as fh:
        for rid, text in (
            ("quay", "A car bomb exploded near a police station in the port city on Tuesday, killing four officers."),
            ("mill", "Gunmen shot dead two workers at a textile mill on Friday, police said."),
        ):
            fh.write(json.dumps({"id": rid, "text": text, "published": "2024-03-08"}) + "\n")
    results = tmp_path / "results.jsonl"
    runner = CliRunner()

    res = runner.invoke(extract, [str(reports), "--with-report", "-o", str(results), "--quiet"])
    assert res.exit_code == 0, res.output
    lines = [json.loads(line) for line in results.read_text().splitlines()]
    assert [d["report"]["id"] for d in lines] == ["quay", "mill"] and "textile mill" in lines[1]["report"]["text"]

    res = runner.invoke(ingest, [str(results), "--extracted", "--db", store_url])
    assert res.exit_code == 0, res.output
    stored = _events(store_url)
    assert stored >= 2

    res = runner.invoke(reextract, ["--db", store_url])
    assert res.exit_code == 0, res.output
    assert f"events {stored} -> {stored}" in res.output and _events(store_url) == stored


def test_read_extracted_gives_one_item_per_line_and_names_undecodable_ones(tmp_path: Path) -> None:
    story = kerman_story()
    path = tmp_path / "results.jsonl"
    good = json.dumps(result_to_dict(story[0], include_report=True)).encode()
    path.write_bytes(good + b"\n\x80\xff not UTF-8\n\x1c\n" + good + b"\n")

    items = list(read_extracted([str(path)]))

    assert [type(i).__name__ for i in items] == ["ReportResult", "ReadFailure", "ReadFailure", "ReportResult"]
    assert isinstance(items[1], ReadFailure) and items[1].id == f"{path}:2" and items[1].error.code == "bad_encoding"


def test_read_extracted_a_line_over_the_cap_is_one_error_and_the_rest_is_read(tmp_path: Path) -> None:
    from eventdesk.io.lines import MAX_LINE_BYTES

    good = json.dumps(result_to_dict(kerman_story()[1], include_report=True))
    huge = json.dumps({"id": "huge", "text": "x" * (MAX_LINE_BYTES + 10)})
    path = tmp_path / "results.jsonl"
    path.write_text(f"{good}\n{huge}\n{good}\n", encoding="utf-8")
    items = list(read_extracted([str(path)]))
    assert [type(i).__name__ for i in items] == ["ReportResult", "ReadFailure", "ReportResult"]
    failure = items[1]
    assert isinstance(failure, ReadFailure) and failure.id == f"{path}:2" and failure.error.code == "too_large"
