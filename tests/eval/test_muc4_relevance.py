"""The trained MUC-4 relevance filter: its input, the recipe (train, threshold, save, load), the
packaged weights, and its place in the MUC-4 adapter. Texts are written for these tests."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from eventdesk.eval import gtt, muc4, muc4_relevance
from eventdesk.eval.muc4_relevance import (
    ModelError,
    RelevanceModel,
    Row,
    TrainConfig,
    choose_threshold,
    classifier_input,
    load_model,
    save_model,
    train,
)
from eventdesk.records import Event, Evidence, Location

MakeEvent = Callable[..., Event]
SMALL = TrainConfig(epochs=8, length=2**12, folds=2)

RELEVANT = [
    "a car bomb exploded outside the mayor's office, killing a guard",
    "urban guerrillas dynamited a power pylon near the town",
    "gunmen murdered a judge as he left his home",
    "terrorists kidnapped an industrialist on his way to the factory",
    "a bomb destroyed the offices of the newspaper",
    "rebels set fire to three buses at the terminal",
]
IRRELEVANT = [
    "the army said soldiers clashed with rebels in the mountains",
    "the minister said in a speech that the peace talks would resume",
    "troops and guerrillas fought for hours near the army base",
    "the president recalled the war years in a speech to congress",
    "a military patrol exchanged fire with insurgents in the hills",
    "officials discussed the budget for next year at the congress",
]


def _rows() -> list[Row]:
    rows = [Row(f"r{i}", 0, t, True) for i, t in enumerate(RELEVANT)]
    return rows + [Row(f"i{i}", 0, t, False) for i, t in enumerate(IRRELEVANT)]


def test_classifier_input_has_feature_words_and_evidence_windows(make_event: MakeEvent) -> None:
    text = "BOGOTA, 3 MAY 90 -- A BOMB EXPLODED AT THE BANK TODAY."
    start = text.index("BOMB")
    event = replace(
        make_event(muc4="bombing", code="bombing", perps=[("FARC", "organization")], perp_status="claimed",
                   targets=["bank"], country_code="CO", killed=2, role="related"),
        type=replace(make_event().type, code="bombing", muc4_incident_type="bombing",
                     evidence=(Evidence(start, start + 4, "BOMB"),)),
    )  # fmt: skip
    words = classifier_input(event, 1, 3, text).split(" \n ")[0].split()
    assert {"__kind_bombing", "__role_related", "__cc_CO", "__nine_True", "__ntpl_3", "__idx_1",
            "__killed_5", "__perp_organization_claimed", "__nperp_1"} <= set(words)  # fmt: skip
    window = classifier_input(event, 1, 3, text).split(" \n ")[1]
    assert window == text.lower()  # the whole line is within 150 characters of the evidence
    far = "X" * 400 + text
    shifted = replace(event, type=replace(event.type, evidence=(Evidence(start + 400, start + 404, "BOMB"),)))
    assert classifier_input(shifted, 1, 3, far).split(" \n ")[1] == far[start + 250 :].lower()
    outside = replace(event, location=Location(country_code="US"))
    assert "__nine_False" in classifier_input(outside, 0, 1, text)


def test_training_separates_the_classes_and_is_deterministic(tmp_path: Path) -> None:
    nlp = train(_rows(), SMALL)
    model = RelevanceModel(nlp, 0.5)
    scores = model.scores(["a bomb exploded outside the newspaper", "soldiers clashed with rebels near the base"])
    assert scores[0] > 0.5 > scores[1]
    a = save_model(nlp, tmp_path / "a", {"feature_version": muc4_relevance.FEATURE_VERSION,
                                         "config": SMALL.__dict__, "threshold": 0.5})  # fmt: skip
    b = save_model(train(_rows(), SMALL), tmp_path / "b", {"feature_version": muc4_relevance.FEATURE_VERSION,
                                                           "config": SMALL.__dict__, "threshold": 0.5})  # fmt: skip
    assert a["files"] == b["files"]  # same rows, same seed: the same weights, byte for byte
    loaded = load_model(tmp_path / "a")
    assert loaded.threshold == 0.5
    assert loaded.scores(["a bomb exploded outside the newspaper"]) == pytest.approx(scores[:1])


def test_saved_model_holds_no_training_words(tmp_path: Path) -> None:
    save_model(train(_rows(), SMALL), tmp_path / "m", {"feature_version": 1, "config": SMALL.__dict__,
                                                       "threshold": 0.5})  # fmt: skip
    blob = b"".join(p.read_bytes() for p in (tmp_path / "m").rglob("*") if p.is_file())
    assert b"industrialist" not in blob and b"pylon" not in blob


def test_load_refuses_an_altered_or_missing_model(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="train muc4-relevance"):
        load_model(tmp_path / "nothing")
    manifest = {"feature_version": muc4_relevance.FEATURE_VERSION, "config": SMALL.__dict__, "threshold": 0.5}
    save_model(train(_rows(), SMALL), tmp_path / "m", manifest)
    weights = tmp_path / "m" / "textcat" / "model"
    weights.write_bytes(weights.read_bytes()[:-1] + b"\x00")
    with pytest.raises(ModelError, match="sha256"):
        load_model(tmp_path / "m")
    save_model(train(_rows(), SMALL), tmp_path / "old", {**manifest, "feature_version": 0})
    with pytest.raises(ModelError, match="feature version"):
        load_model(tmp_path / "old")


def test_choose_threshold_maximises_gtt_f1_and_prefers_the_lower_on_ties() -> None:
    gold_t: gtt.Template = {"incident_type": "bombing", **{r: [] for r in gtt.ROLES}}
    gold_t["Target"] = [["bank"]]
    golds = {"d1": gtt.GoldDoc([gold_t], [0]), "d2": gtt.GoldDoc([], [])}
    right = {**gold_t}
    wrong: gtt.Template = {"incident_type": "attack", **{r: [] for r in gtt.ROLES}}
    templates = {"d1": [right], "d2": [wrong]}
    scores = {("d1", 0): 0.9, ("d2", 0): 0.12}  # the wrong one scores low: dropped from 0.15 up
    best, table = choose_threshold(["d1", "d2"], templates, golds, scores)
    assert best == 0.15 and table["0.15"] == 1.0 and table["none"] < 1.0


def test_packaged_model_loads_and_matches_its_manifest() -> None:
    model = muc4_relevance.packaged_model()
    assert model.threshold in muc4_relevance.THRESHOLDS
    assert model.manifest["training_split"].startswith("muc4 gtt/train.jsonl")
    assert set(model.manifest["files"]) == {"textcat/cfg", "textcat/model"}
    assert (muc4_relevance.MODEL_DIR / "textcat" / "model").stat().st_size < 1_000_000


def test_adapter_drops_what_the_model_rejects_but_keys_use_the_rules(
    synthetic_root: Path, make_event: MakeEvent, fake_predictor: Callable[..., Any], tmp_path: Path
) -> None:
    def events_for(report: Any) -> list[Event]:
        if "GUNMEN" not in report.text:
            return []
        return [make_event(muc4="attack", day="1990-03-02", country="Narnia", perps=[("RED FRONT", "organization")],
                           perp_status="claimed", targets=["POLICE POST"], weapons=["RIFLES"])]  # fmt: skip

    strict = RelevanceModel(train(_rows(), SMALL), threshold=1.01)  # rejects everything
    result, preds = muc4.evaluate_muc4(
        synthetic_root, predictor=fake_predictor(events_for), relevance=strict, progress=False
    )
    assert all(p["pred_templates"] == [] for p in preds.values())
    assert result.scores["gtt.micro.f1"].value == 0.0
    assert result.scores["keys.date.accuracy"].value == 1.0  # the event's date is still right
    assert result.details["relevance_model"]["threshold"] == 1.01
    lenient = RelevanceModel(strict.nlp, threshold=0.0)
    _, kept = muc4.evaluate_muc4(synthetic_root, predictor=fake_predictor(events_for), relevance=lenient,
                                 progress=False)  # fmt: skip
    assert kept["TST1-MUC3-0001"]["pred_templates"]


def test_adapter_reads_a_model_folder(
    synthetic_root: Path, make_event: MakeEvent, fake_predictor: Callable[..., Any], tmp_path: Path
) -> None:
    shutil.copytree(muc4_relevance.MODEL_DIR, tmp_path / "copy")
    result, _ = muc4.evaluate_muc4(synthetic_root, predictor=fake_predictor(lambda r: []),
                                   relevance=str(tmp_path / "copy"), progress=False)  # fmt: skip
    manifest = json.loads((tmp_path / "copy" / "manifest.json").read_text())
    assert result.details["relevance_model"]["sha256"] == manifest["files"]


@pytest.mark.data
@pytest.mark.slow
def test_recipe_runs_end_to_end_on_dev(data_root: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from eventdesk.cli import main

    out = tmp_path / "model"
    run = CliRunner().invoke(
        main, ["train", "muc4-relevance", "--data", str(data_root), "--limit", "60", "--out", str(out), "-q"]
    )
    assert run.exit_code == 0, run.output
    manifest = json.loads(run.output)
    assert manifest["training_split"] == "muc4 gtt/train.jsonl (60 documents)"
    assert load_model(out).threshold == manifest["threshold"]
    scored = CliRunner().invoke(main, ["eval", "muc4", "--data", str(data_root), "--limit", "10",
                                       "--relevance-model", str(out), "-q", "--json"])  # fmt: skip
    assert scored.exit_code == 0, scored.output
    assert json.loads(scored.output)["details"]["relevance_model"]["threshold"] == manifest["threshold"]


def test_templates_digest_tells_when_the_training_extraction_changed() -> None:
    t: gtt.Template = {"incident_type": "bombing", **{r: [] for r in gtt.ROLES}}
    other: gtt.Template = {**t, "Target": [["bank"]]}
    a = muc4_relevance.templates_digest(["d2", "d1"], {"d1": [t], "d2": []})
    assert a == muc4_relevance.templates_digest(["d1", "d2"], {"d2": [], "d1": [t]})  # order does not matter
    assert a != muc4_relevance.templates_digest(["d1", "d2"], {"d1": [other], "d2": []})
    assert len(muc4_relevance.packaged_model().manifest["training_templates_sha256"]) == 64
