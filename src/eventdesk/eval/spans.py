"""Argument span matching for WikiEvents, RAMS and Giveme5W1H.

Gold arguments are phrases from the text; ours are the strings of our records. Two criteria:

* **head match**: the head words are equal (case-insensitive). The head of a phrase is approximated
  without a parser as the last word before the first preposition, relative word or comma
  ("members of the group" -> "members", "the Taliban" -> "taliban"); a possessive "'s" is dropped.
* **overlap match**: the phrases share at least one content word (stop words and numbers ignored).

Role classes compare like with like; ``target`` and ``victim`` are interchangeable because KAIROS
and RAMS code people attacked as targets while our records keep them as victims.

| class      | gold roles                         | our fields                     |
|------------|------------------------------------|--------------------------------|
| attacker   | Attacker, Killer, Injurer          | perpetrators[].name            |
| target     | Target                             | targets[].text, victims[].text |
| victim     | Victim                             | victims[].text, targets[].text |
| instrument | Instrument, ExplosiveDevice        | weapons[].text                 |
| place      | Place                              | location.name / admin1 / its evidence text |
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from eventdesk.eval.metrics import PRF, EvalResult
from eventdesk.records import Event

ROLE_CLASSES: dict[str, str] = {
    "attacker": "attacker", "killer": "attacker", "injurer": "attacker",
    "target": "target", "victim": "victim",
    "instrument": "instrument", "explosivedevice": "instrument",
    "place": "place",
}  # fmt: skip
CLASSES: tuple[str, ...] = ("attacker", "target", "victim", "instrument", "place")
# which gold classes an item of each of our classes may match
COMPATIBLE: dict[str, frozenset[str]] = {
    "attacker": frozenset({"attacker"}),
    "target": frozenset({"target", "victim"}),
    "victim": frozenset({"target", "victim"}),
    "instrument": frozenset({"instrument"}),
    "place": frozenset({"place"}),
}
MODES: tuple[str, ...] = ("head", "overlap")

_STOPWORDS = (
    "a an the of in on at to from by for with and or but as into onto over under near after "
    "before during this that these those his her its their our your my he she it they them we you "
    "i who whom which what where when whose is was were be been are has have had not no some any "
    "all several many few one two three other another more most such own same than very s"
)
_HEAD_STOPS = "of in on at from by for with near who which that whose where when , ( -"
STOPWORDS = frozenset(_STOPWORDS.split())
_HEAD_STOP = frozenset(_HEAD_STOPS.split())
_WORD = re.compile(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z]+)?|[,(]")


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def content_words(text: str) -> set[str]:
    return {w for w in words(text) if w not in STOPWORDS and w not in ",(" and not w.isdigit()}


def head_word(text: str) -> str:
    """Approximate syntactic head of a noun phrase (see the module docstring)."""
    toks = words(text)
    cut = next((i for i, w in enumerate(toks) if w in _HEAD_STOP and i > 0), len(toks))
    toks = [w for w in toks[:cut] if w not in ",("]
    if not toks:
        return ""
    head = toks[-1]
    return re.sub(r"['\u2019]s$", "", head)


def phrases_match(gold: str, pred: str, mode: str) -> bool:
    if mode == "head":
        h = head_word(gold)
        return bool(h) and h == head_word(pred)
    if mode == "overlap":
        return bool(content_words(gold) & content_words(pred))
    raise ValueError(f"unknown match mode {mode!r}")


@dataclass
class GoldArg:
    cls: str  # one of CLASSES
    mentions: tuple[str, ...]  # the argument's text plus coreferent mentions, any of which may match


def predicted_args(events: Iterable[Event]) -> dict[str, list[str]]:
    """Our strings per class, over the given events."""
    out: dict[str, list[str]] = {c: [] for c in CLASSES}
    for e in events:
        out["attacker"] += [p.name for p in e.perpetrators if p.status != "denied"]
        out["target"] += [t.text for t in e.targets]
        out["victim"] += [v.text for v in e.victims]
        out["instrument"] += [w.text for w in e.weapons]
        loc = e.location
        out["place"] += [s for s in (loc.name, loc.admin1, *(ev.text for ev in loc.evidence)) if s]
    return {c: list(dict.fromkeys(s for s in v if s and s.strip())) for c, v in out.items()}


@dataclass
class ArgTally:
    """Per mode and class: precision counts over our strings, recall over gold arguments."""

    counts: dict[str, dict[str, PRF]] = field(
        default_factory=lambda: {m: {c: PRF() for c in CLASSES} for m in MODES}
    )

    def add_document(self, gold: Sequence[GoldArg], ours: dict[str, list[str]]) -> None:
        for mode in MODES:
            for g in gold:
                cands = [p for c, strings in ours.items() if g.cls in COMPATIBLE[c] for p in strings]
                prf = self.counts[mode][g.cls]
                prf.r_den += 1
                prf.r_num += any(phrases_match(m, p, mode) for m in g.mentions for p in cands)
            for cls, strings in ours.items():
                golds = [g for g in gold if g.cls in COMPATIBLE[cls]]
                prf = self.counts[mode][cls]
                for p in strings:
                    prf.p_den += 1
                    prf.p_num += any(phrases_match(m, p, mode) for g in golds for m in g.mentions)

    def report(self, result: EvalResult, prefix: str = "args") -> None:
        for mode in MODES:
            total = PRF()
            for cls in CLASSES:
                prf = self.counts[mode][cls]
                total += prf
                if prf.r_den:
                    result.add(f"{prefix}.{mode}.{cls}.recall", prf.recall, prf.r_den)
            result.add_prf(f"{prefix}.{mode}.micro", total)
        result.details[prefix] = {m: {c: p.to_dict() for c, p in d.items()} for m, d in self.counts.items()}


def spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def detection_counts(gold_positive: Sequence[bool], pred_positive: Sequence[bool]) -> PRF:
    tp = sum(g and p for g, p in zip(gold_positive, pred_positive, strict=True))
    return PRF(p_num=tp, p_den=sum(pred_positive), r_num=tp, r_den=sum(gold_positive))


def is_violent(events: Sequence[Event]) -> bool:
    return any(e.type.violent_attack for e in events)


def trigger_hits(triggers: Sequence[tuple[int, int]], events: Sequence[Event]) -> int:
    ours = [(ev.start, ev.end) for e in events for ev in e.type.evidence]
    return sum(any(spans_overlap(t, o) for o in ours) for t in triggers)
