"""`extract` and `ingest` read feeds, WARC and CSV from the CLI: the column options, the directory
globs, and the skipped-record tally on stderr (issue 17)."""

from __future__ import annotations

import io
import json
from pathlib import Path

from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventdesk.commands.extract_cmd import extract
from eventdesk.store.cli import ingest

PAGE = (b"<html><head><title>Depot raid</title></head><body><article><p>Gunmen stormed a fuel depot outside "
        b"the city on Wednesday, killing two guards, the provincial police said.</p><p>The attackers set "
        b"two tankers on fire before fleeing, witnesses said.</p></article></body></html>")


def _inputs(root: Path) -> None:
    (root / "sheet.csv").write_text(
        "ref,body\nq1,\"A roadside bomb killed a soldier and wounded three others near the border on Monday.\"\n",
        encoding="utf-8")
    with (root / "crawl.warc.gz").open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        w.write_record(w.create_warc_record("https://n.example/depot", "request", payload=io.BytesIO(b"GET /\r\n\r\n")))
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("https://n.example/depot", "response", payload=io.BytesIO(PAGE),
                                            http_headers=http))
    (root / "notes.txt").write_text("Not a report: shopping list, eggs, milk, bread and some more words.")


def test_commands_extract_reads_csv_columns_warc_and_globs(tmp_path: Path) -> None:
    _inputs(tmp_path)
    out = tmp_path / "out" / "events.jsonl"
    out.parent.mkdir()
    res = CliRunner().invoke(extract, [str(tmp_path), "--exclude", "*.txt", "--exclude", "out/*",
                                       "--text-column", "body", "--id-column", "ref", "-o", str(out)])
    assert res.exit_code == 0, res.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["id"] for line in lines][1:] == ["q1"] and lines[0]["id"].startswith("<urn:uuid:")
    assert all(line.get("error") is None for line in lines)
    assert "1 records skipped (not reports): 1 WARC request record" in res.stderr


def test_commands_extract_missing_csv_column_is_an_error_line(tmp_path: Path) -> None:
    _inputs(tmp_path)
    res = CliRunner().invoke(extract, [str(tmp_path / "sheet.csv"), "--text-column", "story", "--quiet"])
    assert res.exit_code == 3
    [line] = [json.loads(x) for x in res.stdout.splitlines()]
    assert line["error"]["code"] == "bad_record" and "no 'story' column" in line["error"]["message"]


def test_commands_ingest_takes_the_same_input_options(tmp_path: Path) -> None:
    _inputs(tmp_path)
    res = CliRunner().invoke(ingest, [str(tmp_path), "--include", "*.csv", "--text-column", "body",
                                      "--db", str(tmp_path / "s.duckdb")])
    assert res.exit_code == 0, res.output
    assert "1 read, 1 stored" in res.stderr
