"""Fusion: the sightings of one incident in, one :class:`Incident` out.

The rules (kept in step with ``docs/incidents.md``):

* **Tolls (UCDP-style low/best/high).** Each report's figure is a claim ``(low, best, high)``.
  ``low`` = the smallest figure any report defended (its ``low``, else its ``best``);
  ``high`` = the largest figure any report allowed (its ``high``, else its ``best``, else its ``low``);
  ``best`` = the latest word: the median of the ``best`` figures (``low`` where no best) of the
  reports published last, so a revision ("revised to 84") replaces earlier figures;
  then ``low <= best <= high`` is enforced. Every claim stays in ``history`` by publication time.
* **Toll contradictions.** A claim's range is ``[low, high]``, with ``high`` open for "at least"-style
  figures and ``best`` for exact ones. Two claims contradict when their ranges do not overlap and
  either they were published the same day (or undated: sources disagree, kind ``toll``) or the
  later one is below the earlier one (kind ``downward_revision``). A toll rising over days is
  history, not a conflict.
* **Type** = the code most linked events give (main events count double; ties: the earliest report).
* **Date** = the finest-precision date, the most common among those; a day-precision date that
  differs by more than a day from another is a contradiction.
* **Place** = the finest-precision place, the most common among those; two fine places more than
  50 km apart, or in different countries or admin1 regions, are a contradiction.
* **Perpetrators**: every statement by time; the status shown is the latest one; a claim and a
  denial of the same name, or claims by different names, are contradictions.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from eventdesk.records import Count, iter_evidence
from eventdesk.store.features import date_interval, normalise
from eventdesk.store.incident import (
    Claim,
    Contradiction,
    FusedCount,
    Incident,
    PerpetratorClaims,
    PerpetratorStatement,
    Side,
    Sighting,
)

_PRECISION_RANK = {
    "exact": 0,
    "day": 0,
    "city": 1,
    "range": 1,
    "admin2": 2,
    "month": 2,
    "admin1": 3,
    "year": 3,
    "country": 4,
    "unknown": 9,
}


def _sort_key(s: Sighting) -> tuple[str, str, str]:
    return (s.published or "9999", s.report_id, s.event_key)


def _claim(s: Sighting, c: Count) -> Claim:
    value = c.best if c.best is not None else c.low
    return Claim(
        value=value,
        low=c.low,
        best=c.best,
        high=c.high,
        qualifier=c.qualifier,
        text=c.text,
        published=s.published,
        report_id=s.report_id,
        source=s.source,
        event_id=s.event.event_id,
        role=s.event.role,
    )


def claim_range(c: Claim) -> tuple[float, float]:
    """The range of tolls a claim allows, from its qualifier (``docs/schema.md``): ``exact`` ->
    [low, best]; ``about`` -> best ± 10 % (+1); ``nearly`` -> [0.85 best - 1, best];
    ``up_to``/``fewer_than`` -> [0, best]; ``at_least``/``more_than``/``vague`` -> [low, ∞).
    A ``high`` given by the report always bounds the range."""
    best = c.best if c.best is not None else c.low
    low = c.low if c.low is not None else best
    if best is None or low is None:
        return 0.0, math.inf
    q = (c.qualifier or "exact").lower().replace(" ", "_")
    if q in ("exact", ""):
        lo, hi = float(low), float(best)
    elif q in ("about", "approximately", "around", "some", "roughly"):
        lo, hi = best * 0.9 - 1, best * 1.1 + 1
    elif q in ("nearly", "almost"):
        lo, hi = best * 0.85 - 1, float(best)
    elif q in ("up_to", "fewer_than", "less_than", "at_most"):
        lo, hi = 0.0, float(best)
    else:  # at_least, more_than, vague and anything unknown: open above
        lo, hi = float(low), math.inf
    if c.high is not None:
        hi = min(hi, float(c.high)) if hi != math.inf else float(c.high)
    return lo, max(lo, hi)


def _median(values: list[int]) -> int:
    values = sorted(values)
    return values[(len(values) - 1) // 2]


def fuse_count(claims: Sequence[Claim]) -> FusedCount:
    real = [c for c in claims if c.value is not None or c.low is not None]
    if not real:
        return FusedCount(history=tuple(claims))
    lows = [c.low if c.low is not None else c.value for c in real]
    highs = [c.high if c.high is not None else c.value if c.value is not None else c.low for c in real]
    low = min(v for v in lows if v is not None)
    high = max(v for v in highs if v is not None)
    last = max((c.published or "") for c in real)
    latest = [c.value for c in real if (c.published or "") == last and c.value is not None]
    best = _median(latest) if latest else None
    if best is not None:
        low, high = min(low, best), max(high, best)
    return FusedCount(low=low, best=best, high=high, history=tuple(claims))


def _days_apart(a: str | None, b: str | None) -> int | None:
    from eventdesk.store.features import day_number

    x, y = day_number(a), day_number(b)
    return None if x is None or y is None else abs(x - y)


def toll_contradictions(field: str, claims: Sequence[Claim]) -> list[Contradiction]:
    """Pairs of claims whose ranges do not overlap, published the same day (or undated) or where
    the later one is below the earlier one; grouped by the two figures."""
    sides: dict[tuple[str, int | None, int | None], tuple[list[str], list[str]]] = {}
    ordered = sorted(claims, key=lambda c: (c.published or "9999", c.report_id))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            (alo, ahi), (blo, bhi) = claim_range(a), claim_range(b)
            if a.report_id == b.report_id or (alo <= bhi and blo <= ahi):
                continue
            apart = _days_apart(a.published, b.published)
            if apart is None or apart == 0:
                kind = "toll"
            elif bhi < alo:
                kind = "downward_revision"
            else:
                continue  # a later, higher figure: the toll rose
            left, right = sides.setdefault((kind, a.value, b.value), ([], []))
            left.append(a.report_id)
            right.append(b.report_id)
    out = []
    for (kind, av, bv), (left, right) in sides.items():
        detail = (
            f"{field}: {av} vs {bv} reported the same day"
            if kind == "toll"
            else f"{field}: a later report gives {bv}, below the earlier {av}"
        )
        pair = (Side(av, tuple(dict.fromkeys(left))), Side(bv, tuple(dict.fromkeys(right))))
        out.append(Contradiction(field, kind, detail, pair))
    return out


def _fuse_type(sightings: Sequence[Sighting]) -> dict[str, Any]:
    votes: Counter[str] = Counter()
    first: dict[str, Any] = {}
    for s in sightings:
        t = s.event.type
        if not t.code:
            continue
        votes[t.code] += 2 if s.event.role == "main" else 1
        first.setdefault(t.code, t)
    if not votes:
        return {}
    top = max(votes.values())
    code = next(c for c in first if votes[c] == top)
    t = first[code]
    return {
        "code": code,
        "label": t.label,
        "violent_attack": t.violent_attack,
        "gtd_attack_type": t.gtd_attack_type,
        "acled_sub_event_type": t.acled_sub_event_type,
        "votes": dict(votes),
    }


def _pick(values: list[tuple[int, tuple[Any, ...], Sighting]]) -> tuple[tuple[Any, ...], Sighting] | None:
    """The most common value among the finest-precision ones (ties: the earliest report)."""
    if not values:
        return None
    finest = min(rank for rank, _, _ in values)
    best = [(v, s) for rank, v, s in values if rank == finest]
    counts = Counter(v for v, _ in best)
    top = max(counts.values())
    return next((v, s) for v, s in best if counts[v] == top)


def _fuse_date(sightings: Sequence[Sighting]) -> tuple[dict[str, Any], list[Contradiction]]:
    values = [
        (
            _PRECISION_RANK.get(s.event.date.precision, 9),
            (s.event.date.start, s.event.date.end, s.event.date.precision),
            s,
        )
        for s in sightings
        if s.event.date.start
    ]
    picked = _pick(values)
    if picked is None:
        return {"start": None, "end": None, "precision": "unknown"}, []
    (start, end, precision), _ = picked
    by_day: dict[str, list[str]] = defaultdict(list)
    for s in sightings:
        if s.event.date.precision == "day" and s.event.date.start:
            by_day[s.event.date.start[:10]].append(s.report_id)
    out = []
    days = sorted(by_day)
    if len(days) > 1:
        lo, hi = date_interval(next(s.event for s in sightings if s.event.date.start == days[0]))
        far = [d for d in days if (_days_apart(days[0], d) or 0) > 1]
        if far and lo is not None and hi is not None:
            sides = tuple(Side(d, tuple(dict.fromkeys(by_day[d]))) for d in days)
            out.append(Contradiction("date", "date", f"reports date the incident {', '.join(days)}", sides))
    return {"start": start, "end": end, "precision": precision}, out


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _fuse_place(sightings: Sequence[Sighting]) -> tuple[dict[str, Any], list[Contradiction]]:
    values = []
    for s in sightings:
        loc = s.event.location
        if loc.name or loc.country_code or loc.lat is not None:
            key = (
                loc.name,
                loc.admin1,
                loc.country,
                loc.country_code,
                loc.lat,
                loc.lon,
                loc.geonames_id,
                loc.precision,
            )
            values.append((_PRECISION_RANK.get(loc.precision, 9), key, s))
    picked = _pick(values)
    if picked is None:
        return {"precision": "unknown"}, []
    fields = ("name", "admin1", "country", "country_code", "lat", "lon", "geonames_id", "precision")
    place: dict[str, Any] = dict(zip(fields, picked[0], strict=True))
    # the part of town most reports of that place name (none when none names one)
    districts = Counter(s.event.location.district for _, key, s in values if key == picked[0] and s.event.location.district)
    place["district"] = districts.most_common(1)[0][0] if districts else None
    groups: dict[str, list[Sighting]] = defaultdict(list)
    for _, key, s in values:
        if _PRECISION_RANK.get(s.event.location.precision, 9) <= 3:
            groups[normalise(key[0] or key[1] or key[3] or "")].append(s)
    out: list[Contradiction] = []
    names = sorted(groups)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            la, lb = groups[a][0].event.location, groups[b][0].event.location
            far = (la.country_code and lb.country_code and la.country_code != lb.country_code) or (
                la.admin1 and lb.admin1 and normalise(la.admin1) != normalise(lb.admin1)
            )
            if not far and None not in (la.lat, la.lon, lb.lat, lb.lon):
                far = _km((la.lat, la.lon), (lb.lat, lb.lon)) > 50  # type: ignore[arg-type]
            if far:
                out.append(
                    Contradiction(
                        "location",
                        "place",
                        f"reports place the incident in {a} and {b}",
                        (
                            Side(la.name or a, tuple(dict.fromkeys(s.report_id for s in groups[a]))),
                            Side(lb.name or b, tuple(dict.fromkeys(s.report_id for s in groups[b]))),
                        ),
                    )
                )
    return place, out


def _fuse_perpetrators(sightings: Sequence[Sighting]) -> tuple[list[PerpetratorClaims], list[Contradiction]]:
    history: dict[str, list[PerpetratorStatement]] = defaultdict(list)
    shown: dict[str, tuple[str, str]] = {}
    for s in sightings:
        for p in s.event.perpetrators:
            key = normalise(p.name) or p.name
            shown.setdefault(key, (p.name, p.kind))
            history[key].append(PerpetratorStatement(p.status, s.published, s.report_id, s.source, p.attributed_by))
    claims = [PerpetratorClaims(shown[k][0], shown[k][1], h[-1].status, tuple(h)) for k, h in history.items()]
    out: list[Contradiction] = []
    claimers: dict[str, list[str]] = {}
    for k, h in history.items():
        said = {st.status for st in h}
        if {"claimed", "confirmed"} & said and "denied" in said:
            yes = tuple(dict.fromkeys(st.report_id for st in h if st.status in {"claimed", "confirmed"}))
            no = tuple(dict.fromkeys(st.report_id for st in h if st.status == "denied"))
            detail = f"{shown[k][0]}: claimed and denied"
            out.append(
                Contradiction("perpetrator", "claim_and_denial", detail, (Side("claimed", yes), Side("denied", no)))
            )
        if "claimed" in said:
            claimers[shown[k][0]] = list(dict.fromkeys(st.report_id for st in h if st.status == "claimed"))
    if len(claimers) > 1:
        out.append(
            Contradiction(
                "perpetrator",
                "competing_claims",
                "more than one group claimed the attack",
                tuple(Side(n, tuple(r)) for n, r in claimers.items()),
            )
        )
    return claims, out


TITLE_CHARS = 160  # a title cut from a report's sentence is at most this long


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` around ``[start, end)``, on one line, at most ``TITLE_CHARS`` long."""
    left = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1, 0)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(stops) + 1 if stops else len(text)
    sentence = " ".join(text[left:right].split()).rstrip(".")
    return sentence if len(sentence) <= TITLE_CHARS else sentence[: TITLE_CHARS - 1].rstrip() + "…"


