"""Readers: inputs (JSONL, text, HTML, directories, stdin) -> a stream of reports.

A reader never raises for one bad record: it yields a :class:`ReadFailure` in the report's place so
the batch keeps its order and its line, and the caller writes an error line for it.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from eventdesk.errors import BadEncoding, BadRecord, BinaryReport, EventdeskError, InputError
from eventdesk.io.html import html_to_report
from eventdesk.io.validate import decode_text
from eventdesk.records import Report

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """A record that could not be turned into a report; it still gets its output line."""

    id: str
    error: InputError


Item = Report | ReadFailure


def report_from_mapping(obj: dict[str, Any], *, fallback_id: str) -> Report:
    """Build a :class:`Report` from a JSON object; only ``text`` is required."""
    text = obj.get("text")
    if not isinstance(text, str):
        raise BadRecord("record has no 'text' string field")
    rid = obj.get("id")
    rid = str(rid) if rid not in (None, "") else Report.content_id(text)
    published = obj.get("published") or obj.get("date") or obj.get("dct")
    return Report(
        text=text,
        id=rid,
        title=_opt_str(obj.get("title")),
        published=_opt_str(published),
        url=_opt_str(obj.get("url")),
        source=_opt_str(obj.get("source")),
    )


def _opt_str(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def read_jsonl(stream: BinaryIO, *, name: str) -> Iterator[Item]:
    for lineno, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        fallback = f"{name}:{lineno}"
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            yield ReadFailure(fallback, BadEncoding(f"line {lineno} of {name} is not valid UTF-8"))
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadFailure(fallback, BadRecord(f"line {lineno} of {name} is not JSON: {exc.msg}"))
            continue
        if not isinstance(obj, dict):
            yield ReadFailure(fallback, BadRecord(f"line {lineno} of {name} is not a JSON object"))
            continue
        try:
            yield report_from_mapping(obj, fallback_id=fallback)
        except InputError as exc:
            rid = obj.get("id")
            yield ReadFailure(str(rid) if rid not in (None, "") else fallback, exc)


def read_file(path: Path, *, published: str | None = None, id: str | None = None) -> Iterator[Item]:
    """One file: a JSONL file's reports, or one report whose id is ``id`` (default: the file's stem)."""
    name = id or path.stem
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        with path.open("rb") as fh:
            yield from read_jsonl(fh, name=str(path))
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield ReadFailure(name, InputError(f"cannot read {path}: {exc.strerror}"))
        return
    yield from read_blob(data, name=name, is_html=suffix in HTML_SUFFIXES, published=published)


def read_blob(data: bytes, *, name: str, is_html: bool = False, published: str | None = None) -> Iterator[Item]:
    """One document as bytes (a file or stdin) -> one report or one failure."""
    try:
        decoded = decode_text(data)
    except (BinaryReport, BadEncoding) as exc:
        yield ReadFailure(name, exc)
        return
    text, guessed = decoded.text, decoded.guessed_encoding
    if is_html or _looks_like_html(text):
        try:
            yield html_to_report(text, id=name, published=published, guessed_encoding=guessed)
        except InputError as exc:
            yield ReadFailure(name, exc)
        return
    yield Report(text=text, id=name, published=published, guessed_encoding=guessed)


def _looks_like_html(text: str) -> bool:
    head = text[:1000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def iter_directory(path: Path) -> Iterator[Path]:
    for child in sorted(path.rglob("*")):
        if child.is_file() and not child.name.startswith("."):
            yield child


def read_inputs(inputs: Iterable[str], *, published: str | None = None) -> Iterator[Item]:
    """Stream reports from CLI inputs in order. ``-`` reads stdin (JSONL if it starts with ``{``).

    A file's report id is its path relative to the directory given, without suffix (``a/story``;
    a file given by itself: its stem). Ids that two files of one run would share keep their
    suffix and the input as given (``in/a/story.txt``, ``in/b/story.html``), so they are unique
    and the same on every run with the same inputs. Every input is checked before the first read.
    """
    groups: list[list[tuple[Path, str]] | None] = []  # per input: its files and their ids; None: stdin
    for spec in inputs:
        if spec == "-":
            groups.append(None)
            continue
        path = Path(spec)
        if path.is_dir():
            groups.append([(child, child.relative_to(path).with_suffix("").as_posix()) for child in iter_directory(path)])
        elif path.is_file():
            groups.append([(path, path.stem)])
        else:
            raise EventdeskError(f"input not found: {spec}", code="input_not_found")
    unique = _unique_ids([f for group in groups if group for f in group])
    for group in groups:
        if group is None:
            yield from _read_stdin(published=published)
            continue
        for child, rid in group:
            yield from read_file(child, published=published, id=unique[child, rid])


def _unique_ids(files: list[tuple[Path, str]]) -> dict[tuple[Path, str], str]:
    """(file, id) -> the id, or the file's path as given where two different files share the id."""
    owners: dict[str, set[Path]] = {}
    for child, rid in files:
        if child.suffix.lower() not in JSONL_SUFFIXES:  # a JSONL file's reports carry their own ids
            owners.setdefault(rid, set()).add(child.resolve())
    return {(child, rid): rid if len(owners.get(rid, ())) <= 1 else child.as_posix() for child, rid in files}


def _read_stdin(*, published: str | None) -> Iterator[Item]:
    data = sys.stdin.buffer.read()
    stripped = data.lstrip()
    if stripped.startswith(b"{"):
        import io

        yield from read_jsonl(io.BytesIO(data), name="stdin")
    else:
        yield from read_blob(data, name="stdin", published=published)
