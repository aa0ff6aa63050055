"""eventdesk: news reports of violence in, incident records with evidence out.

The public API::

    import eventdesk
    events = eventdesk.extract(text, published="2024-01-04", title="...")
    for result in eventdesk.extract_many(reports, workers=2):
        ...

Nothing heavy happens at import time: models load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from eventdesk.records import Event, Report, ReportResult


def extract(
    text: str,
    *,
    published: str | None = None,
    title: str | None = None,
    id: str | None = None,
) -> list[Event]:
    """Extract the events of one report. Raises :class:`eventdesk.errors.InputError` on bad input."""
    from eventdesk.extractor.pipeline import extract_report
    from eventdesk.records import Report

    report = Report(text=text, id=id or Report.content_id(text), title=title, published=published)
    return list(extract_report(report))


def extract_many(
    reports: Iterable[Report | dict[str, Any]], *, workers: int = 1, batch_size: int = 16
) -> Iterator[ReportResult]:
    """Stream results in input order; a bad report yields a result with ``error`` set."""
    from eventdesk.batch import run_batch

    return run_batch(reports, workers=workers, batch_size=batch_size)


__all__ = ["__version__", "extract", "extract_many"]
