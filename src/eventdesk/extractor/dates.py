"""Dates: expressions in the text resolved against the report's publication date, with precision.

Common news expressions ("on Wednesday", "last night", "Jan. 3", "earlier this month", "in 2020",
"12 NOV 89") are resolved here by rule, which is fast and deterministic; anything else falls back
to ``dateparser`` with ``RELATIVE_BASE`` = publication date. Without a publication date, relative
expressions stay unresolved (``precision: unknown``): nothing is guessed from today's clock.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from eventdesk.extractor.numbers import ADDRESS_AFTER

_MONTHS = {
    m.lower(): i
    for i in range(1, 13)
    for m in (calendar.month_name[i], calendar.month_abbr[i])
} | {"sept": 9}
_WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}
MONTH_RE = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY_RE = r"(?:" + "|".join(_WEEKDAYS) + r")"

# expressions we look for in the text, besides spaCy DATE/TIME entities
DATE_PATTERN = re.compile(
    rf"\b(?:"
    rf"(?:on\s+)?{_WEEKDAY_RE},?\s+{MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|(?:on\s+|last\s+|this\s+|late\s+|early\s+)?{_WEEKDAY_RE}(?:\s+(?:night|morning|afternoon|evening))?"
    rf"|{MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}\s+{MONTH_RE}(?:,?\s+\d{{2,4}})?"
    rf"|(?:early|mid|late)?-?\s*{MONTH_RE}\s+\d{{4}}"
    rf"|(?:in|since|during)\s+(?:19|20)\d\d"
    rf"|(?:earlier\s+|later\s+)?(?:this|last)\s+(?:month|week|year)"
    rf"|(?:over\s+|during\s+)?(?:this|last|the)\s+weekend"
    rf"|(?:yesterday|today|tonight|overnight)"
    rf"|last\s+night|this\s+(?:morning|afternoon|evening)"
    rf"|(?:two|three|four|five|six|\d+)\s+(?:days|weeks|months|years)\s+ago"
    rf")\b",
    re.IGNORECASE,
)


_CLOCK_BEFORE_DAY = (
    r"(?:(?:about|around|approximately|at|shortly\s+(?:before|after)|just\s+(?:before|after)|before|after)\s+)?"
    r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)|noon|midnight)(?:\s+on)?\s+"
)
_TIMEZONE = re.compile(r"\s*\b(?:[ecmp][sd]t|[ecmp]t|gmt|utc|bst|cet|cest)\b\.?$")
_DURATION = re.compile(r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+-)\s*-?\s*"
                       r"(?:second|minute|hour|day|week|month|year)s?(?:-old)?")
_TIME_ONLY = re.compile(
    r"(?:about|around|approximately|at|shortly\s+(?:before|after)|just\s+(?:before|after)|before|after)?\s*"
    r"\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?|o'clock)?|noon|midnight|(?:early|late)\s+(?:morning|evening|night)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    start: str
    end: str
    precision: str  # day | month | year | range


def parse_published(value: str | None) -> dt.date | None:
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    r = _by_dateparser(value.strip(), None)
    return dt.date.fromisoformat(r.start) if r and r.precision == "day" else None


def _day(d: dt.date) -> ResolvedDate:
    return ResolvedDate(d.isoformat(), d.isoformat(), "day")


def _month(year: int, month: int) -> ResolvedDate:
    last = calendar.monthrange(year, month)[1]
    return ResolvedDate(dt.date(year, month, 1).isoformat(), dt.date(year, month, last).isoformat(), "month")


def _year(year: int) -> ResolvedDate:
    return ResolvedDate(f"{year:04d}-01-01", f"{year:04d}-12-31", "year")


def _full_year(y: int) -> int:
    return y + (1900 if y >= 50 else 2000) if y < 100 else y


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def resolve_date(expression: str, published: dt.date | None) -> ResolvedDate | None:
    """Resolve one date expression; ``None`` when it cannot be resolved without guessing."""
    e = re.sub(r"\s+", " ", expression.lower().strip(" ,.")).replace("’", "'")
    the = bool(re.match(r"(?:on )?the \d", e))
    e = re.sub(r"^(?:on|in|since|during|by|from|until|as of|the) ", "", e)
    e = re.sub(r"^the ", "", e)
    e = re.sub(r"'s$", "", e)  # "Saturday's shooting"
    e = re.sub(r"\s+(?:and|or|to|through|until)$", "", e)  # an entity that ran on: "6 p.m. and"
    e = re.sub(rf"^{_WEEKDAY_RE},? (?={MONTH_RE} \d)", "", e)  # "Saturday, Feb. 9, 2013": the date decides
    e = _TIMEZONE.sub("", e).strip(" ,.")
    # "6am Saturday", "about 9:30 p.m. Friday", "midnight Sunday": the clock says nothing about the day
    e = re.sub(rf"^{_CLOCK_BEFORE_DAY}(?=(?:on\s+)?(?:early\s+|late\s+)?{_WEEKDAY_RE}\b)", "", e)
    if _TIME_ONLY.fullmatch(e) or re.fullmatch(r"\d{1,3}", e) or _DURATION.fullmatch(e):
        return None  # "about 3 a.m.", an age read as a date, "20 minutes": no day in it
    if re.fullmatch(r"\d+", e) and not re.fullmatch(r"(?:19|20)\d\d", e):
        return None  # "in front of 1013 Carrie St.": a bare number is a year only in 1900-2099
    if re.fullmatch(r"(?:(?:early|mid|late)[\s-]*)?\d0['’]?s|(?:early|mid|late)[\s-]*\d0", e):
        return None  # "in their early 20s": an age
    if re.search(r"\b(?:seconds?|minutes?|hours?)\b|\b(?:later|after|before|earlier)$", e):
        return None  # "about 20 minutes later", "two days before": relative to something else
    if not the and re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)", e):
        return None  # "22nd" alone is a street ("22nd Avenue"); "on the 22nd" is a day
    e = re.sub(r"^(?:late|early|earlier|later) (?=\w)", lambda m: m.group(0) if "this" in e or "last" in e else "", e)

    # absolute: years and months
    m = re.fullmatch(r"((?:19|20)\d\d)s?", e)
    if m:
        return _year(int(m.group(1)))
    m = re.fullmatch(rf"(?:early |mid-?|late )?({MONTH_RE}),? ((?:19|20)\d\d)", e)
    if m:
        return _month(int(m.group(2)), _MONTHS[m.group(1).rstrip(".")])
    m = re.fullmatch(rf"({MONTH_RE}) (\d{{1,2}})(?:st|nd|rd|th)?(?:,? (\d{{2,4}}))?", e)
    if m:
        return _month_day(m.group(1), m.group(2), m.group(3), published)
    m = re.fullmatch(rf"(\d{{1,2}}) ({MONTH_RE})(?:,? (\d{{2,4}}))?", e)
    if m:
        return _month_day(m.group(2), m.group(1), m.group(3), published)
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", e)
    if m:
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return _day(d) if d else None

    if published is None:
        return None  # everything below is relative to the publication date

    m = re.fullmatch(rf"(?:(last|this|past) )?({_WEEKDAY_RE})(?: (?:night|morning|afternoon|evening))?", e)
    if m:
        back = (published.weekday() - _WEEKDAYS[m.group(2)]) % 7
        if m.group(1) == "last" and back == 0:
            back = 7
        return _day(published - dt.timedelta(days=back))
    if e in ("today", "tonight", "this morning", "this afternoon", "this evening", "earlier today"):
        return _day(published)
    if e == "overnight":  # the night before publication, on either side of midnight
        return ResolvedDate((published - dt.timedelta(days=1)).isoformat(), published.isoformat(), "range")
    if e in ("yesterday", "last night", "yesterday morning", "yesterday afternoon"):
        return _day(published - dt.timedelta(days=1))
    if re.fullmatch(r"(?:earlier |later )?this month", e):
        return _month(published.year, published.month)
    if e == "last month":
        first = published.replace(day=1) - dt.timedelta(days=1)
        return _month(first.year, first.month)
    if re.fullmatch(r"(?:earlier |later )?this year", e):
        return _year(published.year)
    if e == "last year":
        return _year(published.year - 1)
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", e)
    if m:  # "on the 22nd": the latest such day not after publication
        month_start = published.replace(day=1)
        for first in (month_start, (month_start - dt.timedelta(days=1)).replace(day=1)):
            d = _safe_date(first.year, first.month, int(m.group(1)))
            if d and d <= published:
                return _day(d)
        return None
    m = re.fullmatch(r"(?:over |during )?(this|last|the) weekend", e)
    if m:
        # the latest Saturday-Sunday that began before publication ("last weekend": the one before)
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
        if saturday == published and m.group(1) != "this":
            saturday -= dt.timedelta(days=7)
        if m.group(1) == "last" and (published - saturday).days < 2:
            saturday -= dt.timedelta(days=7)
        return ResolvedDate(saturday.isoformat(), min(saturday + dt.timedelta(days=1), published).isoformat(), "range")
    if re.fullmatch(r"(?:earlier |later )?this week", e):
        start = published - dt.timedelta(days=published.weekday())
        return ResolvedDate(start.isoformat(), published.isoformat(), "range")
    if e == "last week":
        start = published - dt.timedelta(days=published.weekday() + 7)
        return ResolvedDate(start.isoformat(), (start + dt.timedelta(days=6)).isoformat(), "range")
    m = re.fullmatch(r"(\w+) (day|week|month|year)s? ago", e)
    if m:
        from eventdesk.extractor.numbers import words_to_int

        n = int(m.group(1)) if m.group(1).isdigit() else words_to_int(m.group(1))
        if n is None:
            return None
        if m.group(2) == "day":
            return _day(published - dt.timedelta(days=n))
        if m.group(2) == "year":
            return _year(published.year - n)
        days = 7 * n if m.group(2) == "week" else 30 * n
        return ResolvedDate(
            (published - dt.timedelta(days=days + 3)).isoformat(),
            (published - dt.timedelta(days=max(days - 3, 0))).isoformat(),
            "range",
        )
    return _by_dateparser(e, published)


def _month_day(month_name: str, day: str, year: str | None, published: dt.date | None) -> ResolvedDate | None:
    """"Jan. 3, 2024" / "3 January": the stated year, else the one inferred from publication."""
    month = _MONTHS[month_name.rstrip(".")]
    if year:
        d = _safe_date(_full_year(int(year)), month, int(day))
        return _day(d) if d else None
    return _infer_year(month, int(day), published)


def _infer_year(month: int, day: int, published: dt.date | None) -> ResolvedDate | None:
    """"Jan. 3" without a year: the latest such date not after publication (+2 days of slack)."""
    if published is None:
        return None
    for year in (published.year, published.year - 1):
        d = _safe_date(year, month, day)
        if d and d <= published + dt.timedelta(days=2):
            return _day(d)
    return None


@functools.lru_cache(maxsize=4096)
def _by_dateparser(expression: str, published: dt.date | None) -> ResolvedDate | None:
    if not re.search(r"\d|" + MONTH_RE, expression, re.IGNORECASE):
        return None  # dateparser guesses wildly on vague words; only try concrete expressions
    import dateparser

    base = dt.datetime.combine(published, dt.time(12)) if published else None
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    else:
        settings["REQUIRE_PARTS"] = ["year"]
    parser = dateparser.date.DateDataParser(languages=["en"], settings=settings)
    data = parser.get_date_data(expression)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    if data.period == "year":
        return _year(d.year)
    if data.period == "month":
        return _month(d.year, d.month)
    if data.period in ("day", "time"):
        return _day(d)
    return None


_DATELINE_DAY = rf"(?:{MONTH_RE}\s+\d{{1,2}},?\s+\d{{4}})|(?:\d{{1,2}}\s+{MONTH_RE}\s+\d{{2,4}})"
# a dateline's date stands in brackets or before the dash: "KABUL, Afghanistan (Jan. 25, 2013)",
# "SAN SALVADOR, 12 NOV 89 --", or ends the header line ("Operational Update June 13, 2011"); "shot around 9:30 p.m. Saturday, Feb. 9, 2013, on Bourbon Street" is the story's
_DATELINE = re.compile(
    rf"^.{{0,160}}?(?:\(\s*(?P<date>{_DATELINE_DAY})\s*\)|\b(?P<dashed>{_DATELINE_DAY})\s*(?:\([^)]{{0,40}}\)\s*)?(?:(?:--|—|–|-)\s|[ \t]*\n))",
    re.IGNORECASE | re.DOTALL,
)


def dateline_date(text: str) -> tuple[ResolvedDate, int, int] | None:
    """The date in a wire dateline ("KABUL, Afghanistan (Jan. 25, 2013)", "SAN SALVADOR, 12 NOV 89 --")."""
    m = _DATELINE.match(text[:200])
    if not m:
        return None
    group = "date" if m.group("date") else "dashed"
    r = resolve_date(m.group(group), None)
    if r is None or r.precision != "day":
        return None
    return r, m.start(group), m.end(group)


def is_house_number(text: str, start: int, end: int) -> bool:
    """A bare number before a street name ("1913 Carrie St.", "2000 block") is an address, not a year."""
    return bool(re.fullmatch(r"\d{2,5}", text[start:end])) and bool(ADDRESS_AFTER.match(text, end))


def find_date_expressions(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of date expressions found by pattern (spaCy DATE entities are merged by the caller)."""
    return [(m.start(), m.end()) for m in DATE_PATTERN.finditer(text, start, len(text) if end is None else end)]
