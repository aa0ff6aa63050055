"""HTML pages -> reports, with trafilatura (offline: its fetch functions are never called)."""

from __future__ import annotations

import json

from eventdesk.errors import InputError
from eventdesk.records import Report


def html_to_report(html: str, *, id: str, published: str | None = None, guessed_encoding: str | None = None) -> Report:
    """Extract the article body, title and date from an HTML page (``guessed_encoding``: see
    :class:`~eventdesk.records.Report`)."""
    import trafilatura

    try:
        raw = trafilatura.extract(
            html, output_format="json", with_metadata=True, include_comments=False, favor_precision=True
        )
    except Exception as exc:  # trafilatura raises many internal types on broken markup
        raise InputError(f"could not parse the HTML page: {exc}", code="bad_html") from exc
    if not raw:
        raise InputError("no article text found in the HTML page", code="no_article")
    meta = json.loads(raw)
    text = meta.get("text") or ""
    if len(text.split()) < 3:
        raise InputError("no article text found in the HTML page", code="no_article")
    return Report(
        text=text,
        id=id,
        title=meta.get("title") or None,
        published=published or meta.get("date") or None,
        url=meta.get("source") or meta.get("url") or None,
        source=meta.get("sitename") or None,
        guessed_encoding=guessed_encoding,
    )
