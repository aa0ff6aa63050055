"""The export formats, registered in one place (``--format NAME`` of ``incidents export`` and
``extract``).

A format is a name, a line of help and its writers: ``incidents`` (incident records to a text
stream), ``results`` (an extract run's results to a text stream; ``None`` where the format has no
per-event form) or ``incidents_to_path`` (a binary file that needs a path: Parquet). Every writer
returns an :class:`~eventdesk.export.table.ExportCount`. Add a format by adding a module with its
writers and one entry to :data:`FORMATS`; the CLI options and ``docs/exports.md`` list what is here
(a test checks the docs). Modules are imported when a format is used, not at import time.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from eventdesk.errors import EventdeskError
from eventdesk.export.table import ExportCount
from eventdesk.records import ReportResult
from eventdesk.store.incident import Incident

IncidentWriter = Callable[[Iterable[Incident], IO[str]], ExportCount]
ResultWriter = Callable[[Iterable[ReportResult], IO[str]], ExportCount]
PathWriter = Callable[[Iterable[Incident], Path], ExportCount]


class ExportFormatError(EventdeskError):
    code = "export_format"


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    module: str  # eventdesk.export.<module>
    help: str
    per_event: bool = True  # has a form for `extract` (one row per event)
    to_path: bool = False  # binary: written to a file by path, never to stdout

    def _module(self) -> Any:
        return importlib.import_module(f"eventdesk.export.{self.module}")

    def incidents(self) -> IncidentWriter:
        if self.to_path:
            raise ExportFormatError(f"--format {self.name} writes a binary file: give one with -o")
        writer: IncidentWriter = self._module().write_incidents
        return writer

    def incidents_to_path(self) -> PathWriter:
        writer: PathWriter = self._module().write_incidents
        return writer

    def results(self) -> ResultWriter:
        if not self.per_event:
            raise ExportFormatError(f"--format {self.name} is for incidents only (`eventdesk incidents export`)")
        writer: ResultWriter = self._module().write_results
        return writer


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("jsonl", "jsonl", "the contract (docs/schema.md), one record a line"),
        Format("csv", "flat", "one flat row per incident or event"),
        Format("parquet", "parquet", "incident records, nested structure kept (needs -o)", per_event=False, to_path=True),
        Format("geojson", "geojson", "a FeatureCollection of points; records without coordinates left out"),
        Format("gtd", "gtd", "Global Terrorism Database columns and codes"),
        Format("acled", "acled", "ACLED columns and codes"),
        Format("ucdp", "ucdp", "UCDP GED columns"),
        Format("plover", "plover", "PLOVER-style JSON events, one a line"),
    )
}
INCIDENT_FORMATS: tuple[str, ...] = tuple(FORMATS)
EVENT_FORMATS: tuple[str, ...] = tuple(name for name, f in FORMATS.items() if f.per_event)


def get_format(name: str) -> Format:
    if name not in FORMATS:
        raise ExportFormatError(f"no export format {name!r}; choose one of: {', '.join(FORMATS)}")
    return FORMATS[name]


def write_results(
    name: str, results: Iterable[ReportResult], out: IO[str], *, include_report: bool = False
) -> ExportCount:
    """An extract run's results in format ``name``: JSONL lines (the report with ``include_report``),
    or one row per event in the other formats."""
    if name == "jsonl":
        from eventdesk.export.jsonl import write_results as write_lines

        return write_lines(results, out, include_report=include_report)
    if include_report:
        raise ExportFormatError("--with-report applies to --format jsonl only")
    return get_format(name).results()(results, out)
