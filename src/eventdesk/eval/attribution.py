"""The attribution suite (issue 14): who did it, and how sure, scored on short reports we wrote.

The suite (``attribution_suite.jsonl`` beside this module, ``#`` lines are its provenance header)
lists, per case, the actors a careful coder would record: name as written, ``role`` (perpetrator,
target, victim, source, other) and, for perpetrators, ``status`` (claimed, confirmed, accused,
suspected, denied, ruled_out) and ``attributed_by``. It is a measuring stick: never train on it.

Scoring, per case, over the events that are not background:

* predictions are the events' perpetrators (with status and attributed_by), targets, victims and
  sources (speakers, and whoever a perpetrator is ``attributed_by``), each a :class:`PredictedActor`;
* expected and predicted actors are aligned one to one by name (:func:`name_match`: equal, one
  contained in the other word by word, or the same head word; ``U.S.`` ~ ``United States`` through
  ``data/attribution_aliases.tsv``), strongest match first, a prediction in the expected role first;
* an expected actor's role is right when its aligned prediction has that role; an expected ``other``
  actor is right when nothing is aligned to it (the extractor has no "other" role);
* a perpetrator's status is right when its role is right and the status is equal;
* a **false perpetrator** is a predicted perpetrator with an asserting status (claimed, confirmed,
  accused, suspected) that the suite does not list as an asserted perpetrator: a supporter, a group
  ruled out, a historic one, a victim's organisation, or a name the suite does not have;
* a case is **exact** when every expected actor's role (and status) is right and no predicted
  perpetrator is left over or aligned to a non-perpetrator.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from eventdesk.errors import DataNotFound, EventdeskError
from eventdesk.eval.metrics import EvalResult, fold, rate
from eventdesk.eval.predict import Predictor, count_errors, current_events, run_predictions, stable_order
from eventdesk.records import Event, Report
from eventdesk.resources import read_tsv

ROLES = ("perpetrator", "target", "victim", "source", "other")
STATUSES = ("claimed", "confirmed", "accused", "suspected", "denied", "ruled_out")
ASSERTING = frozenset({"claimed", "confirmed", "accused", "suspected"})
CATEGORIES = (
    "claim", "competing_claim", "police_confirmed", "government_accused", "official_suspected",
    "denied", "ruled_out", "no_claim", "supporter_ally", "victim_org", "historic", "state_strike",
    "individual_named", "dateline", "all_caps",
)  # fmt: skip
SUITE_FILE = "attribution_suite.jsonl"
_ARTICLES = frozenset({"the", "a", "an"})
_POSSESSIVE = re.compile(r"(?<=\w)['\u2019]s\b")


class BadSuite(EventdeskError):
    """A suite line that does not follow the format (the message names the line)."""

    code = "bad_suite"


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor of a case: expected by the suite, or predicted from the extractor's output."""

    name: str
    role: str
    status: str | None = None
    attributed_by: str | None = None


ExpectedActor = Actor
PredictedActor = Actor


