"""Package data files (lexicons, crosswalks, samples): one place that knows where they live."""

from __future__ import annotations

import csv
import functools
from importlib import resources
from pathlib import Path


def data_path(name: str) -> Path:
    return Path(str(resources.files("eventdesk") / "data" / name))


@functools.lru_cache(maxsize=64)
def read_lines(name: str) -> tuple[str, ...]:
    """Non-empty lines of a data file, ``#`` comments dropped."""
    out = []
    for line in data_path(name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if line:
            out.append(line)
    return tuple(out)


@functools.lru_cache(maxsize=64)
def read_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated data file with a header line; lines starting with ``#`` are comments."""
    text = data_path(name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple(dict(row) for row in csv.DictReader(lines, delimiter="\t"))


def samples_dir() -> Path:
    return Path(str(resources.files("eventdesk") / "samples"))
