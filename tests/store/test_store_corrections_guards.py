"""Corrections say what they did and refuse what they cannot do: a merged id points to its incident,
a split names reports that are not in the incident, a correction needs a reason, and an incident
that reports only recall is titled from its own sentence, not from another incident's headline."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from store_builders import SHOOTING, STAMPEDE, TEHRAN, day, event, kerman_story, result

from eventdesk.errors import StoreError
from eventdesk.records import Evidence, result_to_dict
from eventdesk.store.base import IncidentQuery, Store
from eventdesk.store.cli import incidents, ingest
from eventdesk.store.corrections import IncidentMerged
from eventdesk.store.fuse import fuse
from eventdesk.store.incident import Sighting


def _ids(store: Store) -> dict[str, str]:
    """type code -> incident id (one incident of each type in these stories)."""
    return {str(i.type.get("code")): i.incident_id for i in store.iter_incidents(IncidentQuery())}


def _tehran_shooting() -> list:  # type: ignore[type-arg]
    text = "A gunman opened fire at a bus stop in Tehran and killed four people."
    shooting = event("t1-e0", type=SHOOTING, killed=4, location=TEHRAN, date=day("2024-01-04"))
    return [result("t1", text, shooting, published="2024-01-04", title="Four shot dead at Tehran bus stop")]


def test_corrections_merged_id_points_to_the_incident_it_went_into(store: Store) -> None:
    store.add_results(kerman_story() + _tehran_shooting())
    ids = _ids(store)
    store.merge([ids["bombing"], ids["shooting"]], who="ana", why="one coordinated attack")
    with pytest.raises(IncidentMerged) as err:
        store.get_incident(ids["shooting"])
    assert err.value.code == "merged" and err.value.into == ids["bombing"]
    assert err.value.entry.who == "ana" and err.value.entry.why == "one coordinated attack"
    assert f"{ids['shooting']} was merged into {ids['bombing']}" in err.value.message
    # a chain: the bombing is merged in turn; the shooting's id follows to the end
    store.merge([ids["stampede"], ids["bombing"]], who="ben", why="test chain")
    with pytest.raises(IncidentMerged) as err:
        store.get_incident(ids["shooting"])
    assert err.value.into == ids["stampede"] and err.value.entry.who == "ana"
    with pytest.raises(StoreError) as missing:
        store.get_incident("inc-000000000000")
    assert missing.value.code == "not_found"


def test_corrections_split_names_reports_not_in_the_incident_and_changes_nothing(store: Store) -> None:
    store.add_results(kerman_story())
    bombing = _ids(store)["bombing"]
    before = store.get_incident(bombing)
    with pytest.raises(StoreError) as err:
        store.split(bombing, report_ids=["k2", "k9", "s2020"], event_ids=["k1-e7"], who="a", why="second blast")
    assert err.value.code == "bad_request"
    assert "report k9" in err.value.message and "report s2020" in err.value.message
    assert "event k1-e7" in err.value.message and "report k2" not in err.value.message
    assert store.get_incident(bombing) == before
    assert [e.action for e in store.audit_log()] == []


@pytest.mark.parametrize("why", ["", "   ", "\t\n"])
def test_corrections_need_a_reason(store: Store, why: str) -> None:
    store.add_results(kerman_story())
    ids = _ids(store)
    with pytest.raises(StoreError, match="reason"):
        store.merge([ids["bombing"], ids["stampede"]], who="a", why=why)
    with pytest.raises(StoreError, match="reason"):
        store.split(ids["bombing"], report_ids=["k2"], who="a", why=why)
    assert [e.action for e in store.audit_log()] == []
    assert _ids(store) == ids


def _recalling_report() -> list:  # type: ignore[type-arg]
    """A report on today's bombing that recalls an older stampede no stored report is about."""
    text = (
        "Two bombs killed 84 people in Kerman on Wednesday. "
        "In 2020 a stampede at a funeral procession in Kerman killed 56 people. "
        "Officials blamed the crowd."
    )
    start = text.index("stampede")
    stampede = dataclasses.replace(STAMPEDE, evidence=(Evidence.of(text, start, start + 8),))
    return [
        result(
            "k3",
            text,
            event("k3-e0", killed=84),
            event("k3-e1", role="background", type=stampede, date=day("2020-01-07"), killed=56),
            published="2024-01-05",
            title="Kerman bombing toll revised to 84",
        )
    ]


