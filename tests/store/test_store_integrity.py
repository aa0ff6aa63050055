"""The integrity check finds each kind of damage, on both backends, and the CLI reports it."""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner
from store_builders import kerman_story

from eventdesk.cli import main
from eventdesk.store.base import Store
from eventdesk.store.integrity import check_integrity


def _db(store: Store) -> Any:
    return store.db  # type: ignore[attr-defined]


def test_integrity_consistent_store_has_no_problems(store: Store) -> None:
    store.add_results(kerman_story())
    assert check_integrity(store) == []


@pytest.mark.parametrize(
    ("damage", "found"),
    [
        ("DELETE FROM incident_events WHERE event_key IN (SELECT MIN(event_key) FROM events)",
         "events linked to no incident"),
        ("DELETE FROM reports WHERE report_id = 'k2'", "events whose report is not stored"),
        ("UPDATE reports SET n_events = 7 WHERE report_id = 'k1'", "n_events differs"),
        ("DELETE FROM events WHERE report_id = 'k1'", "links to events that are not stored"),
        ("DELETE FROM incidents WHERE incident_id IN (SELECT MIN(incident_id) FROM incidents)",
         "links to incidents that are not stored"),
        ("UPDATE incidents SET n_reports = 99", "n_reports differs"),
        ("UPDATE events SET payload = '{not json' WHERE report_id = 'k1'", "events.payload are not valid JSON"),
        ("DELETE FROM meta WHERE key = 'schema_version'", "no schema version"),
    ],
)
def test_integrity_finds_each_kind_of_damage(store: Store, damage: str, found: str) -> None:
    store.add_results(kerman_story())
    with _db(store).transaction():
        _db(store).execute(damage)
    problems = check_integrity(store)
    assert any(found in p for p in problems), problems


def test_integrity_check_command_exit_status(tmp_path: Any) -> None:
    from eventdesk.store.base import open_store

    db = str(tmp_path / "s.duckdb")
    store = open_store(db)
    store.add_results(kerman_story())
    store.close()
    ok = CliRunner().invoke(main, ["incidents", "check", "--db", db])
    assert ok.exit_code == 0 and ok.output.startswith("ok: 4 reports")
    store = open_store(db)
    with _db(store).transaction():
        _db(store).execute("UPDATE incidents SET n_reports = 99")
    store.close()
    bad = CliRunner().invoke(main, ["incidents", "check", "--db", db])
    assert bad.exit_code == 1 and "n_reports differs" in bad.output
