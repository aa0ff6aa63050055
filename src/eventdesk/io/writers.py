"""Writers: results -> JSONL lines (the contract's output format)."""

from __future__ import annotations

import json
from typing import IO

from eventdesk.records import ReportResult, result_to_dict


def write_jsonl(result: ReportResult, out: IO[str]) -> None:
    out.write(json.dumps(result_to_dict(result), ensure_ascii=False) + "\n")
