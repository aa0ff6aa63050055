"""Merge and split: audited (who, when, what, why), and kept through re-ingestion and rebuilds."""

from __future__ import annotations

import pytest
from store_builders import SHOOTING, TEHRAN, day, event, kerman_story, result

from eventdesk.errors import StoreError
from eventdesk.store.base import IncidentQuery, Store


def _incident_of(store: Store, report_id: str, type_code: str = "bombing") -> str:
    for inc in store.iter_incidents(IncidentQuery()):
        if report_id in inc.reports and inc.type.get("code") == type_code:
            return inc.incident_id
    raise AssertionError(f"{report_id} not linked")


def _tehran() -> list:  # type: ignore[type-arg]
    return [
        result(
            "t1",
            "A gunman killed four people in Tehran.",
            event("t1-e0", type=SHOOTING, killed=4, location=TEHRAN, date=day("2024-01-04")),
            published="2024-01-04",
        ),
    ]


def test_corrections_merge_split_audit_and_survive_reingest_and_rebuild(store: Store) -> None:
    story = kerman_story()
    store.add_results(story + _tehran())
    bombing = _incident_of(store, "k1")
    tehran = _incident_of(store, "t1", "shooting")
    assert bombing != tehran

    merged = store.merge([bombing, tehran], who="ana", why="same coordinated attack")
    assert merged == bombing
    inc = store.get_incident(bombing)
    assert set(inc.reports) == {"k1", "k2", "k3", "t1"}
    with pytest.raises(StoreError) as err:
        store.get_incident(tehran)
    assert err.value.code == "merged"  # the merged id points to the incident it went into

    new_id = store.split(bombing, report_ids=["k2"], who="ben", why="k2 is about another blast")
    assert store.get_incident(new_id).reports == ("k2",)
    assert set(store.get_incident(bombing).reports) == {"k1", "k3", "t1"}

    log = [(e.action, e.who, e.why) for e in store.audit_log() if e.action in ("merge", "split")]
    assert log == [("merge", "ana", "same coordinated attack"), ("split", "ben", "k2 is about another blast")]
    assert all(e.at for e in store.audit_log())
    assert [e.action for e in store.audit_log(new_id)] == ["split"]

    # re-ingesting the same reports changes nothing
    summary = store.add_results(story + _tehran())
    assert summary.stored == 0 and summary.duplicates == 5
    # a new report on the bombing joins it; the corrections stand
    later = result(
        "k4", "Kerman blasts: 84 dead, officials confirm.", event("k4-e0", killed=84), published="2024-01-06"
    )
    store.add_results([later])
    assert set(store.get_incident(bombing).reports) == {"k1", "k3", "k4", "t1"}
    assert store.get_incident(new_id).reports == ("k2",)

    # resolving everything again from scratch re-applies the merge and the split, keeping the ids
    store.rebuild(who="ci", why="test")
    assert set(store.get_incident(bombing).reports) == {"k1", "k3", "k4", "t1"}
    assert store.get_incident(new_id).reports == ("k2",)
    assert [e.action for e in store.audit_log()][-1] == "rebuild"


def test_corrections_rebuild_keeps_ids(store: Store) -> None:
    store.add_results(kerman_story())
    before = {i.incident_id: set(i.reports) for i in store.iter_incidents(IncidentQuery())}
    store.rebuild(who="ci", why="test")
    after = {i.incident_id: set(i.reports) for i in store.iter_incidents(IncidentQuery())}
    assert after == before


def test_corrections_errors(store: Store) -> None:
    store.add_results(kerman_story())
    bombing = _incident_of(store, "k1")
    with pytest.raises(StoreError):
        store.merge([bombing], who="a", why="b")
    with pytest.raises(StoreError) as err:
        store.merge([bombing, "inc-nope"], who="a", why="b")
    assert err.value.code == "not_found"
    with pytest.raises(StoreError):
        store.split(bombing, report_ids=["nope"], who="a", why="b")
    with pytest.raises(StoreError):
        store.split(bombing, report_ids=["k1", "k2", "k3"], who="a", why="b")
    assert [e.action for e in store.audit_log()] == []  # failed corrections leave no trace
