"""Casualties in a headline: figures as in body text, plus the subjects headlines are made of.

"Teen killed after ...", "Man, 24, shot ...", "Tenisha Mallet, 21, Killed In Austin Shooting", "Third
victim in Metairie shooting dies", "Man shot, woman killed". The claims are the body's
:class:`~eventdesk.extractor.casualties.CasualtyClaim`, with offsets into the title.
"""

from __future__ import annotations

import re

from eventdesk.extractor.casualties import CasualtyClaim, find_casualties

# the people a headline's subject can be: "Teen killed after ...", "Man, 24, shot ...", "Deputy shot ... dies"
_HEADLINE_PEOPLE = (r"man|woman|boy|girl|teen|teenager|child|toddler|baby|person|officer|deputy|student|driver|victim|"
                    r"juvenile|infant|youth|(?:\d{1,2}|[a-z]+)[\s-]year[\s-]old(?:\s+(?:boy|girl|man|woman|child))?")
_HEADLINE_START = r"^(?:[\w'’.:-]+\s+){0,4}?"
# what happened to a headline's subject: a death, then being hit (alternatives tried in this order)
_HEADLINE_DEATH = r"shot(?:,|\s+and)\s+killed|shot\s+dead|shot\s+to\s+death|fatally\s+shot|killed|dies|died|slain|found\s+dead"
_HEADLINE_HIT = r"shot(?:,|\s+and)\s+(?:wounded|injured)|shot|wounded|injured|hurt"
_KIN_HEADS = r"mother|father|son|daughter"
# between the subject and what happened: "Man, 24, is critically ..."
_AGE_AUX = r"(?:,\s*\d+,)?\s+(?:is\s+|was\s+)?"
_HEADLINE = re.compile(
    rf"{_HEADLINE_START}(?:{_HEADLINE_PEOPLE}|{_KIN_HEADS}|trooper|clerk|suspect){_AGE_AUX}"
    r"(?:(?:accidentally|critically|seriously|badly)\s+)?"
    rf"(?P<word>{_HEADLINE_DEATH}|dead|{_HEADLINE_HIT}|hospitali[sz]ed)\b",
    re.IGNORECASE,
)
# "Man shot, woman killed": a second person after the headline's first
_HEADLINE_SECOND = re.compile(
    rf",\s*(?:and\s+)?(?P<who>(?:a\s+|another\s+)?(?:{_HEADLINE_PEOPLE}|{_KIN_HEADS})){_AGE_AUX}"
    rf"(?:(?:critically|seriously|badly)\s+)?(?P<word>{_HEADLINE_DEATH}|dead|{_HEADLINE_HIT})\b",
    re.IGNORECASE,
)
# "Tenisha Mallet, 21, Killed In Austin Shooting": a named person with an age
_HEADLINE_NAMED = re.compile(
    r"^(?-i:[A-Z][a-z'’-]+(?:\s(?:[A-Z]\.\s)?[A-Z][a-zA-Z'’-]+){1,2}),\s*\d{1,2},\s+(?:is\s+|was\s+)?"
    rf"(?P<word>{_HEADLINE_DEATH}|{_HEADLINE_HIT})\b",
    re.IGNORECASE,
)
_HEADLINE_DIES = re.compile(
    rf"{_HEADLINE_START}(?:{_HEADLINE_PEOPLE})(?:,\s*\d+,)?\s+(?:who\s+)?(?:shot|stabbed|wounded|injured|hurt)\b"
    r"[^,;:|]{0,50}?\s+(?:dies|died|has\s+died)\b",
    re.IGNORECASE,
)
# "Third victim in Metairie shooting dies": the toll is the ordinal
_HEADLINE_NTH_DIES = re.compile(
    r"^(?:[\w'’.:-]+\s+){0,3}?(?P<nth>second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th)\s+"
    r"(?:victim|person|man|woman|child|teen|teenager|student|officer)\b[^,;:|]{0,50}?\s+(?:dies|died|has\s+died)\b",
    re.IGNORECASE,
)
_NTH = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6}


def find_headline_casualties(title: str) -> list[CasualtyClaim]:
    """Claims in a headline: figures as in body text, plus "Teen killed after ..."-style subjects."""
    claims = find_casualties(title, [(0, len(title))])
    nth = _HEADLINE_NTH_DIES.search(title)
    if nth and not any(c.category == "killed" and c.best is not None and c.best >= _NTH[nth.group("nth").lower()]
                       for c in claims):  # fmt: skip
        n = _NTH[nth.group("nth").lower()]
        claims.append(CasualtyClaim("killed", n, n, n, "exact", nth.start(), nth.end()))
    dies = _HEADLINE_DIES.search(title)
    if dies and not any(c.category == "killed" for c in claims):
        # "Teen shot in Miami dies, two others wounded": the one who died, besides any figure
        claims.append(CasualtyClaim("killed", 1, 1, 1, "exact", dies.start(), dies.end(), singular=True))
    m = _HEADLINE.search(title) or _HEADLINE_NAMED.search(title)
    if m:
        category = _headline_category(m.group("word"))
        second = _HEADLINE_SECOND.match(title, m.end())
        if second and not re.search(r"\bseparate\b", title, re.IGNORECASE):  # not "... in separate incidents"
            # "Man shot, woman killed": two people, one of them dead; the one only "shot" lived
            other = _headline_category(second.group("word"))
            if {category, other} & {"killed"} and category != other:
                category, other = ("injured" if category == "shot" else category), ("injured" if other == "shot" else other)
            for cat, start, end in ((category, m.start(), m.end()), (other, second.start("who"), second.end())):
                if not any(c.category == cat for c in claims):
                    claims.append(CasualtyClaim(cat, 1, 1, 1, "exact", start, end, singular=True))
        elif not claims or (category == "killed" and not any(c.category == "killed" for c in claims)):
            # "Tenisha Mallet, 21, Killed In Austin Shooting; 3 Others Wounded": the one killed beside the figure
            claims.append(CasualtyClaim(category, 1, 1, 1, "exact", m.start(), m.end(), singular=True))
    return claims


def _headline_category(word: str) -> str:
    word = re.sub(r"[\s,]+", " ", word.lower())
    return "killed" if re.search(r"kill|dead|death|dies|died|slain|fatally", word) else (
        "shot" if word == "shot" else "injured")
