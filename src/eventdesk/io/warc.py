"""WARC and WARC.gz files (web archives, Common Crawl's CC-NEWS) -> reports, with warcio.

Each HTML response (``response`` record, HTTP 200, ``text/html`` or XHTML) becomes a report through
the page reader (:func:`~eventdesk.io.html.html_to_report`): its id is the record's
``WARC-Record-ID``, its ``url`` the ``WARC-Target-URI``, its ``published`` the ``WARC-Date`` (the day
it was fetched), or the page's own date where the page states one no later than that. Every other
record (``warcinfo``, ``request``, ``metadata``, redirects, images, ...) is skipped and counted by
reason in the run's :class:`~eventdesk.io.options.Skipped` tally.

The file is streamed record by record; a page's body is read up to :data:`MAX_PAGE_BYTES`. A record
that cannot be parsed (a bad header, a truncated gzip member) is one error naming the file and byte
offset, and reading resumes at the next record that parses: the next gzip member of a ``.warc.gz``,
the next ``WARC/1.x`` line of a ``.warc``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from eventdesk.errors import BadRecord, InputError, ReportTooLarge
from eventdesk.io.html import html_to_report
from eventdesk.io.options import Skipped
from eventdesk.io.readers import Item, ReadFailure
from eventdesk.io.validate import decode_text
from eventdesk.records import Report

MAX_PAGE_BYTES = 10 * 1024 * 1024  # a news page's HTML is well under 2 MB
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_LINE = b"\nWARC/1."
_SCAN_CHUNK = 1024 * 1024


def read_warc(path: Path, *, skipped: Skipped) -> Iterator[Item]:
    """Every HTML response of a WARC file as a report (or a failure); the other records into ``skipped``."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        fh = path.open("rb")
    except OSError as exc:
        yield ReadFailure(str(path), InputError(f"cannot read {path}: {exc.strerror}"))
        return
    with fh:
        gz = fh.read(3) == _GZIP_MAGIC
        start: int | None = 0
        in_damage = False  # between a broken record and the next one that parses: one error for it all
        while start is not None:
            fh.seek(start)
            last = -1
            records = ArchiveIterator(fh, check_digests=False)
            try:
                for record in records:
                    last = records.offset  # where this record begins (get_record_offset() would consume it)
                    in_damage = False
                    item = _record_item(record, path=path, offset=last)
                    records.read_to_end()
                    missing = getattr(record.raw_stream, "limit", 0)  # bytes the file ended before
                    if missing:
                        rid = f"{path}@{last}" if isinstance(item, _Skip) else item.id
                        yield ReadFailure(rid, InputError(f"{path}: the WARC record at byte {last:,} is truncated "
                                                          f"({missing:,} bytes missing)", code="truncated"))
                    elif isinstance(item, _Skip):
                        skipped.add(item.reason)
                    else:
                        yield item
                return
            except Exception as exc:  # warcio's ArchiveLoadFailed for a bad header, and AttributeError,
                # TypeError, zlib.error, ... from inside its parser on damaged records (found by fuzzing)
                if not in_damage:
                    at = max(last, start)
                    yield ReadFailure(f"{path}@{at}", BadRecord(
                        f"{path}: broken WARC record after byte {at:,} ({type(exc).__name__}: {exc}); "
                        "reading resumes at the next record"))
                    in_damage = True
                start = _next_record_start(fh, max(last, start) + 1, gz=gz)


@dataclass(frozen=True, slots=True)
class _Skip:
    reason: str


def _record_item(record: Any, *, path: Path, offset: int) -> Item | _Skip:
    """The report of one record, a failure, or why it is not a report."""
    if record.rec_type != "response":
        return _Skip(f"WARC {record.rec_type} record")
    http = record.http_headers
    if http is None:
        return _Skip("WARC response without HTTP headers")
    status = http.get_statuscode()
    if status != "200":
        return _Skip(f"HTTP {status} response")
    mime = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if mime not in HTML_TYPES:
        return _Skip(f"{mime or 'untyped'} response (not HTML)")
    headers = record.rec_headers
    rid = headers.get_header("WARC-Record-ID") or f"{path}@{offset}"
    try:
        return _page_report(record, id=rid, url=headers.get_header("WARC-Target-URI"),
                            fetched=headers.get_header("WARC-Date"))
    except InputError as exc:
        return ReadFailure(rid, type(exc)(f"{path}, WARC record at byte {offset:,} ({rid}): {exc.message}",
                                          code=exc.code))
    except Exception as exc:  # a body that does not decode (chunked, gzip): warcio's errors have no common base
        return ReadFailure(rid, BadRecord(f"{path}, WARC record at byte {offset:,} ({rid}): unreadable body: {exc}"))


def _page_report(record: Any, *, id: str, url: str | None, fetched: str | None) -> Report:
    body = record.content_stream().read(MAX_PAGE_BYTES + 1)
    if len(body) > MAX_PAGE_BYTES:
        raise ReportTooLarge(f"the page is over {MAX_PAGE_BYTES:,} bytes")
    decoded = decode_text(body)
    page = html_to_report(decoded.text, id=id, guessed_encoding=decoded.guessed_encoding)
    published = fetched
    if page.published and (not fetched or page.published[:10] <= fetched[:10]):
        published = page.published  # the page's own date, unless it is after the fetch (a wrong guess)
    return Report(text=page.text, id=id, title=page.title, published=published, url=url or page.url,
                  source=page.source, guessed_encoding=page.guessed_encoding)


def _next_record_start(fh: BinaryIO, start: int, *, gz: bool) -> int | None:
    """The offset of the next place a record may begin at or after ``start``, or None at the end."""
    marker, shift = (_GZIP_MAGIC, 0) if gz else (_WARC_LINE, 1)
    fh.seek(start - shift)
    base, tail = start - shift, b""
    while chunk := fh.read(_SCAN_CHUNK):
        data = tail + chunk
        found = data.find(marker)
        if found >= 0:
            return base - len(tail) + found + shift
        tail = data[-(len(marker) - 1):]
        base += len(chunk)
    return None
