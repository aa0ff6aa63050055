"""DuckDB and PostgreSQL give the same answers: same incidents, same records, same corrections."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from store_builders import fresh_database, kerman_story

from eventdesk.store.base import IncidentQuery, Store, open_store
from eventdesk.store.export import write_jsonl
from eventdesk.store.synthetic import synthetic_results


def _answers(store: Store) -> dict[str, object]:
    out = io.StringIO()
    write_jsonl(store.iter_incidents(IncidentQuery()), out)
    by_report = {rid: inc.incident_id for inc in store.iter_incidents(IncidentQuery()) for rid in inc.reports}
    merged = store.merge([by_report["k1"], by_report["s2020"]], who="t", why="t")
    split = store.split(merged, report_ids=["s2020"], who="t", why="t")
    return {
        "export": out.getvalue(),
        "list": store.list_incidents(IncidentQuery(country="IR", min_killed=5)),
        "text": store.list_incidents(IncidentQuery(text="islamic")),
        "merged": store.get_incident(merged),
        "split": store.get_incident(split),
        "stats": store.stats(),
    }


@pytest.mark.postgres
def test_backends_same_answers(tmp_path: Path, postgres_server: str) -> None:
    data = kerman_story() + list(synthetic_results(1200, seed=3))
    answers = []
    for url in (str(tmp_path / "a.duckdb"), fresh_database(postgres_server)):
        store = open_store(url)
        for start in range(0, len(data), 250):
            store.add_results(data[start : start + 250])
        store.rebuild(who="t", why="t")
        answers.append(_answers(store))
        store.close()
    duck, pg = answers
    for key in duck:
        assert duck[key] == pg[key], key
