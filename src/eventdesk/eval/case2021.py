"""CASE 2021 Task 2: fine-grained event type of short snippets, and violent versus non-violent.

Our label for a snippet: the main event's type mapped through ``case2021_crosswalk.json`` (project
code first, then ACLED sub-event type); ``NONE`` when we extract no event, ``UNMAPPED`` when our type
has no CASE label. Scores:

* ``subtype.accuracy`` over all rows, ``subtype.coverage`` the share of rows given a CASE label;
* ``subtype_violent.accuracy`` over rows whose gold label is one of ACLED's political-violence
  sub-types (Battles, Explosions/Remote violence, Violence against civilians: ``violent: true`` in
  the crosswalk);
* ``violence.accuracy``: do we say violent (any non-background event with ``violent_attack``) exactly
  when the label is violent? Over rows whose label is clearly violent or clearly not (riots, property
  destruction, crime, claims and "other" are left out).

Place names in some snippets were replaced on purpose, so locations are not scored here.
"""

from __future__ import annotations

import csv
import json
import time
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from eventdesk.eval.metrics import EvalResult, Tally
from eventdesk.eval.predict import (
    Predictor,
    count_errors,
    current_events,
    main_event,
    resolve_data_dir,
    run_predictions,
    stable_order,
)
from eventdesk.eval.spans import is_violent
from eventdesk.records import Event, Report

NONE, UNMAPPED = "NONE", "UNMAPPED"


@dataclass(frozen=True)
class Crosswalk:
    by_code: dict[str, str]
    by_acled: dict[str, str]
    violent: dict[str, bool | None]  # CASE label -> violent?

    def label(self, event: Event | None) -> str:
        if event is None:
            return NONE
        if event.type.code in self.by_code:
            return self.by_code[event.type.code]
        return self.by_acled.get((event.type.acled_sub_event_type or "").lower(), UNMAPPED)


@cache
def load_crosswalk() -> Crosswalk:
    raw: dict[str, Any] = json.loads(
        resources.files("eventdesk.eval").joinpath("case2021_crosswalk.json").read_text("utf-8")
    )
    labels: dict[str, dict[str, Any]] = raw["labels"]
    return Crosswalk(
        by_code=dict(raw["by_code"]),
        by_acled={v["acled"].lower(): k for k, v in labels.items() if v["acled"]},
        violent={k: v["violent"] for k, v in labels.items()},
    )


@dataclass(frozen=True)
class CaseRow:
    id: str
    text: str
    label: str


def load_rows(data_dir: Path) -> list[CaseRow]:
    with open(data_dir / "test_shared_half.tsv", encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [CaseRow(str(r["id"]), r["EventSnippet"], r["SubType"].strip()) for r in reader]


def score_rows(
    rows: list[CaseRow], mains: list[Event | None], current: list[list[Event]], result: EvalResult
) -> None:
    walk = load_crosswalk()
    subtype, violent_subtype, violence = Tally(), Tally(), Tally()
    confusion: dict[str, Counter[str]] = {}
    for row, main, events in zip(rows, mains, current, strict=True):
        ours = walk.label(main)
        predicted = ours not in (NONE, UNMAPPED)
        subtype.add(predicted=predicted, correct=ours == row.label)
        if walk.violent.get(row.label) is True:
            violent_subtype.add(predicted=predicted, correct=ours == row.label)
        gold_violent = walk.violent.get(row.label)
        if gold_violent is not None:
            violence.add(predicted=True, correct=is_violent(events) == gold_violent)
        confusion.setdefault(row.label, Counter())[ours] += 1
    subtype.report(result, "subtype")
    violent_subtype.report(result, "subtype_violent")
    result.add(
        "violence.accuracy", violence.correct / violence.total if violence.total else None, violence.total
    )
    result.details["confusion"] = {gold: dict(c.most_common()) for gold, c in sorted(confusion.items())}


def evaluate_case2021(
    data: Path, *, predictor: Predictor, limit: int | None = None, progress: bool = True
) -> EvalResult:
    started = time.monotonic()
    data_dir = resolve_data_dir(data, "case2021", "test_shared_half.tsv")
    rows = stable_order(load_rows(data_dir), key=lambda r: r.id)[: limit or None]
    reports = [Report(text=r.text, id=f"case-{r.id}") for r in rows]
    results = run_predictions(reports, predictor, label="case2021", progress=progress)
    result = EvalResult("case2021", len(reports), errors=count_errors(results))
    score_rows(rows, [main_event(r) for r in results], [current_events(r) for r in results], result)
    result.seconds = time.monotonic() - started
    return result
