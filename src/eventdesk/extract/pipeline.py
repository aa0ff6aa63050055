"""Report -> events. (Placeholder; being written.)"""

from __future__ import annotations

from eventdesk.records import Event, Report


def extract_report(report: Report) -> tuple[Event, ...]:
    return ()
