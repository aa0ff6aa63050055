"""GVA incidents: the fused incident record against GVA's incident labels.

GVA codes *incidents*, with final tolls, and files several news articles under many of them. The
per-article scores (:mod:`eventdesk.eval.gva`) ask each article for the final toll, which an early
report cannot know. What users read is the incident record that eventdesk builds from all of them:
reports are linked by the resolver (``eventdesk.store.resolve.cluster_results``) and fused
(``eventdesk.store.fuse.fuse``: the latest reports' toll, the finest date and place).

For every gold incident, the predicted incident is the one most of its articles were linked to
(ties: the one holding its earliest article); its fused killed, injured, day and coordinates are
scored as in :func:`eventdesk.eval.gva.score_items`. Beside it, two per-article baselines on the
same incidents: the incident's *first* article (what a single early report gives) and its *last*.
Scores are given for all incidents (``incidents.*``) and for those with two or more articles
(``incidents_multi.*``), where fusion can differ from one article.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence

from eventdesk.eval.gva import WITHIN_KM, GvaItem, count_value
from eventdesk.eval.metrics import EvalResult, Tally, haversine_km, rate
from eventdesk.records import Event, ReportResult
from eventdesk.store.fuse import fuse
from eventdesk.store.incident import FusedCount, Sighting


def main_event(result: ReportResult) -> Event | None:
    events = [e for e in result.events if e.role == "main"] or list(result.events)
    return events[0] if events else None


class _Tallies:
    def __init__(self) -> None:
        self.killed, self.injured, self.date, self.coords = Tally(), Tally(), Tally(), Tally()

    def add(
        self,
        item: GvaItem,
        killed: int | None,
        injured: int | None,
        day: str | None,
        point: tuple[float, float] | None,
    ) -> None:
        self.killed.add(predicted=killed is not None, correct=(killed or 0) == item.killed)
        self.injured.add(predicted=injured is not None, correct=(injured or 0) == item.injured)
        self.date.add(predicted=day is not None, correct=day is not None and day == item.date)
        if item.lat is not None and item.lon is not None:
            near = point is not None and haversine_km(point[0], point[1], item.lat, item.lon) <= WITHIN_KM
            self.coords.add(predicted=point is not None, correct=near)

    def report(self, result: EvalResult, prefix: str) -> None:
        for name, tally in (("killed", self.killed), ("injured", self.injured), ("date", self.date)):
            result.add(f"{prefix}.{name}.accuracy", rate(tally.correct, tally.total), tally.total)
        result.add(f"{prefix}.coords.within_25km", rate(self.coords.correct, self.coords.total), self.coords.total)


def _fused_value(count: FusedCount) -> int:
    """As :func:`~eventdesk.eval.gva.count_value`: ``best``, else ``low``; no figure reads as 0."""
    value = count.best if count.best is not None else count.low
    return value or 0


def _event_values(event: Event | None) -> tuple[int | None, int | None, str | None, tuple[float, float] | None]:
    if event is None:
        return None, None, None, None

    day = event.date.start[:10] if event.date.start and event.date.precision in ("day", "range") else None
    loc = event.location
    point = (loc.lat, loc.lon) if loc.lat is not None and loc.lon is not None else None
    return count_value(event.killed), count_value(event.injured), day, point


def score_incidents(
    items: Sequence[GvaItem],
    results: Sequence[ReportResult],
    keys: Sequence[Hashable],
    result: EvalResult,
) -> None:
    """Score fused incidents against gold incidents; ``items``, ``results`` and ``keys`` (the
    predicted incident of each article) are aligned."""
    sightings: dict[Hashable, list[Sighting]] = defaultdict(list)
    for item, res, key in zip(items, results, keys, strict=True):
        event = main_event(res)
        if event is not None:
            sightings[key].append(
                Sighting(event, event.event_id, item.doc_id, published=item.published, title=item.title)
            )
    fused = {key: fuse(str(key), group) for key, group in sightings.items()}

    by_gold: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        by_gold[item.incident_id].append(i)
    kinds = {name: _Tallies() for name in ("fused", "first", "last", "multi_fused", "multi_first", "multi_last")}
    for members in by_gold.values():
        ordered = sorted(members, key=lambda i: (items[i].published or "9999", items[i].doc_id))
        item = items[ordered[0]]
        votes = Counter(keys[i] for i in ordered)
        top = max(votes.values())
        key = next(keys[i] for i in ordered if votes[keys[i]] == top)
        incident = fused.get(key)
        if incident is None:
            values: tuple[int | None, int | None, str | None, tuple[float, float] | None] = (None, None, None, None)
        else:
            date = incident.date
            day = date["start"][:10] if date.get("start") and date.get("precision") in ("day", "range") else None
            loc = incident.location
            point = (loc["lat"], loc["lon"]) if loc.get("lat") is not None and loc.get("lon") is not None else None
            values = (_fused_value(incident.killed), _fused_value(incident.injured), day, point)
        first = _event_values(main_event(results[ordered[0]]))
        last = _event_values(main_event(results[ordered[-1]]))
        for name, vals in (("fused", values), ("first", first), ("last", last)):
            kinds[name].add(item, *vals)
            if len(members) > 1:
                kinds[f"multi_{name}"].add(item, *vals)
    for name, tallies in kinds.items():
        multi = name.startswith("multi_")
        source = name.removeprefix("multi_")
        prefix = ("incidents_multi" if multi else "incidents") + ("" if source == "fused" else f".{source}_article")
        tallies.report(result, prefix)
    result.details["incidents"] = {
        "gold": len(by_gold),
        "with_two_or_more_articles": sum(1 for m in by_gold.values() if len(m) > 1),
        "articles": len(items),
    }
