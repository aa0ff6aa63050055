"""An output file in a folder that does not exist is a usage error naming the folder, before any
work is done (issue 19, defect 11)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from eventdesk.commands.demo_cmd import demo
from eventdesk.commands.extract_cmd import extract
from eventdesk.eval.cli import eval_cmd
from eventdesk.store.cli import incidents, ingest


@pytest.mark.parametrize(
    ("command", "args"),
    [
        (extract, ["{input}", "-o", "{missing}/out.jsonl"]),
        (demo, ["--db", "{tmp}/demo.duckdb", "-o", "{missing}/demo.jsonl"]),
        (ingest, ["{input}", "--db", "{tmp}/s.duckdb", "--errors", "{missing}/failed.jsonl"]),
        (incidents, ["export", "--db", "{tmp}/s.duckdb", "-o", "{missing}/incidents.jsonl"]),
        (eval_cmd, ["muc4", "--predict", "{input}", "--predictions-out", "{missing}/preds.json"]),
    ],
    ids=["extract", "demo", "ingest", "incidents-export", "eval-muc4"],
)
def test_commands_refuse_an_output_file_in_a_missing_folder(
    tmp_path: Path, command: object, args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*_: object, **__: object) -> None:
        raise AssertionError("work started before the output folder was checked")

    for target in ("eventdesk.commands.extract_cmd.run_batch", "eventdesk.commands.demo_cmd.run_batch",
                   "eventdesk.store.base.open_store", "eventdesk.store.cli.open_store"):
        monkeypatch.setattr(target, fail)
    report = tmp_path / "story.txt"
    report.write_text("A gunman killed three people at a bus stop on Monday, police said.")
    missing = tmp_path / "no" / "such"
    values = {"input": str(report), "missing": str(missing), "tmp": str(tmp_path)}

    res = CliRunner().invoke(command, [a.format(**values) for a in args])  # type: ignore[arg-type]

    assert res.exit_code == 2, res.output
    assert str(missing) in res.output and "does not exist" in res.output
    assert not missing.parent.exists()
