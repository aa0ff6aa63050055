"""RAMS 1.0 (dev): argument spans of attack / die / injure events and detection of those events.

Each example is a 5-sentence window with one annotated event. The text given to the extractor is
the tokens of all sentences joined with single spaces (RAMS token offsets index the concatenated
sentences, inclusive at both ends). Detection is scored over every example (positive when the event
is ``conflict.attack.*``, ``life.die.*`` or ``life.injure.*``; we say positive when we extract any
violent event); arguments and trigger recall over the positive examples only. Role classes and
matching: :mod:`eventdesk.eval.spans` (RAMS roles read from names like ``evt089arg01victim``).
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventdesk.eval.metrics import EvalResult, rate
from eventdesk.eval.predict import (
    Predictor,
    count_errors,
    current_events,
    resolve_data_dir,
    run_predictions,
    stable_order,
)
from eventdesk.eval.spans import (
    ROLE_CLASSES,
    ArgTally,
    GoldArg,
    detection_counts,
    is_violent,
    predicted_args,
    trigger_hits,
)
from eventdesk.records import Report

ATTACK_PREFIXES: tuple[str, ...] = ("conflict.attack", "life.die", "life.injure")
_ROLE = re.compile(r"evt\d+arg\d+(\w+)")


@dataclass
class RamsExample:
    doc_key: str
    text: str
    event_type: str
    args: list[GoldArg]
    triggers: list[tuple[int, int]]  # character spans

    @property
    def positive(self) -> bool:
        return self.event_type.startswith(ATTACK_PREFIXES)


def role_of(name: str) -> str:
    """``'evt089arg01victim'`` -> ``'victim'``."""
    m = _ROLE.fullmatch(name)
    return m.group(1) if m else name


def parse_example(row: dict[str, Any]) -> RamsExample:
    tokens = [t for sent in row["sentences"] for t in sent]
    starts, pos = [], 0
    for tok in tokens:
        starts.append(pos)
        pos += len(tok) + 1
    text = " ".join(tokens)

    def span(first: int, last: int) -> tuple[int, int]:
        return starts[first], starts[last] + len(tokens[last])

    triggers = row["evt_triggers"]
    event_type = triggers[0][2][0][0] if triggers else ""
    args = []
    seen = set()
    for _trigger, (first, last), role in row["gold_evt_links"]:
        cls = ROLE_CLASSES.get(role_of(role))
        if cls is None or (cls, first, last) in seen:
            continue
        seen.add((cls, first, last))
        a, b = span(first, last)
        args.append(GoldArg(cls, (text[a:b],)))
    return RamsExample(
        doc_key=str(row["doc_key"]),
        text=text,
        event_type=event_type,
        args=args,
        triggers=[span(t[0], t[1]) for t in triggers],
    )


def load_examples(data_dir: Path) -> list[RamsExample]:
    with open(data_dir / "dev.jsonlines", encoding="utf-8") as f:
        return [parse_example(json.loads(line)) for line in f if line.strip()]


def evaluate_rams(
    data: Path, *, predictor: Predictor, limit: int | None = None, progress: bool = True
) -> EvalResult:
    started = time.monotonic()
    data_dir = resolve_data_dir(data, "rams", "dev.jsonlines")
    examples = stable_order(load_examples(data_dir), key=lambda e: e.doc_key)[: limit or None]
    reports = [Report(text=e.text, id=e.doc_key) for e in examples]
    results = run_predictions(reports, predictor, label="rams", progress=progress)
    result = EvalResult("rams", len(reports), errors=count_errors(results))
    tally = ArgTally()
    hits = total = 0
    for ex, res in zip(examples, results, strict=True):
        if ex.positive:
            tally.add_document(ex.args, predicted_args(current_events(res)))
            hits += trigger_hits(ex.triggers, res.events)
            total += len(ex.triggers)
    tally.report(result)
    gold_pos = [ex.positive for ex in examples]
    pred_pos = [is_violent(current_events(res)) for res in results]
    result.add_prf("detection", detection_counts(gold_pos, pred_pos))
    result.add("triggers.recall", rate(hits, total), total)
    result.details["examples"] = {"all": len(examples), "attack_die_injure": sum(gold_pos)}
    result.seconds = time.monotonic() - started
    return result
