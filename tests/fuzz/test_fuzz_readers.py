"""Fuzz every reader: no exception escapes, one item per document or JSONL line, ids never empty."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

from fuzz_settings import examples
from hypothesis import example, given
from hypothesis import strategies as st
from strategies import encoded_documents, html_documents, jsonl_lines, report_texts

from eventdesk.errors import InputError
from eventdesk.io.readers import ReadFailure, read_blob, read_jsonl
from eventdesk.io.validate import check_text
from eventdesk.records import Report
from eventdesk.store.ingest import read_extracted

CRASHERS = Path(__file__).parent / "crashers"


def _one(items: list[Report | ReadFailure]) -> Report | ReadFailure:
    assert len(items) == 1
    item = items[0]
    assert item.id
    if isinstance(item, Report):
        assert isinstance(item.text, str)
    else:
        assert isinstance(item.error, InputError) and item.error.message
    return item


@examples(300)
@given(encoded_documents())
@example("Два человека погибли".encode("utf-16"))
@example(b"\xff\xfe" + "A bomb killed two.".encode("utf-16-le"))
@example(b"\xef\xbb\xbf")
def test_fuzz_read_blob_text_yields_one_item(data: bytes) -> None:
    _one(list(read_blob(data, name="doc")))


@examples(150)
@given(html_documents(), st.sampled_from(["utf-8", "utf-16", "cp1252"]))
@example("<html><body><p>Gunmen killed 4 people in Kano on Monday.</p>", "utf-8")
@example("<!--", "utf-8")
def test_fuzz_read_blob_html_yields_one_item(html: str, encoding: str) -> None:
    _one(list(read_blob(html.encode(encoding, errors="replace"), name="page", is_html=True)))


@examples(150)
@given(st.lists(jsonl_lines(), max_size=12), st.sampled_from([b"\n", b"\r\n"]))
def test_fuzz_read_jsonl_one_item_per_line(lines: list[bytes], eol: bytes) -> None:
    data = eol.join(lines) + eol
    items = list(read_jsonl(io.BytesIO(data), name="in.jsonl"))
    expected = sum(1 for raw in data.split(b"\n") if raw.strip())
    assert len(items) == expected
    assert all(item.id for item in items)


@examples(100)
@given(st.lists(jsonl_lines(), min_size=1, max_size=8))
def test_fuzz_read_extracted_one_item_per_line(lines: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "x.jsonl")
        path.write_bytes(b"\n".join(lines) + b"\n")
        expected = sum(1 for raw in path.read_bytes().split(b"\n") if raw.strip())
        try:
            items = list(read_extracted([str(path)]))
        except UnicodeDecodeError as exc:  # pragma: no cover - the failure we look for
            raise AssertionError(f"read_extracted raised on undecodable input: {exc}") from exc
        assert len(items) == expected


@examples(300)
@given(report_texts())
def test_fuzz_check_text_raises_only_input_errors(text: str) -> None:
    try:
        warnings = check_text(text)
    except InputError as exc:
        assert exc.code and exc.message
    else:
        assert all(isinstance(w, str) and w for w in warnings)


def test_fuzz_kept_crashers_still_read() -> None:
    for path in sorted(CRASHERS.glob("*")):
        if path.name == "README.json":
            continue
        if path.suffix == ".jsonl":
            expected = sum(1 for raw in path.read_bytes().split(b"\n") if raw.strip())
            assert len(list(read_jsonl(io.BytesIO(path.read_bytes()), name=path.name))) == expected, path
            assert len(list(read_extracted([str(path)]))) == expected, path
        else:
            _one(list(read_blob(path.read_bytes(), name=path.stem, is_html=path.suffix == ".html")))


def test_fuzz_crasher_files_are_not_data_set_text() -> None:
    """The kept crashers are generated inputs; each has a note of where it came from."""
    notes = json.loads((CRASHERS / "README.json").read_text(encoding="utf-8"))
    for path in CRASHERS.glob("*"):
        if path.name != "README.json":
            assert path.name in notes, f"{path.name}: say in crashers/README.json what it broke"
