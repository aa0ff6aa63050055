"""Batch extraction: a stream of reports in, a stream of results out, in input order, never dropped.

Reports are processed in chunks; each chunk runs spaCy's ``nlp.pipe`` once. With ``workers > 1``
chunks go to a process pool (``fork`` where available, after the model is loaded, so the weights
are shared copy-on-write) and come back in order. One bad report yields a result with ``error``;
an unexpected exception in one report is caught, reported as ``extraction_failed`` and the batch
goes on.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import sys
import traceback
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from multiprocessing.pool import AsyncResult
from typing import Any

from eventdesk.errors import InputError
from eventdesk.io.readers import ReadFailure, report_from_mapping
from eventdesk.records import Report, ReportError, ReportResult

Item = Report | ReadFailure


def _as_item(obj: Report | ReadFailure | dict[str, Any], index: int) -> Item:
    if isinstance(obj, (Report, ReadFailure)):
        if isinstance(obj, Report) and not obj.id:
            return Report(**{**_fields(obj), "id": Report.content_id(obj.text)})
        return obj
    try:
        return report_from_mapping(obj, fallback_id=f"#{index}")
    except InputError as exc:
        rid = obj.get("id") if isinstance(obj, dict) else None
        return ReadFailure(str(rid) if rid else f"#{index}", exc)


def _fields(report: Report) -> dict[str, Any]:
    return {f: getattr(report, f) for f in report.__dataclass_fields__}


def process_chunk(items: list[Item]) -> list[ReportResult]:
    """Extract one chunk in this process (also the worker entry point)."""
    from eventdesk.extractor.pipeline import Prepared, extract_doc, prepare
    from eventdesk.nlp.model import load_nlp

    results: list[ReportResult | None] = [None] * len(items)
    ready: list[tuple[int, Prepared]] = []
    for i, item in enumerate(items):
        if isinstance(item, ReadFailure):
            results[i] = ReportResult(item.id, error=ReportError(item.error.code, item.error.message))
            continue
        try:
            ready.append((i, prepare(item)))
        except InputError as exc:
            results[i] = ReportResult(item.id, error=ReportError(exc.code, exc.message), report=item)
    if ready:
        nlp = load_nlp()
        docs = nlp.pipe((p.nlp_text for _, p in ready), batch_size=16)
        for (i, prep), doc in zip(ready, docs, strict=True):
            try:
                events = extract_doc(prep, doc)
                results[i] = ReportResult(prep.report.id, events, prep.warnings, report=prep.report)
            except Exception as exc:  # one report's bug must not stop the batch
                detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
                results[i] = ReportResult(
                    prep.report.id,
                    warnings=prep.warnings,
                    error=ReportError("extraction_failed", f"internal error while extracting: {detail}"),
                    report=prep.report,
                )
    return [r for r in results if r is not None]


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _warm_up() -> None:
    from eventdesk.extractor.pipeline import extract_report
    from eventdesk.nlp.model import load_nlp

    load_nlp()
    extract_report(Report(text="A bomb exploded in Kabul on Monday, killing two people, police said.", id="warmup",
                          published="2024-01-02"))


def run_batch(
    reports: Iterable[Report | ReadFailure | dict[str, Any]], *, workers: int = 1, batch_size: int = 16
) -> Iterator[ReportResult]:
    """Results in input order. ``workers`` > 1 uses a process pool."""
    items = (_as_item(obj, i) for i, obj in enumerate(reports))
    chunks = _chunks(items, batch_size)
    if workers <= 1:
        for chunk in chunks:
            yield from process_chunk(chunk)
        return
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    if method == "fork":
        _warm_up()  # load the model and lexicons once; children share the pages
        # the collector of a child never walks (and so never copies) the objects loaded before
        # the fork: the gazetteer, lexicons and pipeline stay shared pages
        gc.freeze()
    ctx = mp.get_context(method)
    window = 2 * workers  # bounded look-ahead: a huge input is never read into memory at once
    try:
        pool = ctx.Pool(processes=workers, initializer=None if method == "fork" else _warm_up)
    finally:
        if method == "fork":
            gc.unfreeze()  # only the children keep them out of collection
    with pool:
        pending: deque[AsyncResult[list[ReportResult]]] = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(process_chunk, (chunk,)))
            if len(pending) >= window:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
