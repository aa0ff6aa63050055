"""Compare one extraction result with its golden expectation; every mismatch becomes one readable line.

Both sides are plain dicts: the expectation from ``expected.json`` (conventions in ``README.md``) and the
result in the JSON shape of ``docs/schema.md`` (``eventdesk.records.result_to_dict`` or a line of
``eventdesk extract`` output). Expected events are paired with extracted ones by role + type + date; the
other listed fields are then compared. Nothing here imports ``eventdesk``.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

# Vocabularies: the record contract (docs/schema.md) and the project's event-type taxonomy.
# fmt: off
TYPE_CODES = frozenset({
    "bombing", "suicide_bombing", "shooting", "armed_assault", "air_strike", "drone_strike", "shelling",
    "kidnapping", "arson", "stabbing", "vehicle_attack", "assassination", "stampede", "accident",
    "other_violence",
})
ROLES = frozenset({"main", "related", "background"})
PRECISIONS = frozenset({"day", "month", "year", "range", "unknown"})
STATUSES = frozenset({"claimed", "confirmed", "accused", "suspected", "denied"})
PERPETRATOR_KINDS = frozenset({"organization", "individual", "state", "unknown"})
WEAPON_TYPES = frozenset({
    "explosives", "firearms", "incendiary", "melee", "vehicle", "chemical", "drone", "missile", "unknown",
})
ERROR_CODES = frozenset({
    "empty", "binary", "too_large", "not_english", "bad_encoding", "bad_record", "bad_input",
})

# The keys expected.json may use (README.md says what each one checks).
COUNT_KEYS = frozenset({"low", "best", "high", "includes_perpetrators"})
EVENT_KEYS = frozenset({
    "note", "role", "type", "date", "location", "killed", "injured", "perpetrators", "perpetrators_complete",
    "forbidden_perpetrators", "forbidden_perpetrator_statuses", "weapons", "targets", "victims", "attacks",
})
REPORT_KEYS = frozenset({"note", "events", "error", "violent_events", "max_events", "same_incident_as"})
# fmt: on


def normalize_name(name: str) -> str:
    """Case, accents, punctuation, a leading 'the' and a trailing 'group' do not matter."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"['’]s\b", "", s)
    s = re.sub(r"[.'’]", "", s)
    words = re.sub(r"\W+", " ", s).split()
    if words[:1] == ["the"]:
        words = words[1:]
    if len(words) > 1 and words[-1] == "group":
        words = words[:-1]
    return " ".join(words)


def _names(spec: dict[str, Any]) -> set[str]:
    return {normalize_name(n) for n in [spec["name"], *spec.get("aliases", [])]}


def accepted_codes(want: dict[str, Any]) -> list[str]:
    """The type code of an expected event, then any ``also_accept`` alternatives."""
    return [want["type"]["code"], *want["type"].get("also_accept", [])]


def _same_date(want: dict[str, Any], got_start: str | None) -> bool:
    if not got_start:
        return False
    width = {"month": 7, "year": 4}.get(want["precision"], 10)
    return str(got_start)[:width] == want["start"][:width]


def key_matches(want: dict[str, Any], got: dict[str, Any]) -> bool:
    return (
        got["role"] == want["role"]
        and got["type"]["code"] in accepted_codes(want)
        and _same_date(want["date"], got["date"].get("start"))
    )


def _fmt_count(c: dict[str, Any] | None) -> str:
    if c is None:
        return "null"
    return f"{c.get('low')}/{c.get('best')}/{c.get('high')} ({c.get('text')!r})"


def _fmt_perps(perps: list[dict[str, Any]]) -> str:
    return "[" + ", ".join(f"{p['name']!r} {p['status']}" for p in perps) + "]"


def _compare_key(want: dict[str, Any], got: dict[str, Any]) -> list[str]:
    problems = []
    if got["role"] != want["role"]:
        problems.append(f"role: expected {want['role']!r}, got {got['role']!r}")
    if got["type"]["code"] not in accepted_codes(want):
        problems.append(
            f"type.code: expected {' or '.join(map(repr, accepted_codes(want)))}, got {got['type']['code']!r}"
        )
    if not _same_date(want["date"], got["date"].get("start")):
        problems.append(
            f"date.start: expected {want['date']['start']!r} ({want['date']['precision']}), "
            f"got {got['date'].get('start')!r} (from {got['date'].get('text')!r})"
        )
    return problems


def _compare_counts(want: dict[str, Any], got: dict[str, Any]) -> list[str]:
    problems = []
    for key in ("killed", "injured"):
        if key not in want:
            continue
        w, g = want[key], got.get(key)
        if w is None:
            if g is not None:
                problems.append(f"{key}: expected null (no figure in the report), got {_fmt_count(g)}")
        elif g is None:
            problems.append(f"{key}: expected {w}, got null")
        else:
            for sub, value in w.items():
                if g.get(sub) != value:
                    problems.append(
                        f"{key}.{sub}: expected {value!r}, got {g.get(sub)!r} (extracted {_fmt_count(g)})"
                    )
    return problems


def _compare_perpetrators(want: dict[str, Any], got: dict[str, Any]) -> list[str]:
    problems = []
    perps = got.get("perpetrators") or []
    for w in want.get("perpetrators", []):
        named = [p for p in perps if normalize_name(p["name"]) in _names(w)]
        if not named:
            problems.append(f"perpetrator {w['name']!r} ({w['status']}) missing; got {_fmt_perps(perps)}")
            continue
        same_status = [p for p in named if p["status"] == w["status"]]
        if not same_status:
            problems.append(
                f"perpetrator {w['name']!r}: expected status {w['status']!r}, "
                f"got {[p['status'] for p in named]}"
            )
        elif "kind" in w and not any(p.get("kind") == w["kind"] for p in same_status):
            problems.append(
                f"perpetrator {w['name']!r}: expected kind {w['kind']!r}, "
                f"got {[p.get('kind') for p in same_status]}"
            )
    forbidden = {normalize_name(n) for n in want.get("forbidden_perpetrators", [])}
    for p in perps:
        if normalize_name(p["name"]) in forbidden:
            problems.append(
                f"perpetrator {p['name']!r} ({p['status']}) must not be a perpetrator of this event"
            )
        if p["status"] in want.get("forbidden_perpetrator_statuses", []):
            problems.append(f"no perpetrator may have status {p['status']!r} here; got {p['name']!r}")
    if want.get("perpetrators_complete"):
        allowed = set().union(*(_names(w) for w in want.get("perpetrators", [])))
        extra = [p for p in perps if normalize_name(p["name"]) not in allowed]
        if extra:
            problems.append(
                f"unexpected perpetrator(s) {_fmt_perps(extra)}; expected only "
                f"{[w['name'] for w in want.get('perpetrators', [])]}"
            )
    return problems


def compare_event(want: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """Every listed field of ``want`` that ``got`` gets wrong, one line each."""
    problems = _compare_key(want, got)
    if (
        "violent_attack" in want["type"]
        and got["type"].get("violent_attack") != want["type"]["violent_attack"]
    ):
        problems.append(
            f"type.violent_attack: expected {want['type']['violent_attack']}, "
            f"got {got['type'].get('violent_attack')}"
        )
    if got["date"].get("precision") != want["date"]["precision"]:
        problems.append(
            f"date.precision: expected {want['date']['precision']!r}, got {got['date'].get('precision')!r}"
        )
    wl, gl = want.get("location", {}), got.get("location") or {}
    if "name" in wl and normalize_name(gl.get("name") or "") not in _names(wl):
        problems.append(
            f"location.name: expected {wl['name']!r}"
            + (f" (or {wl['aliases']})" if wl.get("aliases") else "")
            + f", got {gl.get('name')!r}"
        )
    if "country_code" in wl and gl.get("country_code") != wl["country_code"]:
        problems.append(
            f"location.country_code: expected {wl['country_code']!r}, got {gl.get('country_code')!r}"
        )
    problems += _compare_counts(want, got)
    problems += _compare_perpetrators(want, got)
    for key, attr, label in (
        ("weapons", "type", "weapon type"),
        ("targets", "kind", "target kind"),
        ("victims", "effect", "victim effect"),
    ):
        have = {item.get(attr) for item in got.get(key) or []}
        missing = [v for v in want.get(key, []) if v not in have]
        if missing:
            problems.append(f"{key}: expected {label}(s) {missing} among {sorted(map(str, have))}")
    if "attacks" in want and got.get("attacks") != want["attacks"]:
        problems.append(f"attacks: expected {want['attacks']}, got {got.get('attacks')}")
    return problems


def _label(i: int, want: dict[str, Any]) -> str:
    return f"expected[{i}] {want['role']}/{'|'.join(accepted_codes(want))}/{want['date']['start']}"


def match_events(expected: list[dict[str, Any]], events: list[dict[str, Any]]) -> list[str]:
    """Pair each expected event with an unused extracted one by role + type + date, then compare."""
    problems: list[str] = []
    used: set[int] = set()
    for i, want in enumerate(expected):
        label = _label(i, want)
        keyed = [j for j, got in enumerate(events) if j not in used and key_matches(want, got)]
        if keyed:
            j = min(keyed, key=lambda j: len(compare_event(want, events[j])))
            used.add(j)
            problems += [f"{label} ~ extracted[{j}]: {p}" for p in compare_event(want, events[j])]
            continue
        message = f"{label}: NOT FOUND (no extracted event has this role + type + date)"
        if events:
            j = min(range(len(events)), key=lambda j: len(compare_event(want, events[j])))
            message += f"; closest is extracted[{j}]:" + "".join(
                f"\n      {p}" for p in compare_event(want, events[j])
            )
        else:
            message += "; the extractor returned no events"
        problems.append(message)
    return problems


def check_report(expected: dict[str, Any], got: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    error, events = got.get("error"), got.get("events") or []
    if expected.get("error"):
        if not error:
            problems.append(f"error: expected code {expected['error']!r}, got no error")
        elif error.get("code") != expected["error"]:
            problems.append(
                f"error.code: expected {expected['error']!r}, got {error.get('code')!r} "
                f"({error.get('message')})"
            )
        if events:
            problems.append(f"a report with an error must have no events; got {len(events)}")
        return problems
    if error:
        problems.append(f"error: expected none, got {error.get('code')!r}: {error.get('message')}")
    if "violent_events" in expected:
        violent = [j for j, e in enumerate(events) if e["type"].get("violent_attack")]
        if len(violent) != expected["violent_events"]:
            problems.append(
                f"expected {expected['violent_events']} violent event(s), got {len(violent)}: "
                f"extracted{violent}"
            )
    if "max_events" in expected and len(events) > expected["max_events"]:
        problems.append(f"expected at most {expected['max_events']} event(s), got {len(events)}")
    return problems + match_events(expected["events"], events)


def summarize_event(j: int, e: dict[str, Any]) -> str:
    loc = e.get("location") or {}
    parts = [
        f"[{j}] {e['role']} {e['type']['code']} (violent={e['type'].get('violent_attack')})",
        f"date={e['date'].get('start')}/{e['date'].get('precision')}",
        f"at {loc.get('name')!r},{loc.get('country_code')}",
        f"killed={_fmt_count(e.get('killed'))}",
        f"injured={_fmt_count(e.get('injured'))}",
    ]
    if e.get("perpetrators"):
        parts.append(f"perpetrators={_fmt_perps(e['perpetrators'])}")
    if e.get("weapons"):
        parts.append(f"weapons={[w.get('type') for w in e['weapons']]}")
    return " ".join(parts)


def failure_message(key: str, title: str | None, got: dict[str, Any], problems: list[str]) -> str:
    events = got.get("events") or []
    lines = [f"{key}: {title or ''}", f"{len(problems)} mismatch(es) against tests/golden/expected.json:"]
    lines += [f"  - {p}" for p in problems]
    lines.append(f"extracted {len(events)} event(s):")
    lines += [f"  {summarize_event(j, e)}" for j, e in enumerate(events)] or ["  (none)"]
    return "\n".join(lines)
