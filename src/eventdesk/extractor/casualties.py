"""Casualty figures: "at least 103 killed", "killing 12", "the death toll rose to 95", "a man was shot".

Claims are found per sentence with patterns over the text (case-insensitive, so ALL-CAPS wires work);
:func:`combine_claims` turns the claims of one event into its ``killed`` and ``injured`` counts.
Word lists are data (``data/casualty_words.tsv``); toll phrases are read by ``tolls.py``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from eventdesk.extractor.enumerations import enumerated_dead, enumerated_hurt
from eventdesk.extractor.numbers import ADDRESS_AFTER, NumberMention, find_numbers, words_to_int
from eventdesk.extractor.tolls import find_toll
from eventdesk.nlp.truecase import is_title_case
from eventdesk.records import Count, Evidence
from eventdesk.resources import read_tsv


@dataclass(frozen=True, slots=True)
class CasualtyClaim:
    category: str  # killed | injured | shot (shot: hit, outcome not stated; counts as injured)
    low: int | None
    best: int | None
    high: int | None
    qualifier: str
    start: int  # evidence span: the number through the casualty word
    end: int
    perpetrators: int = 0  # perpetrators counted in the figure ("including the gunman")
    singular: bool = False  # from "a man was shot"-style mentions rather than a figure
    ordinal: int = 0  # "a second man was wounded" -> 2
    person: str = ""  # a singular mention's indefinite subject ("a 7-year-old girl"), lower case
    sentence: int = -1  # where a singular mention's sentence starts
    objects: bool = False  # the objects of a verb ("killed his two sons"): victims only, never the shooter
    taken: bool = False  # a figure of people taken to a hospital ("four were taken to ..."): the dead may be among them


@functools.lru_cache(maxsize=1)
def _words() -> dict[str, tuple[str, frozenset[str]]]:
    """phrase -> (category, voices); voice is passive | intransitive | nominal | active."""
    out: dict[str, tuple[str, set[str]]] = {}
    for r in read_tsv("casualty_words.tsv"):
        out.setdefault(r["phrase"], (r["category"], set()))[1].add(r["voice"])
    return {p: (c, frozenset(v)) for p, (c, v) in out.items()}


GAP = " … "  # in a phrase: up to three words ("suffered … wounds": "suffered minor gunshot wounds")


def _phrase_regex(phrase: str) -> str:
    return r"\s+(?:[\w'’-]+\s+){0,3}?".join(
        re.escape(part).replace(r"\ ", r"\s+") for part in phrase.split(GAP)
    )


def _alternation(voices: set[str]) -> str:
    phrases = [p for p, (_, v) in _words().items() if v & voices]
    return "|".join(_phrase_regex(p) for p in sorted(phrases, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _gap_phrases() -> tuple[tuple[re.Pattern[str], tuple[str, frozenset[str]]], ...]:
    # the longest first: "suffered a fatal gunshot wound" is a death before it is a wound
    return tuple((re.compile(_phrase_regex(p), re.IGNORECASE), row)
                 for p, row in sorted(_words().items(), key=lambda r: -len(r[0])) if GAP in p)


@functools.lru_cache(maxsize=4096)
def _entry(word: str) -> tuple[str, frozenset[str]] | None:
    """(category, voices) of a matched casualty phrase."""
    row = _words().get(re.sub(r"\s+", " ", word.lower()))
    return row or next((r for pattern, r in _gap_phrases() if pattern.fullmatch(word)), None)


_AUX = r"(?:were|was|have\s+been|has\s+been|had\s+been|are|is|be|being|been|got|get|remain|remains|remained|lay|left|has|have|had)"
_GAP_BLOCK = re.compile(
    r"\b(?:said|says|after|when|while|before|because|since|who|which|that|where|by|with|from|"
    r"killing|wounding|injuring|killed|wounded|injured|shot|police|year|years|months|days|hours|"
    r"minutes|miles|km|kilometers|kilometres|percent|times|rounds|bullets|shots|cars|houses|homes|"
    r"nobody|no|not|none|miracle|reports?|calls?|he|she|he's|she's|they|it|its|"
    r"buildings|vehicles|blocks|feet|yards|weeks|ago|old|age|aged|news|image|photo|video|cpr|to\s+(?:the|a|an)\s+(?:\w+\s+)?hospital)\b"
)
_THEN_DIED = re.compile(r"\band\s+(?:later\s+|then\s+)?(?:died|succumbed|was\s+pronounced\s+dead)\b", re.IGNORECASE)
# "was shot in the head and was pronounced dead": the same person, later in the clause
_THEN_DIED_LATER = re.compile(r"^[^.;]{0,80}?" + _THEN_DIED.pattern, re.IGNORECASE)
_SUBSET_DIED = re.compile(
    r",?\s+including\s+(?:a|an|one)\s+[^,.;()]{1,40}?\s+(?P<who>who\s+(?:later\s+)?(?:died|succumbed))\b",
    re.IGNORECASE,
)
_NEW_CLAUSE = re.compile(r",\s+and\s")  # "located four victims, and Flores and Ramirez died": not four dead
_PERP = re.compile(
    r"\bincluding\s+(?:the|a|an|one|two|three|both)?\s*(?:suspected\s+)?(?:gunm[ae]n|shooters?|"
    r"attackers?|assailants?|suspects?|bombers?|perpetrators?|killers?|militants?|terrorists?)\b"
)
_AGGREGATE = re.compile(
    r"\b(?:this year|so far|since (?:january|the start|the beginning|\d{4})|in total|last year|"
    r"per year|a year(?!\s+(?:earlier|ago|before|later|after|old|and))|each year|every year|annually|to date|over the past|in the past|past year|"
    r"statistics|stats|homicides? (?:this|last)|holiday weekend|across the city|gun violence|"
    r"in (?:\w+ ){0,2}(?:separate )?(?:shootings|attacks|incidents)|between (?:\w+ )?(?:19|20)\d\d and|crashes|"
    r"(?:series|string|spate|rash)\s+of\s+(?:[\w-]+\s+){0,2}(?:shootings|attacks)|violent\s+(?:night|weekend)|over\s+(?:the\s+)?(?:\w+\s+)?(?:days|weeks|months)|"
    r"\w+[\s-]hour\s+(?:span|period|stretch)|in\s+(?:\d+|two|three|four|five|six|eight|ten|twelve)\s+hours)\b"
)
_NUMBER_WORD = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|dozens?|hundreds?)\b",
    re.IGNORECASE,
)
# "a double homicide", "triple shooting": a count written as a multiple
_MULTIPLE = re.compile(
    r"\b(?P<n>double|triple|quadruple|quintuple)[\s-]+(?P<what>murders?|homicides?|killings?|slayings?|shootings?)\b",
    re.IGNORECASE,
)
_MULTIPLES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
# "eight months after an innocent bystander was killed": an earlier incident recalled
_LONG_AFTER = re.compile(r"\b(?:months|years)\s+(?:after|before|since)\b[^.;]*$", re.IGNORECASE)
# "two children and their father were found dead": one more than the figure
# family and friends, as a report names someone through another person ("her mother", "his friend")
_KIN = r"father|mother|son|daughter|wife|husband|brother|sister|grandmother|grandfather|uncle|aunt|cousin|friend"
_PEOPLE = (r"man|woman|boy|girl|child|teen|teenager|mom|dad|boyfriend|girlfriend|fiancee?|roommate|neighbou?r|victim|"
           r"stepfather|stepmother|grandson|granddaughter|nephew|niece")
# a first and last name, with a middle initial or a McX surname: "Jacinta Walker", "Bobby J. McCullough"
_FULL_NAME_RE = r"(?-i:[A-Z][a-z'’]+(?:\s[A-Z]\.)?\s[A-Z][a-z'’]+(?:[A-Z][a-z]+)?)"
_AND_ONE_MORE = re.compile(
    rf"\band\s+(?:(?:his|her|their|a|an|the)\s+(?!unborn\b)(?:[\w-]+\s+)?|\d{{1,2}}-year-old\s+)"
    rf"(?:{_KIN}|man|woman|boy|girl|child|teen|teenager)\b",
    re.IGNORECASE,
)
_ACTIVE_SINGLE = re.compile(
    r"\b(?P<verb>fatally\s+shot|fatally\s+shooting|fatally\s+shoots|shot\s+and\s+killed|killed|killing|shot|shoots|shooting|"
    r"wounded|wounding|stabbed|stabbing|kills)\s+(?:(?:his|her|their|a|an|the|(?-i:[a-z]+\s)?[\w-]+['’]s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:daughter|son|wife|husband|girlfriend|boyfriend|mother|father|brother|sister|friend|cousin|neighbor|"
    r"neighbour|man|woman|boy|girl|child|teen|teenager|toddler|baby|officer|deputy|clerk|roommate|uncle|aunt|"
    r"nephew|niece|grandmother|grandfather|grandson|granddaughter|stepfather|stepson|stepdaughter|fiancee?|"
    r"insurgent|militant|fighter|individual|commander|leader|attacker|gunman|assailant|suspect|soldier|other)(?!s)|"
    r"\d{1,2}-year-old\s+(?-i:[A-Z][a-z]+\s[A-Z][a-z]+)|"
    r"himself|herself|self(?![\w-])|him|her(?!\s+(?:own\s+)?[\w-]+s\b))\b",
    re.IGNORECASE,
)
# "opened fire, killing Carlton Lewis", "shooting and killing Chaz Fain, 18": a named person killed
_KILLED_NAMED = re.compile(
    r"\b(?:fatally\s+shot|fatally\s+shooting|mortally\s+wounding|shot\s+and\s+killed|shooting\s+and\s+killing|killed|"
    r"killing)\s+"
    r"(?P<name>(?-i:[A-Z][a-z'’]+(?:[A-Z][a-z]+)?(?:\s[A-Z]\.)?(?:\s[A-Z][a-z'’]+(?:[A-Z][a-z]+)?)?))\b",
    re.IGNORECASE,
)
_CALENDAR = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                       "february", "march", "april", "may", "june", "july", "august", "september", "october",
                       "november", "december", "in", "at", "on", "by", "near", "during", "after", "before"})
# one death named as a noun: "the shooting death of Juan Perez", "the fatal shooting of a 7-year-old"
# "in the 5-year-old's shooting death", "Perez's killing": one death, named by its victim
_POSSESSIVE_DEATH = re.compile(
    r"(?:\b\d{1,2}-year-old['’]s\s+(?:fatal\s+shooting|shooting\s+death|killing|slaying|murder)"
    r"|\b(?-i:[A-Z][a-z]+)['’]s\s+(?:fatal\s+shooting|shooting\s+death|killing|slaying))\b(?!\s+rates?\b)",
    re.IGNORECASE,
)
_NOMINAL_SINGLE = re.compile(
    r"\b(?:(?:fatal|deadly)\s+shooting|(?:shooting\s+)?death|killing|slaying|murder)\s+of"
    r"(?=\s+(?:a|an|his|her|their|\d{1,2}-year-old|(?-i:[A-Z][a-z]+))\b)",
    re.IGNORECASE,
)
# what follows a number that is not a count of people
_NOT_PEOPLE = re.compile(
    r"\s*(?:-|\s)?(?:times?|rounds|shots|bullets|casings|shells|years?|days?|hours?|minutes?|miles|feet|yards|"
    r"blocks|caliber|calibre|mm|percent|%|cars?|vehicles?|houses?|homes?|buildings?|windows?|doors?)\b",
    re.IGNORECASE,
)
_NOT_COUNT_BEFORE = re.compile(
    r"\b(?:(?:mother|father|parent|grandmother|grandfather|mom|dad)\s+of|single[\s-]+shot|hwy|highway|route|"
    r"interstate|i-|no\.|number|apartment|apt\.?|suite|room|unit|channel|ch\.|page|exit|image|photo|slide|"
    r"(?:image|photo|slide|page)\s+\d+\s+of|"
    r"(?:younger|older)\s+than|under\s+the\s+age\s+of|"  # "a boy younger than 12 was shot": an age
    r"\bages?\s+(?:\d{1,2}\s*(?:,|and|&)\s*)*|"  # "two children - ages 6 and 11 - were taken"
    r"(?<![\w-])an?)\s*$",  # "a 50 shot" (a drum of 50 rounds), "a .22": a thing, not people
    re.IGNORECASE
)
_NOT_A_FIGURE = re.compile(r"(?:['’][sS]\b|[sS]\b|\s+(?:A|An|The)\s|\s+block\b|(?i:[\s-]*(?:years?|months?)[\s-]+old\b))")
_DIED_AFTER = re.compile(r"\b(?:dead|died|dies|death|succumbed|killed)\b", re.IGNORECASE)
# "Donald Jocelin, 25 and Tobiasz Cudnik, 32 were all transported": an age after a name, not a figure
_AGE_AFTER_NAME = re.compile(r"(?<![\w.])(?!(?:In|On|At|By|For|Of|And|But|The|In|After|Before)\b)[A-Z][a-z]+\s+(?!(?:Dead|Killed|Wounded|Injured|Hurt|Shot|Others|People)\b)[A-Z][a-z'’-]+,\s*$")
_INCLUDING = re.compile(r"(?:--|—|–|,|\()\s*including\s[^,()—–]*?(?:--|—|–|,|\))", re.IGNORECASE)
_SUBSET_BEFORE = re.compile(r"\bincluding\s+(?:at\s+least\s+)?$", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:no|not|never|nor)\s+(?:a\s+single\s+)?$", re.IGNORECASE)
_ORDINAL = {"another": -1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9, "tenth": 10}


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    passive = _alternation({"passive"})
    intrans = _alternation({"intransitive"})
    nominal = _alternation({"nominal"})
    active = _alternation({"active"})
    figure = _alternation({"figure"})
    # NUM [up to 6 modifier words] [AUX] [ADV] PASSIVE | NUM ... INTRANSITIVE | NUM ... NOMINAL
    head = (r"^\s*(?P<gap>(?:[\w'’.-]+,?\s+){0,6}?)(?:(?P<aux>" + _AUX + r")\s+(?:(?!(?:fatally|mortally)\b)\w+ly\s+)?"
            r"(?:(?!(?:fatally|mortally)\b|not\b|never\b)\w+\s+)?)?")
    forward = re.compile(rf"{head}(?P<word>{passive}|{intrans}|{nominal}|{figure})(?![\w-])", re.IGNORECASE)
    # without the figure words, for "two gunshot victims were pronounced dead"
    plain = re.compile(rf"{head}(?P<word>{passive}|{intrans})(?![\w-])", re.IGNORECASE)
    backward = re.compile(rf"(?:^|[\s,(])(?P<word>{active})\s+(?:(?:about|some|his|her|their)\s+)?$", re.IGNORECASE)
    singular = re.compile(
        rf"\b(?P<subj>(?-i:[A-Z][a-z]+(?:\s[A-Z]\.)?(?:\s[A-Z][a-z'’]+(?:[A-Z][a-z]+)?){{0,2}})|he|she|(?:the|a|an|one|another|a\s+second|a\s+third|his|her|their|(?-i:[A-Z][a-z]+)['’]s)\s+(?:[\w-]+(?:['’]s)?\s+){{0,3}}?(?:man|woman|boy|girl|teen|teenager|child|victim|"
        rf"person|driver|officer|suspect|gunman|shooter|resident|student|mother|father|son|daughter|"
        rf"brother|sister|wife|husband|toddler|infant|baby|passenger|guard|soldier|employee|clerk|cashier|customer|"
        rf"worker|bystander|neighbou?r|\d{{1,2}}-year-old))"
        rf"(?:,[^,.]{{1,60}}(?:,[^,.]{{1,40}})?,|\s+(?:in|from|of|with|inside|outside|near)\s+[^,.;]{{1,30}}?"
        # "Smith, who was pronounced dead"; "a teen who was shot Monday died at the hospital"
        rf"|(?:,\s*\d{{1,2}})?,\s+who(?=\s+(?:was|is|had\s+been|has\s+been|died|later\s+died|succumbed)\s)"
        rf"|\s+who\s+(?:was|had\s+been)\s+(?:shot|stabbed|wounded|hit|struck)\b[^,.;]{{0,40}}?(?=\s+(?:died|dies|was\s+pronounced)\b))?"
        rf"\s+(?:(?:may\s+|might\s+)?(?P<aux>{_AUX})\s+(?:(?:(?!(?:fatally|mortally)\b)\w+ly|also|later|then|found|discovered|(?:\w+ed|struck|hit|shot)\s+and)\s+){{0,2}})?"
        rf"(?P<word>{passive}|{intrans})(?![\w-])",
        re.IGNORECASE,
    )
    # "her mom and the boyfriend suffered minor injuries", "Smith and Jones were wounded": two people
    person = (rf"(?:(?:his|her|their|the|a|an|(?-i:[A-Z][a-z]+)['’]s)\s+(?:[\w-]+\s+)?(?:{_KIN}|{_PEOPLE})"
              rf"|{_FULL_NAME_RE}(?:,\s*\d{{1,2}},?)?)")
    pair = re.compile(
        rf"\b{person}\s+and\s+(?:(?:his|her|their|the|a|an)\s+(?:[\w-]+\s+)?(?:{_KIN}|{_PEOPLE})"
        rf"|\d{{1,2}}-year-old\s+(?:{_KIN}|{_PEOPLE})|{person})\s+"
        rf"(?:(?P<aux>{_AUX})\s+)?(?:(?:both|also|later|each)\s+){{0,2}}(?P<word>{passive}|{intrans})(?![\w-])",
        re.IGNORECASE,
    )
    return forward, backward, singular, plain, pair


def _category(word: str) -> str:
    row = _entry(word)
    return row[0] if row else "injured"


def _voice(word: str) -> str:
    """The voice of a casualty word when it follows the figure (passive wins over active)."""
    row = _entry(word)
    if row is None:
        return "passive"
    for voice in ("passive", "intransitive", "nominal", "figure"):
        if voice in row[1]:
            return voice
    return "active"


def _claim(num: NumberMention, category: str, start: int, end: int, sent: str, offset: int) -> CasualtyClaim:
    tail = sent[end - offset : end - offset + 60].lower()
    head = sent[num.end - offset : end - offset].lower()
    perps = 1 if _PERP.search(head) or _PERP.search(tail[:45]) else 0
    more = 1 if _AND_ONE_MORE.search(_blank_listing(head)) else 0  # not "victims, a man and a woman, were"
    low, best, high = ((v + more if v is not None else None) for v in (num.low, num.best, num.high))
    return CasualtyClaim(category, low, best, high, num.qualifier, start, end, perpetrators=perps)


def find_casualties(text: str, sentences: Sequence[tuple[int, int]]) -> list[CasualtyClaim]:
    """Casualty claims in the given sentences of ``text`` (character spans)."""
    forward, backward, singular, plain, pair = _patterns()
    claims: list[CasualtyClaim] = []
    for s_start, s_end in sentences:
        sent = text[s_start:s_end]
        if _AGGREGATE.search(sent.lower()) or re.search(r"\bnationwide\b", sent):  # not "Nationwide Children's"
            continue  # a tally of many incidents ("so far this year", "nationwide")
        numbers = find_numbers(text, s_start, s_end)
        for num in numbers:
            before = text[s_start : num.start]
            if (_not_counted(before) or re.fullmatch(r"(?:19|20)\d\d", text[num.start : num.end])
                    or text[max(0, num.start - 1) : num.start] == ":"):
                continue  # (a year: "Colorado High School Shooting 2016: ..."; a clock or a video's length: "3:50")
            after = _blank_listing(text[num.end : s_end])
            m = forward.match(after)
            if (m and _voice(m.group("word")) in ("figure", "nominal") and _category(m.group("word")) != "killed"
                    and _DIED_AFTER.search(after[m.end() :])):
                m = plain.match(after)  # "two gunshot victims were pronounced dead": the death tells
            # "Four juveniles -- including two children -- were injured": the subset is not the figure
            gap = _INCLUDING.sub(" ", m.group("gap")) if m else ""
            gap = re.sub(r"\S*-\S*", " ", gap.lower())
            if m and _not_a_figure(text, num, after):
                m = None
            if m and m.group("word").lower() == "hit" and not m.group("aux"):
                m = None  # "a targeted hit": a noun; only "two were hit" is people struck
            if m and m.group("word").lower() == "fatally" and _OBJECT_AFTER.match(after, m.end()):
                m = None  # "opened fire on three men and fatally struck Taliek Bristel": a verb with its object
            if m and re.search(r"\n\s*\n", after[: m.end()]):
                m = None  # a headline's figure run into the first paragraph: "... wounded 3 more\n\nA man died"
            if m and not _GAP_BLOCK.search(gap) and not _NUMBER_WORD.search(gap) and not _NEW_CLAUSE.search(gap):
                word = m.group("word")
                voice = _voice(word)
                if voice == "nominal" and len(m.group("gap").split()) > 2:
                    m = None  # "hundreds of mourners carried the bodies": a clause, not "12 civilian deaths"
                elif voice == "figure" and _DIED_AFTER.search(after[m.end() :]):
                    m = None  # "the two were taken to the hospital, where they were pronounced dead"
                elif voice != "passive" or m.group("aux") or not m.group("gap").strip() or _bare_headline(m, gap):
                    if (not _active_use(after[m.end() :]) or voice != "passive" or m.group("aux")
                            or (not m.group("gap").strip() and _ATTRIBUTIVE.match(after, m.end()))):
                        claim = replace(_claim(num, _category(word), num.start, num.end + m.end(), sent, s_start),
                                        taken=voice == "figure")
                        if (claim.category in ("injured", "shot") and voice == "passive" and not m.group("aux")
                                and num.value == 1 and text[num.start : num.end].lower() in ("a", "an", "one")
                                and _LATER_DIED.match(after, m.end())):
                            # "a juvenile injured in a shooting Monday has died": the participle tells the
                            # wound, the verb the outcome
                            claim = replace(claim, category="killed")
                        died = _SUBSET_DIED.match(after, m.end())
                        if died and claim.category in ("injured", "shot"):
                            # "three were injured, including a girl who died": three hit, one of them dead
                            claim = replace(claim, category="shot")
                            at = num.end + died.start("who")
                            claims.append(CasualtyClaim("killed", 1, 1, 1, "exact", at, num.end + died.end()))
                        claims.append(claim)
                        continue
            b = backward.search(before)
            if b and (_NOT_PEOPLE.match(after) or _house_number(num, after)):
                b = None  # "shot five times", "shot 223 rounds", "struck two cars", "a shooting 2501 Carter Rd."
            if b and b.group("word").lower() == "leaving" and not re.match(r"\s*(?:[\w-]+\s+){0,3}?(?:dead|killed)\b", after):
                b = None  # "leaving two in critical condition": only "leaving two dead" is a toll
            if b:
                word = b.group("word")
                # ("the deaths of two" counts every death, the shooter's too: no verb's objects)
                claim = replace(_claim(num, _category(word), s_start + b.start("word"), num.end, sent, s_start),
                                objects=not re.search(r"\bof$", word, re.IGNORECASE))
                more = _MORE_OBJECTS.match(after)
                if more and claim.best is not None and num.value is not None:
                    # "wounding a man and a woman", "injuring a police officer and two others": the sum
                    extra = sum(_number_value(more.group(g)) for g in ("n2", "n3") if more.group(g))
                    claim = replace(claim, low=claim.best + extra, best=claim.best + extra,
                                    high=claim.best + extra, end=num.end + more.end())
                claims.append(claim)
                continue
            toll = find_toll(text, s_start, num)  # "the death toll from Monday's bombing rose to 73"
            if toll is not None and not _NOT_PEOPLE.match(after):
                claims.append(_claim(toll.figure, toll.category, toll.start, num.end, sent, s_start))
        for m in singular.finditer(sent):
            word = m.group("word")
            if ((_voice(word) == "passive" and (not m.group("aux") or re.fullmatch(r"ha[sdv]e?", m.group("aux").lower())))
                    or _LONG_AFTER.search(sent[: m.start()])):
                continue  # (not "the person had shot two bailiffs": active)
            if re.fullmatch(r"[A-Z][a-z'’]+(?:[A-Z][a-z]+)?", m.group("subj")) and not _known_surname(text, m.group("subj"), s_start + m.start()):
                continue  # a lone capitalised word is a subject only as the surname of someone named before
            subj = m.group("subj").lower()
            ordinal = 0
            for key, val in _ORDINAL.items():
                if re.search(rf"\b{key}\b", subj):
                    ordinal = val
            perps = 1 if re.search(r"\b(?:suspect|gunman|shooter)\b", subj) else 0
            category = _category(word)
            if category == "shot" and (_survived(sent[m.end() :]) or _also(m)) and (
                    re.match(r"(?:a|an|another|one)\s", subj) or _RELATIVE.search(subj)
                    or (_also(m) and _FULL_NAME.fullmatch(m.group("subj")))):
                # "another man was shot in the arm": someone new, who survived ("the boy was shot in the
                # arm" is more often the victim already counted)
                category, ordinal = "injured", 0
            elif category == "shot" and _IN_CONDITION.search(sent) and not _DIED_AFTER.search(sent):
                category = "injured"  # "Daugherty is in serious condition after she was shot": alive
            elif category in ("shot", "injured") and _THEN_DIED_LATER.match(sent[m.end() :]):
                category = "killed"  # "Agnew, 28, was shot in the head and was pronounced dead"
            elif (category == "injured"
                  and not re.match(r"(?:a|an|another|one|he|she|they)\b", re.split(r"\band\b|,", subj)[-1].strip())
                  and not _survived(sent[m.end() :]) and not _ALIVE.search(sent)):
                # "Smith ... suffered gunshot wounds", "the young girl was injured": someone already
                # named was hit; whether they lived, the report's other claims tell
                category = "shot"
            claims.append(
                CasualtyClaim(
                    category, 1, 1, 1, "exact", s_start + m.start(), s_start + m.end(),
                    perpetrators=perps, singular=True, ordinal=ordinal,
                    person=_indefinite_person(subj),
                    sentence=s_start + _last_break(sent[: m.start()]),
                )
            )
        for m in pair.finditer(sent):
            if (_voice(m.group("word")) == "passive" and not m.group("aux")) or any(
                    not c.singular and c.start <= s_start + m.end() and s_start + m.start() <= c.end for c in claims):
                continue
            claims.append(CasualtyClaim(_category(m.group("word")), 2, 2, 2, "exact", s_start + m.start(),
                                        s_start + m.end()))
        for m in (*_NOMINAL_SINGLE.finditer(sent), *_POSSESSIVE_DEATH.finditer(sent)):
            if not any(c.start <= s_start + m.start() < c.end for c in claims):
                claims.append(CasualtyClaim("killed", 1, 1, 1, "exact", s_start + m.start(), s_start + m.end(),
                                            singular=True))
        claims.extend(_enumerations(sent, s_start))
        for m in _WAS_AND_DIED.finditer(sent):
            if not any(c.start <= s_start + m.start() < c.end for c in claims):
                claims.append(CasualtyClaim("killed", 1, 1, 1, "exact", s_start + m.start(), s_start + m.end(),
                                            singular=True, person=_indefinite_person(m.group("subj").lower()),
                                            sentence=s_start + _last_break(sent[: m.start()])))
        for m in _WITH_WOUND.finditer(sent):
            if not any(c.start <= s_start + m.start() < c.end for c in claims):
                claims.append(CasualtyClaim("shot", 1, 1, 1, "exact", s_start + m.start(), s_start + m.end(),
                                            singular=True, person=_indefinite_person(m.group(0).split(" with ")[0].lower()),
                                            sentence=s_start + _last_break(sent[: m.start()])))
        for m in _MULTIPLE.finditer(sent):
            if not _NEGATED.search(sent[: m.start()]) and not any(c.start <= s_start + m.start() < c.end for c in claims):
                n = _MULTIPLES[m.group("n").lower()]
                category = "shot" if m.group("what").lower().startswith("shooting") else "killed"
                claims.append(CasualtyClaim(category, n, n, n, "exact", s_start + m.start(), s_start + m.end()))
        named = list(_KILLED_NAMED.finditer(sent))
        for m in named if named and not is_title_case(sent) else ():
            name = m.group("name")
            if name.split()[0].lower() in _CALENDAR or any(c.start <= s_start + m.start() < c.end for c in claims):
                continue
            if " " not in name and not _known_surname(text, name, len(text)):
                continue  # a lone capitalised word only as the surname of someone the report names
            claims.append(CasualtyClaim("killed", 1, 1, 1, "exact", s_start + m.start(), s_start + m.end(),
                                        singular=True))
            claims += _and_another("killed", sent, s_start, m)
        for m in _ALONG_WITH.finditer(sent):
            n = _number_value(m.group("n")) + 1
            word = m.group("word").lower()
            category = "shot" if word == "shot" else "killed" if word == "killed" else "injured"
            claims.append(CasualtyClaim(category, n, n, n, "exact", s_start + m.start(), s_start + m.end()))
        for m in _SUICIDE.finditer(sent):
            if (_OTHER_VICTIM.search(sent[: m.start()]) and not _SURVIVED.search(sent[m.end() :])
                    and not _ATTEMPTED.search(text)):
                # "shot his daughter ... before turning the gun on himself": the shooter's death
                claims.append(CasualtyClaim("killed", 1, 1, 1, "exact", s_start + m.start(), s_start + m.end(),
                                            singular=True, perpetrators=1))
        for m in _NTH_DIED.finditer(sent):
            if not any(c.start <= s_start + m.start() < c.end for c in claims):
                # "A fifth victim, a man, ... succumbed to his injuries": one past the figure of four
                claims.append(CasualtyClaim("killed", 1, 1, 1, "exact", s_start + m.start(), s_start + m.end(),
                                            singular=True, ordinal=_ORDINAL[m.group("nth").lower()]))
        for m in _ACTIVE_SINGLE.finditer(sent):
            if any(c.start <= s_start + m.start() < c.end for c in claims):
                continue
            verb = m.group("verb").lower()
            category = "killed" if re.search(r"kill|fatally|to death|dead", verb) else (
                "injured" if re.search(r"wound|injur|stab", verb) else "shot")
            if category in ("shot", "injured") and re.match(r"\s+to\s+death\b", sent[m.end() :], re.IGNORECASE):
                category = "killed"  # "shot his daughter to death", "stabbed her to death"
            elif category == "shot" and _THEN_DIED.search(sent[m.end() :]):
                category = "killed"  # "shot himself in the chest ... and later died at a hospital"
            elif category == "shot" and _WHO_ALIVE.match(sent, m.end()):
                category = "injured"  # "shot a deputy sheriff who is at the hospital right now"
            # "then killed himself": the shooter's own death, counted apart from the victims'
            perps = int(category == "killed" and bool(_SELF.search(m.group(0)))
                        and _OTHER_VICTIM.search(sent[: m.start()]) is not None)
            obj = m.group(0)[m.end("verb") - m.start() :].strip().lower()
            claims.append(CasualtyClaim(category, 1, 1, 1, "exact", s_start + m.start(), s_start + m.end(),
                                        singular=True, perpetrators=perps, sentence=s_start,
                                        person="" if obj in ("him", "her", "himself", "herself", "self") else obj,
                                        objects=True))
            if not perps and not _SELF.search(m.group(0)):
                claims += _and_another(category, sent, s_start, m)
    return _carry_qualifiers(text, claims)


# "killed his girlfriend and her baby daughter", "killing Jacinta Walker, 18, and Aveion Bolden, 20"
_AND_ANOTHER = re.compile(
    rf"(?:,\s*\d{{1,2}},?)?\s+and\s+(?:(?:his|her|their|a|an|the)\s+(?:[\w-]+\s+){{0,2}}?(?:{_KIN}|{_PEOPLE})(?!s)\b"
    rf"|{_FULL_NAME_RE}\b)",
    re.IGNORECASE,
)


# "killed his mother, stepfather, and grandmother": more objects, listed
_KIN_LIST = re.compile(
    rf"(?P<items>(?:,\s*(?:(?:his|her|their)\s+)?(?:[\w-]+\s+)?(?:{_KIN}|{_PEOPLE})(?!s)\b){{1,4}}),?\s+and\s+"
    rf"(?:(?:his|her|their|a|an|the)\s+)?(?:[\w-]+\s+)?(?:{_KIN}|{_PEOPLE})(?!s)\b",
    re.IGNORECASE,
)


def _and_another(category: str, sent: str, offset: int, m: re.Match[str]) -> list[CasualtyClaim]:
    """More objects of the same killing or shooting: "and her baby daughter" is a figure of two."""
    listed = _KIN_LIST.match(sent, m.end())
    if listed:
        n = 2 + listed.group("items").count(",")
        return [CasualtyClaim(category, n, n, n, "exact", offset + m.start(), offset + listed.end(), objects=True)]
    more = _AND_ANOTHER.match(sent, m.end())
    if not more:
        return []
    return [CasualtyClaim(category, 2, 2, 2, "exact", offset + m.start(), offset + more.end(), objects=True)]


# after "a man was shot": words that say he survived ("in the leg", "is expected to survive")
_SURVIVED = re.compile(
    r"^\s*(?:(?:multiple|several|two|three|once|twice)\s+(?:times\s+)?)?(?:in|through)\s+(?:the|his|her|both)\s+"
    r"(?:left\s+|right\s+|upper\s+|lower\s+)?(?:legs?|arms?|foot|feet|hands?|shoulders?|buttocks?|thighs?|ankles?|"
    r"knees?|hips?|fingers?|wrists?|elbows?|calf|calves|toes?)\b"
    r"|\b(?:non-?\s?life[\s-]threatening|stable\s+condition|expected\s+to\s+(?:survive|recover|be\s+(?:ok|okay|fine))|"
    r"treated\s+and\s+released|minor\s+injur|but\s+survived)",
    re.IGNORECASE,
)


# one person, as a report first names them: "a man", "the victim", "a juvenile"
_ONE_PERSON = r"man|woman|boy|girl|teen|teenager|child|toddler|baby|person|victim|juvenile"
_FULL_NAME = re.compile(_FULL_NAME_RE)
# "Cade Booher, 16, was in the backseat and died", "the woman was rushed to a hospital but died"
_WAS_AND_DIED = re.compile(
    r"\b(?P<subj>(?-i:[A-Z][a-z'’]+(?:\s[A-Z]\.)?\s[A-Z][a-z'’]+)(?:,\s*\d{1,2},)?|(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?"
    rf"(?:{_ONE_PERSON}))\s+(?:was|had\s+been)\s+[^,.;]{{1,60}}?,?\s+"
    r"(?:and|but)\s+(?:later\s+|then\s+)?(?:died|succumbed|was\s+(?:later\s+)?pronounced\s+(?:dead|deceased))\b",
    re.IGNORECASE,
)
# "a man with a gunshot wound to his shoulder showed up": someone hit
_WITH_WOUND = re.compile(
    rf"\b(?:a|an|one|another)\s+(?:[\w-]+\s+){{0,2}}?(?:{_ONE_PERSON})"
    r"\s+with\s+(?:(?:a|an|one|two|multiple|several)\s+)?(?:[\w-]+\s+)?gunshot\s+wounds?\b",
    re.IGNORECASE,
)
# "fatally struck Taliek Bristel": a verb and its object
_OBJECT_AFTER = re.compile(r"\s+\w+\s+(?:(?-i:[A-Z])|him\b|her\b|them\b|an?\b|the\b|his\b|their\b)", re.IGNORECASE)
# figures of people taken to a hospital: everyone hit, the dead among them
_TAKEN = re.compile(r"\b(?:taken|transported|rushed|went|arrived|flown|airlifted)\b", re.IGNORECASE)
# "two wounded people": the participle describes the people counted
_ATTRIBUTIVE = re.compile(
    r"\s+(?:people|persons|men|women|victims|children|teens|teenagers|boys|girls|civilians|officers|individuals|"
    r"adults|juveniles|students)\b",
    re.IGNORECASE,
)


# after the first object of "wounding a man": more people wounded with him ("and a woman", "and two others")
_OBJ = (r"(?:[\w-]+\s+){0,2}?(?:man|woman|boy|girl|child|teen|teenager|toddler|baby|officer|deputy|person|cashier|"
        r"customer|clerk|driver|passenger|worker|employee|guard|student|teacher|resident|neighbou?r|")
_OBJS = (r"men|women|boys|girls|children|teens|teenagers|officers|deputies|people|others|bystanders|customers|"
         r"workers|employees|students|passengers|residents)")
_MORE_OBJECTS = re.compile(
    rf"\s+{_OBJ}bystander)(?:,\s+(?P<n2>a|an|one|two|three|four|five|\d{{1,2}})\s+(?:other\s+)?{_OBJ}{_OBJS})?,?"
    rf"\s+and\s+(?P<n3>a|an|another|one|two|three|four|five|\d{{1,2}})\s+(?:other\s+)?{_OBJ}{_OBJS}\b",
    re.IGNORECASE,
)
def _number_value(word: str) -> int:
    """"a", "another", "two", "12": the figure of a small count (numbers.words_to_int reads the words)."""
    if word.lower() in ("a", "an", "another"):
        return 1
    return int(word) if word.isdigit() else words_to_int(word) or 0


def _also(m: re.Match[str]) -> bool:
    """"Jada's father ... was also shot": someone besides the victim already told of."""
    return re.search(r"\balso\b", m.group(0)[m.end("subj") - m.start() :], re.IGNORECASE) is not None


_SELF = re.compile(r"(?:\b|him|her)self$", re.IGNORECASE)
_SUICIDE = re.compile(
    r"\b(?:turn(?:ed|ing|s)\s+the\s+(?:gun|weapon|rifle|handgun|pistol|shotgun)\s+on\s+(?:him|her)self"
    r"|t(?:ook|aking|akes)\s+(?:his|her)\s+own\s+life)\b",
    re.IGNORECASE,
)
_WHO_ALIVE = re.compile(
    r"(?:\s+\w+)?,?\s+who\s+(?:is|was|remains)\s+(?:(?:at|in)\s+(?:the\s+|a\s+)?(?:\w+\s+){0,2}?(?:hospital|condition)|"
    r"being\s+treated|expected\s+to\s+(?:survive|recover))\b",
    re.IGNORECASE,
)
_LATER_DIED = re.compile(r"[^.;,\n]{0,80}?\s(?:has|had)\s+(?:since\s+)?(?:died|succumbed)\b", re.IGNORECASE)
# "Ellis, 44, was shot along with three others": one more than the others
_ALONG_WITH = re.compile(
    r"\b(?:was|were)\s+(?P<word>shot|wounded|injured|killed)\s+along\s+with\s+(?P<n>two|three|four|five|\d{1,2})"
    r"\s+(?:other\s+)?(?:people|persons|others|men|women|victims)\b",
    re.IGNORECASE,
)
_ATTEMPTED = re.compile(r"\battempted\s+(?:murder[\s-]+)?suicide\b", re.IGNORECASE)
# "a fifth victim ... died": someone beyond the four already counted
_NTH_DIED = re.compile(
    r"\ba\s+(?P<nth>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+"
    r"(?:victim|person|man|woman|boy|girl|teen|teenager|child)\b[^.;]{0,150}?\b"
    r"(?:died|dies|succumbed|was\s+(?:later\s+)?pronounced\s+dead|was\s+killed)\b",
    re.IGNORECASE,
)
# before "killed himself": someone else was shot first ("shot his wife and then killed himself")
_OTHER_VICTIM = re.compile(
    r"\b(?:shot|shoots|killed|kills|killing|shooting|stabbed|wounded|murdered)\s+(?!(?:him|her|them)?sel(?:f|ves)\b)(?:him|her|them|"
    r"his|their|a|an|the|two|three|four|\d|(?-i:[A-Z]))|\b(?:murder|homicide)",
    re.IGNORECASE,
)


# "the toddler's father", "her mother": a relative of someone already told of, so someone else
_RELATIVE = re.compile(
    rf"(?:['’]s|\bhis|\bher|\btheir)\s+(?:[\w-]+\s+)?(?:{_KIN}|granddaughter|grandson|niece|nephew|girlfriend|boyfriend)$",
    re.IGNORECASE,
)


_IN_CONDITION = re.compile(
    r"\bin\s+(?:serious|critical|stable|fair|good|grave|guarded|satisfactory)(?:\s+(?:but|and)\s+stable)?\s+condition\b",
    re.IGNORECASE,
)
# someone else, or someone alive: "was also injured", "in critical condition", "is being treated"
_ALIVE = re.compile(r"\balso\b|\bcondition\b|\bhospitali[sz]ed\b|\bbeing\s+treated\b|\brecover", re.IGNORECASE)


def _survived(rest: str) -> bool:
    """Does the rest of the sentence after "X was shot" say that X lived (and not that X died)?"""
    return bool(_SURVIVED.search(rest)) and not _DIED_AFTER.search(rest)


def _enumerations(sent: str, offset: int) -> list[CasualtyClaim]:
    """The dead and the people hit of an enumeration, summed (:mod:`eventdesk.extractor.enumerations`)."""
    return [CasualtyClaim("killed", n, n, n, "exact", offset + start, offset + end)
            for start, end, n in enumerated_dead(sent)] + [
                CasualtyClaim(category, n, n, n, "exact", offset + start, offset + end)
                for start, end, n, category in enumerated_hurt(sent)]


def _not_counted(before: str) -> bool:
    """What stands before a number makes it no count of this incident's casualties: a negation ("no
    one was killed"), a non-count ("mother of four", "Route 9"), an earlier incident ("months after"),
    an age after a name ("Tobiasz Cudnik, 32") or a subset ("including two children")."""
    return bool(
        _NEGATED.search(before[-14:]) or _NOT_COUNT_BEFORE.search(before[-30:]) or _LONG_AFTER.search(before)
        or _AGE_AFTER_NAME.search(before[-40:]) or _SUBSET_BEFORE.search(before[-25:])
    )


def _not_a_figure(text: str, num: NumberMention, after: str) -> bool:
    """A number that counts no one: a house number ("1121 W. Columbus Ave.", "the 4400 block"), a list
    number ("4 A child was shot"), an age ("in his 20's"), a calibre or a price (".223", "$5")."""
    if text[num.start : num.end] == "911":
        return True  # "called 911"
    if _house_number(num, after):
        return True
    return bool(_NOT_A_FIGURE.match(after)) or text[max(0, num.start - 1) : num.start] in (".", "$", "#")


# "Three victims, a 25-year-old man, a 26-year-old man, and a 33-year-old man, were all transported"
_LISTING = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}?(?:people|persons|victims|men|women|teens|teenagers|children|boys|girls|others)"
    r"(?P<list>(?:\s*,\s*(?:and\s+)?(?!one\s+of|the\s+victim|whom?\b|which\b)"
    r"(?:an?|one|two|three|four|both|\d{1,2}|(?-i:[A-Z]))[^,.;()]{0,80}?){1,8}\s*,)(?=\s+(?-i:[a-z]))",
    re.IGNORECASE,
)


# "Two people -- including a 1-year-old boy -- were wounded", "six people, including four children, were"
_SUBSET_LISTING = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}?(?:people|persons|victims|men|women|teens|teenagers|children|boys|girls|others|officers)"
    r"(?P<list>\s*(?:--|—|–|,|\()\s*including\s(?![^,()—–.;]*\b(?:died|dead|killed|succumbed)\b)"
    r"[^,()—–.;]{1,80}?(?:--|—|–|,|\))"
    # "Two other people – both juveniles – were taken to a hospital"
    r"|\s*(?:--|—|–)\s*(?![^—–.;]*\b(?:died|dead|killed|succumbed)\b)[^—–.;-]{1,40}?\s*(?:--|—|–))(?=\s+(?-i:[a-z]))",
    re.IGNORECASE,
)


def _blank_listing(after: str) -> str:
    """The people a figure lists, blanked (same length, so offsets hold) to join figure and verb."""
    m = _LISTING.match(after) or _SUBSET_LISTING.match(after)
    if not m:
        return after
    return after[: m.start("list")] + " " * (m.end("list") - m.start("list")) + after[m.end("list") :]


def _house_number(num: NumberMention, after: str) -> bool:
    """"1121 W. Columbus Ave.", "2501 Carter Homestead Rd.": a number of 100 or more before a street is an address."""
    return (num.value or 0) >= 100 and ADDRESS_AFTER.match(after) is not None


def _known_surname(text: str, word: str, before: int) -> bool:
    """"Nelson was pronounced dead" counts when "Destiny Nelson" (or "Destiny M. Nelson") came first."""
    if word.lower() in ("he", "she"):
        return True
    return re.search(rf"\b[A-Z][a-z]+(?:\s[A-Z]\.)?\s{re.escape(word)}\b", text[:before]) is not None


def _bare_headline(m: re.Match[str], gap: str) -> bool:
    """"12 people killed in blast": a passive participle with only nouns between (``gap``, without its
    "including ..." subset), no auxiliary; not "the two played in the wounded child's home": a clause."""
    return not m.group("aux") and not _CLAUSE_WORDS.search(gap)


_CLAUSE_WORDS = re.compile(r"\b(?:the|a|an|in|on|at|of|to|for|with|from|into|as|his|her|their|its)\b", re.IGNORECASE)


def _active_use(rest: str) -> bool:
    """True when the casualty verb takes an object ("two gunmen killed five people"): active voice."""
    return bool(re.match(r"\s+(?:at least\s+|more than\s+)?(?:\d|a\s|an\s|one|two|three|four|five|six|seven|"
                         r"eight|nine|ten|dozens|scores|several|his|her|their|the|people|civilians|"
                         r"him|them|children|women|men)", rest, re.IGNORECASE))


def _carry_qualifiers(text: str, claims: list[CasualtyClaim]) -> list[CasualtyClaim]:
    """Give "141 injured" the "at least" of "at least 103 killed and 141 injured"."""
    out: list[CasualtyClaim] = []
    for i, c in enumerate(claims):
        if i and c.qualifier == "exact" and not c.singular:
            p = claims[i - 1]
            gap = text[p.end : c.start]
            if p.qualifier in ("at_least", "more_than") and len(gap) < 12 and re.fullmatch(r"[\s,]*(?:and)?\s*", gap):
                value = c.best if c.best is not None else 0
                low = value + 1 if p.qualifier == "more_than" else value
                c = replace(c, qualifier=p.qualifier, low=low, best=low, high=None)
        out.append(c)
    return out


def _value(c: CasualtyClaim) -> int:
    return c.best if c.best is not None else c.low or 0


def _indefinite_person(subject: str) -> str:
    """"a 7-year-old girl" (and from "the arm and a woman", "a woman"): someone not named before."""
    m = re.search(r"(?:^|\band\s)((?:a|an|one)\s.+)$", subject)
    return m.group(1) if m else ""


def _last_break(before: str) -> int:
    """Where the last ellipsis or full stop before a mention ends: "... in Hayward, believed to... A
    16-year-old" is two sentences the splitter kept together."""
    ends = [m.end() for m in re.finditer(r"\.\.\.|…|\.\s", before)]
    return ends[-1] if ends else 0


