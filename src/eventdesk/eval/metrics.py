"""Shared scoring records and small metrics: rates, P/R/F1, distances, place-name normalisation.

Every evaluation returns an :class:`EvalResult`: a flat mapping of named :class:`Score` values (what
the CLI prints and the gate compares) plus free-form ``details`` (confusion tables, per-role counts).
Accuracy is always computed over *all* gold items (a missing prediction counts as wrong); coverage,
the share of gold items that received any prediction, is reported next to it.
"""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Score:
    """One number in a result. ``value`` is None when it is undefined (no items to score)."""

    value: float | None
    n: int  # the denominator: how many gold items (or pairs, or predictions) it was computed over
    kind: str = "rate"  # rate (0..1, higher is better) | km | abs (absolute error) | count

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "n": self.n, "kind": self.kind}


@dataclass
class EvalResult:
    """What every dataset adapter returns; the CLI only formats it."""

    dataset: str
    reports: int  # reports sent to the extractor
    scores: dict[str, Score] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    errors: int = 0  # reports whose result carried an error
    seconds: float = 0.0

    def add(self, name: str, value: float | None, n: int, kind: str = "rate") -> None:
        self.scores[name] = Score(value, n, kind)

    def add_prf(self, name: str, prf: PRF) -> None:
        self.add(f"{name}.precision", prf.precision, prf.p_den)
        self.add(f"{name}.recall", prf.recall, prf.r_den)
        self.add(f"{name}.f1", prf.f1, prf.r_den)

    def flat(self) -> dict[str, float | None]:
        """``{"<dataset>.<score>": value}``: the names the gate's floors refer to."""
        return {f"{self.dataset}.{name}": s.value for name, s in self.scores.items()}

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "reports": self.reports,
            "errors": self.errors,
            "seconds": round(self.seconds, 2),
            "scores": {name: s.to_dict() for name, s in self.scores.items()},
            "notes": list(self.notes),
            "details": self.details,
        }


def rate(correct: int, total: int) -> float | None:
    return correct / total if total else None


@dataclass(slots=True)
class Tally:
    """Accuracy over all gold items plus coverage (items with any prediction)."""

    total: int = 0
    predicted: int = 0
    correct: int = 0

    def add(self, *, predicted: bool, correct: bool) -> None:
        self.total += 1
        self.predicted += int(predicted)
        self.correct += int(correct and predicted)

    def report(self, result: EvalResult, name: str) -> None:
        result.add(f"{name}.accuracy", rate(self.correct, self.total), self.total)
        result.add(f"{name}.coverage", rate(self.predicted, self.total), self.total)


@dataclass(slots=True)
class PRF:
    """Precision and recall with separate numerators, as in the GTT scorer (``p_num`` may differ from
    ``r_num`` when one prediction can match several gold items or the reverse)."""

    p_num: int = 0
    p_den: int = 0
    r_num: int = 0
    r_den: int = 0

    @property
    def precision(self) -> float:
        return self.p_num / self.p_den if self.p_den else 0.0

    @property
    def recall(self) -> float:
        return self.r_num / self.r_den if self.r_den else 0.0

    @property
    def f1(self) -> float:
        return f1_score(self.p_num, self.p_den, self.r_num, self.r_den)

    def __iadd__(self, other: PRF) -> PRF:
        self.p_num += other.p_num
        self.p_den += other.p_den
        self.r_num += other.r_num
        self.r_den += other.r_den
        return self

    def to_dict(self) -> dict[str, float | int]:
        return {
            "p_num": self.p_num, "p_den": self.p_den, "r_num": self.r_num, "r_den": self.r_den,
            "precision": self.precision, "recall": self.recall, "f1": self.f1,
        }  # fmt: skip


def f1_score(p_num: int, p_den: int, r_num: int, r_den: int) -> float:
    """F1 from counts, written exactly as GTT's ``eval.py`` writes it (same floats, same ties)."""
    p = 0 if p_den == 0 else p_num / float(p_den)
    r = 0 if r_den == 0 else r_num / float(r_den)
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def median(values: Iterable[float]) -> float | None:
    vals = list(values)
    return statistics.median(vals) if vals else None


EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


# words that name the kind of administrative unit rather than the place itself
_UNIT_WORDS = (
    "province provincia county parish borough township twp city town village district "
    "municipality department departamento state region governorate oblast of the"
)
_PLACE_UNIT_WORDS = frozenset(_UNIT_WORDS.split())


def fold(text: str) -> str:
    """Lower-case, strip accents, turn every non-alphanumeric run into one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("'", "").replace("\u2019", "").replace("\u2018", "")
    return " ".join(re.sub(r"[^0-9a-z]+", " ", stripped.lower()).split())


def normalize_place(name: str | None, *, keep_bare_units: bool = True) -> str:
    """``'Ghazni Province'`` -> ``'ghazni'``, ``'Lower Macungie (Township)'`` -> ``'lower macungie'``.

    Words naming the unit (province, county, township, ...) are dropped; when nothing else is left
    they are kept (``'County'`` -> ``'county'``), or the result is empty if ``keep_bare_units`` is False.
    """
    if not name:
        return ""
    words = fold(name).split()
    kept = [w for w in words if w not in _PLACE_UNIT_WORDS]
    return " ".join(kept or (words if keep_bare_units else []))
