"""WikiEvents (dev): attacker / target / victim / instrument / place spans and attack detection.

Gold: every argument of the document's ``Conflict.Attack.*``, ``Life.Die.*`` and ``Life.Injure.*``
event mentions, one per (role class, entity); a gold argument is found when one of our strings
matches its text or the text of a coreferent mention (``coref/dev.jsonlines``). Ours: the strings of
all our events that are not background. Matching and role classes: :mod:`eventdesk.eval.spans`.

Detection: a document is positive when it has any such event mention, and we say positive when we
extract any violent event; trigger recall is the share of gold trigger spans covered by the
evidence of some event type of ours. The text given to the extractor is rebuilt from the sentences
(each placed at its token offsets), because the ``text`` field drops the space between sentences.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
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

ATTACK_PREFIXES: tuple[str, ...] = ("Conflict.Attack", "Life.Die", "Life.Injure")


@dataclass
class WikiDoc:
    doc_id: str
    text: str
    args: list[GoldArg]
    triggers: list[tuple[int, int]]  # character spans of gold attack / die / injure triggers


def rebuild_text(sentences: Sequence[Sequence[Any]]) -> str:
    """Each sentence ``[[token, start, end], ...], text`` placed at its first token's offset."""
    end = max((tok[2] for sent in sentences for tok in sent[0]), default=0)
    buf = [" "] * end
    for tokens, sent_text in ((s[0], s[1]) for s in sentences):
        if tokens:
            start = tokens[0][1]
            for i, ch in enumerate(sent_text[: max(0, end - start)]):
                buf[start + i] = ch
    return "".join(buf)


def _coref(data_dir: Path) -> dict[str, dict[str, list[str]]]:
    """doc id -> entity id -> ids of all entities in its cluster."""
    out: dict[str, dict[str, list[str]]] = {}
    path = data_dir / "coref" / "dev.jsonlines"
    if path.exists():
        with open(path, encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                out[row["doc_key"]] = {e: cluster for cluster in row["clusters"] for e in cluster}
    return out


def load_documents(data_dir: Path) -> list[WikiDoc]:
    coref = _coref(data_dir)
    docs = []
    with open(data_dir / "dev.jsonl", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            token_spans = [(t[1], t[2]) for s in row["sentences"] for t in s[0]]
            entity_text = {m["id"]: m["text"] for m in row["entity_mentions"]}
            clusters = coref.get(row["doc_id"], {})
            args: dict[tuple[str, str], GoldArg] = {}
            triggers = []
            for event in row["event_mentions"]:
                if not event["event_type"].startswith(ATTACK_PREFIXES):
                    continue
                trig = event["trigger"]
                triggers.append((token_spans[trig["start"]][0], token_spans[trig["end"] - 1][1]))
                for arg in event["arguments"]:
                    cls = ROLE_CLASSES.get(arg["role"].lower())
                    if cls is None:
                        continue
                    ids = clusters.get(arg["entity_id"], [arg["entity_id"]])
                    key = (cls, min(ids))
                    mentions = tuple(
                        dict.fromkeys([arg["text"], *(entity_text[i] for i in ids if i in entity_text)])
                    )
                    args.setdefault(key, GoldArg(cls, mentions))
            docs.append(WikiDoc(row["doc_id"], rebuild_text(row["sentences"]), list(args.values()), triggers))
    return docs


def evaluate_wikievents(
    data: Path, *, predictor: Predictor, limit: int | None = None, progress: bool = True
) -> EvalResult:
    started = time.monotonic()
    data_dir = resolve_data_dir(data, "wikievents", "dev.jsonl")
    docs = stable_order(load_documents(data_dir), key=lambda d: d.doc_id)[: limit or None]
    reports = [Report(text=d.text, id=d.doc_id) for d in docs]
    results = run_predictions(reports, predictor, label="wikievents", progress=progress)
    result = EvalResult("wikievents", len(reports), errors=count_errors(results))
    tally = ArgTally()
    hits = total_triggers = 0
    gold_pos, pred_pos = [], []
    for doc, res in zip(docs, results, strict=True):
        events = current_events(res)
        tally.add_document(doc.args, predicted_args(events))
        gold_pos.append(bool(doc.triggers))
        pred_pos.append(is_violent(events))
        hits += trigger_hits(doc.triggers, res.events)
        total_triggers += len(doc.triggers)
    tally.report(result)
    result.add_prf("detection", detection_counts(gold_pos, pred_pos))
    result.add("triggers.recall", rate(hits, total_triggers), total_triggers)
    result.seconds = time.monotonic() - started
    return result
