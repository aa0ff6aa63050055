"""Speed and memory of ``extract`` on a corpus, against spaCy's own ``nlp.pipe`` on the same texts.

Peak memory is the largest sum of PSS (proportional set size: shared pages split between the
processes sharing them) over this process and its children, sampled every 50 ms.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil

from eventdesk.records import Report


@dataclass(frozen=True)
class BenchResult:
    reports: int
    words: int
    workers: int
    seconds: float
    reports_per_s: float
    words_per_s: float
    peak_mib: float
    spacy_seconds: float
    spacy_peak_mib: float
    ratio_to_spacy: float
    errors: int

    def to_dict(self) -> dict[str, float | int]:
        return asdict(self)


def _pss_total() -> float:
    me = psutil.Process()
    total = 0
    for p in [me, *me.children(recursive=True)]:
        try:
            info = p.memory_full_info()
            total += getattr(info, "pss", info.rss)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return total / 2**20


@contextmanager
def _peak_memory() -> Iterator[list[float]]:
    peak = [_pss_total()]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], _pss_total())
            stop.wait(0.05)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield peak
    finally:
        stop.set()
        thread.join()


def load_corpus(path: Path | None, *, target: int = 500) -> list[Report]:
    """Reports from a JSONL file, or the bundled samples repeated to about ``target`` reports."""
    from eventdesk.io.readers import ReadFailure, read_inputs
    from eventdesk.resources import samples_dir

    source = str(path) if path else str(samples_dir() / "reports.jsonl")
    base = [r for r in read_inputs([source]) if not isinstance(r, ReadFailure)]
    if not base:
        return []
    if path is not None:
        return base
    out: list[Report] = []
    i = 0
    while len(out) < target:
        r = base[i % len(base)]
        # vary the id so stores and caches see distinct reports; the text is unchanged
        out.append(Report(text=r.text, id=f"{r.id}-{len(out)}", title=r.title, published=r.published))
        i += 1
    return out


def run_bench(reports: Sequence[Report], *, workers: int = 1, batch_size: int = 16) -> BenchResult:
    from eventdesk.batch import run_batch
    from eventdesk.extractor.pipeline import prepare
    from eventdesk.nlp.model import load_nlp

    nlp = load_nlp()
    words = sum(len(r.text.split()) for r in reports)
    texts = []
    for r in reports:
        try:
            texts.append(prepare(r).nlp_text)
        except Exception:
            continue

    with _peak_memory() as peak:
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=batch_size, n_process=workers):
            pass
        spacy_s = time.perf_counter() - t0
    spacy_peak = peak[0]

    errors = 0
    with _peak_memory() as peak:
        t0 = time.perf_counter()
        for result in run_batch(reports, workers=workers, batch_size=batch_size):
            errors += result.error is not None
        ours = time.perf_counter() - t0
    return BenchResult(
        reports=len(reports), words=words, workers=workers, seconds=round(ours, 3),
        reports_per_s=round(len(reports) / ours, 2), words_per_s=round(words / ours, 1),
        peak_mib=round(peak[0], 1), spacy_seconds=round(spacy_s, 3), spacy_peak_mib=round(spacy_peak, 1),
        ratio_to_spacy=round(ours / spacy_s, 3), errors=errors,
    )


def to_json(result: BenchResult) -> str:
    return json.dumps(result.to_dict(), indent=2)
