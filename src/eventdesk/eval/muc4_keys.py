"""Reading MUC-4 answer-key notation (``guidelines/scoring-guidelines.v7``, ``template-doc-part1.v7``).

* ``-``   the slot is applicable but empty (no filler, e.g. no date could be determined);
* ``*``   the slot is not applicable (e.g. every slot of an irrelevant document's ``*`` template);
* ``/``   separates alternative fillers, any one of which is correct: ``"GUERRILLAS" / "URBAN
  GUERRILLAS"``; a ``/`` inside parentheses or quotes belongs to one filler (``(CITY / COUNTY)``);
  parentheses group an alternative: ``(08 MAR 90) / (07 MAR 90 - 08 MAR 90)``;
* ``?``   prefix: the annotators were uncertain about the filler (it still counts as a filler);
* ``TYPE: "FILLER"``  cross-reference from a set fill to the string filler it describes.

Dates come as ``DD MMM YY`` (on that day), ``DD MMM YY - DD MMM YY`` (on or between) and
``- DD MMM YY`` (on or before).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

EMPTY = "-"
NOT_APPLICABLE = "*"
_MONTHS = {m: i + 1 for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}  # noqa: SIM905
_DATE = re.compile(r"(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{2})\b")


def split_alternatives(value: str) -> list[str]:
    """Top-level ``/`` alternatives, with wrapping parentheses removed (recursively)."""
    parts: list[str] = []
    depth, quoted, start = 0, False, 0
    for i, ch in enumerate(value):
        if ch == '"' and (i == 0 or value[i - 1] != "\\"):
            quoted = not quoted
        elif not quoted and ch == "(":
            depth += 1
        elif not quoted and ch == ")":
            depth = max(0, depth - 1)
        elif not quoted and depth == 0 and ch == "/":
            parts.append(value[start:i])
            start = i + 1
    parts.append(value[start:])
    out: list[str] = []
    for part in (p.strip() for p in parts):
        if not part:
            continue
        inner = _unwrap(part)
        if inner != part:
            out.extend(split_alternatives(inner))
        else:
            out.append(part)
    return out


def _unwrap(part: str) -> str:
    """``(X)`` -> ``X`` when the opening parenthesis closes at the very end."""
    if not (part.startswith("(") and part.endswith(")")):
        return part
    depth = 0
    for i, ch in enumerate(part):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and i < len(part) - 1:
            return part
    return part[1:-1].strip()


@dataclass(frozen=True, slots=True)
class Filler:
    text: str
    uncertain: bool = False


def parse_fillers(value: str) -> list[Filler]:
    """Alternative string fillers of one key line: quotes and ``?`` removed; ``-`` and ``*`` give []."""
    value = value.strip()
    if value in (EMPTY, NOT_APPLICABLE, ""):
        return []
    fillers = []
    for alt in split_alternatives(value):
        uncertain = alt.startswith("?")
        alt = alt.lstrip("?").strip()
        if alt.startswith('"') and alt.endswith('"') and len(alt) >= 2:
            alt = alt[1:-1].replace('\\"', '"')
        if alt and alt not in (EMPTY, NOT_APPLICABLE):
            fillers.append(Filler(alt, uncertain))
    return fillers


@dataclass(frozen=True, slots=True)
class DateSpan:
    """``start`` None means "on or before ``end``"."""

    start: dt.date | None
    end: dt.date


def _date(day: str, month: str, year: str) -> dt.date | None:
    """``'4', 'FEB', '90'`` -> 1990-02-04; month names may be spelt out (``SEPT``, ``April``)."""
    month_no = _MONTHS.get(month[:3].upper())
    if month_no is None:
        return None
    yy = int(year)
    try:
        return dt.date(1900 + yy if yy >= 50 else 2000 + yy, month_no, int(day))
    except ValueError:
        return None


def parse_date(value: str) -> list[DateSpan]:
    """Alternatives of an ``INCIDENT: DATE`` value; [] for ``-``/``*`` or anything unreadable."""
    spans = []
    for alt in split_alternatives(value.strip()):
        alt = alt.lstrip("?").strip()
        found = [_date(*m.groups()) for m in _DATE.finditer(alt)]
        dates = [d for d in found if d is not None]
        if not dates or len(dates) != len(found):
            continue
        if alt.startswith("-") and len(dates) == 1:
            spans.append(DateSpan(None, dates[0]))
        elif len(dates) == 1:
            spans.append(DateSpan(dates[0], dates[0]))
        elif len(dates) == 2:
            spans.append(DateSpan(dates[0], dates[1]))
    return spans


def date_matches(day: dt.date, spans: list[DateSpan], *, before_window_days: int = 60) -> bool:
    """True when ``day`` satisfies any alternative. "On or before D" accepts D and the
    ``before_window_days`` before it (MUC-4 only keeps incidents within two months of the article)."""
    for span in spans:
        start = span.start or span.end - dt.timedelta(days=before_window_days)
        if start <= day <= span.end:
            return True
    return False


def parse_countries(location: str) -> set[str]:
    """Countries named by an ``INCIDENT: LOCATION`` value: the part before the first ``:`` of each
    alternative, e.g. ``(EL SALVADOR: SAN SALVADOR (CITY)) / (COLOMBIA)`` -> {EL SALVADOR, COLOMBIA}."""
    countries = set()
    for alt in split_alternatives(location.strip()):
        alt = alt.lstrip("?").strip()
        if alt in (EMPTY, NOT_APPLICABLE, ""):
            continue
        head = re.sub(r"\s*\(.*", "", alt.split(":", 1)[0]).strip()
        if head:
            countries.add(head)
    return countries


def dateline_date(text: str) -> str | None:
    """Publication date from a MUC dateline, ``'   SAN SALVADOR, 4 JAN 90 (DPA) -- ...'`` -> 1990-01-04."""
    head = text[:200].split(" -- ", 1)[0]
    m = re.search(r",\s*(\d{1,2})\s+([A-Z]{3,9})\.?\s+(\d{2})\b", head)
    if m:
        d = _date(*m.groups())
    else:
        m = re.search(r",\s*([A-Z]{3,9})\.?\s+(\d{1,2})\s+(\d{2})\b", head)  # "JUNE 11 89"
        d = _date(m.group(2), m.group(1), m.group(3)) if m else None
    return d.isoformat() if d else None
