"""Cross-report deduplication: do reports of the same incident end up with the same incident key?

Gold clusters: GVA articles grouped by ``incident_id``, and Giveme5W1H articles grouped by
``category``. Predicted clusters come from ``eventdesk.store.resolve.cluster_results`` (one incident
key per result, aligned with the input); while that is not importable every report is its own
cluster (singletons) and the result says so. Scores: B-cubed and pairwise P/R/F1
(:mod:`eventdesk.eval.clustering`). The GVA clusters are also fused into incident records and
scored against GVA's incident labels (``incidents.*``, :mod:`eventdesk.eval.gva_incidents`).

``--limit`` samples whole incidents (in a fixed hash order) until the limit is reached, so that the
sample still contains complete gold clusters.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path

from eventdesk.errors import DataNotFound
from eventdesk.eval import giveme5w1h
from eventdesk.eval.clustering import bcubed, pairwise
from eventdesk.eval.gva import read_documents
from eventdesk.eval.metrics import EvalResult
from eventdesk.eval.predict import Predictor, count_errors, resolve_data_dir, run_predictions, stable_order
from eventdesk.records import Report, ReportResult

Clusterer = Callable[[Sequence[ReportResult]], Sequence[Hashable]]


def default_clusterer() -> tuple[Clusterer, str | None]:
    """The store's resolver, or singletons with a note saying why."""
    try:
        from eventdesk.store.resolve import cluster_results
    except ImportError as exc:
        note = f"eventdesk.store.resolve.cluster_results is not available ({exc}): scored singletons"
        return (lambda results: [r.id for r in results]), note
    return cluster_results, None


def gva_reports(data_dir: Path, limit: int | None) -> tuple[list[Report], list[str]]:
    """Articles with content, grouped by incident; articles filed under two incidents left out."""
    docs = [d for d in read_documents(data_dir) if (d.get("content") or "").strip()]
    filings: dict[str, set[str]] = {}
    for d in docs:
        filings.setdefault(d["doc_id"], set()).add(str(d["incident_id"]))
    by_incident: dict[str, list[dict[str, str]]] = {}
    for d in docs:
        if len(filings[d["doc_id"]]) == 1:
            by_incident.setdefault(str(d["incident_id"]), []).append(d)
    reports: list[Report] = []
    gold: list[str] = []
    seen: set[str] = set()
    for incident in stable_order(by_incident, key=lambda i: i):
        if limit and len(reports) >= limit:
            break
        for d in by_incident[incident]:
            if d["doc_id"] in seen:
                continue
            seen.add(d["doc_id"])
            reports.append(
                Report(text=d["content"], id=d["doc_id"], title=d.get("title"), published=d.get("dct"))
            )
            gold.append(incident)
    return reports, gold


def _score(result: EvalResult, name: str, gold: Sequence[Hashable], pred: Sequence[Hashable]) -> None:
    for metric, scores in (("bcubed", bcubed(gold, pred)), ("pairwise", pairwise(gold, pred))):
        for part in ("precision", "recall", "f1"):
            result.add(f"{name}.{metric}.{part}", getattr(scores, part), scores.items)
    baseline = bcubed(gold, list(range(len(gold))))  # every report its own incident
    result.details[f"{name}.singletons_bcubed_f1"] = baseline.f1
    result.details[f"{name}.clusters"] = {
        "gold": len(set(gold)),
        "predicted": len(set(pred)),
        "items": len(gold),
    }


def _cluster(results: list[ReportResult], reports: list[Report], clusterer: Clusterer) -> list[Hashable]:
    with_reports = [
        r if r.report is not None else dataclasses.replace(r, report=rep)
        for r, rep in zip(results, reports, strict=True)
    ]
    keys = list(clusterer(with_reports))
    if len(keys) != len(results):
        raise RuntimeError(f"cluster_results returned {len(keys)} keys for {len(results)} results")
    return keys


def _score_fused(
    data_dir: Path,
    reports: Sequence[Report],
    results: Sequence[ReportResult],
    keys: Sequence[Hashable],
    result: EvalResult,
) -> None:
    """The fused incident records against GVA's incident labels (:mod:`eventdesk.eval.gva_incidents`),
    over the articles whose incident has labels."""
    from eventdesk.eval.gva import load_items
    from eventdesk.eval.gva_incidents import score_incidents

    labelled = {item.doc_id: item for item in load_items(data_dir)[0]}
    rows = [(labelled[r.id], res, key) for r, res, key in zip(reports, results, keys, strict=True) if r.id in labelled]
    if rows:
        items, res, ks = zip(*rows, strict=True)
        score_incidents(items, res, ks, result)


def evaluate_dedup(
    data: Path,
    *,
    predictor: Predictor,
    limit: int | None = None,
    clusterer: Clusterer | None = None,
    progress: bool = True,
) -> EvalResult:
    started = time.monotonic()
    note = None
    if clusterer is None:
        clusterer, note = default_clusterer()
    data_dir = resolve_data_dir(data, "gva", "documents.jsonl")
    reports, gold = gva_reports(data_dir, limit)
    results = run_predictions(reports, predictor, label="gva-dedup", progress=progress)
    result = EvalResult("gva-dedup", len(reports), errors=count_errors(results))
    keys = _cluster(results, reports, clusterer)
    _score(result, "gva", gold, keys)
    _score_fused(data_dir, reports, results, keys, result)
    try:
        g5_dir = resolve_data_dir(data if data_dir != data else data_dir.parent, "giveme5w1h", "data")
    except DataNotFound:
        result.notes.append("giveme5w1h data not found next to gva: its clusters were not scored")
    else:
        articles = giveme5w1h.load_articles(g5_dir)
        g5_reports = [a.report for a in articles]
        g5_results = run_predictions(g5_reports, predictor, label="giveme5w1h clusters", progress=progress)
        result.reports += len(g5_reports)
        result.errors += count_errors(g5_results)
        _score(
            result, "giveme5w1h", [a.cluster for a in articles], _cluster(g5_results, g5_reports, clusterer)
        )
    if note:
        result.notes.append(note)
    result.seconds = time.monotonic() - started
    return result
