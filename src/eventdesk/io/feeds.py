"""RSS and Atom feed files -> one report per item, with feedparser.

An item's text is its longest full content (``content:encoded``, Atom ``content``), else its
summary; HTML goes through the page reader (:func:`~eventdesk.io.html.html_to_report`), so markup
never reaches the extractor. The report's id is the item's id (RSS ``guid``, Atom ``id``), else its
link, else ``<file>#<n>``; its ``published`` is the item's date with the feed's own offset kept
(``2025-01-06T23:30:00-05:00``: the local day is the one relative dates are resolved against), its
``url`` the item's link and its ``source`` the feed's title. An item with a date that cannot be read
is an error naming the file and item (relative dates would be resolved against nothing), and the
feed's other items are read. feedparser parses a whole document at once, so a feed is read whole:
files over :data:`MAX_FEED_BYTES` are refused with an error (published feeds are well under 1 MB).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from eventdesk.errors import BadRecord, EmptyReport, InputError, ReportTooLarge
from eventdesk.io.html import html_to_report
from eventdesk.io.readers import Item, ReadFailure
from eventdesk.records import Report

MAX_FEED_BYTES = 32 * 1024 * 1024


def read_feed(path: Path) -> Iterator[Item]:
    """Every item of an RSS/Atom file as a report, or a failure naming the file and item."""
    import feedparser

    try:
        size = path.stat().st_size
        if size > MAX_FEED_BYTES:
            raise ReportTooLarge(f"{path} is {size:,} bytes; feeds over {MAX_FEED_BYTES:,} bytes are not read")
        parsed = feedparser.parse(path.read_bytes(), sanitize_html=False, resolve_relative_uris=False)
    except OSError as exc:
        yield ReadFailure(str(path), InputError(f"cannot read {path}: {exc.strerror}"))
        return
    except InputError as exc:
        yield ReadFailure(str(path), exc)
        return
    if not parsed.entries:
        why = f" ({parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
        yield ReadFailure(str(path), BadRecord(f"{path} is not an RSS/Atom feed with items{why}"))
        return
    source = parsed.feed.get("title") or None
    seen: set[str] = set()
    for number, entry in enumerate(parsed.entries, start=1):
        rid = str(entry.get("id") or entry.get("link") or f"{path}#{number}")
        if rid in seen:  # a feed that repeats an id: the later items keep their place
            rid = f"{rid}#{number}"
        seen.add(rid)
        try:
            yield _item_report(entry, id=rid, source=source)
        except InputError as exc:
            yield ReadFailure(rid, type(exc)(f"{path}, item {number} ({rid}): {exc.message}", code=exc.code))


def _item_report(entry: Any, *, id: str, source: str | None) -> Report:
    published = _item_date(entry)
    body, mime = _item_body(entry)
    if not body.strip():
        raise EmptyReport("the item has no content or summary")
    title = entry.get("title") or None
    url = entry.get("link") or None
    if "html" in mime:
        report = html_to_report(f"<html><body>{body}</body></html>", id=id, published=published)
        return Report(text=report.text, id=id, title=title, published=published, url=url, source=source)
    return Report(text=body, id=id, title=title, published=published, url=url, source=source)


def _item_body(entry: Any) -> tuple[str, str]:
    """The longest full content, else the summary: (text, MIME type)."""
    contents = [c for c in entry.get("content", []) if (c.get("value") or "").strip()]
    if contents:
        best = max(contents, key=lambda c: len(c.get("value") or ""))
        return best.get("value") or "", best.get("type") or "text/html"
    detail = entry.get("summary_detail") or {}
    return entry.get("summary") or "", detail.get("type") or "text/html"


def _item_date(entry: Any) -> str | None:
    """The item's date as ISO 8601 with its own offset; None when it has none; BadRecord when unreadable."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key) if key in entry else None  # .get("updated") alone warns (feedparser)
        if not raw:
            continue
        stamp = _parse_date(str(raw).strip())
        if stamp is None and entry.get(f"{key}_parsed"):  # a form only feedparser knows; UTC
            stamp = dt.datetime.fromtimestamp(calendar.timegm(entry[f"{key}_parsed"]), dt.UTC)
        if stamp is None:
            raise BadRecord(f"its {key} date {str(raw)[:80]!r} is not a date (RFC 822 or ISO 8601 expected)")
        return stamp.isoformat()
    return None


def _parse_date(raw: str) -> dt.datetime | None:
    try:
        return parsedate_to_datetime(raw)  # RSS: RFC 822
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return dt.datetime.fromisoformat(raw)  # Atom: RFC 3339
    except ValueError:
        return None
