"""MUC-4: events -> GTT templates, scored with the GTT metric; date, country and claim from the keys.

Mapping (one template per event):

* ``incident_type`` = ``type.muc4_incident_type`` (attack, bombing, kidnapping, arson, robbery,
  forced work stoppage); events without one, and non-violent events, make no template (except a
  forced work stoppage, which MUC-4 counts although nobody is hurt);
* ``PerpInd`` = perpetrators of kind individual or unknown, ``PerpOrg`` = of kind organization or
  state; perpetrators whose status is ``denied`` are left out;
* ``Target`` = targets, ``Victim`` = victims, ``Weapon`` = weapons; one mention per entity.
* a clash between armed groups and the military (``armed_clash``) is not a MUC-4 incident, unless
  it hit civilian people or property (a civilian, business, transport, religious ... target, or
  victims of a civilian group): then it is an ``attack`` (template-doc-part1.v7, section 1.0, rule 1);
* ``background`` events make no template: MUC-4 excludes incidents recalled only as historical
  context (template-doc-part1.v7, relevance rule 6);
* with a relevance model (``eval/muc4_relevance.py``, trained on DEV, on by default) templates whose
  event a MUC-4 coder would likely not have kept are dropped.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from eventdesk.eval import gtt, muc4_keys
from eventdesk.eval.metrics import EvalResult, Tally, fold
from eventdesk.eval.muc4_relevance import RelevanceModel, filter_pairs, load_model, packaged_model
from eventdesk.eval.predict import Predictor, count_errors, resolve_data_dir, run_predictions, stable_order
from eventdesk.records import Event, Report, ReportResult
from eventdesk.resources import read_tsv

MUC4_TYPES: tuple[str, ...] = ("attack", "bombing", "kidnapping", "arson", "robbery", "forced work stoppage")
# split name -> (GTT gold file, full-template files holding the same documents' upper-case text)
SPLITS: dict[str, tuple[str, tuple[str, ...]]] = {
    "dev": ("gtt/dev.jsonl", ("full_templates/tst1.jsonl", "full_templates/tst2.jsonl")),
    "train": ("gtt/train.jsonl", ("full_templates/dev.jsonl",)),
}


def _add_entity(entities: list[list[str]], text: str | None) -> None:
    text = (text or "").strip()
    if text and gtt.normalize_mention(text) not in {gtt.normalize_mention(e[0]) for e in entities}:
        entities.append([text])


CIVILIAN_TARGETS = frozenset({"civilians", "religious", "government", "business", "infrastructure", "transport",
                              "educational", "diplomatic"})
# people words too general to tell civilians from combatants ("five persons were killed")
_GENERAL_PEOPLE = frozenset({"people", "person", "man", "woman", "individual", "member", "crew"})


@cache
def _victim_groups() -> dict[str, str]:
    return {r["noun"].lower(): r["group"] for r in read_tsv("participants_people.tsv")}


def hit_civilians(event: Event) -> bool:
    """Did the event hit civilian property (a target of a civilian kind) or people of a civilian group?"""
    if any(t.kind in CIVILIAN_TARGETS for t in event.targets):
        return True
    groups = _victim_groups()
    for victim in event.victims:
        for word in victim.text.lower().split():
            for noun in {word, word.removesuffix("s"), word[:-2] + "an" if word.endswith("en") else word}:
                group = groups.get(noun)
                if group and group not in ("military", "police") and noun not in _GENERAL_PEOPLE:
                    return True
    return False


def event_template(event: Event) -> gtt.Template | None:
    """The GTT template for one event, or None when the event is not a MUC-4 incident."""
    kind = (event.type.muc4_incident_type or "").strip().lower()
    if not kind and event.type.code == "armed_clash" and hit_civilians(event):
        kind = "attack"  # guerrilla warfare that hit civilians is relevant (MUC-4 relevance rule 1)
    if kind not in MUC4_TYPES or (not event.type.violent_attack and kind != "forced work stoppage"):
        return None
    template: gtt.Template = {"incident_type": kind, **{role: [] for role in gtt.ROLES}}
    for perp in event.perpetrators:
        if perp.status != "denied":
            _add_entity(
                template["PerpOrg" if perp.kind in ("organization", "state") else "PerpInd"], perp.name
            )
    for target in event.targets:
        _add_entity(template["Target"], target.text)
    for victim in event.victims:
        if victim.named:  # MUC-4's human-target slot GTT scores holds names, not descriptions
            _add_entity(template["Victim"], victim.text)
    for weapon in event.weapons:
        _add_entity(template["Weapon"], weapon.text)
    return template


def events_to_templates(
    events: Iterable[Event], *, include_background: bool = False
) -> list[tuple[gtt.Template, Event]]:
    out = []
    for event in events:
        if event.role == "background" and not include_background:
            continue
        template = event_template(event)
        if template is not None:
            out.append((template, event))
    return out


@dataclass
class Muc4Doc:
    docid: str
    text: str
    published: str | None
    key_templates: list[dict[str, Any]]  # the relevant full-key templates, in key order


def load_documents(data_dir: Path, files: Sequence[str]) -> dict[str, Muc4Doc]:
    docs = {}
    for name in files:
        with open(data_dir / name, encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                relevant = [t for t in row["templates"] if t["derived"]["relevant"]]
                text = row["text"]
                docs[row["docid"]] = Muc4Doc(row["docid"], text, muc4_keys.dateline_date(text), relevant)
    return docs


PACKAGED = "packaged"  # the relevance model shipped in eventdesk/models/muc4_relevance


def resolve_relevance(relevance: RelevanceModel | str | None) -> RelevanceModel | None:
    if relevance == PACKAGED:
        return packaged_model()
    if isinstance(relevance, str):
        return load_model(Path(relevance))
    return relevance


def report_templates(
    result: ReportResult,
    text: str,
    *,
    include_background: bool = False,
    relevance: RelevanceModel | None = None,
) -> list[tuple[gtt.Template, Event]]:
    """One report's templates with their events; ``relevance`` drops those it judges not relevant."""
    pairs = events_to_templates(result.events, include_background=include_background)
    return pairs if relevance is None else filter_pairs(pairs, text, relevance)


