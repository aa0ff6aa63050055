"""Fuzz the readers of issue 17 (feeds, WARC, CSV/TSV, JSONL.gz): no exception escapes, one item
per record of a well-formed file, every item with an id; damaged files (cut, bytes flipped) still
yield only items (reports, failures), never an exception."""

from __future__ import annotations

import csv
import gzip
import io
import re
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from fuzz_settings import examples
from hypothesis import example, given
from hypothesis import strategies as st
from strategies import html_documents, jsonl_lines, report_texts
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventdesk.errors import InputError
from eventdesk.io.options import Skipped
from eventdesk.io.readers import ReadFailure, read_inputs
from eventdesk.records import Report

_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
DATES = ["Mon, 06 Jan 2025 23:30:00 -0500", "2025-03-02T09:15:00+02:00", "not a date", "", "Feb 30 2024",
         "2024-13-45T99:99:99Z", "Tue, 07 Jan 2025 08:00:00 GMT"]


def _read(name: str, data: bytes) -> tuple[list[Report | ReadFailure], Skipped]:
    skipped = Skipped()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, name)
        path.write_bytes(data)
        items = list(read_inputs([str(path)], skipped=skipped))
    for item in items:
        assert item.id
        if isinstance(item, ReadFailure):
            assert isinstance(item.error, InputError) and item.error.message
        else:
            assert isinstance(item, Report) and isinstance(item.text, str)
    return items, skipped


def _damage(data: bytes, cut: int | None, flips: list[int]) -> bytes:
    buf = bytearray(data if cut is None else data[: cut % (len(data) + 1)])
    for at in flips:
        if buf:
            buf[at % len(buf)] ^= 0x5A
    return bytes(buf)


@st.composite
def feeds(draw: st.DrawFn) -> tuple[bytes, int]:
    """An RSS file of n items with hostile titles, bodies (text or HTML) and dates: (bytes, n)."""
    items = []
    n = draw(st.integers(min_value=1, max_value=5))
    for i in range(n):
        body = draw(st.one_of(report_texts(6), html_documents()))
        title, date = draw(report_texts(3)), draw(st.sampled_from(DATES))
        items.append(f"<item><title>{escape(_NOT_XML.sub('', title))}</title><guid>g{i}</guid>"
                     f"<pubDate>{date}</pubDate><description>{escape(_NOT_XML.sub('', body))}</description></item>")
    xml = f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>F</title>{''.join(items)}</channel></rss>"
    return xml.encode("utf-8", errors="surrogatepass"), n


@examples(60)
@given(feeds())
def test_fuzz_read_feed_one_item_per_feed_item(feed: tuple[bytes, int]) -> None:
    data, n = feed
    items, _ = _read("f.rss", data)
    assert len(items) == n


@examples(60)
@given(feeds(), st.one_of(st.none(), st.integers(min_value=0)), st.lists(st.integers(min_value=0), max_size=4))
def test_fuzz_read_feed_damaged_never_raises(feed: tuple[bytes, int], cut: int | None, flips: list[int]) -> None:
    items, _ = _read("f.rss", _damage(feed[0], cut, flips))
    assert items  # at least one item or one failure for the file


RESPONSES = st.tuples(st.sampled_from(["200 OK", "404 Not Found", "301 Moved"]),
                      st.sampled_from(["text/html", "text/html; charset=utf-8", "image/png", "application/pdf", ""]))


