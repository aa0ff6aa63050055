"""``--format jsonl``: the contract itself (``docs/schema.md``), one record a line.

An incident record per line for ``incidents export``; a report's output line (its events, warnings
and error) per line for ``extract``, as :func:`eventdesk.io.writers.write_jsonl` writes it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from eventdesk.export.table import ExportCount
from eventdesk.io.writers import write_jsonl
from eventdesk.records import ReportResult
from eventdesk.store.incident import Incident, incident_to_dict


def write_incidents(incidents: Iterable[Incident], out: IO[str]) -> ExportCount:
    count = ExportCount()
    for incident in incidents:
        out.write(json.dumps(incident_to_dict(incident), ensure_ascii=False) + "\n")
        count.written += 1
    return count


def write_results(results: Iterable[ReportResult], out: IO[str], *, include_report: bool = False) -> ExportCount:
    count = ExportCount()
    for result in results:
        write_jsonl(result, out, include_report=include_report)
        count.written += 1
    return count
