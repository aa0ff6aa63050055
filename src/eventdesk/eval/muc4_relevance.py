"""A trained MUC-4 relevance filter: is this event one a MUC-4 coder would have made a template for?

MUC-4 keeps only some violent incidents (template-doc-part1.v7, section 1.0: terrorist acts against
civilian targets, in or against one of nine Latin American countries, recent, specific, reported as
fact). Our rules make a template for every violent event of a MUC-4 type, so a third of our
templates on the training split (DEV) are ones no coder made. This module scores each template's
event with a bag-of-n-grams text classifier (spaCy ``textcat``, ``TextCatBOW.v3``) over

* a few **feature words** describing the event as extracted (``__kind_bombing``, ``__role_related``,
  ``__cc_CO``, ``__perp_organization_claimed``, ``__tkind_military``, how many templates the document
  has, ...), and
* the **words around its evidence** (150 characters either side of each evidence span, lower case),

and drops templates scoring under a threshold. Labels come from the GTT alignment on DEV (a
template aligned with a gold template is relevant); the threshold is chosen by 5-fold
cross-validation on DEV, maximising GTT micro F1. TST1+TST2 are never read by the recipe.

The weights ship inside the package (``eventdesk/models/muc4_relevance``), hashed in its
``manifest.json`` and checked at load; the recipe is ``eventdesk train muc4-relevance``. No text of the
training documents is stored: the n-grams are hashed into a fixed-size table (spaCy's vocabulary,
which would hold the training words, is not saved).
"""

from __future__ import annotations

import hashlib
import json
import random
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from eventdesk.errors import EventdeskError
from eventdesk.eval import gtt
from eventdesk.records import Event

FEATURE_VERSION = 1
MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "muc4_relevance"
WINDOW = 150  # characters of context either side of each evidence span
NINE = frozenset({"SV", "GT", "HN", "AR", "BO", "CL", "CO", "EC", "PE"})  # MUC-4's countries of interest
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)


@dataclass(frozen=True)
class TrainConfig:
    epochs: int = 10
    ngram_size: int = 2
    length: int = 2**16  # hashed n-gram table size (weights: 2 labels x length floats)
    batch_size: int = 16
    seed: int = 0
    folds: int = 5

    def textcat_config(self) -> dict[str, Any]:
        return {
            "model": {
                "@architectures": "spacy.TextCatBOW.v3",
                "exclusive_classes": True,
                "ngram_size": self.ngram_size,
                "no_output_layer": False,
                "length": self.length,
            }
        }


class ModelError(EventdeskError):
    """The packaged relevance model is missing or does not match its manifest."""


def _bucket(n: int, cuts: Sequence[int]) -> str:
    for cut in cuts:
        if n <= cut:
            return str(cut)
    return "more"


def _feature_words(event: Event, index: int, count: int) -> list[str]:
    cc = event.location.country_code
    killed = event.killed.best if event.killed is not None and event.killed.best is not None else -1
    words = [
        f"kind_{event.type.muc4_incident_type}",
        f"type_{event.type.code}",
        f"role_{event.role}",
        f"cc_{cc}",
        f"nine_{(cc in NINE) if cc else 'none'}",
        f"ntpl_{_bucket(count, (1, 2, 3))}",
        f"idx_{_bucket(index, (0, 1, 2))}",
        f"dprec_{event.date.precision}",
        f"lprec_{event.location.precision}",
        f"killed_{_bucket(killed, (-1, 0, 1, 5))}",
        f"nperp_{_bucket(len(event.perpetrators), (0, 1, 2))}",
        f"ntarget_{_bucket(len(event.targets), (0, 1, 2))}",
        f"nvict_{_bucket(sum(v.named for v in event.victims), (0, 1, 2))}",
        f"nweap_{_bucket(len(event.weapons), (0, 1))}",
    ]
    words += [f"perp_{p.kind}_{p.status}" for p in event.perpetrators]
    words += [f"tkind_{t.kind}" for t in event.targets]
    return ["__" + w.replace(" ", "_") for w in words]


def _evidence_windows(event: Event, text: str) -> str:
    """The words around the event's evidence: type, actors, weapons, tolls and place, in that order
    (unlike ``records.iter_evidence``, no date or quote spans; changing either retrains the model)."""
    spans = list(event.type.evidence)
    for items in (event.perpetrators, event.targets, event.victims, event.weapons):
        for item in items:
            spans.extend(item.evidence)
    for figure in (event.killed, event.injured):
        if figure is not None:
            spans.extend(figure.evidence)
    spans.extend(event.location.evidence)
    return " ".join(text[max(0, s.start - WINDOW) : s.end + WINDOW] for s in spans)


