"""Enumerations of people, summed: "killed his wife, two young children and his mother-in-law" is 4 dead,
"a 59-year-old man, a 49-year-old woman and a 53-year-old man suffered gunshot wounds" 3 hit.

Used by :mod:`eventdesk.extractor.casualties`, which turns each total into a casualty claim.
"""

from __future__ import annotations

import re

from eventdesk.extractor.numbers import words_to_int

# (not an age: "ten year old boy and two adults", nor a list number before one: "9 7-year-old girl")
_ENUM_COUNT = (r"(?:\d{1,3}(?!\s+\d{1,2}-(?:year|month)-old)|one|two|three|four|five|six|seven|eight|nine|ten|a|an|his|"
               r"her|their)(?![\s-]+(?:years?|months?)[\s-]+old)")
_ENUM_PEOPLE = r"(?:mother-in-law|grandchildren|father-in-law|grandfather|grandmother|grandchild|neighbours|daughters|neighbors|neighbour|teenagers|relatives|toddlers|children|neighbor|officers|teenager|students|brothers|daughter|deputies|relative|infants|parents|sisters|officer|toddler|husband|friends|victims|brother|persons|student|adults|babies|sister|people|infant|deputy|mother|victim|friend|parent|father|girls|child|women|woman|adult|teens|baby|sons|kids|boys|teen|girl|wife|kid|man|son|boy|men)"  # longest first
_ENUM_ITEM = rf"{_ENUM_COUNT}\s+(?:(?!of\b)[\w'’-]+\s+){{0,2}}?{_ENUM_PEOPLE}\b(?:,\s*\d{{1,2}},)?"
# "his wife, two young children and his mother-in-law", "an infant and two women", "3 adults, 1 child"
_ENUMERATION = re.compile(
    rf"(?P<items>\b{_ENUM_ITEM}(?:(?:\s*,\s*|,?\s+and\s+){_ENUM_ITEM})+)"
    r"(?P<tail>\s+(?:were|was|are|have\s+been|had\s+been)?\s*(?:all\s+)?(?:found\s+)?"
    r"(?:killed|dead|died|slain|shot\s+(?:to\s+death|dead)|fatally\s+shot|murdered))?",
    re.IGNORECASE,
)
_ENUM_VERB_BEFORE = re.compile(
    r"\b(?:killed|killing|kills|shot\s+and\s+killed|shooting\s+and\s+killing|fatally\s+shot|"
    r"fatally\s+shooting|murdered|murdering|slaying\s+of|killing\s+of|deaths\s+of)\s+$",
    re.IGNORECASE,
)


def enumerated_dead(sent: str) -> list[tuple[int, int, int]]:
    """The dead of an enumeration, summed: "killed his wife, two young children and his mother-in-law" (4),
    "An infant and two women died" (3): ``(start, end, total)`` within ``sent``. Counted only when every
    item is a number, an article or a possessive before a word for people."""
    out = []
    for m in _ENUMERATION.finditer(sent):
        if not (m.group("tail") or _ENUM_VERB_BEFORE.search(sent[: m.start()])):
            continue
        if (not m.group("tail") and re.search(r",\s*and\s+\S+\s+\S+$", m.group("items"))
                and re.match(r"\s+(?:was|were|is|are|suffered)\b", sent[m.end() :], re.IGNORECASE)):
            continue  # "killed his wife, and her sister was wounded": the last item opens a new clause
        total = _total(m.group("items"), _DEAD_ITEM)
        if total is not None and total >= 2:
            end = m.end("tail") if m.group("tail") else m.end("items")
            out.append((m.start(), end, total))
    return out


_DEAD_ITEM = re.compile(rf"\b(?P<n>{_ENUM_COUNT})\s+(?:(?!of\b)[\w'’-]+\s+){{0,2}}?{_ENUM_PEOPLE}\b", re.IGNORECASE)
# an item of people hit may be an age alone: "49-year-old woman"
_HURT_COUNTED = re.compile(rf"(?:\b(?P<n>{_ENUM_COUNT})\s+|(?=\d{{1,2}}-year-old\s))(?:(?!of\b)[\w'’-]+\s+){{0,2}}?"
                           rf"{_ENUM_PEOPLE}\b", re.IGNORECASE)
_INNER = re.compile(r"\s*(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)(?![\w-])(?!\s+(?:years?|months?)\b)",
                    re.IGNORECASE)


def _total(items: str, item: re.Pattern[str]) -> int | None:
    """The people of an enumeration's items, summed ("his wife, two young children" is 3); ``None`` when
    an item's count is no number. The unborn are not counted (GVA and GTD count the born)."""
    total = 0
    for it in item.finditer(items):
        if re.search(r"\bunborn\b", it.group(0), re.IGNORECASE):
            continue
        count = it.group("n") or ""
        word = (count or "a").lower()
        inner = _INNER.match(it.group(0)[len(count) :])
        if word in ("a", "an", "his", "her", "their"):
            word = inner.group(1).lower() if inner else "1"  # "their four children"
        value = int(word) if word.isdigit() else words_to_int(word)
        if value is None:
            return None
        total += value
    return total


# an item after the first may drop its article before an age: "a 59-year-old man, 49-year-old woman and ..."
_HURT_ITEM = rf"(?:{_ENUM_COUNT}\s+|(?=\d{{1,2}}-year-old\s))(?:(?!of\b)[\w'’-]+\s+){{0,2}}?{_ENUM_PEOPLE}\b(?:,\s*\d{{1,2}},)?"
_HURT = re.compile(
    rf"(?P<items>\b{_ENUM_COUNT}\s+(?:(?!of\b|an?\b|the\b)[\w'’-]+\s+){{0,2}}?{_ENUM_PEOPLE}\b(?:,\s*\d{{1,2}},)?"
    rf"(?:(?:\s*,\s*|,?\s+and\s+){_HURT_ITEM})+)"
    r"\s+(?:were\s+|was\s+|have\s+been\s+|had\s+been\s+)?(?:all\s+|both\s+|also\s+)?"
    r"(?P<word>wounded|injured|hurt|shot(?!\s+(?:to\s+death|dead|and\s+killed))|"
    r"suffered\s+(?:[\w-]+\s+){0,3}?(?:wounds?|injuries))\b",
    re.IGNORECASE,
)


def enumerated_hurt(sent: str) -> list[tuple[int, int, int, str]]:
    """People hit, enumerated and summed: ``(start, end, total, category)`` within ``sent``, the
    category ``shot`` when only the shooting is told ("were shot", "suffered gunshot wounds": the dead
    may be among them), else ``injured``."""
    out = []
    for m in _HURT.finditer(sent):
        if re.search(r"\bwas\s", m.group(0)[len(m.group("items")) :], re.IGNORECASE) or re.fullmatch(
                r"[^,]+,\s*and\s.+", m.group("items")):
            continue  # "He killed his wife, and a neighbour was wounded": a new clause, not a list
        total = _total(m.group("items"), _HURT_COUNTED)
        if total is not None and total >= 2:
            told = m.group("word").lower()
            category = "shot" if told == "shot" or "gunshot" in told else "injured"
            out.append((m.start(), m.end(), total, category))
    return out
