"""Click parameter types shared by the commands, so every command validates a value the same way.

Each type says what is valid when it refuses a value (a usage error, exit status 2):

* :data:`ISO_DATE` - a calendar date written ``YYYY-MM-DD`` and nothing else (``04/05/2024`` is
  April 5 in the US and 4 May elsewhere, so it is refused rather than guessed);
* :data:`TYPE_CODE` - an event type code of ``data/event_types.tsv``, listing them all;
* :data:`COUNTRY_CODE` - an ISO 3166 alpha-2 code the gazetteer knows (``data/geo_countries.tsv``),
  suggesting the code of a country name or alias given instead ("Iran" -> IR, "UK" -> GB);
* :data:`SEARCH_WORDS` - free text with at least one word;
* :data:`LIMIT` - a count of at least 1.

The data files are read on first use, not at import time.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from typing import Any

import click

from eventdesk.resources import read_lines, read_tsv

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_NUMERIC_DAY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")  # 04/05/2024: day or month first?


def _readings(text: str) -> list[str]:
    """The ISO dates a numeric day-month-year or month-day-year date can mean."""
    m = _NUMERIC_DAY.fullmatch(text)
    if not m:
        return []
    a, b, year = (int(g) for g in m.groups())
    out = []
    for month, day in ((a, b), (b, a)):
        try:
            out.append(dt.date(year, month, day).isoformat())
        except ValueError:
            continue
    return list(dict.fromkeys(out))


class IsoDate(click.ParamType):
    """A date as ``YYYY-MM-DD``; the value stays the ISO string."""

    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value).strip()
        readings = _readings(text)
        if readings:
            self.fail(
                f"{value!r} is not YYYY-MM-DD; write {' or '.join(readings)} (day and month order "
                "differs between countries, so it is not guessed)",
                param,
                ctx,
            )
        if not _ISO_DAY.fullmatch(text):
            self.fail(f"{value!r} is not a date written YYYY-MM-DD (ISO 8601, e.g. 2024-01-03)", param, ctx)
        try:
            dt.date.fromisoformat(text)
        except ValueError as exc:
            self.fail(f"{value!r} is not a calendar date ({exc}); write YYYY-MM-DD, e.g. 2024-01-03", param, ctx)
        return text


@functools.lru_cache(maxsize=1)
def type_codes() -> tuple[str, ...]:
    """The event type codes, in the order of ``data/event_types.tsv``."""
    return tuple(row["code"] for row in read_tsv("event_types.tsv"))


class TypeCode(click.ParamType):
    """An event type code (``bombing``, ``armed_clash``, ...), case-insensitive."""

    name = "CODE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        code = re.sub(r"[\s-]+", "_", str(value).strip().lower())
        codes = type_codes()
        if code in codes:
            return code
        close = difflib.get_close_matches(code, codes, n=3, cutoff=0.6)
        hint = f"; did you mean {' or '.join(close)}?" if close else ""
        self.fail(f"{value!r} is not an event type code{hint} Valid codes: {', '.join(codes)}", param, ctx)


def _cells(line: str, n: int) -> list[str]:
    """The first ``n`` tab-separated cells of a data line (trailing empty cells restored)."""
    return [*line.split("\t"), *([""] * n)][:n]


def _country_row(line: str) -> tuple[str, str, list[str]]:
    cc, name, keys = _cells(line, 3)
    return cc, name, [k for k in keys.split("|") if k]


@functools.lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO 3166 alpha-2 code -> display name, for every country in the gazetteer."""
    return {cc: name for cc, name, _ in map(_country_row, read_lines("geo_countries.tsv"))}


@functools.lru_cache(maxsize=1)
def _country_keys() -> dict[str, str]:
    """Normalised country name, alternate name or alias -> its code."""
    from eventdesk.geo.normalize import normalize_key

    out: dict[str, str] = {}
    for cc, name, keys in map(_country_row, read_lines("geo_countries.tsv")):
        for key in (name, *keys):
            out.setdefault(normalize_key(key), cc)
    for row in read_lines("geo_aliases.tsv"):
        alias, kind, cc = _cells(row, 3)
        if kind == "country":
            out.setdefault(normalize_key(alias), cc)
    return out


def suggest_countries(value: str) -> list[str]:
    """Codes a mistyped country may have meant: the code of a name or alias, else close spellings."""
    from eventdesk.geo.normalize import normalize_key

    keys = _country_keys()
    key = normalize_key(value)
    if key in keys:
        return [keys[key]]
    codes = {cc.lower(): cc for cc in country_names()}
    close = difflib.get_close_matches(key, [*keys, *codes], n=3, cutoff=0.75)
    return list(dict.fromkeys(keys.get(k) or codes[k] for k in close))


class CountryCode(click.ParamType):
    """An ISO 3166 alpha-2 code the gazetteer knows, case-insensitive; the value is upper-case."""

    name = "CC"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        code = str(value).strip().upper()
        names = country_names()
        if code in names:
            return code
        close = [f"{cc} ({names[cc]})" for cc in suggest_countries(str(value))]
        hint = f"; did you mean {' or '.join(close)}?" if close else " (e.g. IR for Iran, NG for Nigeria)."
        self.fail(f"{value!r} is not an ISO 3166 alpha-2 country code known to the gazetteer{hint}", param, ctx)


class SearchWords(click.ParamType):
    """Free text of at least one word; each word is matched on its own, literally."""

    name = "WORDS"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = " ".join(str(value).split())
        if not text:
            self.fail("give at least one word to search for", param, ctx)
        return text


ISO_DATE = IsoDate()
TYPE_CODE = TypeCode()
COUNTRY_CODE = CountryCode()
SEARCH_WORDS = SearchWords()
LIMIT = click.IntRange(min=1)
