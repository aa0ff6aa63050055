"""Fuzz extraction: generated report batches through ``extract_many`` (the library) and
``eventdesk extract`` (the CLI): one result per input in order, no exception, every evidence span
exact (``text[start:end] == evidence.text``), and every result serialisable as a UTF-8 JSON line."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from fuzz_settings import examples
from hypothesis import example, given
from hypothesis import strategies as st
from strategies import jsonl_lines, report_texts, sentences

import eventdesk
from eventdesk.records import ReportResult, evidence_source, iter_evidence, result_to_dict


def _check(results: list[ReportResult], reports: list[dict[str, str | None]]) -> None:
    assert len(results) == len(reports)
    for result, report in zip(results, reports, strict=True):
        assert result.id == report["id"]
        line = json.dumps(result_to_dict(result), ensure_ascii=False)
        line.encode("utf-8")  # a lone surrogate in any output field would fail the writer here
        if result.error is not None:
            assert result.error.code and result.error.message and not result.events
            continue
        text = str(report["text"])
        for event in result.events:
            for ev in iter_evidence(event):
                source = evidence_source(ev, text, report.get("title"))
                assert 0 <= ev.start <= ev.end <= len(source)
                assert source[ev.start : ev.end] == ev.text, (ev, result.id)


@examples(25)
@given(
    st.lists(
        st.tuples(
            st.one_of(report_texts(), st.lists(sentences(), min_size=1, max_size=12).map(" ".join)),
            st.one_of(st.none(), report_texts(4)),
            st.one_of(st.none(), st.sampled_from(["2024-01-03", "2031-05-05", "1989-02-02", "03/04/2024", "x"])),
        ),
        min_size=1,
        max_size=6,
    )
)
@example([("TWO BOMBS KILLED 103 PEOPLE IN KERMAN, IRAN ON WEDNESDAY, OFFICIALS SAID.", None, "2024-01-04")])
@example([("\ud800 Gunmen killed two people in Kabul on Monday.", "\udfff", None)])
def test_fuzz_extract_many_one_exact_result_per_report(
    batch: list[tuple[str, str | None, str | None]],
) -> None:
    reports = [
        {"id": f"r{i}", "text": text, "title": title, "published": published}
        for i, (text, title, published) in enumerate(batch)
    ]
    _check(list(eventdesk.extract_many(reports, batch_size=4)), reports)


@examples(1)
@given(st.lists(jsonl_lines(), min_size=40, max_size=40))
def test_fuzz_extract_cli_one_line_per_input(lines: list[bytes]) -> None:
    """A file of generated hostile JSONL lines through the real CLI with two workers."""
    with tempfile.TemporaryDirectory() as folder:
        _run_cli(Path(folder), lines)


def _run_cli(tmp_path: Path, lines: list[bytes]) -> None:
    data = tmp_path / "in.jsonl"
    data.write_bytes(b"\n".join(lines) + b"\n")
    expected = sum(1 for raw in data.read_bytes().split(b"\n") if raw.strip())
    out = tmp_path / "out.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "eventdesk", "extract", str(data), "-o", str(out), "--workers", "2", "--quiet"],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert proc.returncode in (0, 3), proc.stderr
    assert "Traceback" not in proc.stderr
    got = out.read_text(encoding="utf-8").splitlines()
    assert len(got) == expected
    for line in got:
        assert json.loads(line)["id"]


@examples(1)
@given(st.lists(sentences(), min_size=20, max_size=20), st.sampled_from(["", "\u00e9", "\U0001f4a3", "\x07"]))
def test_fuzz_extract_at_the_length_limit(pieces: list[str], extra: str) -> None:
    """A report of exactly MAX_CHARS characters is extracted with exact offsets; one more is
    ``too_large``; the reports around them are unaffected."""
    from eventdesk.io.validate import MAX_CHARS

    body = " ".join(p + extra for p in pieces) + " "
    text = (body * (MAX_CHARS // len(body) + 1))[:MAX_CHARS]
    reports = [
        {"id": "limit", "text": text, "title": None, "published": "2024-01-03"},
        {"id": "over", "text": text + "x", "title": None, "published": "2024-01-03"},
        {"id": "short", "text": "Gunmen killed two people in Kano on Monday.", "title": None, "published": None},
    ]
    results = list(eventdesk.extract_many(reports, batch_size=3))
    _check(results, reports)
    assert results[0].error is None
    assert results[1].error is not None and results[1].error.code == "too_large"
    assert results[2].error is None and results[2].events