@dataclass(frozen=True, slots=True)
class AttributionCase:
    id: str
    category: str
    text: str
    published: str | None
    expected: tuple[ExpectedActor, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class ActorOutcome:
    expected: ExpectedActor
    predicted: PredictedActor | None
    role_ok: bool
    status_ok: bool | None  # None when the actor is not an expected perpetrator
    by_ok: bool | None  # None when the suite names no attributor


@dataclass(frozen=True, slots=True)
class CaseOutcome:
    case_id: str
    category: str
    actors: tuple[ActorOutcome, ...]
    extra_perpetrators: tuple[PredictedActor, ...]  # predicted perpetrators aligned to no expected perpetrator
    false_perpetrators: tuple[PredictedActor, ...]  # asserted by us, not asserted by the suite
    asserted: int = 0  # predicted perpetrators with an asserting status

    @property
    def exact(self) -> bool:
        return all(a.role_ok and a.status_ok is not False for a in self.actors) and not self.extra_perpetrators


# ---------------------------------------------------------------- the suite


def suite_path() -> Path:
    return Path(str(resources.files("eventdesk.eval") / SUITE_FILE))


def load_suite(path: Path | None = None) -> list[AttributionCase]:
    """The suite's cases in file order; raises :class:`BadSuite` naming the first bad line."""
    path = path or suite_path()
    if not path.is_file():
        raise DataNotFound(f"no attribution suite at {path}")
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            try:
                cases.append(parse_case(json.loads(line)))
            except (ValueError, TypeError, KeyError) as exc:
                raise BadSuite(f"{path}, line {number}: {exc}") from exc
    return cases


def parse_case(row: dict[str, Any]) -> AttributionCase:
    """One suite line; raises ValueError (or KeyError) when a field is missing or out of range."""
    if row["category"] not in CATEGORIES:
        raise ValueError(f"unknown category {row['category']!r}")
    if not str(row["text"]).strip():
        raise ValueError("empty text")
    return AttributionCase(
        id=str(row["id"]), category=row["category"], text=row["text"], published=row.get("published"),
        expected=tuple(_parse_actor(a) for a in row["expected"]), note=row.get("note", ""),
    )  # fmt: skip


def _parse_actor(raw: dict[str, Any]) -> ExpectedActor:
    actor = ExpectedActor(str(raw["name"]), raw["role"], raw.get("status"), raw.get("attributed_by"))
    if actor.role not in ROLES:
        raise ValueError(f"{actor.name!r}: unknown role {actor.role!r}")
    if (actor.role == "perpetrator") != (actor.status is not None):
        raise ValueError(f"{actor.name!r}: a status is given for perpetrators, and only for them")
    if actor.status is not None and actor.status not in STATUSES:
        raise ValueError(f"{actor.name!r}: unknown status {actor.status!r}")
    if not actor.name.strip():
        raise ValueError("an actor without a name")
    return actor


# ---------------------------------------------------------------- names


@cache
def _aliases() -> tuple[dict[str, str], frozenset[str]]:
    rows = read_tsv("attribution_aliases.tsv")
    aliases = {r["name"]: r["canonical"] for r in rows if r["kind"] == "alias"}
    generic = frozenset(r["name"] for r in rows if r["kind"] == "generic_head")
    return aliases, generic


def name_key(name: str) -> tuple[str, ...]:
    """``"Israel's"`` -> ``("israel",)``, ``"the U.S."`` -> ``("united", "states")``."""
    words = fold(_POSSESSIVE.sub("", name)).split()
    while len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    aliases, _ = _aliases()
    joined = " ".join(words)
    canonical = aliases.get(joined) or aliases.get(joined.replace(" ", ""))
    return tuple(canonical.split()) if canonical else tuple(words)


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def name_match(a: str, b: str) -> int:
    """How well two names match: 3 equal, 2 one contains the other word by word, 1 same head word
    (not a generic one such as "state" or "group"), 0 not at all."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return 0
    if ka == kb:
        return 3
    if _contains(ka, kb) or _contains(kb, ka):
        return 2
    _, generic = _aliases()
    return 1 if ka[-1] == kb[-1] and ka[-1] not in generic else 0


# ---------------------------------------------------------------- scoring


def predicted_actors(events: Iterable[Event]) -> list[PredictedActor]:
    """Every actor the events name, once per (name, role), the first event's reading first."""
    out: list[PredictedActor] = []
    seen: set[tuple[tuple[str, ...], str]] = set()

    def add(actor: PredictedActor) -> None:
        key = (name_key(actor.name), actor.role)
        if key not in seen:
            seen.add(key)
            out.append(actor)

    for event in events:
        for p in event.perpetrators:
            add(PredictedActor(p.name, "perpetrator", p.status, p.attributed_by))
            if p.attributed_by:  # whoever attributes the attack is a speaker the record names
                add(PredictedActor(p.attributed_by, "source"))
        for t in event.targets:
            add(PredictedActor(t.text, "target"))
        for v in event.victims:
            add(PredictedActor(v.text, "victim"))
        for s in event.sources:
            add(PredictedActor(s.speaker, "source"))
    return out


def align(expected: Sequence[ExpectedActor], predicted: Sequence[PredictedActor]) -> dict[int, int]:
    """Expected index -> predicted index, one to one: the strongest name match first, then a
    prediction in the expected role, then file order. An ``other`` actor meets only a perpetrator or
    a prediction of its very name: a victim "three members of the X" names X's people, not X."""
    pairs = sorted(
        (-strength, e.role != p.role, i, j)
        for i, e in enumerate(expected)
        for j, p in enumerate(predicted)
        if (strength := name_match(e.name, p.name)) and (e.role != "other" or p.role == "perpetrator" or strength == 3)
    )
    taken: dict[int, int] = {}
    used: set[int] = set()
    for _, _, i, j in pairs:
        if i not in taken and j not in used:
            taken[i] = j
            used.add(j)
    return taken


def score_case(case: AttributionCase, predicted: Sequence[PredictedActor]) -> CaseOutcome:
    pairs = align(case.expected, predicted)
    actors = tuple(_outcome(e, predicted[pairs[i]] if i in pairs else None) for i, e in enumerate(case.expected))
    matched_to = {j: case.expected[i] for i, j in pairs.items()}
    extra, false = [], []
    for j, p in enumerate(predicted):
        if p.role != "perpetrator":
            continue
        exp = matched_to.get(j)
        if exp is None or exp.role != "perpetrator":
            extra.append(p)
        if p.status in ASSERTING and not (exp is not None and exp.role == "perpetrator" and exp.status in ASSERTING):
            false.append(p)
    asserted = sum(1 for p in predicted if p.role == "perpetrator" and p.status in ASSERTING)
    return CaseOutcome(case.id, case.category, actors, tuple(extra), tuple(false), asserted)


def _outcome(expected: ExpectedActor, predicted: PredictedActor | None) -> ActorOutcome:
    role = predicted.role if predicted else "other"
    role_ok = role == expected.role
    status_ok = None if expected.role != "perpetrator" else role_ok and predicted is not None and (
        predicted.status == expected.status
    )  # fmt: skip
    by_ok = None
    if expected.role == "perpetrator" and expected.attributed_by:
        theirs = predicted.attributed_by if predicted and role_ok else None
        by_ok = bool(theirs and name_match(theirs, expected.attributed_by))
    return ActorOutcome(expected, predicted, role_ok, status_ok, by_ok)


def error_kinds(outcome: CaseOutcome) -> Counter[str]:
    """What went wrong in one case, as countable kinds ("status accused -> suspected", ...)."""
    kinds: Counter[str] = Counter()
    for a in outcome.actors:
        got = a.predicted.role if a.predicted else "none"
        if not a.role_ok:
            wanted = f"perpetrator ({a.expected.status})" if a.expected.status else a.expected.role
            kinds[f"{wanted} predicted as {got}"] += 1
        elif a.status_ok is False and a.predicted is not None:
            kinds[f"status {a.expected.status} -> {a.predicted.status}"] += 1
    for p in outcome.extra_perpetrators:
        if not any(a.predicted is p for a in outcome.actors):
            kinds[f"perpetrator not in the suite ({p.status})"] += 1
    return kinds


@dataclass
class _Totals:
    outcomes: list[CaseOutcome] = field(default_factory=list)

    def report(self, result: EvalResult) -> None:
        actors = [a for o in self.outcomes for a in o.actors]
        perps = [a for a in actors if a.status_ok is not None]
        bys = [a for a in actors if a.by_ok is not None]
        asserted = sum(o.asserted for o in self.outcomes)
        false = sum(len(o.false_perpetrators) for o in self.outcomes)
        result.add("cases.exact", rate(sum(o.exact for o in self.outcomes), len(self.outcomes)), len(self.outcomes))
        result.add("actors.role.accuracy", rate(sum(a.role_ok for a in actors), len(actors)), len(actors))
        result.add("perpetrators.status.accuracy", rate(sum(bool(a.status_ok) for a in perps), len(perps)), len(perps))
        result.add("perpetrators.attributed_by.accuracy", rate(sum(bool(a.by_ok) for a in bys), len(bys)), len(bys))
        result.add("false_perpetrators", float(false), asserted, kind="count")
        for category in CATEGORIES:
            cases = [o for o in self.outcomes if o.category == category]
            if cases:
                result.add(f"category.{category}.exact", rate(sum(o.exact for o in cases), len(cases)), len(cases))
        kinds: Counter[str] = Counter()
        for o in self.outcomes:
            kinds.update(error_kinds(o))
        result.details["error_kinds"] = dict(kinds.most_common())
        result.details["failed_cases"] = [_describe(o) for o in self.outcomes if not o.exact]
        result.notes.extend(f"{n} x {kind}" for kind, n in kinds.most_common(8))


def _describe(outcome: CaseOutcome) -> dict[str, Any]:
    def show(p: PredictedActor | None) -> str | None:
        return None if p is None else f"{p.name} ({p.role}{', ' + p.status if p.status else ''})"

    return {
        "id": outcome.case_id,
        "category": outcome.category,
        "actors": [
            {"expected": f"{a.expected.name} ({a.expected.role}{', ' + a.expected.status if a.expected.status else ''})",
             "predicted": show(a.predicted), "ok": a.role_ok and a.status_ok is not False}
            for a in outcome.actors
        ],
        "extra_perpetrators": [show(p) for p in outcome.extra_perpetrators],
    }  # fmt: skip


def evaluate_attribution(
    suite: Path | None = None, *, predictor: Predictor, limit: int | None = None, progress: bool = True
) -> EvalResult:
    """Run the extractor on every case of the suite (the packaged one unless ``suite`` names a file)
    and score it; ``limit`` takes a fixed pseudo-random sample."""
    started = time.monotonic()
    cases = load_suite(suite)
    if limit:
        cases = stable_order(cases, key=lambda c: c.id)[:limit]
    reports = [Report(text=c.text, id=c.id, published=c.published) for c in cases]
    results = run_predictions(reports, predictor, label="attribution", progress=progress)
    result = EvalResult("attribution", len(reports), errors=count_errors(results))
    totals = _Totals([score_case(c, predicted_actors(current_events(r))) for c, r in zip(cases, results, strict=True)])
    totals.report(result)
    result.seconds = time.monotonic() - started
    return result
