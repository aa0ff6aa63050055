"""Incident exports, the entry ``incidents export`` calls: :func:`export_incidents`.

The formats live in :mod:`eventdesk.export` (one module each, registered in
``eventdesk.export.registry.FORMATS``). :data:`WRITERS` keeps the older interface for the text
formats: a writer takes incidents and a text stream and returns how many it wrote.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from pathlib import Path
from typing import IO

from eventdesk.export import flat, jsonl
from eventdesk.export.registry import FORMATS, ExportFormatError, get_format
from eventdesk.export.table import ExportCount
from eventdesk.io.atomic import atomic_output, atomic_path
from eventdesk.store.incident import Incident

Writer = Callable[[Iterable[Incident], IO[str]], int]
CSV_COLUMNS = flat.INCIDENT_COLUMNS
csv_row = flat.incident_row


def export_incidents(incidents: Iterable[Incident], fmt: str, output: Path | None) -> ExportCount:
    """Write ``incidents`` in format ``fmt`` to ``output`` (atomically) or, for text formats, stdout."""
    form = get_format(fmt)
    if form.to_path:
        if output is None:
            raise ExportFormatError(f"--format {fmt} writes a binary file: give one with -o")
        with atomic_path(output) as tmp:
            return form.incidents_to_path()(incidents, tmp)
    writer = form.incidents()
    sink: IO[str]
    # a file appears whole or not at all: written beside the target, renamed at the end
    with atomic_output(output, newline="") if output else nullcontext(sys.stdout) as sink:
        return writer(incidents, sink)


def _counted(name: str) -> Writer:
    def write(incidents: Iterable[Incident], out: IO[str]) -> int:
        return FORMATS[name].incidents()(incidents, out).written

    write.__name__ = f"write_{name}"
    return write


def write_jsonl(incidents: Iterable[Incident], out: IO[str]) -> int:
    """One incident record per line (the contract in ``docs/schema.md``)."""
    return jsonl.write_incidents(incidents, out).written


def write_csv(incidents: Iterable[Incident], out: IO[str]) -> int:
    """One row per incident, fused fields only (histories stay in the JSONL export)."""
    return flat.write_incidents(incidents, out).written


WRITERS: dict[str, Writer] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    **{name: _counted(name) for name, f in FORMATS.items() if not f.to_path and name not in ("jsonl", "csv")},
}
