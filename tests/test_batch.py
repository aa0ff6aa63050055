"""End to end: bad input gets its own error line, the batch goes on, order is kept, offsets exact."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import eventdesk
from eventdesk.records import Report, evidence_source, iter_evidence

GOOD = ("KABUL, Afghanistan (AP) — A suicide bomber blew himself up outside a bank in Kabul on Monday, "
        "killing at least 12 people and wounding 30 others, police said. The Taliban claimed responsibility.")
SPANISH = ("Un coche bomba explotó el martes en el centro de la ciudad y mató a doce personas, según la policía, "
           "que no ha identificado a los autores del atentado.")


def test_batch_order_errors_and_offsets() -> None:
    reports: list[Report | dict[str, object]] = [
        Report(text=GOOD, id="good", published="2024-01-02"),
        {"id": "empty", "text": ""},
        {"id": "spaces", "text": "  \n "},
        {"id": "spanish", "text": SPANISH},
        {"id": "notext", "title": "no text here"},
        {"id": "control", "text": "\x01\x02\x03\x04" * 50},
        {"text": GOOD.upper(), "published": "2024-01-02"},
    ]
    results = list(eventdesk.extract_many(reports))
    assert [r.id for r in results][:6] == ["good", "empty", "spaces", "spanish", "notext", "control"]
    assert len(results) == len(reports)
    codes = [r.error.code if r.error else None for r in results]
    assert codes == [None, "empty", "empty", "not_english", "bad_record", "binary", None]
    assert results[6].id.startswith("sha1:")
    for result, report in ((results[0], GOOD), (results[6], GOOD.upper())):
        assert result.events, result
        main = result.events[0]
        assert main.role == "main" and main.killed is not None and main.killed.low == 12
        for ev in (e for event in result.events for e in iter_evidence(event)):
            assert evidence_source(ev, report, None)[ev.start : ev.end] == ev.text


def test_batch_workers_keep_order() -> None:
    reports = [Report(text=GOOD.replace("12", str(n)), id=f"r{n}", published="2024-01-02") for n in range(2, 40)]
    results = list(eventdesk.extract_many(reports, workers=2, batch_size=4))
    assert [r.id for r in results] == [r.id for r in reports]
    assert [r.events[0].killed.low for r in results if r.events and r.events[0].killed] == list(range(2, 40))


def _cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "eventdesk", *args], input=stdin, capture_output=True, timeout=600)


def test_cli_extract_bad_inputs_lose_nothing(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "a", "text": GOOD, "published": "2024-01-02"}),
        "{this is not json",
        json.dumps({"id": "b", "text": ""}),
        json.dumps({"id": "c", "text": "x" * 3_000_000}),
        json.dumps({"id": "d", "text": GOOD}),
    ]
    src.write_bytes(("\n".join(lines) + "\n").encode() + b"\xff\xfe broken utf-8 line\n")
    out = tmp_path / "out.jsonl"
    proc = _cli("extract", str(src), "-o", str(out), "--quiet")
    assert proc.returncode == 3, proc.stderr.decode()
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["a", f"{src}:2", "b", "c", "d", f"{src}:6"]
    assert [r["error"]["code"] if r["error"] else None for r in rows] == [
        None, "bad_record", "empty", "too_large", None, "bad_encoding"]
    assert rows[0]["events"] and all(set(r) == {"id", "events", "warnings", "error"} for r in rows)


def test_cli_extract_files_directories_and_stdin(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "one.txt").write_text(GOOD)
    (tmp_path / "docs" / "two.bin").write_bytes(b"\x00\x01binary\x00" * 100)
    (tmp_path / "docs" / "three.html").write_text(
        "<html><head><title>Kabul blast</title></head><body><nav>Home | World</nav><article><p>"
        + GOOD + "</p><p>" + GOOD + "</p></article><footer>Copyright</footer></body></html>")
    (tmp_path / "docs" / "four.html").write_text("<html><body><div><<<>>></p></body")
    proc = _cli("extract", str(tmp_path / "docs"), "--published", "2024-01-02", "--quiet")
    rows = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    by_id = {r["id"]: r for r in rows}
    assert sorted(by_id) == ["four", "one", "three", "two"]
    assert by_id["one"]["error"] is None and by_id["one"]["events"]
    assert by_id["two"]["error"]["code"] == "binary"
    assert by_id["three"]["error"] is None and by_id["three"]["events"]
    assert by_id["four"]["error"] is not None
    proc = _cli("extract", "-", "--published", "2024-01-02", "--quiet", stdin=GOOD.encode())
    (row,) = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert row["events"][0]["killed"]["low"] == 12 and proc.returncode == 0


@pytest.mark.slow
def test_cli_extract_fifty_megabytes(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("The attack killed two people. " * (50 * 2**20 // 30))
    proc = _cli("extract", str(big), "--quiet")
    (row,) = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert row["error"]["code"] == "too_large" and proc.returncode == 3