def recalled_title(sightings: Sequence[Sighting]) -> str | None:
    """The title of an incident that no linked report is mainly about (only recalled, as background
    or a related event): the sentence of its earliest sighting that states it (where its type, else
    any of its evidence, was found), else its own type, place and date; never the headline of the
    report that recalled it, which is about another incident."""
    for s in sightings:
        spans = [e for e in (*s.event.type.evidence, *iter_evidence(s.event)) if e.field == "text"]
        if s.text and spans and 0 <= spans[0].start < spans[0].end <= len(s.text):
            return _sentence(s.text, spans[0].start, spans[0].end)
    if not sightings:
        return None
    e = sightings[0].event
    words = [e.type.label or e.type.code or "incident"]
    words += [f"in {e.location.name}"] if e.location.name else []
    words += [f"({e.date.start[:10]})"] if e.date.start else []
    return " ".join(words)


def fuse(incident_id: str, sightings: Sequence[Sighting]) -> Incident:
    """Fuse every sighting of one incident (see the module docstring for the rules)."""
    ordered = sorted(sightings, key=_sort_key)
    killed = fuse_count([_claim(s, s.event.killed) for s in ordered if s.event.killed is not None])
    injured = fuse_count([_claim(s, s.event.injured) for s in ordered if s.event.injured is not None])
    contradictions = toll_contradictions("killed", killed.history)
    contradictions += toll_contradictions("injured", injured.history)
    date, date_conflicts = _fuse_date(ordered)
    place, place_conflicts = _fuse_place(ordered)
    perpetrators, perp_conflicts = _fuse_perpetrators(ordered)
    published = [s.published for s in ordered if s.published]
    mains = [s for s in ordered if s.event.role == "main"]
    return Incident(
        incident_id=incident_id,
        reports=tuple(dict.fromkeys(s.report_id for s in ordered)),
        events=tuple(dict.fromkeys(s.event.event_id for s in ordered)),
        title=next((s.title for s in mains if s.title), None) if mains else recalled_title(ordered),
        type=_fuse_type(ordered),
        date=date,
        location=place,
        killed=killed,
        injured=injured,
        perpetrators=tuple(perpetrators),
        contradictions=tuple(contradictions + date_conflicts + place_conflicts + perp_conflicts),
        first_published=min(published) if published else None,
        last_published=max(published) if published else None,
        roles=dict(Counter(s.event.role for s in ordered)),
    )
