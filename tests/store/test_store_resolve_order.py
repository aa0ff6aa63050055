"""Incidents depend on the set of reports only: not on their order, the batch size, or a rebuild."""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_builders import SHOOTING, TEHRAN, day, event, kerman_story, result

from eventdesk.records import ReportResult
from eventdesk.store.base import IncidentQuery, Store, open_store
from eventdesk.store.features import build_mention
from eventdesk.store.resolve import resolve_mentions
from eventdesk.store.synthetic import synthetic_results

# dense on purpose: 40 incidents a day in 30 cities, so many pairs share a town and a day; and a
# story whose last report recalls an older incident (a background event)
REPORTS = list(synthetic_results(60, seed=11, per_day=40)) + kerman_story()

Partition = set[frozenset[str]]


def _partition(store: Store) -> Partition:
    return {frozenset(inc.events) for inc in store.iter_incidents(IncidentQuery())}


def _ingest(store: Store, results: Sequence[ReportResult], batch: int) -> None:
    for start in range(0, len(results), batch):
        store.add_results(results[start : start + batch])


def _in_memory() -> Partition:
    """The incidents of one pass in memory over every event (background ones too)."""
    mentions = [build_mention(e, r.report, key=e.event_id, report_key=r.id) for r in REPORTS for e in r.events]
    groups: dict[str, set[str]] = {}
    for key, incident in resolve_mentions(mentions).items():
        groups.setdefault(incident, set()).add(key)
    return {frozenset(g) for g in groups.values()}


FRESH = _in_memory()


def test_resolve_order_the_fixture_links_reports() -> None:
    assert len(FRESH) < len(REPORTS)  # the property below is not about singletons only
    assert frozenset({"s2020-e0", "k3-e1"}) in FRESH  # the recalled stampede joins its own incident


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(range(len(REPORTS))), batch=st.integers(1, 30))
def test_resolve_order_and_batches_give_the_same_incidents(
    tmp_path_factory: pytest.TempPathFactory, order: list[int], batch: int
) -> None:
    store = open_store(str(tmp_path_factory.mktemp("order") / "store.duckdb"))
    try:
        _ingest(store, [REPORTS[i] for i in order], batch)
        assert _partition(store) == FRESH
        store.rebuild(who="ci", why="test")
        assert _partition(store) == FRESH
    finally:
        store.close()


def test_resolve_order_rebuild_keeps_ids_and_changes_nothing(store: Store) -> None:
    # both backends: a shuffled ingest in small batches, then a rebuild, then a re-ingest
    shuffled = list(REPORTS)
    random.Random(3).shuffle(shuffled)
    _ingest(store, shuffled, 5)
    before = {inc.incident_id: frozenset(inc.events) for inc in store.iter_incidents(IncidentQuery())}
    assert set(before.values()) == FRESH
    store.rebuild(who="ci", why="test")
    after = {inc.incident_id: frozenset(inc.events) for inc in store.iter_incidents(IncidentQuery())}
    assert after == before
    _ingest(store, shuffled, len(shuffled))  # all skipped: nothing moves
    assert {inc.incident_id: frozenset(inc.events) for inc in store.iter_incidents(IncidentQuery())} == before


def test_resolve_order_a_stream_in_order_keeps_the_first_reports_ids(tmp_path: Path) -> None:
    # ids come from the event that started each incident, however the stream was cut into batches
    ids = []
    for batch in (len(REPORTS), 9):
        store = open_store(str(tmp_path / f"b{batch}.duckdb"))
        _ingest(store, REPORTS, batch)
        ids.append({inc.incident_id: frozenset(inc.events) for inc in store.iter_incidents(IncidentQuery())})
        store.close()
    assert ids[0] == ids[1]


def test_resolve_order_a_late_old_report_keeps_corrections(store: Store) -> None:
    # a report published before everything stored makes the store resolve it all again: the events a
    # merge moved keep their incident, and the merged id still points to it
    store.add_results(kerman_story())
    ids = {str(i.type.get("code")): i.incident_id for i in store.iter_incidents(IncidentQuery())}
    store.merge([ids["bombing"], ids["stampede"]], who="ana", why="test: one record for Kerman")
    old = result(
        "old",
        "A gunman shot two men near a mural of Qassem Soleimani in Tehran.",
        event("old-e0", type=SHOOTING, location=TEHRAN, killed=2, date=day("2019-05-01")),
        published="2019-05-01",
    )
    store.add_results([old])
    merged = store.get_incident(ids["bombing"])
    assert set(merged.reports) == {"s2020", "k1", "k2", "k3"}
    assert {frozenset(i.reports) for i in store.iter_incidents(IncidentQuery())} == {
        frozenset(merged.reports),
        frozenset({"old"}),
    }
