"""WARC and WARC.gz: HTML responses become reports, other records are counted, broken ones named (issue 17)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventdesk.io.options import Skipped
from eventdesk.io.readers import ReadFailure, read_inputs
from eventdesk.records import Report

DATE = "2025-02-11T06:20:00Z"


def _page(n: int, *, dated: str | None = None) -> bytes:
    meta = f'<meta property="article:published_time" content="{dated}">' if dated else ""
    return (f"<html><head><title>Story {n}</title>{meta}</head><body><article><h1>Story {n}</h1>"
            f"<p>Gunmen killed {n + 2} people at a roadside market on Monday, the district governor said.</p>"
            "<p>The attackers escaped into the forest before soldiers arrived, residents told reporters.</p>"
            "</article></body></html>").encode()


def _response(w: WARCWriter, uri: str, body: bytes, *, status: str = "200 OK", mime: str = "text/html") -> None:
    http = StatusAndHeaders(status, [("Content-Type", mime)], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http,
                                        warc_headers_dict={"WARC-Date": DATE}))


def _archive(gz: bool, pages: int = 3) -> bytes:
    out = io.BytesIO()
    w = WARCWriter(out, gzip=gz)
    w.write_record(w.create_warcinfo_record("crawl.warc", {"software": "test"}))
    for n in range(pages):
        w.write_record(w.create_warc_record(f"https://news.example/{n}", "request",
                                            payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
        _response(w, f"https://news.example/{n}", _page(n))
    _response(w, "https://news.example/gone", b"<html>gone</html>", status="404 Not Found")
    _response(w, "https://news.example/logo.png", b"\x89PNG....", mime="image/png")
    return out.getvalue()


def _read(path: Path) -> tuple[list[Report | ReadFailure], Skipped]:
    skipped = Skipped()
    return list(read_inputs([str(path)], skipped=skipped)), skipped


@pytest.mark.parametrize("gz", [True, False])
def test_warc_html_responses_become_reports_and_the_rest_is_counted(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(_archive(gz))
    items, skipped = _read(path)
    assert len(items) == 3 and all(isinstance(i, Report) for i in items)
    first = items[0]
    assert isinstance(first, Report)
    assert first.url == "https://news.example/0" and first.published == DATE and first.title == "Story 0"
    assert first.text.startswith("Story 0\nGunmen killed 2 people") and "<" not in first.text
    assert all(i.id.startswith("<urn:uuid:") for i in items) and len({i.id for i in items}) == 3
    assert skipped.counts == {"WARC request record": 3, "WARC warcinfo record": 1, "HTTP 404 response": 1,
                              "image/png response (not HTML)": 1}
    assert skipped.summary().startswith("6 records skipped (not reports): 3 WARC request record")


def test_warc_the_page_date_wins_unless_it_is_after_the_fetch(tmp_path: Path) -> None:
    out = io.BytesIO()
    w = WARCWriter(out, gzip=True)
    _response(w, "https://news.example/old", _page(1, dated="2025-02-09"))
    _response(w, "https://news.example/future", _page(2, dated="2031-01-01"))
    path = tmp_path / "dated.warc.gz"
    path.write_bytes(out.getvalue())
    old, future = _read(path)[0]
    assert isinstance(old, Report) and old.published == "2025-02-09"
    assert isinstance(future, Report) and future.published == DATE


@pytest.mark.parametrize("gz", [True, False])
def test_warc_broken_record_is_one_error_and_reading_resumes(tmp_path: Path, gz: bool) -> None:
    """The second page's record header is garbled: one error naming file and offset, pages 1 and 3 read."""
    out = io.BytesIO()
    w = WARCWriter(out, gzip=gz)
    offsets = []
    for n in range(3):
        offsets.append(out.tell())
        _response(w, f"https://news.example/{n}", _page(n))
    data = bytearray(out.getvalue())
    if gz:
        data[offsets[1] + 20: offsets[1] + 60] = b"\x00" * 40  # inside the deflate stream
    else:
        data[offsets[1]: offsets[1] + 8] = b"GARBAGE!"  # WARC/1.0 line destroyed
    path = tmp_path / ("broken.warc.gz" if gz else "broken.warc")
    path.write_bytes(bytes(data))
    items, _ = _read(path)
    reports = [i for i in items if isinstance(i, Report)]
    failures = [i for i in items if isinstance(i, ReadFailure)]
    assert [r.url for r in reports] == ["https://news.example/0", "https://news.example/2"]
    assert len(failures) == 1 and str(path) in failures[0].error.message
    assert "broken WARC record" in failures[0].error.message or "unreadable" in failures[0].error.message


def test_warc_truncated_gzip_keeps_the_records_before_it(tmp_path: Path) -> None:
    data = _archive(True, pages=4)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: int(len(data) * 0.6)])
    items, _ = _read(path)
    assert isinstance(items[-1], ReadFailure) and items[-1].error.code == "truncated"
    assert str(path) in items[-1].error.message and "bytes missing" in items[-1].error.message
    assert [i.url for i in items[:-1] if isinstance(i, Report)] == [f"https://news.example/{n}" for n in range(2)]


def test_warc_page_without_article_text_is_an_error_naming_the_record(tmp_path: Path) -> None:
    out = io.BytesIO()
    w = WARCWriter(out, gzip=True)
    _response(w, "https://news.example/empty", b"<html><body><nav>Home</nav></body></html>")
    _response(w, "https://news.example/1", _page(1))
    path = tmp_path / "mixed.warc.gz"
    path.write_bytes(out.getvalue())
    items, _ = _read(path)
    assert isinstance(items[0], ReadFailure) and items[0].id.startswith("<urn:uuid:")
    assert "WARC record at byte 0" in items[0].error.message and str(path) in items[0].error.message
    assert isinstance(items[1], Report)