def _pick(claims: Sequence[CasualtyClaim]) -> CasualtyClaim | None:
    figures = [c for c in claims if not c.singular]
    singles = sorted((c for c in claims if c.singular), key=lambda c: c.perpetrators > 0)  # a victim first
    # different people in one sentence: "a 7-year-old girl was grazed, and a man was shot"
    people: dict[int, set[str]] = {}
    for c in singles:
        if c.person and not c.objects:  # (a verb's objects are added up by _and_another)
            people.setdefault(c.sentence, set()).add(c.person.split()[-1])  # "an Indianapolis man" = "a man"
    together = max(map(len, people.values()), default=0)
    if figures:
        best = max(figures, key=lambda c: (c.best or c.low or 0, c.low or 0, c.start))
        if together < 2 or together <= _value(best):
            return best  # (each "a girl", "a man" also reads as a figure of one)
    if not singles:
        return None
    n = max(1, together)
    for c in singles:
        n = max(n, c.ordinal) if c.ordinal > 0 else (n + 1 if c.ordinal < 0 else n)
    first = singles[0]
    return replace(first, low=n, best=n, high=n)


def combine_claims(
    text: str, claims: Sequence[CasualtyClaim], *, title: str | None = None,
    title_claims: Sequence[CasualtyClaim] = (),
) -> tuple[Count | None, Count | None]:
    """(killed, injured) of one event from its claims.

    Rule: the largest explicit figure per category wins (reports update tolls upwards and restate
    subtotals); "a man was shot"-style mentions count only when no figure is given. People "shot"
    without a stated outcome count as injured, less those reported killed. The headline's figure
    (``title_claims``, evidence with ``field="title"``) is used when the body gives none, only
    single mentions ("a man was killed") or a smaller one.
    """
    sources = {"text": text, "title": title or ""}

    def pick(category: str) -> tuple[CasualtyClaim | None, str]:
        body = _pick([c for c in claims if c.category == category])
        head = _pick([c for c in title_claims if c.category == category])
        if head is None:
            return body, "text"
        if body is None:
            return head, "title"
        if not head.singular and (body.singular or _value(head) > _value(body)):
            return head, "title"  # "O.C. Gunman Leaves 4 Dead" over the body's "killed three victims"
        return body, "text"

    (killed_c, k_field), (injured_c, i_field), (shot_c, s_field) = pick("killed"), pick("injured"), pick("shot")
    killed = _count(sources[k_field], killed_c, k_field)
    # a perpetrator reported dead apart from the victims' figure is added, as GTD and GVA count them
    perp_dead = [c for c in claims if c.category == "killed" and c.singular and c.perpetrators]
    # (in the headline's own claims when its figure is the toll: "Father kills two children, then fatally shoots self")
    source = sources[k_field]
    perp_near = perp_dead if k_field == "text" else [
        c for c in title_claims if c.category == "killed" and c.singular and c.perpetrators]
    # a figure ("5 dead") often already counts a shooter who killed himself; a gunman killed by police, not
    # ("killed his two sons before killing himself": a verb's objects never include the shooter)
    named_perp = [c for c in perp_near
                  if not (_SELF.search(source[c.start : c.end]) or _SUICIDE.search(source[c.start : c.end]))
                  or (killed_c and killed_c.objects)]
    if killed is not None and killed_c is not None and not killed_c.singular and not killed_c.perpetrators and named_perp:
        p = named_perp[0]
        extra = Evidence(p.start, p.end, source[p.start : p.end], k_field)
        killed = replace(
            killed,
            low=None if killed.low is None else killed.low + 1,
            best=None if killed.best is None else killed.best + 1,
            high=None if killed.high is None else killed.high + 1,
            includes_perpetrators=1,
            evidence=(*killed.evidence, extra),
        )
    if (killed is not None and killed_c is not None and killed_c.singular and k_field == "text"
            and not killed_c.perpetrators and perp_dead):
        # "shot his wife to death and then killed himself": the victims, and the shooter
        p = perp_dead[0]
        n = _value(killed_c) + 1
        killed = replace(killed, low=n, best=n, high=n, includes_perpetrators=1,
                         evidence=(*killed.evidence, Evidence(p.start, p.end, text[p.start : p.end])))
    if injured_c is not None and injured_c.taken and i_field == "text" and killed is not None:
        # "one person was killed and three others were injured ... four were taken to Jackson Memorial":
        # the hospital's figure counts the dead too, the explicit "three others" is the injured
        k = (killed.best or 0) - (killed.includes_perpetrators or 0)
        explicit = [c for c in claims if c.category == "injured" and not c.singular and not c.taken
                    and _value(c) == _value(injured_c) - k and c.qualifier == "exact"]
        injured_c = explicit[0] if k > 0 and explicit else injured_c
    injured = _count(sources[i_field], injured_c, i_field)
    if injured is not None and shot_c is not None and not shot_c.singular and injured_c is not None:
        # "four people were shot ... one is critical, the other three suffered minor injuries": the
        # figure of people hit, less the dead, is the larger explicit total and wins
        k = killed.best if killed and killed.best is not None else (killed.low if killed else 0) or 0
        k -= (killed.includes_perpetrators or 0) if killed else 0
        hit = shot_c.best if shot_c.best is not None else shot_c.low
        hurt = injured.best if injured.best is not None else injured.low or 0
        taken_all = (k > 0 and hit == hurt and _TAKEN.search(injured.text or "") is not None
                     and not re.search(r"\b(?:other|others|additional|more)\b", text[shot_c.start : shot_c.end], re.I))
        if hit is not None and (hit - k > hurt or taken_all):
            # ("four people were shot ... all four were taken to the hospital", one of whom died)
            injured = None
    if injured is None and shot_c is not None:
        k = killed.best if killed and killed.best is not None else (killed.low if killed else 0) or 0
        k -= (killed.includes_perpetrators or 0) if killed else 0
        hit = shot_c.best if shot_c.best is not None else shot_c.low
        if (shot_c.objects and killed_c is not None and killed_c.objects and shot_c.sentence == killed_c.sentence
                and shot_c.person and killed_c.person and shot_c.person != killed_c.person):
            k = 0  # "shot his daughter and killed her mother": the daughter is not among the dead
        told = sources[s_field][shot_c.start : shot_c.end]
        if not shot_c.singular and (re.match(r"(?:\S+\s+){1,3}?(?:other|others|additional|more)\b", told, re.I)
                                    or re.search(r"\balso\b", told, re.I)):
            k = 0  # "two others were shot": besides the dead
        if hit is not None and hit - k > 0:
            base = _count(sources[s_field], shot_c, s_field)
            assert base is not None
            n = hit - k
            injured = replace(base, low=n if shot_c.low is not None else None, best=n, high=n if shot_c.high else None,
                              qualifier=base.qualifier)
    killed = _nth_dead(text, claims, killed)
    return killed, _with_nth(text, claims, killed, _hit_together(text, claims, killed, injured))


