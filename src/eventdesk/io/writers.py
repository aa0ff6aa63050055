"""Writers: results -> JSONL lines (the contract's output format)."""

from __future__ import annotations

import json
from typing import IO

from eventdesk.records import ReportResult, result_to_dict


def write_jsonl(result: ReportResult, out: IO[str], *, include_report: bool = False) -> None:
    """One line; with ``include_report`` the report (text, title, ...) goes under ``"report"``."""
    out.write(json.dumps(result_to_dict(result, include_report=include_report), ensure_ascii=False) + "\n")