@st.composite
def warcs(draw: st.DrawFn) -> tuple[bytes, int]:
    """A WARC (gzip or not) of responses with hostile bodies and requests: (bytes, HTML 200 responses)."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=draw(st.booleans()))
    html = 0
    for i in range(draw(st.integers(min_value=1, max_value=5))):
        status, mime = draw(RESPONSES)
        body = draw(st.one_of(html_documents().map(lambda s: s.encode("utf-8", "replace")), st.binary(max_size=200)))
        headers = StatusAndHeaders(status, [("Content-Type", mime)] if mime else [], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://x.example/{i}", "response",
                                                      payload=io.BytesIO(body), http_headers=headers))
        if draw(st.booleans()):
            writer.write_record(writer.create_warc_record(f"https://x.example/{i}", "request",
                                                          payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
        html += status.startswith("200") and mime.startswith("text/html")
    return out.getvalue(), html


@examples(60)
@given(warcs())
def test_fuzz_read_warc_one_item_per_html_response(warc: tuple[bytes, int]) -> None:
    data, html = warc
    items, _ = _read("a.warc.gz" if data[:2] == b"\x1f\x8b" else "a.warc", data)
    assert len(items) == html
    assert all(i.id.startswith("<urn:uuid:") for i in items)


# found by this test (2026-12-08): a record cut inside its headers, so it has no WARC-Target-URI, made
# warcio raise AttributeError out of the iterator
_NO_URI = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:90c7259f-db38-43b4-b1ca-6948d8f69475>\r\n"
           b"WARC-Target-URI: https://x.example/0\r\nWARC-Date: 2026-12-08T04:43:23Z\r\n"
           b"Content-Type: application/http; msgtype=response\r\nContent-Length: 44\r\n\r\n"
           b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n\r\n\r\n")


@examples(80)
@given(warcs(), st.one_of(st.none(), st.integers(min_value=0)), st.lists(st.integers(min_value=0), max_size=4))
@example((_NO_URI, 1), 60, [])
def test_fuzz_read_warc_damaged_never_raises(warc: tuple[bytes, int], cut: int | None, flips: list[int]) -> None:
    data = warc[0]
    _read("a.warc.gz" if data[:2] == b"\x1f\x8b" else "a.warc", _damage(data, cut, flips))


@st.composite
def tables(draw: st.DrawFn) -> tuple[bytes, int, str]:
    """A CSV or TSV file written by csv.writer with hostile cells: (bytes, rows with a cell, suffix)."""
    suffix = draw(st.sampled_from([".csv", ".tsv"]))
    cells = st.one_of(report_texts(4), st.sampled_from(["", '"', ",", "\t", "\r\n", "a\nb"]))
    rows = draw(st.lists(st.tuples(cells, cells, cells), max_size=6))
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter="\t" if suffix == ".tsv" else ",", lineterminator="\n")
    writer.writerow(["id", "text", "date"])
    for row in rows:
        writer.writerow([_NOT_XML.sub("", c).replace("\x00", "") for c in row])
    kept = sum(1 for row in rows if any(_NOT_XML.sub("", c).replace("\x00", "").strip() for c in row))
    return out.getvalue().encode("utf-8", errors="surrogatepass"), kept, suffix


@examples(80)
@given(tables())
def test_fuzz_read_table_one_item_per_row(table: tuple[bytes, int, str]) -> None:
    data, kept, suffix = table
    items, _ = _read("t" + suffix, data)
    assert len(items) == kept


@examples(60)
@given(tables(), st.one_of(st.none(), st.integers(min_value=0)), st.lists(st.integers(min_value=0), max_size=4))
def test_fuzz_read_table_damaged_never_raises(table: tuple[bytes, int, str], cut: int | None, flips: list[int]) -> None:
    _read("t" + table[2], _damage(table[0], cut, flips))


@examples(60)
@given(st.lists(jsonl_lines(), max_size=10), st.one_of(st.none(), st.integers(min_value=0)),
       st.lists(st.integers(min_value=0), max_size=3))
def test_fuzz_read_jsonl_gz_one_item_per_line_damaged_never_raises(lines: list[bytes], cut: int | None,
                                                                   flips: list[int]) -> None:
    plain = b"\n".join(lines) + b"\n"
    items, _ = _read("a.jsonl.gz", gzip.compress(plain))
    assert len(items) == sum(1 for raw in plain.split(b"\n") if raw.strip())
    _read("a.jsonl.gz", _damage(gzip.compress(plain), cut, flips))
