"""Clustering agreement: B-cubed and pairwise precision / recall / F1.

Both take two aligned sequences of cluster labels, one per item (``gold[i]`` and ``pred[i]`` label
item ``i``); labels are any hashable values and only equality matters.

* **B-cubed** (Bagga & Baldwin 1998): for each item, precision is the share of its predicted cluster
  that shares its gold cluster, recall the share of its gold cluster found in its predicted cluster;
  both are averaged over items. Singletons everywhere give precision 1.
* **Pairwise**: over all unordered item pairs, a pair is predicted-together when both items share a
  predicted label and gold-together when they share a gold label. Precision is undefined (None) when
  no pair is predicted together, recall when no pair is together in gold.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ClusterScores:
    precision: float | None
    recall: float | None
    f1: float | None
    items: int

    def to_dict(self) -> dict[str, float | int | None]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1, "items": self.items}


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _check(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> None:
    if len(gold) != len(pred):
        raise ValueError(f"gold has {len(gold)} items, prediction {len(pred)}")


def bcubed(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> ClusterScores:
    _check(gold, pred)
    n = len(gold)
    if n == 0:
        return ClusterScores(None, None, None, 0)
    both = Counter(zip(gold, pred, strict=True))
    gold_size = Counter(gold)
    pred_size = Counter(pred)
    precision = sum(both[(g, p)] / pred_size[p] for g, p in zip(gold, pred, strict=True)) / n
    recall = sum(both[(g, p)] / gold_size[g] for g, p in zip(gold, pred, strict=True)) / n
    return ClusterScores(precision, recall, _f1(precision, recall), n)


def _pairs(k: int) -> int:
    return k * (k - 1) // 2


def pairwise(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> ClusterScores:
    _check(gold, pred)
    together = sum(_pairs(k) for k in Counter(zip(gold, pred, strict=True)).values())
    pred_pairs = sum(_pairs(k) for k in Counter(pred).values())
    gold_pairs = sum(_pairs(k) for k in Counter(gold).values())
    precision = together / pred_pairs if pred_pairs else None
    recall = together / gold_pairs if gold_pairs else None
    f1 = _f1(precision, recall)
    if f1 is None and recall is not None:
        f1 = 0.0  # nothing predicted together while gold has pairs: no credit
    return ClusterScores(precision, recall, f1, len(gold))