def test_corrections_a_recalled_incident_is_titled_from_its_own_sentence(store: Store) -> None:
    store.add_results(_recalling_report())
    by_type = {i.type.get("code"): i for i in store.iter_incidents(IncidentQuery())}
    assert by_type["bombing"].title == "Kerman bombing toll revised to 84"
    assert by_type["stampede"].title == "In 2020 a stampede at a funeral procession in Kerman killed 56 people"
    assert by_type["stampede"].roles == {"background": 1}


def test_corrections_recalled_incident_without_evidence_is_titled_from_its_fields() -> None:
    recalled = event("b", role="background", type=STAMPEDE, date=day("2020-01-07"))
    inc = fuse("i", [Sighting(recalled, "b", "r1", "2024-01-05", "X", title="Today's bombing")])
    assert inc.title == "Stampede in Kerman (2020-01-07)"
    main = event("m", type=STAMPEDE, date=day("2020-01-07"))
    recalled_by = Sighting(recalled, "b", "r1", "2024-01-05", "X", title="Today's bombing")
    about = Sighting(main, "m", "r0", "2020-01-07", "Y", title="Stampede at funeral")
    assert fuse("i", [recalled_by, about]).title == "Stampede at funeral"  # a report about it: its headline


# -- the CLI -------------------------------------------------------------------------------------


def _stored(tmp_path: Path) -> tuple[str, dict[str, str]]:
    path = tmp_path / "in.jsonl"
    with path.open("w") as fh:
        for r in kerman_story() + _tehran_shooting():
            fh.write(json.dumps(result_to_dict(r, include_report=True)) + "\n")
    db = str(tmp_path / "s.duckdb")
    res = CliRunner().invoke(ingest, [str(path), "--extracted", "--db", db, "--quiet"])
    assert res.exit_code == 0, res.output
    from eventdesk.store.base import open_store

    store = open_store(db)
    try:
        return db, _ids(store)
    finally:
        store.close()


def test_corrections_cli_show_of_a_merged_id_says_where_it_went(tmp_path: Path) -> None:
    db, ids = _stored(tmp_path)
    run = CliRunner().invoke
    res = run(incidents, ["merge", ids["bombing"], ids["shooting"], "--db", db, "--why", "one attack", "--who", "ana"])
    assert res.exit_code == 0, res.output
    res = run(incidents, ["show", ids["shooting"], "--db", db])
    assert res.exit_code == 0, res.output
    first = res.output.splitlines()[0]
    assert f"{ids['shooting']} was merged into {ids['bombing']}" in first and "ana: one attack" in first
    assert f"{ids['bombing']}  " in res.output and "corrections:" in res.output and "merge: one attack" in res.output
    res = run(incidents, ["show", ids["shooting"], "--json", "--db", db])
    assert res.exit_code == 0
    assert json.loads(res.stdout)["incident_id"] == ids["bombing"] and "was merged into" in res.stderr


def test_corrections_cli_refuses_blank_reasons_and_unknown_reports(tmp_path: Path) -> None:
    db, ids = _stored(tmp_path)
    run = CliRunner().invoke
    for why in ("", "  "):
        res = run(incidents, ["merge", ids["bombing"], ids["shooting"], "--db", db, "--why", why])
        assert res.exit_code == 2 and "reason" in res.output
        res = run(incidents, ["split", ids["bombing"], "--report", "k2", "--db", db, "--why", why])
        assert res.exit_code == 2 and "reason" in res.output
    res = run(incidents, ["split", ids["bombing"], "--report", "k2", "--report", "k7", "--db", db, "--why", "x"])
    assert res.exit_code == 1 and "report k7" in res.output and "nothing was split" in res.output
    res = run(incidents, ["log", "--db", db])
    assert " merge " not in res.output and " split " not in res.output
