"""Ingestion: reports in, stored reports, events and incidents out, batch by batch.

* **Idempotent.** A report whose text (sha1) or URL is already stored is skipped before extraction,
  and again inside the write transaction.
* **Transactional.** Each batch (``batch_size`` reports) is written, linked and fused in one
  transaction; a crash or ``kill -9`` loses at most the batch being written.
* **Resumable.** Running the same command again skips what was committed and does the rest.
* **Bounded memory.** The input streams through; only one batch and its candidate incidents are
  held at a time (plus the hashes seen in this run, to skip duplicates within the input).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any, TypeVar

from eventdesk.errors import EventdeskError
from eventdesk.io.readers import ReadFailure
from eventdesk.records import Report, ReportResult, result_from_dict
from eventdesk.store.base import BatchSummary, Store
from eventdesk.store.sql import content_hash

T = TypeVar("T")
Extractor = Callable[[Iterable[Report]], Iterable[ReportResult]]


@dataclass(slots=True)
class IngestSummary:
    read: int = 0
    unreadable: int = 0  # input records that are not reports (bad JSON, no text): nothing to store
    batches: int = 0
    seconds: float = 0.0
    totals: BatchSummary = field(default_factory=BatchSummary)

    def as_dict(self) -> dict[str, Any]:
        t = self.totals
        return {
            "read": self.read,
            "unreadable": self.unreadable,
            "stored": t.stored,
            "duplicates": t.duplicates,
            "errors": t.errors,
            "events": t.events,
            "incidents_touched": len(t.incidents),
            "batches": self.batches,
            "seconds": round(self.seconds, 2),
        }


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _identity(item: Report | ReportResult) -> tuple[str, str | None]:
    report = item if isinstance(item, Report) else item.report or Report(text=item.id, id=item.id)
    return content_hash(report), report.url


def ingest(
    store: Store,
    items: Iterable[Report | ReportResult | ReadFailure],
    *,
    workers: int = 1,
    batch_size: int = 200,
    extract: Extractor | None = None,
    on_batch: Callable[[IngestSummary, int], None] | None = None,
) -> IngestSummary:
    """Store ``items``: either reports, extracted here (``eventdesk.extract_many`` unless ``extract``
    is given) in one stream, or pre-extracted :class:`ReportResult` records (with ``.report``),
    stored as they are; the first item decides. Unreadable records are counted and skipped.
    ``on_batch(summary, n)`` is called after each committed batch and for each skipped chunk."""
    summary = IngestSummary()
    started = time.perf_counter()
    seen: set[str] = set()

    def fresh() -> Iterator[Report | ReportResult]:
        for chunk in _chunks(items, batch_size):
            summary.read += len(chunk)
            good = [it for it in chunk if not isinstance(it, ReadFailure)]
            summary.unreadable += len(chunk) - len(good)
            ids = [_identity(it) for it in good]
            known = store.known([h for h, _ in ids], [u for _, u in ids if u]) | seen
            skipped = len(chunk) - len(good)
            for item, (digest, url) in zip(good, ids, strict=True):
                if digest in known or (url and url in known):
                    summary.totals.duplicates += 1
                    skipped += 1
                    continue
                known.add(digest)
                seen.add(digest)
                if url:
                    known.add(url)
                    seen.add(url)
                yield item
            if skipped and on_batch:
                on_batch(summary, skipped)

    def results() -> Iterator[ReportResult]:
        stream = fresh()
        first = next(stream, None)
        if first is None:
            return
        if isinstance(first, ReportResult):
            yield first
            yield from (r for r in stream if isinstance(r, ReportResult))
            return
        reports = chain([first], (r for r in stream if isinstance(r, Report)))
        yield from (extract or default_extractor(workers))(reports)

    for batch in _chunks(results(), batch_size):
        summary.totals.add(store.add_results(batch))
        summary.batches += 1
        if on_batch:
            on_batch(summary, len(batch))
    summary.seconds = time.perf_counter() - started
    return summary


def default_extractor(workers: int) -> Extractor:
    def run(reports: Iterable[Report]) -> Iterable[ReportResult]:
        import eventdesk

        return eventdesk.extract_many(reports, workers=workers)

    return run


def read_extracted(paths: Iterable[str]) -> Iterator[ReportResult | ReadFailure]:
    """Pre-extracted results from JSONL files or directories of them (``eventdesk extract`` lines
    carrying their report, under ``"report"`` or as top-level ``text``/``title``/``published``...)."""
    import json

    from eventdesk.errors import BadRecord

    files: list[Path] = []
    for spec in paths:
        path = Path(spec)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*.jsonl") if p.is_file())
        elif path.is_file():
            files.append(path)
        else:
            raise EventdeskError(f"input not found: {spec}", code="input_not_found")
    for path in files:
        with path.open(encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    d = json.loads(line)
                    if "report" not in d and "text" in d:
                        d["report"] = {k: d.get(k) for k in ("text", "title", "published", "url", "source")}
                        d["report"]["id"] = d["id"]
                    yield result_from_dict(d)
                except (ValueError, KeyError, TypeError) as exc:
                    yield ReadFailure(f"{path}:{lineno}", BadRecord(f"line {lineno} of {path}: {exc}"))
