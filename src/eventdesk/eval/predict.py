"""Running the extractor for an evaluation: data folders, a pluggable predictor, progress, event choice.

Every adapter takes ``predictor``: a callable from a list of reports to their results in input order.
The default calls :func:`eventdesk.extract_many`; tests pass a fake that returns hand-built events.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from eventdesk.errors import DataNotFound
from eventdesk.records import Event, Report, ReportResult

Predictor = Callable[[Sequence[Report]], Iterable[ReportResult]]
T = TypeVar("T")

# folder name of each dataset under the data root (../shared/data)
DATA_FOLDERS: dict[str, str] = {
    "muc4": "muc4",
    "gva": "gva",
    "isaf": "isaf",
    "case2021": "case2021_task2",
    "wikievents": "wikievents",
    "rams": "rams",
    "giveme5w1h": "giveme5w1h",
}


def default_data_root() -> Path:
    """``$EVENTDESK_DATA``, else ``../shared/data`` next to the current directory."""
    env = os.environ.get("EVENTDESK_DATA")
    return Path(env) if env else Path.cwd().parent / "shared" / "data"


def resolve_data_dir(path: Path, dataset: str, marker: str) -> Path:
    """Accept the dataset folder itself or the data root holding it; ``marker`` is a file (relative
    to the dataset folder) that must exist. Raises :class:`DataNotFound` otherwise."""
    folder = DATA_FOLDERS[dataset]
    for candidate in (path, path / folder):
        if (candidate / marker).exists():
            return candidate
    raise DataNotFound(f"no {dataset} data under {path} (looked for {marker} and {folder}/{marker})")


def stable_order(items: Iterable[T], key: Callable[[T], str]) -> list[T]:
    """Items sorted by the SHA-1 of their key: a fixed pseudo-random order, so ``--limit N`` takes a
    representative sample that is the same on every run and machine."""
    return sorted(items, key=lambda item: hashlib.sha1(key(item).encode("utf-8")).hexdigest())


def recase(text: str, case: str) -> str:
    """``text`` upper- or lower-cased character by character where that keeps its length (so every
    offset still points at the same words: "ß".upper() is "SS" and is left alone)."""
    if case == "as-is":
        return text
    change = str.upper if case == "upper" else str.lower
    return "".join(c2 if len(c2 := change(c)) == 1 else c for c in text)


def default_predictor(workers: int = 1, *, case: str = "as-is") -> Predictor:
    """Extraction through :func:`eventdesk.extract_many` with ``workers`` processes; ``case``
    ("upper" or "lower") re-cases each report's text and title first."""

    def predict(reports: Sequence[Report]) -> Iterator[ReportResult]:
        import dataclasses

        import eventdesk

        if case != "as-is":
            reports = [
                dataclasses.replace(r, text=recase(r.text, case), title=recase(r.title, case) if r.title else r.title)
                for r in reports
            ]
        yield from eventdesk.extract_many(reports, workers=workers)

    return predict


def run_predictions(
    reports: Sequence[Report], predictor: Predictor, *, label: str = "extracting", progress: bool = True
) -> list[ReportResult]:
    """All results, in input order, with a progress bar on stderr (stdout stays clean for ``--json``)."""
    stream = iter(predictor(reports))
    if progress and reports:
        from rich.console import Console
        from rich.progress import Progress

        results = []
        with Progress(console=Console(file=sys.stderr), transient=True) as bar:
            task = bar.add_task(label, total=len(reports))
            for result in stream:
                results.append(result)
                bar.advance(task)
    else:
        results = list(stream)
    if len(results) != len(reports):
        raise RuntimeError(f"the extractor returned {len(results)} results for {len(reports)} reports")
    for report, result in zip(reports, results, strict=True):
        if report.id and result.id != report.id:
            raise RuntimeError(f"results out of order: expected {report.id!r}, got {result.id!r}")
    return results


def main_event(result: ReportResult) -> Event | None:
    """The report's main event: the first with role ``main``, else the first that is not background."""
    for event in result.events:
        if event.role == "main":
            return event
    for event in result.events:
        if event.role != "background":
            return event
    return None


def current_events(result: ReportResult) -> list[Event]:
    """Events that are not ``background`` (the incidents the report is about)."""
    return [e for e in result.events if e.role != "background"]


def count_errors(results: Iterable[ReportResult]) -> int:
    return sum(1 for r in results if r.error is not None)
