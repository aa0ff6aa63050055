"""Ingestion: reports in, stored reports, events and incidents out, batch by batch.

* **Idempotent.** A report whose text (sha1) or URL is already stored is skipped before extraction,
  and again inside the write transaction.
* **Transactional.** Each batch (``batch_size`` reports) is written, linked and fused in one
  transaction; a crash or ``kill -9`` loses at most the batch being written.
* **Resumable.** Running the same command again skips what was committed and does the rest.
* **Bounded memory.** The input streams through; only one batch and its candidate incidents are
  held at a time (plus the hashes seen in this run, to skip duplicates within the input).
* **No silent failures.** Every input record that is not stored (unreadable) and every stored report
  whose extraction failed is passed to ``on_failure`` as a :class:`Failure`, as it happens.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any, TypeVar

from eventdesk.errors import BadEncoding, BadRecord, EventdeskError
from eventdesk.io.lines import iter_lines
from eventdesk.io.readers import ReadFailure
from eventdesk.records import Failure, Report, ReportResult, result_from_dict
from eventdesk.store.base import BatchSummary, Store
from eventdesk.store.sql import content_hash

T = TypeVar("T")
Extractor = Callable[[Iterable[Report]], Iterable[ReportResult]]

NO_REPORT = "no_report"  # error code of an --extracted line that does not carry its report's text


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


def _without_report(result: ReportResult) -> ReadFailure:
    """A result that does not carry its report is not stored: without its text the report could
    never be extracted again."""
    return ReadFailure(result.id, BadRecord("the result carries no report (text)", code=NO_REPORT))


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
    on_failure: Callable[[Failure], None] | None = None,
) -> IngestSummary:
    """Store ``items``: either reports, extracted here (``eventdesk.extract_many`` unless ``extract``
    is given) in one stream, or pre-extracted :class:`ReportResult` records (with ``.report``),
    stored as they are; the first item decides. Unreadable records, and results without their
    report, are counted and skipped.
    ``on_batch(summary, n)`` is called after each committed batch and for each skipped chunk;
    ``on_failure(failure)`` for each unreadable record and, after its batch is committed, for each
    stored report whose extraction failed."""
    summary = IngestSummary()
    started = time.perf_counter()
    seen: set[str] = set()
    failed = on_failure or (lambda _: None)

    def fresh() -> Iterator[Report | ReportResult]:
        for chunk in _chunks(items, batch_size):
            summary.read += len(chunk)
            chunk = [_without_report(it) if isinstance(it, ReportResult) and it.report is None else it for it in chunk]
            good = [it for it in chunk if not isinstance(it, ReadFailure)]
            summary.unreadable += len(chunk) - len(good)
            for bad in chunk:
                if isinstance(bad, ReadFailure):
                    failed(Failure(bad.id, bad.error.code, bad.error.message, "read"))
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
        for result in batch:
            if result.error is not None:
                failed(Failure(result.id, result.error.code, result.error.message, "extract"))
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
    """Pre-extracted results from JSONL files or directories of them: ``eventdesk extract
    --with-report`` lines (the report under ``"report"``), or lines with the report's fields at the
    top level (``text``, ``title``, ``published``...). A line that carries no report text (plain
    ``eventdesk extract`` output) is a :class:`ReadFailure` (code ``no_report``) naming file:line:
    stored without its text, its report could never be extracted again."""
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
        with path.open("rb") as fh:  # lines end at b"\n" only, as `extract` writes them
            for line in iter_lines(fh, name=str(path)):  # a line over the cap is never held whole
                where = f"{path}:{line.number}"
                if line.data is None:
                    yield ReadFailure(where, line.error or BadRecord("unreadable line"))
                elif line.data.strip():
                    yield _extracted_line(line.data, where)


def _extracted_line(raw: bytes, where: str) -> ReportResult | ReadFailure:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return ReadFailure(where, BadEncoding(f"the line is not valid UTF-8 ({exc.reason} at byte {exc.start})"))
    try:
        d = json.loads(line)
        if not isinstance(d, dict):
            raise TypeError("not a JSON object")
        if "report" not in d and "text" in d:
            d["report"] = {k: d.get(k) for k in ("text", "title", "published", "url", "source")}
            d["report"]["id"] = d["id"]
        report = d.get("report")
        if not isinstance(report, dict) or not isinstance(report.get("text"), str):
            return ReadFailure(where, BadRecord(_no_report(d), code=NO_REPORT))
        return result_from_dict(d)
    except (ValueError, KeyError, TypeError) as exc:
        return ReadFailure(where, BadRecord(f"not an `eventdesk extract` line: {exc}"))


def _no_report(d: dict[str, Any]) -> str:
    said = d.get("error")
    extract_error = f" (extract's error for it: {said.get('code')})" if isinstance(said, dict) else ""
    return (
        f"the line carries no report text{extract_error}, so it cannot be stored: write lines "
        "that carry their report with `eventdesk extract --with-report`, or ingest the reports "
        "themselves without --extracted"
    )
