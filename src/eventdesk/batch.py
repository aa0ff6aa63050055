"""Batch extraction: a stream of reports in, a stream of results out, in input order, never dropped.

Reports are processed in chunks; each chunk runs spaCy's ``nlp.pipe`` once. With ``workers > 1``
chunks go to a process pool (``fork`` where available, after the model is loaded, so the weights
are shared copy-on-write) and come back in order. One bad report yields a result with ``error``;
an unexpected exception in one report is caught, reported as ``extraction_failed`` and the batch
goes on; if spaCy itself fails inside ``nlp.pipe``, the chunk is redone one document at a time so
only the report it failed on gets the error. Pool workers ignore Ctrl-C (the parent stops the pool
and raises ``KeyboardInterrupt``) and die with their parent, even one killed with SIGKILL.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing as mp
import os
import signal
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from multiprocessing.pool import AsyncResult
from typing import TYPE_CHECKING, Any

from eventdesk.errors import InputError
from eventdesk.io.readers import ReadFailure, report_from_mapping
from eventdesk.records import Report, ReportError, ReportResult

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from eventdesk.extractor.pipeline import Prepared

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
    from eventdesk.extractor.pipeline import prepare

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
        for i, result in _extract_prepared(ready):
            results[i] = result
    return [r for r in results if r is not None]


def _extract_prepared(ready: list[tuple[int, Prepared]]) -> Iterator[tuple[int, ReportResult]]:
    """One ``nlp.pipe`` over the chunk; if spaCy itself fails on one document, the rest of the chunk
    is redone one document at a time, so only that report gets an error."""
    from eventdesk.nlp.model import load_nlp

    nlp = load_nlp()
    done = 0
    try:
        docs = nlp.pipe((p.nlp_text for _, p in ready), batch_size=16)
        for (i, prep), doc in zip(ready, docs, strict=True):
            yield i, _extract_one(prep, doc)
            done += 1
    except Exception:  # which document failed is found below, one by one
        for i, prep in ready[done:]:
            try:
                doc = nlp(prep.nlp_text)
            except Exception as exc:  # reported on this report's line
                yield i, _failure(prep, "the language model failed on this report", exc)
                continue
            yield i, _extract_one(prep, doc)


def _extract_one(prep: Prepared, doc: Doc) -> ReportResult:
    from eventdesk.extractor.pipeline import extract_doc

    try:
        events = extract_doc(prep, doc)
    except Exception as exc:  # one report's bug must not stop the batch
        return _failure(prep, "internal error while extracting", exc)
    return ReportResult(prep.report.id, events, prep.warnings, report=prep.report)


def _failure(prep: Prepared, what: str, exc: Exception) -> ReportResult:
    detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    return ReportResult(
        prep.report.id,
        warnings=prep.warnings,
        error=ReportError("extraction_failed", f"{what}: {detail}"),
        report=prep.report,
    )


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


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _init_worker(parent: int, warm_up: bool) -> None:
    """A pool worker's set-up. Ctrl-C is the parent's to handle (a terminal sends it to the whole
    process group; the parent then ends the pool), and a worker never outlives its parent, even
    one killed with SIGKILL."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _unblock_sigint(True)
    _die_with_parent(parent)
    if warm_up:
        _warm_up()


def _die_with_parent(parent: int) -> None:
    """SIGTERM from the kernel when the parent dies (Linux ``PR_SET_PDEATHSIG``); elsewhere, or if
    that fails, a thread that watches the parent's pid."""
    armed = False
    if sys.platform.startswith("linux"):
        try:
            armed = ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) == 0
        except (OSError, AttributeError):
            armed = False
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
    if not armed:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="eventdesk-parent-watch").start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _block_sigint() -> bool:
    if not hasattr(signal, "pthread_sigmask"):
        return False
    return signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})


def _unblock_sigint(blocked: bool) -> None:
    if blocked and hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


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
    blocked = _block_sigint()  # a Ctrl-C while the workers start waits until they ignore it
    try:
        pool = ctx.Pool(processes=workers, initializer=_init_worker, initargs=(os.getpid(), method != "fork"))
    finally:
        _unblock_sigint(blocked)
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
