"""Speed and memory of ``extract`` on a corpus, against spaCy's own ``nlp.pipe`` on the same texts.

Peak memory is the largest sum of PSS (proportional set size: shared pages split between the
processes sharing them) over this process and its children, sampled every 200 ms (reading PSS
costs the kernel ~4 ms per process: at 50 ms it took a quarter of a core from the run). CPU seconds
(user + system, this process and its children) are reported beside wall-clock seconds: on a
machine that other jobs share, their ratio moves much less than the wall-clock ratio.
"""

from __future__ import annotations

import gc
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
    words_per_report: float
    workers: int
    seconds: float
    reports_per_s: float
    words_per_s: float
    peak_mib: float
    cpu_seconds: float  # user + system, all processes: steadier than seconds on a busy machine
    spacy_seconds: float
    spacy_peak_mib: float
    spacy_cpu_seconds: float
    ratio_to_spacy: float
    cpu_ratio_to_spacy: float
    errors: int

    def to_dict(self) -> dict[str, float | int]:
        return asdict(self)


_INTERVAL_S = 0.2


@dataclass
class _Usage:
    peak_mib: float = 0.0
    cpu_s: float = 0.0  # user + system seconds of this process and its children, while watched


class _Watch:
    """Samples PSS (for the peak) and CPU times of this process and its children."""

    def __init__(self) -> None:
        self.me = psutil.Process()
        self.cpu: dict[int, float] = {}  # child pid -> its CPU seconds when last seen
        self.usage = _Usage()

    def sample(self) -> None:
        total = 0
        for p in [self.me, *self.me.children(recursive=True)]:
            try:
                with p.oneshot():
                    info = p.memory_full_info()
                    times = p.cpu_times()
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            total += getattr(info, "pss", info.rss)
            if p.pid != self.me.pid:
                self.cpu[p.pid] = times.user + times.system
        self.usage.peak_mib = max(self.usage.peak_mib, total / 2**20)


def _own_cpu() -> float:
    times = psutil.Process().cpu_times()
    return float(times.user + times.system)


@contextmanager
def _watch() -> Iterator[_Usage]:
    """Peak PSS and CPU seconds of the block (a child's last ``_INTERVAL_S`` of CPU may be missed)."""
    watch = _Watch()
    watch.sample()
    stop = threading.Event()

    def run() -> None:
        while not stop.wait(_INTERVAL_S):
            watch.sample()

    thread = threading.Thread(target=run, daemon=True)
    cpu0 = _own_cpu()
    thread.start()
    try:
        yield watch.usage
    finally:
        stop.set()
        thread.join()
        watch.usage.cpu_s = _own_cpu() - cpu0 + sum(watch.cpu.values())


def load_corpus(path: Path | None, *, target: int = 500, words: int = 0) -> list[Report]:
    """Reports from a JSONL file, or a corpus of about ``target`` reports built from the bundled
    samples: with ``words`` > 0, each report joins the paragraphs of consecutive samples until it
    has at least ``words`` words (see :func:`join_samples`); with ``words`` = 0 the samples are
    repeated as they are."""
    from eventdesk.io.readers import ReadFailure, read_inputs
    from eventdesk.resources import samples_dir

    source = str(path) if path else str(samples_dir() / "reports.jsonl")
    base = [r for r in read_inputs([source]) if not isinstance(r, ReadFailure)]
    if not base or path is not None:
        return base
    if words > 0:
        return join_samples(base, target=target, words=words)
    out: list[Report] = []
    i = 0
    while len(out) < target:
        r = base[i % len(base)]
        # vary the id so stores and caches see distinct reports; the text is unchanged
        out.append(Report(text=r.text, id=f"{r.id}-{len(out)}", title=r.title, published=r.published))
        i += 1
    return out


def join_samples(base: Sequence[Report], *, target: int, words: int) -> list[Report]:
    """``target`` long reports of at least ``words`` words each, from the paragraphs of ``base``.

    Only reports that pass input validation (English, not empty) are used, so every bench report
    is extracted. Report ``i`` starts with sample ``i mod n`` (whose id, title and publication
    date it keeps) and goes on with the paragraphs of the following samples until it is long
    enough: lengths land within one paragraph above ``words``.
    """
    from eventdesk.errors import InputError
    from eventdesk.extractor.pipeline import prepare

    paragraphs: list[list[str]] = []
    usable: list[Report] = []
    for r in base:
        try:
            prepare(r)
        except InputError:
            continue
        paras = [p.strip() for p in r.text.split("\n\n") if p.strip()]
        if paras:
            usable.append(r)
            paragraphs.append(paras)
    if not usable:
        return []
    out: list[Report] = []
    for i in range(target):
        k = i % len(usable)
        parts: list[str] = []
        count = 0
        j = k
        while count < words:
            for para in paragraphs[j % len(usable)]:
                parts.append(para)
                count += len(para.split())
                if count >= words:
                    break
            j += 1
        first = usable[k]
        out.append(Report(text="\n\n".join(parts), id=f"{first.id}-{i}", title=first.title,
                          published=first.published))
    return out


def run_bench(reports: Sequence[Report], *, workers: int = 1, batch_size: int = 16) -> BenchResult:
    """Time spaCy's own ``nlp.pipe`` (the model package as spaCy loads it, all components) and then
    ``extract`` (:func:`~eventdesk.batch.run_batch`) on the same reports, with the same workers."""
    from eventdesk.batch import run_batch
    from eventdesk.extractor.pipeline import prepare
    from eventdesk.nlp.model import load_model, load_nlp

    words = sum(len(r.text.split()) for r in reports)
    texts = []
    for r in reports:
        try:
            texts.append(prepare(r).nlp_text)
        except Exception:
            continue

    stock = load_model(stock=True)
    with _watch() as spacy_use:
        t0 = time.perf_counter()
        for _ in stock.pipe(texts, batch_size=batch_size, n_process=workers):
            pass
        spacy_s = time.perf_counter() - t0
    del stock
    gc.collect()

    load_nlp()  # loaded before the clock starts, as the baseline's model was
    errors = 0
    with _watch() as use:
        t0 = time.perf_counter()
        for result in run_batch(reports, workers=workers, batch_size=batch_size):
            errors += result.error is not None
        ours = time.perf_counter() - t0
    return BenchResult(
        reports=len(reports), words=words, words_per_report=round(words / max(len(reports), 1), 1),
        workers=workers, seconds=round(ours, 3), reports_per_s=round(len(reports) / ours, 2),
        words_per_s=round(words / ours, 1), peak_mib=round(use.peak_mib, 1), cpu_seconds=round(use.cpu_s, 2),
        spacy_seconds=round(spacy_s, 3), spacy_peak_mib=round(spacy_use.peak_mib, 1),
        spacy_cpu_seconds=round(spacy_use.cpu_s, 2), ratio_to_spacy=round(ours / spacy_s, 3),
        cpu_ratio_to_spacy=round(use.cpu_s / spacy_use.cpu_s, 3) if spacy_use.cpu_s else 0.0, errors=errors,
    )


def to_json(result: BenchResult) -> str:
    return json.dumps(result.to_dict(), indent=2)