def _extract_split(
    data: Path, split: str, docids: Callable[[dict[str, gtt.GoldDoc]], list[str]], *, predictor: Predictor,
    progress: bool,
) -> tuple[dict[str, gtt.GoldDoc], dict[str, Muc4Doc], list[str], list[ReportResult]]:
    """Gold, documents, the chosen docids (``docids(golds)``) and their extraction, for one split."""
    gold_name, text_files = SPLITS[split]
    data_dir = resolve_data_dir(data, "muc4", gold_name)
    golds = gtt.load_gold(data_dir / gold_name)
    docs = load_documents(data_dir, text_files)
    ids = docids(golds)
    reports = [Report(text=docs[d].text, id=d, published=docs[d].published) for d in ids]
    return golds, docs, ids, run_predictions(reports, predictor, label=f"muc4 {split}", progress=progress)


def predictions_file(
    reports: Sequence[Report],
    results: Sequence[ReportResult],
    *,
    include_background: bool = False,
    relevance: RelevanceModel | None = None,
) -> dict[str, dict[str, list[gtt.Template]]]:
    """``{docid: {"pred_templates": [...]}}``, the format GTT-compatible scorers read."""
    return {
        report.id: {
            "pred_templates": [
                t
                for t, _ in report_templates(
                    r, report.text, include_background=include_background, relevance=relevance
                )
            ]
        }
        for report, r in zip(reports, results, strict=True)
    }


def evaluate_muc4(
    data: Path,
    *,
    predictor: Predictor,
    split: str = "dev",
    limit: int | None = None,
    include_background: bool = False,
    relevance: RelevanceModel | str | None = PACKAGED,
    progress: bool = True,
) -> tuple[EvalResult, dict[str, Any]]:
    """Extract every document of ``split`` and score it; returns the result and the GTT predictions.
    ``relevance``: the packaged relevance model (default), another one, or None for the rules alone."""
    started = time.monotonic()
    relevance = resolve_relevance(relevance)
    golds, docs, docids, results = _extract_split(
        data, split, lambda g: stable_order(g, key=lambda d: d)[:limit] if limit else sorted(g),
        predictor=predictor, progress=progress,
    )  # fmt: skip
    rules = {
        d: events_to_templates(r.events, include_background=include_background)
        for d, r in zip(docids, results, strict=True)
    }
    rule_templates = {d: [t for t, _ in pairs] for d, pairs in rules.items()}
    paired = rules if relevance is None else {d: filter_pairs(p, docs[d].text, relevance) for d, p in rules.items()}
    preds = {d: [t for t, _ in pairs] for d, pairs in paired.items()}
    score = gtt.score_gtt(preds, golds, docids)

    result = EvalResult("muc4", len(docids), errors=count_errors(results))
    for key, prf in score.roles.items():
        result.add_prf(f"gtt.{key}", prf)
    result.add_prf("gtt.micro", score.micro)
    # the keys measure our events' fields, so they use every template the rules made (the relevance
    # filter decides which templates a coder keeps, not what an event's date or country is)
    rules_score = score if relevance is None else gtt.score_gtt(rule_templates, golds, docids)
    _score_keys(result, docids, docs, golds, rules, rules_score)
    result.details["gtt"] = {
        key: prf.to_dict() for key, prf in [*score.roles.items(), ("micro", score.micro)]
    }
    result.details["split"] = split
    if relevance is not None and split == "train" and not limit:
        from eventdesk.eval.muc4_relevance import templates_digest

        trained_on = relevance.manifest.get("training_templates_sha256")
        if trained_on and trained_on != templates_digest(docids, rule_templates):
            result.notes.append(
                "the relevance model was trained on another extraction of this split: the extractor has changed"
                " since; retrain it (`eventdesk train muc4-relevance`) so the weights match their recipe"
            )
    result.details["relevance_model"] = (
        {"threshold": relevance.threshold, "sha256": relevance.manifest.get("files", {})} if relevance else None
    )
    result.details["templates"] = {
        "predicted": sum(map(len, preds.values())),
        "gold": sum(len(golds[d].templates) for d in docids),
    }
    if score.approximate:
        result.notes.append(f"{len(score.approximate)} documents aligned approximately (too many templates)")
    result.seconds = time.monotonic() - started
    return result, {d: {"pred_templates": preds[d]} for d in docids}


