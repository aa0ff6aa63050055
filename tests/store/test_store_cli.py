"""The CLI end to end: ingest a folder, list, show, export, merge, split, log; errors at the edge."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from store_builders import kerman_story

from eventdesk.records import result_to_dict
from eventdesk.store.base import open_store
from eventdesk.store.cli import incidents, ingest, reextract


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    story = kerman_story()
    for name, part in (("a.jsonl", story[:2]), ("b.jsonl", story[2:])):
        with (folder / name).open("w") as fh:
            for r in part:
                fh.write(json.dumps(result_to_dict(r, include_report=True)) + "\n")
    return folder


def _run(cmd, *args: str) -> str:  # type: ignore[no-untyped-def]
    res = CliRunner().invoke(cmd, list(args), catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res.output


def test_cli_user_story(tmp_path: Path, store_url: str) -> None:
    folder = _folder(tmp_path)
    out = _run(ingest, str(folder), "--extracted", "--db", store_url)
    assert "4 stored" in out and "2 incidents" in out
    assert "0 stored, 4 already stored" in _run(ingest, str(folder), "--extracted", "--db", store_url)

    listing = _run(incidents, "list", "--db", store_url)
    lines = listing.splitlines()
    assert len(lines) == 3 and "73/84/103" in lines[1] and "bombing" in lines[1] and "stampede" in lines[2]
    bombing = lines[1].split()[0]
    stampede = lines[2].split()[0]
    assert _run(incidents, "list", "--db", store_url, "--min-killed", "60", "--country", "IR").count("inc-") == 1

    shown = _run(incidents, "show", bombing, "--db", store_url)
    assert "killed: low 73, best 84, high 103" in shown
    assert "2024-01-03      73  at_least   k1  (Wire A)" in shown
    assert "[downward_revision]" in shown and "Islamic State (organization): claimed" in shown
    record = json.loads(_run(incidents, "show", bombing, "--json", "--db", store_url))
    assert record["incident_id"] == bombing

    target = tmp_path / "out.jsonl"
    _run(incidents, "export", "--db", store_url, "-o", str(target))
    records = [json.loads(line) for line in target.read_text().splitlines()]
    assert [r["incident_id"] for r in records] == [bombing, stampede]
    csv_out = _run(incidents, "export", "--format", "csv", "--db", store_url, "--type", "stampede")
    assert csv_out.splitlines()[0].startswith("incident_id,") and len(csv_out.splitlines()) == 2

    assert (
        _run(incidents, "merge", bombing, stampede, "--db", store_url, "--why", "test", "--who", "ana").strip()
        == bombing
    )
    new_id = _run(incidents, "split", bombing, "--report", "s2020", "--db", store_url, "--why", "undo").strip()
    assert new_id.startswith("inc-") and new_id != bombing
    log = _run(incidents, "log", "--db", store_url)
    assert "ana merge" in log and " split " in log and " ingest " in log
    assert "corrections:" in _run(incidents, "show", bombing, "--db", store_url)
    _run(incidents, "rebuild", "--db", store_url)
    assert _run(incidents, "list", "--db", store_url).count("inc-") == 2


def test_cli_errors_become_click_errors(tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    open_store(db).close()  # an empty store: read commands refuse a missing one (test_store_open.py)
    res = CliRunner().invoke(incidents, ["show", "inc-nope", "--db", db])
    assert res.exit_code == 1 and "no incident 'inc-nope'" in res.output and "[not_found]" in res.output
    res = CliRunner().invoke(incidents, ["merge", "inc-a", "--db", db, "--why", "x"])
    assert res.exit_code == 1 and "two or more" in res.output
    res = CliRunner().invoke(incidents, ["merge", "inc-a", "inc-b", "--db", db])
    assert res.exit_code == 2  # --why is required
    res = CliRunner().invoke(incidents, ["list", "--db", "mysql://x"])
    assert res.exit_code == 1 and "unknown store" in res.output
    res = CliRunner().invoke(ingest, ["missing.jsonl", "--extracted", "--db", db])
    assert res.exit_code == 1 and "input not found" in res.output


def test_cli_help_has_examples() -> None:
    for cmd in (ingest, *incidents.commands.values()):
        assert "Example" in (cmd.help or ""), cmd.name


def test_cli_every_incidents_command_is_documented() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "incidents.md").read_text()
    for name in incidents.commands:
        assert f"eventdesk incidents {name}" in docs, name
    assert "eventdesk ingest" in docs


def test_cli_reextract_after_an_upgrade(tmp_path: Path) -> None:
    # the stored reports are extracted again by this eventdesk; incidents stay, the log says so
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "DAYTON, Ohio - Two men were killed when a gunman opened fire inside a bar on Wayne Avenue early "
        "Sunday, police said.",
        encoding="utf-8",
    )
    db = str(tmp_path / "s.duckdb")
    _run(ingest, str(folder), "--db", db, "--published", "2024-05-06")
    before = _run(incidents, "list", "--db", db)
    out = _run(reextract, "--db", db, "--why", "rules 0.8")
    assert "1 reports extracted again" in out and "events 1 -> 1" in out and "1 incidents" in out
    assert _run(incidents, "list", "--db", db) == before
    log = _run(incidents, "log", "--db", db)
    assert "reextract" in log and "why='rules 0.8'" in log
    assert "Examples:" in _run(reextract, "--help")
