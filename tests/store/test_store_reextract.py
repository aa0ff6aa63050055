"""Re-extraction of stored reports: new events replace old ones, corrections survive, a crash resumes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest

import eventdesk
from eventdesk.extractor import pipeline
from eventdesk.records import Report, ReportResult
from eventdesk.store.base import IncidentQuery, Store
from eventdesk.store.ingest import ingest
from eventdesk.store.reextract import PROGRESS_KEY

# reports written for these tests
REPORTS = [
    Report(
        id="mill-1",
        published="2024-05-06",
        title="Two killed in shooting at Dayton bar",
        text="DAYTON, Ohio - Two men were killed and three people were wounded when a gunman opened fire "
        "inside a bar on Wayne Avenue early Sunday, police said.",
    ),
    Report(
        id="mill-2",
        published="2024-05-07",
        title="Police name victims of Dayton bar shooting",
        text="DAYTON, Ohio - Police on Monday named the two men killed in Sunday's shooting at a bar on Wayne "
        "Avenue. Three other people who were wounded remain in hospital.",
    ),
    Report(
        id="port-1",
        published="2024-05-08",
        title="Man shot dead in Toledo",
        text="TOLEDO, Ohio - A man was shot and killed Tuesday night outside a store on Dorr Street, police said. "
        "The shooting came a year after a stabbing on the same block in 2023 that killed a clerk.",
    ),
]


def _incident_of(store: Store, report_id: str) -> str:
    for inc in store.iter_incidents(IncidentQuery()):
        if report_id in inc.reports:
            return inc.incident_id
    raise AssertionError(f"{report_id} not linked")


def _keys(store: Store) -> set[str]:
    return {r[0] for r in store.db.query("SELECT event_key FROM events")}  # type: ignore[attr-defined]


def _linked_once(store: Store) -> None:
    q = store.db.query  # type: ignore[attr-defined]
    assert q("SELECT COUNT(*) FROM events")[0][0] == q("SELECT COUNT(DISTINCT event_key) FROM incident_events")[0][0]
    assert q("SELECT COUNT(*) FROM incident_events ie LEFT JOIN events e ON e.event_key = ie.event_key "
             "WHERE e.event_key IS NULL")[0][0] == 0
    assert q("SELECT COUNT(*) FROM blocks b LEFT JOIN events e ON e.event_key = b.event_key "
             "WHERE e.event_key IS NULL")[0][0] == 0
    n_events = dict(q("SELECT report_hash, n_events FROM reports"))
    counted = dict(q("SELECT report_hash, COUNT(*) FROM events GROUP BY report_hash"))
    assert all(counted.get(h, 0) == n for h, n in n_events.items())


def test_reextract_replaces_events_and_keeps_corrections(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    ingest(store, REPORTS)
    dayton, toledo = _incident_of(store, "mill-1"), _incident_of(store, "port-1")
    assert _incident_of(store, "mill-2") == dayton != toledo
    store.merge([dayton, toledo], who="ana", why="test: a person says these are one")
    before = _keys(store)

    monkeypatch.setattr(pipeline, "EXTRACTOR_VERSION", "eventdesk.extractor.test-next")  # a new release
    summary = store.reextract(who="ana", why="upgrade", batch_size=2)

    after = _keys(store)
    assert before and after and not before & after  # every event is new
    assert summary.reports == 3 and summary.batches == 2
    assert summary.events_before == len(before) and summary.events_after == len(after)
    assert summary.renamed >= 3 and summary.orphaned == 0
    _linked_once(store)
    # the merge still holds, on the new events
    merged = _incident_of(store, "mill-1")
    assert _incident_of(store, "mill-2") == merged == _incident_of(store, "port-1") == dayton
    actions = [e.action for e in store.audit_log()]
    assert actions[-3:] == [PROGRESS_KEY, "rebuild", PROGRESS_KEY]
    assert not store.db.query("SELECT value FROM meta WHERE key = ?", [PROGRESS_KEY])  # type: ignore[attr-defined]


def test_reextract_counts_corrected_events_that_are_gone(store: Store) -> None:
    ingest(store, REPORTS)
    toledo = _incident_of(store, "port-1")
    background = [i.incident_id for i in store.iter_incidents(IncidentQuery()) if "port-1" in i.reports
                  and i.incident_id != toledo]
    assert background  # the 2023 stabbing the Toledo report recalls
    store.merge([toledo, background[0]], who="ana", why="test")

    def main_only(reports: Iterable[Report]) -> Iterator[ReportResult]:
        for r in eventdesk.extract_many(reports):
            events = tuple(e for e in r.events if e.role == "main")
            yield ReportResult(id=r.id, events=events, warnings=r.warnings, error=r.error, report=r.report)

    summary = store.reextract(who="ana", extract=main_only)
    assert summary.orphaned == 1  # the background event the merge named is no longer extracted
    _linked_once(store)
    assert all(n == 1 for (n,) in store.db.query("SELECT n_events FROM reports"))  # type: ignore[attr-defined]


def test_reextract_resumes_after_a_crash(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    ingest(store, REPORTS)
    monkeypatch.setattr(pipeline, "EXTRACTOR_VERSION", "eventdesk.extractor.test-next")

    def dies_after_two(reports: Iterable[Report]) -> Iterator[ReportResult]:
        for n, r in enumerate(eventdesk.extract_many(reports)):
            if n == 2:
                raise RuntimeError("power cut")
            yield r

    with pytest.raises(RuntimeError):
        store.reextract(who="ana", batch_size=1, extract=dies_after_two)
    _linked_once(store)  # two whole batches committed, the store consistent
    assert store.db.query("SELECT value FROM meta WHERE key = ?", [PROGRESS_KEY])  # type: ignore[attr-defined]

    summary = store.reextract(who="ana", batch_size=1)
    assert summary.resumed and summary.reports == 1
    _linked_once(store)
    fresh = {e.event_id for r in eventdesk.extract_many(REPORTS) for e in r.events}
    assert _keys(store) == fresh  # as if every report had been extracted by the new version