def _nth_dead(text: str, claims: Sequence[CasualtyClaim], killed: Count | None) -> Count | None:
    """"Four women had been killed ... A fifth victim ... succumbed": one more than the figure."""
    nth = max((c for c in claims if c.singular and c.ordinal > 0 and c.category == "killed"),
              key=lambda c: c.ordinal, default=None)
    if (nth is None or killed is None or killed.best is None or not killed.low == killed.best == killed.high
            or killed.best != nth.ordinal - 1):
        return killed
    n = killed.best + 1
    return replace(killed, low=n, best=n, high=n,
                   evidence=(*killed.evidence, Evidence(nth.start, nth.end, text[nth.start : nth.end])))


def _hit_together(text: str, claims: Sequence[CasualtyClaim], killed: Count | None, injured: Count | None) -> Count | None:
    """"a 20-year-old woman was shot in the back and a 5-year-old boy was shot in the arm": different
    people hit in one sentence, one told as wounded and one only as shot, are counted together (less the
    dead, whose death may be the outcome of the one only "shot")."""
    if injured is not None and any(e.field != "text" for e in injured.evidence):
        return injured  # the headline's figure
    k = (killed.best or 0) - (killed.includes_perpetrators or 0) if killed and killed.best is not None else 0
    best: tuple[int, list[CasualtyClaim]] = (0, [])
    by_sentence: dict[int, dict[str, CasualtyClaim]] = {}
    for c in claims:
        if c.singular and c.person and not c.objects and c.category in ("injured", "shot"):
            by_sentence.setdefault(c.sentence, {}).setdefault(c.person.split()[-1] + c.person, c)
    for people in by_sentence.values():
        hurt = [c for c in people.values() if c.category == "injured"]
        shot = [c for c in people.values() if c.category == "shot"]
        if not hurt or not shot:
            continue  # one kind alone is counted by the figures
        n = len(hurt) + max(0, len(shot) - k)
        if n > best[0]:
            best = (n, [*hurt, *shot])
    value = injured.best if injured is not None and injured.best is not None else 0
    if best[0] <= value or (injured is not None and injured.low != injured.best):
        return injured
    ev = tuple(Evidence(c.start, c.end, text[c.start : c.end]) for c in sorted(best[1], key=lambda c: c.start))
    n = best[0]
    return Count(low=n, best=n, high=n, text=ev[0].text, qualifier="exact", evidence=ev)


def _with_nth(text: str, claims: Sequence[CasualtyClaim], killed: Count | None, injured: Count | None) -> Count | None:
    """"Four people were shot ... and a fifth person may have been wounded": one more than the figure."""
    nth = max((c for c in claims if c.singular and c.ordinal > 0 and c.category in ("injured", "shot")),
              key=lambda c: c.ordinal, default=None)
    if nth is None or injured is None or injured.best is None or not injured.low == injured.best == injured.high:
        return injured
    k = (killed.best or 0) - (killed.includes_perpetrators or 0) if killed and killed.best is not None else 0
    if injured.best + k != nth.ordinal - 1:
        return injured
    n = injured.best + 1
    return replace(injured, low=n, best=n, high=n,
                   evidence=(*injured.evidence, Evidence(nth.start, nth.end, text[nth.start : nth.end])))


def _count(text: str, c: CasualtyClaim | None, field: str = "text") -> Count | None:
    if c is None:
        return None
    ev = Evidence(c.start, c.end, text[c.start : c.end], field)
    return Count(
        low=c.low, best=c.best, high=c.high, text=ev.text, qualifier=c.qualifier,
        includes_perpetrators=c.perpetrators or None, evidence=(ev,),
    )
