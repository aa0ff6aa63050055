"""Readers: inputs (JSONL, text, HTML, feeds, WARC, CSV/TSV, directories, stdin) -> a stream of reports.

A reader never raises for one bad record: it yields a :class:`ReadFailure` in the report's place so
the batch keeps its order and its line, and the caller writes an error line for it.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from eventdesk.errors import BadEncoding, BadRecord, BinaryReport, EventdeskError, InputError
from eventdesk.io.html import html_to_report
from eventdesk.io.lines import MAX_LINE_BYTES, iter_lines
from eventdesk.io.options import ReadOptions, Skipped
from eventdesk.io.validate import decode_text
from eventdesk.records import Report

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
TABLE_SUFFIXES = {".csv", ".tsv"}
# formats whose records carry their own ids (a file's id is not used, so it need not be unique)
SELF_IDENTIFIED = {"jsonl", "jsonl.gz", "feed", "warc"}


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


def read_jsonl(stream: BinaryIO, *, name: str, max_line_bytes: int = MAX_LINE_BYTES) -> Iterator[Item]:
    """One report per non-blank line; a line over ``max_line_bytes`` is skipped unread (an error)."""
    for capped in iter_lines(stream, name=name, limit=max_line_bytes):
        lineno, raw = capped.number, capped.data
        fallback = f"{name}:{lineno}"
        if raw is None:
            yield ReadFailure(fallback, capped.error or InputError(f"line {lineno} of {name} is unreadable"))
            continue
        if not raw.strip():
            continue
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


def input_format(path: Path) -> str:
    """``jsonl``, ``jsonl.gz``, ``feed``, ``warc``, ``table``, ``html`` or ``text``, by the file's suffixes."""
    name = path.name.lower()
    suffix = path.suffix.lower()
    if name.endswith((".warc", ".warc.gz")):
        return "warc"
    if suffix == ".gz" and Path(name[:-3]).suffix in JSONL_SUFFIXES:
        return "jsonl.gz"
    for kind, suffixes in (("jsonl", JSONL_SUFFIXES), ("feed", FEED_SUFFIXES), ("table", TABLE_SUFFIXES),
                           ("html", HTML_SUFFIXES)):
        if suffix in suffixes:
            return kind
    return "text"


def read_file(path: Path, *, published: str | None = None, id: str | None = None,
              options: ReadOptions | None = None, skipped: Skipped | None = None) -> Iterator[Item]:
    """One file: a JSONL, feed, WARC or CSV/TSV file's reports, or one report whose id is ``id``
    (default: the file's stem). ``skipped`` counts the records passed over on purpose."""
    name = id or path.stem
    kind = input_format(path)
    if kind in ("jsonl", "jsonl.gz", "feed", "warc", "table"):
        yield from _read_records(path, kind, name=name, options=options or ReadOptions(),
                                 skipped=skipped if skipped is not None else Skipped())
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield ReadFailure(name, InputError(f"cannot read {path}: {exc.strerror}"))
        return
    yield from read_blob(data, name=name, is_html=kind == "html", published=published)


def _read_records(path: Path, kind: str, *, name: str, options: ReadOptions, skipped: Skipped) -> Iterator[Item]:
    """A file of many records; its readers are imported here, so a run without them loads nothing."""
    if kind == "jsonl":
        with path.open("rb") as fh:
            yield from read_jsonl(fh, name=str(path))
    elif kind == "jsonl.gz":
        import gzip

        with gzip.open(path, "rb") as gz:
            yield from read_jsonl(gz, name=str(path))  # type: ignore[arg-type]  # GzipFile is a BinaryIO
    elif kind == "feed":
        from eventdesk.io.feeds import read_feed

        yield from read_feed(path)
    elif kind == "warc":
        from eventdesk.io.warc import read_warc

        yield from read_warc(path, skipped=skipped)
    else:
        from eventdesk.io.tables import read_table

        yield from read_table(path, name=name, columns=options.columns)


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


def iter_directory(path: Path, options: ReadOptions | None = None) -> Iterator[Path]:
    """A directory's files, recursively, in name order: hidden ones left out, and those that
    ``options``' ``--include``/``--exclude`` globs leave out."""
    for child in sorted(path.rglob("*")):
        if child.is_file() and not child.name.startswith("."):
            if options is None or options.wants(PurePosixPath(child.relative_to(path).as_posix())):
                yield child


def read_inputs(inputs: Iterable[str], *, published: str | None = None, options: ReadOptions | None = None,
                skipped: Skipped | None = None) -> Iterator[Item]:
    """Stream reports from CLI inputs in order. ``-`` reads stdin (JSONL if it starts with ``{``).
    ``options``: CSV/TSV columns and a directory's globs; ``skipped`` counts records passed over.

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
            groups.append([(child, child.relative_to(path).with_suffix("").as_posix())
                           for child in iter_directory(path, options)])
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
            yield from read_file(child, published=published, id=unique[child, rid], options=options, skipped=skipped)


def _unique_ids(files: list[tuple[Path, str]]) -> dict[tuple[Path, str], str]:
    """(file, id) -> the id, or the file's path as given where two different files share the id."""
    owners: dict[str, set[Path]] = {}
    for child, rid in files:
        if input_format(child) not in SELF_IDENTIFIED:  # a JSONL file's reports carry their own ids
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
