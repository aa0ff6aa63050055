"""The evaluation datasets, registered in one place: name -> adapter function and a line of help.

Adapters are imported when run, not when this module is imported.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from eventdesk.eval.metrics import EvalResult
from eventdesk.eval.predict import Predictor


@dataclass(frozen=True)
class Dataset:
    name: str
    module: str
    function: str
    help: str


DATASETS: dict[str, Dataset] = {
    d.name: d
    for d in (
        Dataset("muc4", "eventdesk.eval.muc4", "evaluate_muc4",
                "MUC-4 TST1+TST2: GTT template F1 (incident type, PerpInd, PerpOrg, Target, Victim, "
                "Weapon); date, country, claim from the keys"),
        Dataset("gva", "eventdesk.eval.gva", "evaluate_gva",
                "Gun Violence Archive articles: killed, injured, date, city, state, coordinates"),
        Dataset("gva-dedup", "eventdesk.eval.dedup", "evaluate_dedup",
                "GVA incidents and Giveme5W1H clusters: B-cubed and pairwise clustering P/R/F1"),
        Dataset("isaf", "eventdesk.eval.isaf", "evaluate_isaf",
                "ISAF press releases: minimum killed, event day, province"),
        Dataset("case2021", "eventdesk.eval.case2021", "evaluate_case2021",
                "CASE 2021 task 2 snippets: ACLED-style sub-type, violent vs non-violent"),
        Dataset("wikievents", "eventdesk.eval.wikievents", "evaluate_wikievents",
                "WikiEvents dev: attacker/target/victim/instrument/place spans, attack detection"),
        Dataset("rams", "eventdesk.eval.rams", "evaluate_rams",
                "RAMS dev: argument spans of attack/die/injure events, detection"),
        Dataset("giveme5w1h", "eventdesk.eval.giveme5w1h", "evaluate_giveme5w1h",
                "Giveme5W1H: who/when/where phrases, consistency within same-event clusters"),
    )
}  # fmt: skip


def run_dataset(
    name: str, data: Path, *, predictor: Predictor, limit: int | None = None, progress: bool = True
) -> EvalResult:
    """Run one dataset's adapter with its defaults (MUC-4: the dev split, no predictions file)."""
    spec = DATASETS[name]
    function = getattr(importlib.import_module(spec.module), spec.function)
    outcome = function(data, predictor=predictor, limit=limit, progress=progress)
    result: EvalResult = outcome[0] if isinstance(outcome, tuple) else outcome
    return result
