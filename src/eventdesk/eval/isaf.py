"""ISAF press releases: minimum killed, event day and province, coded as in "A Knock on the Door".

* killed: the sum of ``killed.low`` (else ``best``) over our events that are not background (a
  release can report several operations); an event without a figure counts 0, and so does a release
  where we find no event (nobody reported killed), so most detention-only releases score right by
  default: ``killed_nonzero.accuracy`` (releases with ``min_killed`` > 0) is the informative number.
  The labels read "several" as 3 and "a few" as 2, as our vague-number table does.
* date: our main event's ``date.start`` must equal ``start_date``; the release date is passed as
  ``published`` when it can be read from the header (a full "(Jan. 25, 2013)" date, or the release
  number ``2012-05-S-040`` for year and month plus "(May 24)" for the day), as a user would have it.
* province: our main event's ``location.admin1`` (or its name when its precision is admin1) against
  the label, both reduced to a canonical province (``af_provinces.json``); labels that name no single
  province ("", "??", "southern afghanistan") are not scored.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from eventdesk.eval.metrics import EvalResult, Tally, normalize_place
from eventdesk.eval.predict import (
    Predictor,
    count_errors,
    current_events,
    main_event,
    resolve_data_dir,
    run_predictions,
    stable_order,
)
from eventdesk.records import Count, Event, Report

_MONTH = {m: i + 1 for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())}  # noqa: SIM905
_MONTH_RE = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_FULL_DATE = re.compile(_MONTH_RE + r"\s+(\d{1,2}),\s+(\d{4})")
_RELEASE_NO = re.compile(r"\b(20\d\d)-(\d\d)-[A-Z]{1,2}\b")
_DAY_MONTH = re.compile(r"\(" + _MONTH_RE + r"\s+(\d{1,2})\)|^" + _MONTH_RE + r"\s+(\d{1,2}):", re.MULTILINE)


@dataclass(frozen=True)
class IsafItem:
    id: str
    text: str
    published: str | None
    min_killed: int
    start_date: str | None
    province: str | None  # canonical, or None when the label names no single province


def _day(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def release_date(text: str) -> str | None:
    """The publication date a reader of the release would see (see the module docstring)."""
    head = text[:600]
    m = _FULL_DATE.search(head)
    if m:
        return _day(int(m.group(3)), _MONTH[m.group(1).lower()], int(m.group(2)))
    number, dm = _RELEASE_NO.search(head), _DAY_MONTH.search(head)
    if not (number and dm):
        return None
    year, release_month = int(number.group(1)), int(number.group(2))
    month_name, day = (dm.group(1), dm.group(2)) if dm.group(1) else (dm.group(3), dm.group(4))
    month = _MONTH[month_name.lower()]
    if month == 1 and release_month == 12:
        year += 1
    elif month == 12 and release_month == 1:
        year -= 1
    return _day(year, month, int(day))


@cache
def _province_aliases() -> dict[str, str]:
    raw = json.loads(resources.files("eventdesk.eval").joinpath("af_provinces.json").read_text("utf-8"))
    return {_compact(v): canon for canon, variants in raw["provinces"].items() for v in [canon, *variants]}


def _compact(name: str) -> str:
    return normalize_place(name).replace(" ", "")


def canonical_province(name: str | None) -> str | None:
    """``'Paktia Province'`` -> ``'paktya'``; None when the name is no Afghan province."""
    if not name:
        return None
    return _province_aliases().get(_compact(name))


def load_items(data_dir: Path) -> list[IsafItem]:
    items = []
    with open(data_dir / "isaf_shared.jsonl", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row: dict[str, Any] = json.loads(line)
            labels = row["labels"]
            provinces = [p for p in labels.get("province") or [] if p]
            items.append(
                IsafItem(
                    id=row["id"],
                    text=row["text"],
                    published=release_date(row["text"]),
                    min_killed=int(labels.get("min_killed") or 0),
                    start_date=labels.get("start_date") or None,
                    province=canonical_province(provinces[0]) if len(provinces) == 1 else None,
                )
            )
    return items


def killed_low(count: Count | None) -> int:
    """The defensible minimum: ``low``, else ``best`` (a loose figure such as "about 40"), else 0."""
    if count is None:
        return 0
    value = count.low if count.low is not None else count.best
    return value or 0


def killed_total(events: list[Event]) -> int:
    return sum(killed_low(e.killed) for e in events)


def _our_province(event: Event | None) -> str | None:
    if event is None:
        return None
    loc = event.location
    return canonical_province(loc.admin1) or (
        canonical_province(loc.name) if loc.precision == "admin1" else None
    )


def score_items(
    items: list[IsafItem], events: list[list[Event]], mains: list[Event | None], result: EvalResult
) -> None:
    killed, killed_nonzero, date, province = Tally(), Tally(), Tally(), Tally()
    for item, current, main in zip(items, events, mains, strict=True):
        total = killed_total(current)
        killed.add(predicted=True, correct=total == item.min_killed)
        if item.min_killed > 0:
            killed_nonzero.add(predicted=bool(current), correct=total == item.min_killed)
        if item.start_date:
            day = (
                main.date.start[:10]
                if main and main.date.start and main.date.precision in ("day", "range")
                else None
            )
            date.add(predicted=day is not None, correct=day == item.start_date)
        if item.province:
            ours = _our_province(main)
            province.add(predicted=ours is not None, correct=ours == item.province)
    result.add("killed.accuracy", killed.correct / killed.total if killed.total else None, killed.total)
    result.add("killed.coverage", sum(map(bool, events)) / len(events) if events else None, len(events))
    killed_nonzero.report(result, "killed_nonzero")
    date.report(result, "date")
    province.report(result, "province")


def evaluate_isaf(
    data: Path, *, predictor: Predictor, limit: int | None = None, progress: bool = True
) -> EvalResult:
    started = time.monotonic()
    data_dir = resolve_data_dir(data, "isaf", "isaf_shared.jsonl")
    items = stable_order(load_items(data_dir), key=lambda it: it.id)[: limit or None]
    reports = [Report(text=it.text, id=it.id, published=it.published) for it in items]
    results = run_predictions(reports, predictor, label="isaf", progress=progress)
    result = EvalResult("isaf", len(reports), errors=count_errors(results))
    score_items(items, [current_events(r) for r in results], [main_event(r) for r in results], result)
    result.details["published_found"] = sum(it.published is not None for it in items)
    result.details["province_unscored"] = sum(it.province is None for it in items)
    result.seconds = time.monotonic() - started
    return result