def classifier_input(event: Event, index: int, count: int, text: str) -> str:
    """What the classifier reads for the ``index``-th of ``count`` templates of a report ``text``."""
    return " ".join(_feature_words(event, index, count)) + " \n " + _evidence_windows(event, text).lower()


# ----------------------------------------------------------------------------------- the model


@dataclass
class RelevanceModel:
    """The trained classifier and its threshold; ``keep`` decides for one report's templates."""

    nlp: Any
    threshold: float
    manifest: dict[str, Any] = field(default_factory=dict)

    def scores(self, inputs: Sequence[str]) -> list[float]:
        return [float(doc.cats["REL"]) for doc in self.nlp.pipe(inputs, batch_size=64)]

    def keep(self, events: Sequence[Event], text: str) -> list[bool]:
        inputs = [classifier_input(e, i, len(events), text) for i, e in enumerate(events)]
        return [s >= self.threshold for s in self.scores(inputs)]


def _blank(config: TrainConfig) -> Any:
    import spacy

    nlp = spacy.blank("en")
    textcat: Any = nlp.add_pipe("textcat", config=config.textcat_config())
    textcat.add_label("REL")
    textcat.add_label("IRR")
    return nlp


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def save_model(nlp: Any, out_dir: Path, manifest: dict[str, Any]) -> dict[str, Any]:
    """Write the textcat weights (not spaCy's vocabulary) and a manifest hashing every file."""
    out_dir.mkdir(parents=True, exist_ok=True)
    nlp.get_pipe("textcat").to_disk(out_dir / "textcat", exclude=["vocab"])
    files = sorted(p for p in (out_dir / "textcat").rglob("*") if p.is_file())
    manifest = {**manifest, "files": {p.relative_to(out_dir).as_posix(): _sha256(p) for p in files}}
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return manifest


def load_model(model_dir: Path = MODEL_DIR) -> RelevanceModel:
    """Load and verify the packaged model; raises :class:`ModelError` on a missing or altered file."""
    manifest_path = model_dir / "manifest.json"
    if not manifest_path.exists():
        raise ModelError(
            f"no MUC-4 relevance model in {model_dir}; train one with `eventdesk train muc4-relevance`"
            " or run without it (--no-relevance-model)"
        )
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    for name, digest in manifest["files"].items():
        path = model_dir / name
        if not path.exists() or _sha256(path) != digest:
            raise ModelError(f"{path} is missing or does not match the sha256 in {manifest_path}; reinstall eventdesk")
    if manifest.get("feature_version") != FEATURE_VERSION:
        raise ModelError(
            f"{model_dir} was trained on feature version {manifest.get('feature_version')}, this code reads"
            f" version {FEATURE_VERSION}; retrain with `eventdesk train muc4-relevance`"
        )
    config = TrainConfig(**manifest["config"])
    nlp = _blank(config)
    nlp.get_pipe("textcat").from_disk(model_dir / "textcat", exclude=["vocab"])
    return RelevanceModel(nlp, float(manifest["threshold"]), manifest)


@cache
def packaged_model() -> RelevanceModel:
    return load_model(MODEL_DIR)


# ----------------------------------------------------------------------------------- training


@dataclass(frozen=True)
class Row:
    docid: str
    index: int  # the template's position among the document's templates
    text: str  # the classifier input
    relevant: bool  # aligned with a gold template by the GTT metric


@dataclass(frozen=True)
class TrainingSplit:
    """The training documents as the rules saw them: each one's events with their templates."""

    docids: Sequence[str]
    events: dict[str, list[Event]]
    templates: dict[str, list[gtt.Template]]  # templates[d][i] is the template of events[d][i]
    texts: dict[str, str]
    golds: dict[str, gtt.GoldDoc]


def training_rows(split: TrainingSplit) -> list[Row]:
    """One row per predicted template, labelled by the GTT alignment with the gold templates."""
    score = gtt.score_gtt(split.templates, split.golds, split.docids)
    rows = []
    for d in split.docids:
        evs = split.events[d]
        for i, event in enumerate(evs):
            rows.append(Row(d, i, classifier_input(event, i, len(evs), split.texts[d]), i in score.mappings[d]))
    return rows


