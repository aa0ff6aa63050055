"""Giveme5W1H gold standard: who / when / where phrases, and consistency within same-event clusters.

Per article, against its main event (:func:`eventdesk.eval.predict.main_event`):

* who:   gold "who" phrases against our perpetrator names and victim texts;
* when:  gold "when" entries that carry a ``parsed`` day against our ``date.start`` (same day);
* where: gold "where" phrases against our location name, admin1, country and location evidence.

Phrases match when they share a content word (:func:`eventdesk.eval.spans.phrases_match`, overlap
mode). Accuracy is over every article with a gold phrase for that W (no main event = wrong).
Consistency: within each cluster of two or more articles, the share of articles whose main event
agrees with the cluster's most common value (type code, day, country code); a missing value
disagrees. Most clusters are not violent (sports, politics, a tram accident), so scores are also
given for the violent clusters alone (``violent.*``); ``detection`` checks that violent clusters,
and only they, yield violent events.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventdesk.eval.metrics import EvalResult, Tally, rate
from eventdesk.eval.predict import (
    Predictor,
    count_errors,
    current_events,
    main_event,
    resolve_data_dir,
    run_predictions,
    stable_order,
)
from eventdesk.eval.spans import detection_counts, is_violent, phrases_match
from eventdesk.records import Event, Report

VIOLENT_CLUSTERS = frozenset({"consulate attack", "seattle shooting"})


@dataclass
class Article:
    report: Report
    cluster: str
    who: list[str] = field(default_factory=list)
    when: list[str] = field(default_factory=list)  # ISO days
    where: list[str] = field(default_factory=list)

    @property
    def violent(self) -> bool:
        return self.cluster in VIOLENT_CLUSTERS


def _phrases(five: dict[str, Any], w: str) -> list[str]:
    return [a["text"] for a in (five.get(w) or {}).get("annotated", []) if a.get("text")]


def load_articles(data_dir: Path) -> list[Article]:
    articles = []
    for path in sorted((data_dir / "data").glob("*.json")):
        row = json.loads(path.read_text(encoding="utf-8"))
        five = row.get("fiveWoneH") or {}
        published = (row.get("date_publish") or "")[:10] or None
        when = [a["parsed"][:10] for a in (five.get("when") or {}).get("annotated", []) if a.get("parsed")]
        articles.append(
            Article(
                report=Report(
                    text=row.get("text") or "", id=row["dId"], title=row.get("title"), published=published
                ),
                cluster=row.get("category") or f"none:{row['dId']}",
                who=_phrases(five, "who"),
                when=when,
                where=_phrases(five, "where"),
            )
        )
    return stable_order(articles, key=lambda a: a.report.id)


def _who(e: Event) -> list[str]:
    return [p.name for p in e.perpetrators if p.status != "denied"] + [v.text for v in e.victims]


def _where(e: Event) -> list[str]:
    loc = e.location
    return [s for s in (loc.name, loc.admin1, loc.country, *(ev.text for ev in loc.evidence)) if s]


def _day(e: Event) -> str | None:
    return e.date.start[:10] if e.date.start and e.date.precision in ("day", "range") else None


def score_ws(
    articles: Sequence[Article], events: Sequence[Event | None], result: EvalResult, prefix: str
) -> None:
    who, when, where = Tally(), Tally(), Tally()
    for art, event in zip(articles, events, strict=True):
        if art.who:
            ours = _who(event) if event else []
            who.add(
                predicted=bool(ours),
                correct=any(phrases_match(g, p, "overlap") for g in art.who for p in ours),
            )
        if art.when:
            day = _day(event) if event else None
            when.add(predicted=day is not None, correct=day in art.when)
        if art.where:
            places = _where(event) if event else []
            where.add(
                predicted=bool(places),
                correct=any(phrases_match(g, p, "overlap") for g in art.where for p in places),
            )
    who.report(result, f"{prefix}who")
    when.report(result, f"{prefix}when")
    where.report(result, f"{prefix}where")


FIELDS: dict[str, Callable[[Event], Any]] = {
    "type": lambda e: e.type.code,
    "date": _day,
    "country": lambda e: e.location.country_code,
}


def score_consistency(
    articles: Sequence[Article], events: Sequence[Event | None], result: EvalResult, prefix: str
) -> None:
    clusters: dict[str, list[Event | None]] = {}
    for art, event in zip(articles, events, strict=True):
        clusters.setdefault(art.cluster, []).append(event)
    for name, get in FIELDS.items():
        agree = total = 0
        for members in clusters.values():
            if len(members) < 2:
                continue
            values = [get(e) if e else None for e in members]
            common = Counter(v for v in values if v is not None).most_common(1)
            total += len(values)
            if common:
                agree += sum(v == common[0][0] for v in values)
        result.add(f"{prefix}consistency.{name}", rate(agree, total), total)


def evaluate_giveme5w1h(
    data: Path, *, predictor: Predictor, limit: int | None = None, progress: bool = True
) -> EvalResult:
    started = time.monotonic()
    data_dir = resolve_data_dir(data, "giveme5w1h", "data")
    articles = load_articles(data_dir)[: limit or None]
    reports = [a.report for a in articles]
    results = run_predictions(reports, predictor, label="giveme5w1h", progress=progress)
    result = EvalResult("giveme5w1h", len(reports), errors=count_errors(results))
    events = [main_event(r) for r in results]
    score_ws(articles, events, result, "")
    score_consistency(articles, events, result, "")
    violent = [i for i, a in enumerate(articles) if a.violent]
    score_ws([articles[i] for i in violent], [events[i] for i in violent], result, "violent.")
    score_consistency([articles[i] for i in violent], [events[i] for i in violent], result, "violent.")
    pred_pos = [is_violent(current_events(r)) for r in results]
    result.add_prf("detection", detection_counts([a.violent for a in articles], pred_pos))
    result.details["clusters"] = dict(Counter(a.cluster for a in articles))
    result.seconds = time.monotonic() - started
    return result
