"""JSONL.gz inputs, the cap on one line, and a directory's --include/--exclude globs (issue 17)."""

from __future__ import annotations

import gzip
import io
import json
import tracemalloc
from pathlib import Path

from eventdesk.io.options import ReadOptions
from eventdesk.io.readers import ReadFailure, read_inputs, read_jsonl
from eventdesk.records import Report

STORIES = [
    "A bomb hidden in a parked van exploded near a bus station on Tuesday, wounding eleven people.",
    "Gunmen on motorbikes killed three farmers in their fields at dawn, a village elder said.",
    "Two police officers were shot dead at a checkpoint outside the port city on Sunday night.",
]


def _jsonl(records: list[dict[str, str]]) -> bytes:
    return b"".join(json.dumps(r).encode() + b"\n" for r in records)


def test_gzip_jsonl_gz_reads_every_line(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl.gz"
    path.write_bytes(gzip.compress(_jsonl([{"id": f"w{i}", "text": t} for i, t in enumerate(STORIES)])))
    items = list(read_inputs([str(path)]))
    assert [i.id for i in items] == ["w0", "w1", "w2"]
    assert all(isinstance(i, Report) for i in items) and items[1].text == STORIES[1]


def test_gzip_truncated_file_keeps_what_came_before_and_names_the_line(tmp_path: Path) -> None:
    body = _jsonl([{"id": f"w{i}", "text": STORIES[i % 3] * 20} for i in range(200)])
    data = gzip.compress(body)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = list(read_inputs([str(path)]))
    reports, failures = items[:-1], items[-1]
    assert reports and all(isinstance(i, Report) for i in reports)
    assert isinstance(failures, ReadFailure) and failures.error.code == "truncated"
    assert str(path) in failures.error.message and f"line {len(reports) + 1}" in failures.error.message


def test_gzip_not_gzip_at_all_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "plain.jsonl.gz"
    path.write_bytes(_jsonl([{"text": STORIES[0]}]))
    [item] = list(read_inputs([str(path)]))
    assert isinstance(item, ReadFailure) and item.error.code == "truncated" and str(path) in item.error.message


def test_gzip_long_line_is_an_error_and_the_next_lines_are_read() -> None:
    long_line = json.dumps({"id": "huge", "text": "x" * 5000}).encode()
    data = _jsonl([{"id": "a", "text": STORIES[0]}]) + long_line + b"\n" + _jsonl([{"id": "b", "text": STORIES[1]}])
    items = list(read_jsonl(io.BytesIO(data), name="in.jsonl", max_line_bytes=1000))
    assert [i.id for i in items] == ["a", "in.jsonl:2", "b"]
    failure = items[1]
    assert isinstance(failure, ReadFailure) and failure.error.code == "too_large"
    assert "line 2 of in.jsonl" in failure.error.message


def test_gzip_long_line_is_never_held_whole(tmp_path: Path) -> None:
    """A 40 MB line (over the 8 MB cap) costs about one cap of memory, not the line."""
    path = tmp_path / "big.jsonl"
    with path.open("wb") as fh:
        fh.write(b'{"id": "big", "text": "')
        for _ in range(40):
            fh.write(b"y" * (1 << 20))
        fh.write(b'"}\n' + _jsonl([{"id": "after", "text": STORIES[2]}]))
    tracemalloc.start()
    items = list(read_inputs([str(path)]))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [i.id for i in items] == [f"{path}:1", "after"]
    assert peak < 20 * (1 << 20), peak


def _tree(root: Path) -> None:
    for rel, text in (("2024/a.txt", STORIES[0]), ("2024/b.html", f"<html><body><p>{STORIES[1]}</p></body></html>"),
                      ("drafts/c.txt", STORIES[2]), ("d.txt", STORIES[0])):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)


def test_gzip_directory_include_and_exclude_globs(tmp_path: Path) -> None:
    _tree(tmp_path)

    def ids(**kw: tuple[str, ...]) -> list[str]:
        return [i.id for i in read_inputs([str(tmp_path)], options=ReadOptions(**kw))]

    assert ids() == ["2024/a", "2024/b", "d", "drafts/c"]
    assert ids(include=("*.txt",)) == ["2024/a", "d", "drafts/c"]
    assert ids(exclude=("drafts/*",)) == ["2024/a", "2024/b", "d"]
    assert ids(include=("2024/*", "d.txt"), exclude=("*.html",)) == ["2024/a", "d"]


def test_gzip_a_file_named_on_the_command_line_ignores_the_globs(tmp_path: Path) -> None:
    _tree(tmp_path)
    items = read_inputs([str(tmp_path / "d.txt")], options=ReadOptions(exclude=("*.txt",)))
    assert [i.id for i in items] == ["d"]