def train(rows: Sequence[Row], config: TrainConfig) -> Any:
    """A textcat trained on ``rows``, deterministically for a given ``config.seed``."""
    from spacy.training import Example
    from spacy.util import fix_random_seed

    fix_random_seed(config.seed)
    nlp = _blank(config)
    examples = [
        Example.from_dict(nlp.make_doc(r.text), {"cats": {"REL": float(r.relevant), "IRR": float(not r.relevant)}})
        for r in rows
    ]
    optimizer = nlp.initialize(lambda: examples)
    order = random.Random(config.seed)
    for _ in range(config.epochs):
        order.shuffle(examples)
        for start in range(0, len(examples), config.batch_size):
            nlp.update(examples[start : start + config.batch_size], sgd=optimizer, drop=0.0)
    return nlp


def _fold(docid: str, folds: int) -> int:
    return int(hashlib.sha1(docid.encode("utf-8")).hexdigest(), 16) % folds


def cross_validate(rows: Sequence[Row], config: TrainConfig) -> dict[tuple[str, int], float]:
    """Out-of-fold scores: each document's templates scored by a model trained without it."""
    scores: dict[tuple[str, int], float] = {}
    for k in range(config.folds):
        held = [r for r in rows if _fold(r.docid, config.folds) == k]
        model = RelevanceModel(train([r for r in rows if _fold(r.docid, config.folds) != k], config), 0.0)
        for r, s in zip(held, model.scores([r.text for r in held]), strict=True):
            scores[r.docid, r.index] = s
    return scores


def choose_threshold(
    docids: Sequence[str],
    templates: dict[str, list[gtt.Template]],
    golds: dict[str, gtt.GoldDoc],
    scores: dict[tuple[str, int], float],
) -> tuple[float, dict[str, float]]:
    """The threshold of :data:`THRESHOLDS` with the best GTT micro F1 (ties: the lower one)."""
    by_threshold = {"none": gtt.score_gtt(templates, golds, docids).micro.f1}
    for t in THRESHOLDS:
        kept = {d: [tp for i, tp in enumerate(templates[d]) if scores[d, i] >= t] for d in docids}
        by_threshold[str(t)] = gtt.score_gtt(kept, golds, docids).micro.f1
    best = max(THRESHOLDS, key=lambda t: (by_threshold[str(t)], -t))
    return best, {k: round(v, 4) for k, v in by_threshold.items()}


def templates_digest(docids: Sequence[str], templates: dict[str, list[gtt.Template]]) -> str:
    """A fingerprint of the rules' templates a model was trained on: when the extractor's output on
    the training split changes, the recipe would give other weights (time to retrain)."""
    blob = json.dumps([[d, templates[d]] for d in sorted(docids)], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def train_recipe(
    split: TrainingSplit,
    out_dir: Path,
    *,
    config: TrainConfig | None = None,
    provenance: dict[str, Any] | None = None,
    log: Callable[[str], None] = lambda _m: None,
) -> dict[str, Any]:
    """Cross-validate to choose the threshold, train on everything, save; returns the manifest."""
    import spacy

    config = config or TrainConfig()
    started = time.monotonic()
    docids, templates, golds = split.docids, split.templates, split.golds
    rows = training_rows(split)
    log(f"{len(rows)} templates from {len(docids)} documents, {sum(r.relevant for r in rows)} aligned with gold")
    oof = cross_validate(rows, config)
    threshold, by_threshold = choose_threshold(docids, templates, golds, oof)
    log(f"cross-validated GTT micro F1 by threshold: {by_threshold}; chose {threshold}")
    nlp = train(rows, config)
    manifest = {
        "name": "muc4_relevance",
        "feature_version": FEATURE_VERSION,
        "config": config.__dict__,
        "threshold": threshold,
        "cross_validation": {"folds": config.folds, "gtt_micro_f1_by_threshold": by_threshold},
        "rows": len(rows),
        "training_templates_sha256": templates_digest(docids, templates),
        "relevant_rows": sum(r.relevant for r in rows),
        "spacy_version": spacy.__version__,
        "training_seconds": round(time.monotonic() - started, 1),
        **(provenance or {}),
    }
    return save_model(nlp, out_dir, manifest)


def filter_pairs(
    pairs: Iterable[tuple[gtt.Template, Event]], text: str, model: RelevanceModel
) -> list[tuple[gtt.Template, Event]]:
    """The (template, event) pairs the model keeps."""
    pairs = list(pairs)
    keep = model.keep([e for _, e in pairs], text)
    return [p for p, k in zip(pairs, keep, strict=True) if k]
