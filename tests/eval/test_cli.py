"""``eventdesk eval`` in-process: help, JSON output, exit codes, MUC-4 prediction files, the gate."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from eventdesk.eval import cli
from eventdesk.eval.datasets import DATASETS


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch, no_events: Callable[..., Any]) -> CliRunner:
    monkeypatch.setattr(cli, "default_predictor", lambda workers=1, case="as-is": no_events)
    monkeypatch.delenv("EVENTDESK_DATA", raising=False)
    return CliRunner()


def test_cli_help_lists_every_dataset_with_an_example(runner: CliRunner) -> None:
    out = runner.invoke(cli.eval_cmd, ["--help"])
    assert out.exit_code == 0
    for name in [*DATASETS, "gate"]:
        assert name in out.output
        sub = runner.invoke(cli.eval_cmd, [name, "--help"])
        assert sub.exit_code == 0 and "Example" in sub.output and "--data" in sub.output


def test_cli_json_output(runner: CliRunner, synthetic_root: Path) -> None:
    out = runner.invoke(cli.eval_cmd, ["isaf", "--data", str(synthetic_root), "--json", "-q"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["dataset"] == "isaf" and data["reports"] == 2
    assert data["scores"]["killed.accuracy"]["value"] == 0.5


def test_cli_table_output(runner: CliRunner, synthetic_root: Path) -> None:
    out = runner.invoke(cli.eval_cmd, ["case2021", "--data", str(synthetic_root / "case2021_task2"), "-q"])
    assert out.exit_code == 0, out.output
    assert "subtype.accuracy" in out.output and "0.00%" in out.output


def test_cli_missing_data_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    out = runner.invoke(cli.eval_cmd, ["gva", "--data", str(tmp_path), "-q"])
    assert out.exit_code == 2 and "no gva data" in out.output


def test_cli_muc4_writes_and_scores_predictions(
    runner: CliRunner, synthetic_root: Path, tmp_path: Path
) -> None:
    preds = tmp_path / "preds.json"
    out = runner.invoke(
        cli.eval_cmd, ["muc4", "--data", str(synthetic_root), "--predictions-out", str(preds), "-q"]
    )
    assert out.exit_code == 0, out.output
    assert json.loads(preds.read_text()) == {
        "TST1-MUC3-0001": {"pred_templates": []},
        "TST2-MUC4-0002": {"pred_templates": []},
    }
    numbered = tmp_path / "numbered.json"
    args = ["muc4", "--data", str(synthetic_root), "--predictions-out", str(numbered), "--numeric-keys", "-q"]
    assert runner.invoke(cli.eval_cmd, args).exit_code == 0
    assert sorted(json.loads(numbered.read_text())) == ["10001", "20002"]
    gold = synthetic_root / "muc4/gtt/dev.jsonl"
    out = runner.invoke(
        cli.eval_cmd, ["muc4", "--score-predictions", str(preds), "--gold", str(gold), "--json"]
    )
    assert out.exit_code == 0 and json.loads(out.stdout)["scores"]["gtt.micro.f1"]["value"] == 0.0
    docs = tmp_path / "docs.jsonl"
    docs.write_text('{"id": "x1", "text": "A bomb went off."}\n')
    out = runner.invoke(cli.eval_cmd, ["muc4", "--predict", str(docs), "--predictions-out", str(preds), "-q"])
    assert out.exit_code == 0 and json.loads(preds.read_text()) == {"x1": {"pred_templates": []}}
    out = runner.invoke(cli.eval_cmd, ["muc4", "--predict", str(docs)])
    assert out.exit_code == 2


def test_cli_gate_exit_status_follows_floors(
    runner: CliRunner, synthetic_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventdesk.eval import gate

    monkeypatch.setattr(gate, "GATE_PLAN", (gate.GateStep("isaf"), gate.GateStep("case2021")))
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"floors": {"isaf.killed.accuracy": {"floor": 0.5, "note": "reached"}}}))
    args = ["gate", "--data", str(synthetic_root), "--floors", str(floors), "-q"]
    out = runner.invoke(cli.eval_cmd, args)
    assert out.exit_code == 0, out.output
    floors.write_text(
        json.dumps({"floors": {"isaf.killed.accuracy": {"floor": 0.75, "note": "above the score"}}})
    )
    out = runner.invoke(cli.eval_cmd, [*args, "--json"])
    assert out.exit_code == 1
    assert json.loads(out.stdout)["checks"][0]["reason"] == "below floor"