def _score_keys(
    result: EvalResult,
    docids: Sequence[str],
    docs: dict[str, Muc4Doc],
    golds: dict[str, gtt.GoldDoc],
    paired: dict[str, list[tuple[gtt.Template, Event]]],
    score: gtt.GttScore,
) -> None:
    """Date, country and claim of each gold template against the event aligned with it by GTT."""
    date, country, claim = Tally(), Tally(), Tally()
    for docid in docids:
        doc, gold = docs[docid], golds[docid]
        if len(doc.key_templates) < len(gold.source_index) or not gold.source_index:
            continue
        aligned = {g: p for p, g in score.mappings.get(docid, {}).items()}
        for g, source in enumerate(gold.source_index):
            key = doc.key_templates[source]
            event = paired[docid][aligned[g]][1] if g in aligned else None
            spans = muc4_keys.parse_date((key["slots"].get("INCIDENT: DATE") or ["-"])[0])
            if spans:
                day = _event_day(event)
                date.add(
                    predicted=day is not None, correct=day is not None and muc4_keys.date_matches(day, spans)
                )
            places = muc4_keys.parse_countries((key["slots"].get("INCIDENT: LOCATION") or ["-"])[0])
            if places:
                ours = fold(event.location.country or "") if event else ""
                country.add(predicted=bool(ours), correct=ours in {fold(p) for p in places})
            claimed = key["derived"].get("claimed")
            if claimed is not None:
                said = event is not None and any(p.status == "claimed" for p in event.perpetrators)
                claim.add(predicted=event is not None, correct=said == claimed)
    date.report(result, "keys.date")
    country.report(result, "keys.country")
    claim.report(result, "keys.claim")


def _event_day(event: Event | None) -> dt.date | None:
    if event is None or not event.date.start or event.date.precision not in ("day", "range"):
        return None
    try:
        return dt.date.fromisoformat(event.date.start[:10])
    except ValueError:
        return None


def score_prediction_file(pred_path: Path, gold_path: Path) -> EvalResult:
    """Score an existing GTT-format prediction file (e.g. a published model's) against GTT gold."""
    golds = gtt.load_gold(gold_path)
    preds = gtt.align_keys(gtt.load_predictions(pred_path), golds)
    score = gtt.score_gtt(preds, golds)
    result = EvalResult("muc4", 0)
    for key, prf in score.roles.items():
        result.add_prf(f"gtt.{key}", prf)
    result.add_prf("gtt.micro", score.micro)
    result.details["gtt"] = {
        key: prf.to_dict() for key, prf in [*score.roles.items(), ("micro", score.micro)]
    }
    result.notes.append(
        f"scored {pred_path.name}: {len(preds)} of {len(golds)} gold documents have predictions"
    )
    return result


def predict_documents(
    path: Path,
    *,
    predictor: Predictor,
    include_background: bool = False,
    relevance: RelevanceModel | str | None = PACKAGED,
    progress: bool = True,
) -> dict[str, Any]:
    """GTT-format predictions for unlabelled documents (JSONL lines ``{"id", "text"}``; ``published``
    is read from the line or, failing that, from a MUC-style dateline)."""
    reports = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                row = json.loads(line)
                text = row["text"]
                published = row.get("published") or muc4_keys.dateline_date(text)
                reports.append(
                    Report(text=text, id=str(row.get("id") or n), title=row.get("title"), published=published)
                )
    results = run_predictions(reports, predictor, label="muc4 predict", progress=progress)
    relevance = resolve_relevance(relevance)
    return predictions_file(reports, results, include_background=include_background, relevance=relevance)


def train_relevance(
    data: Path, out_dir: Path, *, predictor: Predictor, limit: int | None = None, progress: bool = True
) -> dict[str, Any]:
    """The relevance model's recipe: extract DEV (GTT's train split; TST1+TST2 are not read), label
    each template by the GTT alignment, cross-validate the threshold, train, save to ``out_dir``."""
    from eventdesk.eval import muc4_relevance

    golds, docs, docids, results = _extract_split(
        data, "train", lambda g: sorted(stable_order(g, key=lambda d: d)[:limit] if limit else g),
        predictor=predictor, progress=progress,
    )  # fmt: skip
    pairs = {d: events_to_templates(r.events) for d, r in zip(docids, results, strict=True)}
    log = (lambda m: print(m, file=sys.stderr)) if progress else (lambda _m: None)
    split = muc4_relevance.TrainingSplit(
        docids,
        {d: [e for _, e in p] for d, p in pairs.items()},
        {d: [t for t, _ in p] for d, p in pairs.items()},
        {d: docs[d].text for d in docids},
        golds,
    )
    return muc4_relevance.train_recipe(
        split,
        out_dir,
        provenance={"training_split": f"muc4 {SPLITS['train'][0]} ({len(docids)} documents)"},
        log=log,
    )
