"""What every export writer shares: the count of what was written and left out, and the writing
of rows as CSV or JSON lines.

A coded format (GTD, ACLED, UCDP, PLOVER, GeoJSON) cannot hold every record: a stampede has no GTD
attack type, an incident with no coordinates is no point. Its converter returns the reason instead of
a row, and the reason is counted, never dropped silently (the CLI prints the counts).
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import IO, Any, TypeVar

T = TypeVar("T")


@dataclass
class ExportCount:
    written: int = 0
    left_out: Counter[str] = field(default_factory=Counter)

    def summary(self, noun: str, where: object = None) -> str:
        """``"12 incidents written to x.csv; 3 left out: 2 without coordinates, 1 without a date"``."""
        text = f"{self.written} {noun} written" + (f" to {where}" if where else "")
        if self.left_out:
            why = ", ".join(f"{n} {reason}" for reason, n in self.left_out.most_common())
            text += f"; {sum(self.left_out.values())} left out: {why}"
        return text


def cell(value: Any) -> Any:
    """A CSV cell: ``None`` is empty, booleans are 1/0 (what pandas and R read as numbers)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    return value


def write_table(
    columns: tuple[str, ...], convert: Callable[[T], dict[str, Any] | str], items: Iterable[T], out: IO[str]
) -> ExportCount:
    """A header, then one row per item that ``convert`` turns into a dict (a str is why it was left out)."""
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    count = ExportCount()
    for item in items:
        row = convert(item)
        if isinstance(row, str):
            count.left_out[row] += 1
            continue
        writer.writerow({k: cell(v) for k, v in row.items()})
        count.written += 1
    return count


def write_json_lines(convert: Callable[[T], dict[str, Any] | str], items: Iterable[T], out: IO[str]) -> ExportCount:
    """One JSON object per line for each item ``convert`` keeps."""
    count = ExportCount()
    for item in items:
        obj = convert(item)
        if isinstance(obj, str):
            count.left_out[obj] += 1
            continue
        out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        count.written += 1
    return count


def day_span(start: str | None, end: str | None) -> int | None:
    """Days from ``start`` to ``end`` inclusive (``1`` for one day); ``None`` when either is missing."""
    from datetime import date

    if not start or not end:
        return None
    try:
        return (date.fromisoformat(end[:10]) - date.fromisoformat(start[:10])).days + 1
    except ValueError:
        return None
