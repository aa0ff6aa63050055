"""What goes in comes out: reports, events, incident records, exports; idempotent ingest."""

from __future__ import annotations

import csv
import io
import json

from store_builders import event, kerman_story, result

from eventdesk.records import Report, ReportError, ReportResult, event_from_dict, event_to_dict
from eventdesk.store.base import IncidentQuery, Store, backend_of, open_store
from eventdesk.store.export import WRITERS
from eventdesk.store.incident import incident_from_dict, incident_to_dict
from eventdesk.store.ingest import ingest


def test_roundtrip_events_and_incidents(store: Store) -> None:
    story = kerman_story()
    summary = store.add_results(story)
    assert (summary.stored, summary.events, summary.duplicates) == (4, 5, 0)
    stored = {}
    for inc in store.iter_incidents(IncidentQuery()):
        assert incident_from_dict(incident_to_dict(inc)) == inc
        assert store.get_incident(inc.incident_id) == inc
        for s in store.sightings([inc.incident_id])[inc.incident_id]:  # type: ignore[attr-defined]
            stored[s.event.event_id] = s.event
    originals = {e.event_id: e for r in story for e in r.events}
    assert stored == originals
    assert event_from_dict(json.loads(json.dumps(event_to_dict(originals["k3-e0"])))) == originals["k3-e0"]
    assert store.stats() == {"reports": 4, "events": 5, "incidents": 2, "audit_log": 0}


def test_roundtrip_exports(store: Store) -> None:
    store.add_results(kerman_story())
    out = io.StringIO()
    assert WRITERS["jsonl"](store.iter_incidents(IncidentQuery()), out) == 2
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    bombing = next(r for r in records if r["type"]["code"] == "bombing")
    assert bombing["reports"] == ["k1", "k2", "k3"]
    assert {k: bombing["killed"][k] for k in ("low", "best", "high")} == {"low": 73, "best": 84, "high": 103}
    first = bombing["killed"]["history"][0]
    assert {k: first[k] for k in ("value", "qualifier", "published", "report_id", "source")} == {
        "value": 73,
        "qualifier": "at_least",
        "published": "2024-01-03",
        "report_id": "k1",
        "source": "Wire A",
    }
    out = io.StringIO()
    WRITERS["csv"](store.iter_incidents(IncidentQuery(type="bombing")), out)
    (row,) = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert (row["killed_low"], row["killed_best"], row["killed_high"], row["reports"]) == (
        "73",
        "84",
        "103",
        "k1;k2;k3",
    )


def test_roundtrip_filters(store: Store) -> None:
    store.add_results(kerman_story())
    ids = lambda **kw: [s.type for s in store.list_incidents(IncidentQuery(**kw))]  # noqa: E731
    assert ids() == ["bombing", "stampede"]  # newest first
    assert ids(since="2024-01-01") == ["bombing"]
    assert ids(until="2020-12-31") == ["stampede"]
    assert ids(country="ir", min_killed=60) == ["bombing"]
    assert ids(type="stampede") == ["stampede"]
    assert ids(text="islamic state") == ["bombing"]
    assert ids(country="US") == []
    assert ids(limit=1) == ["bombing"]


def test_roundtrip_idempotent_by_hash_and_url(store: Store) -> None:
    a = result("a", "Text one about Kerman.", event("a0", killed=3), published="2024-01-03", url="https://x/1")
    assert store.add_results([a, a]).stored == 1  # twice in one batch
    again = store.add_results([a])
    assert (again.stored, again.duplicates) == (0, 1)
    same_url = result("b", "Changed text.", event("b0", killed=3), published="2024-01-03", url="https://x/1")
    same_text = result("c", "Text one about Kerman.", event("c0"), published="2024-01-03")
    assert store.add_results([same_url, same_text]).duplicates == 2
    assert store.known([], ["https://x/1"]) == {"https://x/1"}
    assert store.stats()["reports"] == 1


def test_roundtrip_failed_reports_are_stored_once(store: Store) -> None:
    bad = ReportResult(id="bad", error=ReportError("not_english", "not English"), report=Report(text="Hola", id="bad"))
    assert store.add_results([bad]).errors == 1
    assert store.add_results([bad]).duplicates == 1
    assert store.stats()["incidents"] == 0


def test_roundtrip_ingest_raw_reports_with_an_extractor(store: Store) -> None:
    story = {r.id: r for r in kerman_story()}

    def fake_extract(reports):  # type: ignore[no-untyped-def]
        for rep in reports:
            yield ReportResult(id=rep.id, events=story[rep.id].events, report=rep)

    reports = [r.report for r in story.values()] * 2
    summary = ingest(store, reports, extract=fake_extract, batch_size=3)
    assert (summary.read, summary.totals.stored, summary.totals.duplicates) == (8, 4, 4)
    assert store.stats()["incidents"] == 2


def test_roundtrip_store_urls(tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert backend_of("x.duckdb") == ("duckdb", "x.duckdb")
    assert backend_of("duckdb:///tmp/x.duckdb") == ("duckdb", "/tmp/x.duckdb")
    assert backend_of("postgresql://u@h/db")[0] == "postgresql"
    s = open_store(f"duckdb://{tmp_path}/y.duckdb")
    s.close()
    assert (tmp_path / "y.duckdb").exists()
