"""The evaluation gate: a fast subset of the evaluations, each score held to a pinned floor.

Floors live in ``floors.json`` next to this module (``{"floors": {"<dataset>.<score>": {"floor": x,
"note": "why this value"}}}``). The gate fails when a floored score is below its floor or could not
be computed. Raise a floor when the extractor improves, and say why in its note.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from eventdesk.errors import ConfigError
from eventdesk.eval.datasets import run_dataset
from eventdesk.eval.metrics import EvalResult
from eventdesk.eval.predict import Predictor


@dataclass(frozen=True)
class GateStep:
    dataset: str
    limit: int | None = None  # None: every item


# about 1,340 reports: under five minutes at 5 reports/s
GATE_PLAN: tuple[GateStep, ...] = (
    GateStep("gva", 300),
    GateStep("muc4"),  # TST1 + TST2, 200 documents
    GateStep("isaf"),  # 358 releases
    GateStep("case2021"),  # 480 snippets
)


@dataclass(frozen=True)
class Floor:
    floor: float
    note: str = ""


@dataclass(frozen=True)
class FloorCheck:
    name: str
    value: float | None
    floor: float
    note: str
    passed: bool
    reason: str = ""


@dataclass
class GateReport:
    results: list[EvalResult] = field(default_factory=list)
    checks: list[FloorCheck] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        return all(c.passed for c in self.checks)

    def to_dict(self) -> dict[str, object]:
        return {
            "passed": self.passed,
            "seconds": round(self.seconds, 2),
            "checks": [c.__dict__ for c in self.checks],
            "results": [r.to_dict() for r in self.results],
        }


def default_floors_path() -> Path:
    return Path(str(resources.files("eventdesk.eval").joinpath("floors.json")))


def load_floors(path: Path | None = None) -> dict[str, Floor]:
    path = path or default_floors_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {name: Floor(float(f["floor"]), str(f.get("note", ""))) for name, f in raw["floors"].items()}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"cannot read floors from {path}: {exc}") from exc


def check_floors(scores: Mapping[str, float | None], floors: Mapping[str, Floor]) -> list[FloorCheck]:
    """One check per floor: passed when the score exists and is at least the floor."""
    checks = []
    for name, floor in floors.items():
        value = scores.get(name)
        if value is None:
            reason = "not computed" if name in scores else "no such score"
            checks.append(FloorCheck(name, None, floor.floor, floor.note, False, reason))
        else:
            ok = value >= floor.floor
            checks.append(FloorCheck(name, value, floor.floor, floor.note, ok, "" if ok else "below floor"))
    return checks


def run_gate(
    data_root: Path,
    *,
    predictor: Predictor,
    floors: Mapping[str, Floor] | None = None,
    plan: Sequence[GateStep] | None = None,
    progress: bool = True,
) -> GateReport:
    """Run every step of ``plan`` (default :data:`GATE_PLAN`) on ``data_root`` and check the scores
    against ``floors`` (default: the pinned ``floors.json``)."""
    started = time.monotonic()
    plan = GATE_PLAN if plan is None else plan
    floors = load_floors() if floors is None else floors
    report = GateReport()
    scores: dict[str, float | None] = {}
    for step in plan:
        result = run_dataset(
            step.dataset, data_root, predictor=predictor, limit=step.limit, progress=progress
        )
        report.results.append(result)
        scores.update(result.flat())
    report.checks = check_floors(scores, floors)
    report.seconds = time.monotonic() - started
    return report
