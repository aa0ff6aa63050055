"""Event typing: trigger phrases -> the project's type codes and their crosswalks.

Triggers and crosswalks are data (``data/event_triggers.tsv``, ``data/event_types.tsv``); this
module only matches and scores them.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from eventdesk.records import EventType, Evidence, Perpetrator, Target, Victim
from eventdesk.resources import read_tsv


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int
    end: int
    code: str
    weight: float


@functools.lru_cache(maxsize=1)
def _types() -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in read_tsv("event_types.tsv")}


@functools.lru_cache(maxsize=1)
def _trigger_table() -> tuple[re.Pattern[str], dict[str, tuple[str, float]]]:
    table: dict[str, tuple[str, float]] = {}
    for row in read_tsv("event_triggers.tsv"):
        table[row["phrase"].lower()] = (row["code"], float(row["weight"]))
    phrases = sorted(table, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"[\s-]+") for p in phrases)
    pattern = re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])", re.IGNORECASE)
    return pattern, table


def find_triggers(text: str) -> list[Trigger]:
    """Every trigger phrase in ``text`` (longest match wins), in order."""
    pattern, table = _trigger_table()
    out = []
    for m in pattern.finditer(text):
        key = re.sub(r"[\s-]+", " ", m.group(0).lower())
        entry = table.get(key) or table.get(m.group(0).lower())
        if entry is None:
            continue
        out.append(Trigger(m.start(), m.end(), entry[0], entry[1]))
    return out


def event_type(code: str, evidence: Sequence[Evidence] = ()) -> EventType:
    row = _types().get(code) or _types()["other_violence"]
    return EventType(
        code=row["code"],
        label=row["label"],
        gtd_attack_type=row["gtd_attack_type"] or None,
        acled_sub_event_type=row["acled_sub_event_type"] or None,
        muc4_incident_type=row["muc4_incident_type"] or None,
        plover=row["plover"] or None,
        violent_attack=row["violent_attack"] == "true",
        evidence=tuple(evidence),
    )


# a specific type beats the generic one it refines when both are present
_REFINES = {
    "suicide_bombing": "bombing",
    "grenade": "bombing",
    "drone_strike": "air_strike",
    "assassination": "armed_assault",
    "shooting": "armed_assault",
    "stabbing": "armed_assault",
}


def choose_type(triggers: Sequence[Trigger], *, lead_end: int = 0) -> tuple[str, list[Trigger]]:
    """The best type code for a group of triggers and the triggers supporting it.

    Triggers before ``lead_end`` (the title and first sentence) count double.
    """
    if not triggers:
        return "other_violence", []
    score: dict[str, float] = defaultdict(float)
    for t in triggers:
        score[t.code] += t.weight * (2.0 if t.start < lead_end else 1.0)
    for specific, generic in _REFINES.items():
        if score.get(specific, 0) >= 3 and generic in score:
            score[specific] += score.pop(generic)
    best = max(score, key=lambda c: (score[c], -min(t.start for t in triggers if t.code == c)))
    return best, [t for t in triggers if t.code == best]


def is_violent(code: str) -> bool:
    return _types().get(code, {}).get("violent_attack") == "true"


# armed people on the receiving end: an armed group's assault on them is a battle (ACLED "Armed
# clash": organised armed groups fight), not an attack on civilians
_ARMED_VICTIM = re.compile(
    r"\b(?:soldiers?|troops?|servicem[ae]n|army|military|security\s+forces?|security\s+personnel|"
    r"paramilitar(?:y|ies)|militias?|militiam[ae]n|rebels?|insurgents?|militants?|fighters?|guerrillas?)\b",
    re.IGNORECASE,
)
_ASSAULTS = frozenset({"armed_assault", "shooting"})


# who takes a place: state forces ("the army took control") or not ("militants seized control")
_STATE_FORCES = re.compile(r"\b(?:army|armed forces|troops|government|military|soldiers|regime|security forces|"
                           r"government forces|pro-government)\b", re.IGNORECASE)
_NON_STATE = re.compile(r"\b(?:rebels?|militants?|insurgents?|fighters|jihadists?|guerrillas?|Taliban|al-Shabaab|"
                        r"Islamic State|ISIS|ISIL|militia|militiamen|separatists?)\b", re.IGNORECASE)


def refine_type(code: str, perpetrators: Sequence[Perpetrator], targets: Sequence[Target],
                victims: Sequence[Victim], *, before_trigger: str = "") -> str:
    """An armed group's shooting or assault on soldiers, a base or a patrol is an armed clash
    (ACLED Codebook 2023, "Armed clash"; MUC-4 also leaves such attacks on the military out); a
    state's forces taking control of a place regain territory (ACLED "Government regains territory")."""
    if code == "territory_taken":
        clause = re.split(r"[.!?\n]", before_trigger)[-1]  # the trigger's own sentence
        state = [m.start() for m in _STATE_FORCES.finditer(clause)]
        other = [m.start() for m in _NON_STATE.finditer(clause)]
        if state and (not other or min(state) < min(other)):  # the first named actor is the subject
            return "territory_regained"  # "government forces took control of the town"
        return code
    if code not in _ASSAULTS or not any(p.kind == "organization" for p in perpetrators):
        return code
    armed = any(t.kind == "military" for t in targets) or any(_ARMED_VICTIM.search(v.text) for v in victims)
    return "armed_clash" if armed else code
