"""The crosswalk tables the coded exports read (data files, loaded once, on first use).

* ``data/event_types.tsv``: an eventdesk type code -> GTD attack type, ACLED sub-event type, PLOVER
  category (the extractor's own table; an incident record keeps only the code for PLOVER);
* ``data/gtd_codes.tsv``: GTD attack, weapon and target type codes and texts, and which eventdesk
  value each takes;
* ``data/acled_event_types.tsv``: an ACLED sub-event type -> its event type and disorder type;
* ``data/plover_modes.tsv``: an eventdesk type code -> PLOVER mode and context.

Each file's header names the codebook section it comes from; ``docs/exports.md`` explains them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from eventdesk.resources import read_tsv


@dataclass(frozen=True, slots=True)
class Code:
    code: int
    text: str


@functools.lru_cache(maxsize=1)
def _event_types() -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in read_tsv("event_types.tsv")}


def type_crosswalk(type_code: str | None, scheme: str) -> str | None:
    """The ``scheme`` column (``gtd_attack_type``, ``acled_sub_event_type``, ``plover``) of a type code."""
    row = _event_types().get(type_code or "")
    return (row.get(scheme) or None) if row else None


@functools.lru_cache(maxsize=1)
def _gtd() -> dict[str, tuple[dict[str, Code], dict[int, Code]]]:
    by_value: dict[str, dict[str, Code]] = {}
    by_code: dict[str, dict[int, Code]] = {}
    for row in read_tsv("gtd_codes.tsv"):
        code = Code(int(row["code"]), row["text"])
        by_code.setdefault(row["field"], {})[code.code] = code
        for value in filter(None, (v.strip() for v in (row["eventdesk"] or "").split(","))):
            by_value.setdefault(row["field"], {})[value] = code
    return {f: (by_value.get(f, {}), by_code[f]) for f in by_code}


def gtd_code(field: str, value: str | None) -> Code | None:
    """The GTD code of an eventdesk value in ``field`` (attacktype, weaptype, targtype), if any."""
    return _gtd()[field][0].get(value or "")


def gtd_code_by_number(field: str, number: int) -> Code:
    return _gtd()[field][1][number]


def gtd_codes(field: str) -> dict[int, str]:
    """Every code of a GTD field with its text (for checks and docs)."""
    return {c.code: c.text for c in _gtd()[field][1].values()}


@functools.lru_cache(maxsize=1)
def _acled() -> dict[str, tuple[str, str]]:
    return {row["sub_event_type"]: (row["event_type"], row["disorder_type"]) for row in read_tsv("acled_event_types.tsv")}


def acled_types(sub_event_type: str | None) -> tuple[str, str] | None:
    """(event_type, disorder_type) of an ACLED sub-event type."""
    return _acled().get(sub_event_type or "")


@functools.lru_cache(maxsize=1)
def _plover() -> dict[str, tuple[str, str]]:
    return {row["code"]: (row["mode"], row["context"]) for row in read_tsv("plover_modes.tsv")}


def plover_mode(type_code: str | None) -> tuple[str | None, list[str]]:
    """(mode, contexts) of an eventdesk type code."""
    mode, context = _plover().get(type_code or "", ("", ""))
    return mode or None, [c for c in context.split(",") if c]
