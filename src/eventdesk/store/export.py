"""Incident exporters: a dict of writers, one per format (``incidents export --format NAME``).

A writer takes an iterable of incidents and a text stream and returns how many it wrote. Add a
format by adding a writer to :data:`WRITERS`; the CLI lists whatever is registered here.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from typing import IO, Any

from eventdesk.store.incident import Incident, incident_to_dict

Writer = Callable[[Iterable[Incident], IO[str]], int]


def write_jsonl(incidents: Iterable[Incident], out: IO[str]) -> int:
    """One incident record per line (the contract in ``docs/incidents.md``)."""
    n = 0
    for incident in incidents:
        out.write(json.dumps(incident_to_dict(incident), ensure_ascii=False) + "\n")
        n += 1
    return n


CSV_COLUMNS = (
    "incident_id",
    "date_start",
    "date_end",
    "date_precision",
    "type",
    "country_code",
    "admin1",
    "place",
    "district",
    "lat",
    "lon",
    "place_precision",
    "killed_low",
    "killed_best",
    "killed_high",
    "injured_low",
    "injured_best",
    "injured_high",
    "n_reports",
    "reports",
    "perpetrators",
    "n_contradictions",
    "first_published",
    "last_published",
    "title",
)


def csv_row(inc: Incident) -> dict[str, Any]:
    loc, date = inc.location, inc.date
    return {
        "incident_id": inc.incident_id,
        "date_start": date.get("start"),
        "date_end": date.get("end"),
        "date_precision": date.get("precision"),
        "type": inc.type.get("code"),
        "country_code": loc.get("country_code"),
        "admin1": loc.get("admin1"),
        "place": loc.get("name"),
        "district": loc.get("district"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "place_precision": loc.get("precision"),
        "killed_low": inc.killed.low,
        "killed_best": inc.killed.best,
        "killed_high": inc.killed.high,
        "injured_low": inc.injured.low,
        "injured_best": inc.injured.best,
        "injured_high": inc.injured.high,
        "n_reports": len(inc.reports),
        "reports": ";".join(inc.reports),
        "perpetrators": ";".join(f"{p.name}:{p.status}" for p in inc.perpetrators),
        "n_contradictions": len(inc.contradictions),
        "first_published": inc.first_published,
        "last_published": inc.last_published,
        "title": inc.title,
    }


def write_csv(incidents: Iterable[Incident], out: IO[str]) -> int:
    """One row per incident, fused fields only (histories stay in the JSONL export)."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    n = 0
    for incident in incidents:
        writer.writerow(csv_row(incident))
        n += 1
    return n


WRITERS: dict[str, Writer] = {"jsonl": write_jsonl, "csv": write_csv}
