"""The event's place: candidate place mentions scored, reference points dropped, geocoded offline.

Candidates come from spaCy GPE/LOC/FAC entities, gazetteer hits (for ALL-CAPS text and NER misses)
and the wire dateline. "510 miles southeast of Tehran" is a reference point, not the event's place;
the dateline city is only a fallback when the text names no other place for the event.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from eventdesk.extractor.context import EventContext
from eventdesk.extractor.dates import MONTH_RE
from eventdesk.geo.gazetteer import Gazetteer, Place
from eventdesk.geo.geocode import to_location
from eventdesk.geo.normalize import normalize_key
from eventdesk.nlp.truecase import is_title_case
from eventdesk.records import Evidence, Location
from eventdesk.resources import read_tsv

_REFERENCE = re.compile(
    r"(?:\b\d[\d,.]*\s*(?:-\s*)?(?:miles?|mi|km|kilometers?|kilometres?)\b[^.]{0,30}?"
    r"\b(?:of|from)|\b(?:north|south|east|west|northeast|northwest|southeast|southwest|"
    r"northern|southern|eastern|western)(?:ern)?\s+of|\boutskirts\s+of|\bfrom)\s*(?:the\s+)?$",
    re.IGNORECASE,
)
# a name that is part of a street or a site, not the place: "the 4800 block of South Throop",
# "Ridgecrest Apartments", "Hawthorne Heights Apartments", "Lincoln High School"
_STREET_BEFORE = re.compile(
    r"(?:\bblock\s+of\s+(?:the\s+)?|\b(?!(?:19|20)\d\d\b)\d{2,5}\s+)(?:(?:north|south|east|west|n|s|e|w)\.?\s+)?$",
    re.IGNORECASE,
)
_SITE_AFTER = re.compile(
    r"(?:\s+(?:Heights|Park|Village|Gardens|Terrace|Square|Plaza))?\s+(?:Apartments?|Apts\.?|Street|St\.|Road|Rd\.|"
    r"Avenue|Ave\.|Drive|Dr\.|Boulevard|Blvd\.?|Lane|Ln\.|Court|Ct\.|Parkway|Pkwy\.?|Highway|Hwy\.?|Mall|"
    r"(?:High|Middle|Elementary)\s+School|Hospital|Medical\s+Center|Church|Motel|Hotel|Inn|Bar|Lounge|Club)\b"
)
# "near Lynn and Michigan streets", "the parking lot of the Puerto Vallarta": a street corner, a business
_CORNER_AFTER = re.compile(
    r"(?:\s+and\s+[A-Z][\w.]*(?:\s+[A-Z]\w*)?)?\s+(?i:streets|avenues|roads|boulevards|drives)\b"
)  # "Lynn and Michigan streets": either name of a corner
_SITE_BEFORE = re.compile(r"\b(?:the|The)\s+$")  # "on the East Side", "at the Falls Creek townhomes"
_ADMIN_AFTER = re.compile(r"\s+(?:district|province|county|parish|valley|region)\b", re.IGNORECASE)  # "the Zurmat district"
_OF_THE_BEFORE = re.compile(r"\b(?:of|at|inside|outside|behind)\s+the\s+$")  # "the parking lot of the Puerto Vallarta"
# a capitalised word right after a name makes it part of a longer one ("Jamaica Plain", "Fountain Ave")
_PROPER_AFTER = re.compile(
    r" (?!(?:Police|Sheriff|Fire|Mayor|City|County|Township|Parish|Borough|Area|Metro|Region|News|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)[A-Z][a-z]+\b"
)
# ... and one right before it ("Orchard Mesa"), unless it is a direction or a sentence start
_PROPER_BEFORE = re.compile(
    r"(?<![.!?:\n]\s)(?<!^)\b(?!(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest|Downtown|Central|"
    r"Greater|Metro|Upper|Lower|Inner|Old|New|The|In|At|Near|Outside|From|Of|To|And|But)\b)[A-Z][a-z]+ $"
)
# "Medina recalled", "Tyler said", "Hale, 31,": a person, not a place; "the Englewood neighborhood",
# "a Springfield, Mass., native": a part of a city or someone's home town, not the event's place
_NOT_THE_PLACE_AFTER = re.compile(
    r",?\s+(?:said|says|recalled|told|added|explained|noted|asked|wrote|testified)\b|,\s*\d{1,2},"
    r"|(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][a-z]+)?,?)?\s+(?:neighbou?rhood|subdivision|section|native|resident)s?\b"
)
_ABBREVIATED_STATE = re.compile(r",\s*(?:[A-Z][a-z]{1,4}\.|[A-Z]\.\s?[A-Z]\.)")
_PART_OF_A_CITY = re.compile(r"\s+(?:neighbou?rhood|subdivision|section|district|community)\b")
_NEIGHBOURHOOD = re.compile(r"\s+(?:neighbou?rhood|subdivision|community)\b")
_A_BEFORE = re.compile(r"\b(?:an?|An?)\s+$")
# "Dianne Harriell, 28, of Dayton": where someone lives, not where it happened
_RESIDENCE = re.compile(r"(?:\b\d{1,3},?\s+of|\b(?:resident|residents|native|natives)\s+of)\s+$", re.IGNORECASE)
# "taken to Nationwide Children's Hospital in Columbus": where a victim was treated, not the event's place
_TREATED_IN = re.compile(
    r"\b(?:hospital|medical\s+cent(?:er|re)|trauma\s+cent(?:er|re)|clinic|infirmary)\b[^.;]{0,30}?\bin\s+$", re.IGNORECASE
)
# a school or building named after its town: the town, if nothing better is named
_VENUE_AFTER = re.compile(r"\s+(?:(?:High|Middle|Elementary)\s+School|Apartments?|Mall|Church|Motel|Hotel|Inn|Bar|Lounge|Club)\b")
_VENUE_SCORE = 0.5
_POLICE_SCORE = 0.8  # a city's police known by acronym ("IMPD"): below the dateline


@functools.lru_cache(maxsize=1)
def _police_acronyms() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    rows = {r["acronym"]: (r["city"], r["admin1"]) for r in read_tsv("geo_police.tsv")}
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(rows, key=len, reverse=True))) + r")\b"), rows


@functools.lru_cache(maxsize=16)  # asked for by every event's place and its state vote
def _police_towns(text: str) -> tuple[PlaceMention, ...]:
    """"IMPD squad cars", "LVMPD Homicide": the city whose police is named by its acronym (data/geo_police.tsv)."""
    pattern, rows = _police_acronyms()
    m = pattern.search(text[:20_000])
    if not m:
        return ()
    city, admin1 = rows[m.group(0)]
    place = Gazetteer.default().resolve(city, country_code="US", admin1=admin1)
    return (PlaceMention(m.start(), m.end(), place, _POLICE_SCORE),) if place is not None else ()


# "reports CBS affiliate WTEV in Jacksonville": where the outlet is, not the event
_OUTLET_IN = re.compile(
    r"\b(?:affiliate|(?:tv|television|radio|news)\s+station|newspaper|bureau)\b[^.;]{0,25}?\bin\s+$", re.IGNORECASE
)
_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|inside|on|into|across|around|of)\s+(?:the\s+)?$", re.IGNORECASE)
# a dateline's own day between the place and the dash: "KABUL, Afghanistan, May 2 -", "SAN SALVADOR, 12 NOV 89 --"
_DATELINE_DAY = (rf"(?P<day>,\s*(?i:{MONTH_RE}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{MONTH_RE}(?:\s+\d{{2,4}})?)"
                 r"(?![\w:]))?")
_DATELINE = re.compile(r"^\s*(?P<place>[A-Z][A-Za-z .'-]{1,40}?)(?:,\s*(?P<region>[A-Z][A-Za-z .'-]{1,30}?))?"
                       rf"{_DATELINE_DAY}\s*(?:\([^)]{{1,40}}\)\s*)?(?:--|—|–|-)\s", re.MULTILINE)
# "... video ORANGE COUNTY, Fla. - An 18-year-old": a capitalised dateline after page debris
_CAPS_DATELINE = re.compile(
    r"(?:^|[\s.])(?P<place>[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3}),\s*(?P<region>[A-Z][a-z]{1,5}\.(?:\s?[A-Z]\.)?|"
    rf"[A-Z][a-z]+(?: [A-Z][a-z]+)?){_DATELINE_DAY}\s*(?:\([^)]{{1,40}}\)\s*(?:--|—|–|-)?|--|—|–|-)\s"
)
# the dateline is a fallback: any place the text itself names for the event beats it
_DATELINE_SCORE = 1.0
# an unqualified town outside the report's own state ranks below the dateline fallback
_OTHER_STATE_PENALTY = 6.0
_BIG_CITY = 100_000
_VILLAGE = 15_000
_TITLE_TOWN = 1_000  # the smallest town a headline's "in <Town>" can name
_SPECIFICITY = {"city": 4, "admin2": 3, "region": 2.5, "admin1": 2, "country": 1}


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    place: Place
    score: float
    field: str = "text"  # "title" for a place named in the headline


_COUNTY_AFTER = re.compile(
    r"(?:,\s+an?\s+(?:[\w-]+\s+){0,3}?(?:town|city|village|community|suburb|township|borough|hamlet)\s+(?:in|of)"
    r"|\s+in)\s+(?:(?:central|northern|southern|eastern|western|north|south|east|west|rural|[a-z]+ern)\s+)?"
    r"(?P<county>(?:[A-Z][a-z]+\s){1,2}(?:County|Parish))\b"
)


def _hint_after(text: str, start: int, end: int, gaz: Gazetteer) -> tuple[str | None, str | None]:
    """"Harvey, Ill." / "Kerman, Iran" / "Andar district, Ghazni province": (admin1, country_code)
    named right after a place. A name that is both a country and a state ("Greenville, Georgia") is
    the state when the place before it lies there."""
    name = text[start:end]
    county = _COUNTY_AFTER.match(text, end, end + 100)
    if county:  # "Weir, a small town in central Travis County", "the town of Brooklyn in Morgan County"
        counties = [c for c in gaz.lookup(county.group("county")) if c.kind == "admin2" and c.admin1]
        holding = [c for c in counties if any(_name_key(p.name) == _name_key(name) for p in
                                              gaz.lookup(name, country_code=c.country_code, admin1=c.admin1))]
        named = [c for c in holding or counties if c.admin1 and re.search(rf"\b{re.escape(c.admin1)}\b", text)]
        # the county that holds a town of that name, one whose state the report names first; a town too
        # small to be listed takes the county's state (the largest county of that name)
        for cand in (*named, *holding, *counties[:1]):
            return cand.admin1, cand.country_code
    m = re.match(r"(?:\s+(?i:district|county|township|city|town|village|municipality))?,\s*"
                 r"([A-Z][A-Za-z.’'-]+(?:\s[A-Z][A-Za-z.’'-]+)?)", text[end : end + 60])
    if not m:
        return None, None
    cands = gaz.lookup(m.group(1).rstrip(","))
    for cand in cands:
        if cand.kind == "admin1" and gaz.lookup(name, country_code=cand.country_code, admin1=cand.name):
            return cand.name, cand.country_code
    for cand in cands:  # "Kerman, Iran": a country where a place of that name lies
        if cand.kind == "country" and gaz.lookup(name, country_code=cand.country_code):
            return None, cand.country_code
    for cand in cands:  # "Carlton, Georgia": the state, when the town is in neither (too small to be listed)
        if cand.kind == "admin1":
            return cand.name, cand.country_code
    for cand in cands:
        if cand.kind == "country":
            return None, cand.country_code
    for cand in cands:  # "Salem Township, Wyandot County": the county's state, where a place of that name lies
        if cand.kind == "admin2" and cand.admin1 and gaz.lookup(name, country_code=cand.country_code, admin1=cand.admin1):
            return cand.admin1, cand.country_code
    return None, None


# words of American local reporting: with no place qualified, they make the report's country the US
# ("Birmingham police ... the 1500 block of ...": Alabama, not England)
_US_MARKERS = re.compile(
    r"\b(?:\d{2,5}\s+block\s+of|[Ss]heriff['’]s\s+(?:[Oo]ffice|[Dd]epartment|[Dd]eputies)|[Pp]olice\s+[Dd]epartment|"
    r"[Dd]istrict\s+[Aa]ttorney|[Hh]ighway\s+[Pp]atrol|[Ss]tate\s+[Pp]olice|[Cc]ounty\s+[Ss]heriff|"
    r"[Cc]ounty\s+[Pp]rosecutor|[Cc]ounty\s+[Cc]oroner|[Mm]edical\s+[Ee]xaminer|[Ss]heriff|"
    r"[Cc]ounty\s+(?:[Jj]udge|[Jj]ail|[Cc]ourt))\b"
)
US_MARKER_WEIGHT = 3


def _country_hint(ctx: EventContext, gaz: Gazetteer) -> str | None:
    counts: Counter[str] = Counter()
    if _US_MARKERS.search(ctx.text[:20_000]):
        counts["US"] += US_MARKER_WEIGHT
    for ent in ctx.doc.ents:
        if ent.label_ in ("GPE", "NORP", "LOC"):
            for p in gaz.lookup(ctx.text[ent.start_char : ent.end_char])[:1]:
                if p.country_code:
                    counts[p.country_code] += 2 if p.kind == "country" else 1
            if ent.label_ == "NORP":
                code = gaz.country_of_demonym(ent.text)
                if code:
                    counts[code] += 1
    return counts.most_common(1)[0][0] if counts else None


def _candidates(ctx: EventContext, gaz: Gazetteer) -> list[tuple[int, int]]:
    spans: set[tuple[int, int]] = set()
    ents = [e for e in ctx.doc.ents if e.label_ in ("GPE", "LOC", "FAC")]  # once: Span.ents reads all of them
    for sent in ctx.sents:
        for ent in ents:
            if ent.start >= sent.start and ent.end <= sent.end:  # what Span.ents keeps
                spans.add((ent.start_char, ent.end_char))
    lo = min((s.start_char for s in ctx.sents), default=0)
    hi = max((s.end_char for s in ctx.sents), default=0)
    for start, end, _ in gaz.scan(ctx.text[lo:hi]):
        s, e = start + lo, end + lo
        if not any(a <= s and e <= b for a, b in spans):
            spans.add((s, e))
    return sorted(spans)


def find_location(
    ctx: EventContext, *, anchors: Sequence[int] = (), use_dateline: bool = True, title: str | None = None
) -> Location:
    """The most likely place of the event. ``anchors`` are offsets of its trigger/casualty words.

    A name qualified once ("Portsmouth, Va.") keeps that reading for its other mentions, and such
    qualifiers set the country for the whole report. ``title`` (main events only) adds the
    headline's places as candidates.
    """
    gaz = Gazetteer.default()
    text = ctx.text
    candidates = _candidates(ctx, gaz)
    hints: dict[str, tuple[str | None, str | None]] = {}
    for start, end in candidates:
        admin1, cc = _hint_after(text, start, end, gaz)
        if admin1 or cc:
            hints.setdefault(text[start:end].lower(), (admin1, cc))
    hinted = Counter(cc for _, cc in hints.values() if cc)
    country = hinted.most_common(1)[0][0] if hinted else _country_hint(ctx, gaz)
    guessed = not hinted  # the country is only the majority of the report's place names
    region = _document_admin1(ctx, gaz, hints, country, title)
    # names inside a person's or an organisation's name: "Michael Adams Jr.", "Islamic Movement of Uzbekistan"
    # ("Boston Police Department" starts with its city and keeps it)
    people = [(e.start_char, e.end_char) for e in ctx.doc.ents if e.label_ == "PERSON"]
    orgs = [(e[1:].start_char if e[0].lower_ == "the" and len(e) > 1 else e.start_char, e.end_char)
            for e in ctx.doc.ents if e.label_ == "ORG"]
    # "Judith Huntley ... At the hospital Huntley was told": a surname of someone named in the report
    surnames = {e[-1].text for e in ctx.doc.ents if e.label_ == "PERSON" and len(e) > 1 and e[-1].text[:1].isupper()}
    mentions: list[PlaceMention] = []
    dl = _dateline(ctx, gaz, country, region) if use_dateline else None
    dl_span = dateline_span(text)
    not_places: set[str] = set()  # names the text shows are not the place of anything (a neighbourhood)
    neighbourhoods: set[str] = set()  # of those, the parts of a town (not "the Nad-e Ali district")
    for rank, (start, end) in enumerate(candidates):
        before = text[max(0, start - 60) : start]
        if _PART_OF_A_CITY.match(text[end : end + 20]):
            not_places.add(_name_key(text[start:end]))
            if _NEIGHBOURHOOD.match(text[end : end + 20]) and not _A_BEFORE.search(before[-4:]):
                neighbourhoods.add(_name_key(text[start:end]))  # not "a Phoenix neighborhood"
        if (_REFERENCE.search(before) or _STREET_BEFORE.search(before[-40:]) or _SITE_AFTER.match(text[end : end + 40])
                or _CORNER_AFTER.match(text[end : end + 40])):
            # "510 miles southeast of Tehran", "the 4800 block of South Throop", "Ridgecrest Apartments"; but
            # "Grand Junction High School" is a last resort for the town, in the report's own state (an
            # American way of naming schools and buildings)
            if _VENUE_AFTER.match(text[end : end + 40]) and not _REFERENCE.search(before):
                venue_town = _resolve(gaz, text[start:end], country, None, region, guessed=guessed)
                if (venue_town is not None and venue_town.kind == "city" and venue_town.country_code == "US"
                        and region and venue_town.admin1 == region):
                    mentions.append(PlaceMention(start, end, venue_town, _VENUE_SCORE))
            continue
        if dl_span and dl_span[0] <= start < dl_span[1]:
            continue  # the dateline says where the report was filed; it only counts as a fallback
        if (any((a <= start < b or a < end <= b) and (a, b) != (start, end) for a, b in people)
                or any(a < start < b and not _LOCATIVE.search(text[a:start][-20:]) for a, b in orgs)
                or _PROPER_AFTER.match(text[end : end + 30])
                or _PROPER_BEFORE.search(before[-25:]) or _RESIDENCE.search(before[-25:])
                or _NOT_THE_PLACE_AFTER.match(text[end : end + 20]) or _TREATED_IN.search(before)
                or _OUTLET_IN.search(before)):
            continue  # "Michael Adams Jr.", "Jamaica Plain", "Orchard Mesa", "28, of Dayton", "hospital in Columbus"
        admin1, cc = hints.get(text[start:end].lower(), (None, None))
        if not (admin1 or cc) and text[start:end] in surnames:
            continue
        place = _resolve(gaz, text[start:end], cc or country, admin1, region, explicit=bool(cc), guessed=guessed)
        if place is None and admin1 and _ABBREVIATED_STATE.match(text[end : end + 12]):
            place = _big_city(gaz, text[start:end], cc)  # a wrong qualifier: "CHARLOTTE, S.C." is Charlotte, N.C.
        county = _COUNTY_AFTER.match(text, end, end + 100) if place is None and admin1 else None
        if county:  # "Weir, a small town in central Travis County": a town too small to be listed, in its county
            place = _resolve(gaz, county.group("county"), cc or country, admin1, region, explicit=bool(cc), guessed=guessed)
            start, end = county.span("county")
        # an entity that starts with its article ("the East Side") is read as if the article stood before it
        article = re.match(r"(?i:the)\s+", text[start:end])
        seen_before = before + text[start : start + article.end()] if article else before
        if place is None:
            continue
        if not (admin1 or cc) and _site_named_like_a_town(place, seen_before, text[end : end + 20]):
            continue
        score = _SPECIFICITY.get(place.kind, 1.0)
        if _other_state(place, region, admin1):
            score -= _OTHER_STATE_PENALTY  # a small town of that name in another state, in a report about this one
        if _LOCATIVE.search(before[-20:]):
            score += 1.5
        if anchors and min(abs(start - a) for a in anchors) < 200:
            score += 1.0
        score -= 0.1 * rank
        mentions.append(PlaceMention(start, end, place, score))
    if title:
        # "Man shot on Elm St. - WBTV Charlotte": places after the last separator are the outlet's
        outlet_from = _outlet_start(title)
        capitals = is_title_case(title)  # "3-Year-Old Yarmouth Girl ...": capitals there mark no longer name
        named = {(s, e) for s, e, _ in gaz.scan(title)} | _headline_towns(title, gaz)
        openers = _opening_towns(title, gaz) - named
        for start, end in sorted(named | openers):
            if _name_key(title[start:end]) in not_places:
                continue  # "2 teenage boys shot in Roseland" when the text says "the Roseland neighborhood"
            admin1, cc = _hint_after(title, start, end, gaz)
            if not (admin1 or cc):
                admin1, cc = hints.get(title[start:end].lower(), (None, None))
            if _SITE_AFTER.match(title[end : end + 40]):
                continue
            before = title[max(0, start - 25) : start]
            if ((not capitals and (_PROPER_BEFORE.search(before) or _PROPER_AFTER.match(title[end : end + 30])))
                    or _STREET_BEFORE.search(before) or _NOT_THE_PLACE_AFTER.match(title[end : end + 40])):
                continue
            place = _resolve(gaz, title[start:end], cc or country, admin1, region, explicit=bool(cc), guessed=guessed)
            if place is not None and (start, end) in openers and country is not None and place.country_code != country:
                continue  # a last resort only inside the report's own country, where it has one
            if place is not None:
                # the headline's places beat the body's, more so with their state ("Lake Butler, Fla."); the
                # outlet's home town is only a fallback
                score = (_SPECIFICITY.get(place.kind, 1.0) + 2.0 + (admin1 is not None and place.admin1 == admin1)
                         if start < outlet_from and (start, end) not in openers else _DATELINE_SCORE)
                if _other_state(place, region, admin1):
                    score -= _OTHER_STATE_PENALTY
                mentions.append(PlaceMention(start, end, place, score, "title"))
    if dl is not None:
        mentions.append(dl)
    mentions += _police_towns(text)
    if not mentions:
        return Location()
    mentions = _near_the_police(mentions, text, title or "")
    best = max(mentions, key=lambda m: m.score)
    if (dl is not None and best is not dl and best.place.kind == "admin1" and dl.place.kind == "city"
            and dl.place.admin1 == best.place.name and dl.place.country_code == best.place.country_code):
        best = dl  # "NEW STANTON, Pa. - ... Pennsylvania state police said": the dateline's town, inside that state
    # a neighbourhood is not the town ("the Brighton Park neighborhood" of a Chicago story): when the
    # report names a town near it, the town is the place and the neighbourhood its district
    district = None
    if _is_neighbourhood(best, text, neighbourhoods):
        town = max((m for m in mentions if not _is_neighbourhood(m, text, neighbourhoods)),
                   key=lambda m: m.score, default=None)  # fmt: skip
        if town is not None and town.place.kind == "city" and _km(town.place, best.place) <= _DISTRICT_KM:
            best, district = town, best
    source = (title or "") if best.field == "title" else text
    location = to_location(best.place, Evidence(best.start, best.end, source[best.start : best.end], best.field))
    if district is None:
        return location
    name = re.sub(r"^(?i:the)\s+", "", text[district.start : district.end])
    span = Evidence(district.end - len(name), district.end, name)
    return dataclasses.replace(location, district=name, evidence=(*location.evidence, span))


@functools.lru_cache(maxsize=16)  # asked for by every event's place, date and perpetrator stages
def _dateline_match(text: str) -> re.Match[str] | None:
    """The first line-initial "PLACE, Region -" (or capitalised dateline) whose place is a known
    place: "ISAF Joint Command - Afghanistan" is a header, "KABUL, Afghanistan (June 21, 2011)" the dateline."""
    gaz = Gazetteer.default()
    for m in (*_DATELINE.finditer(text[:300]), *_CAPS_DATELINE.finditer(text[:600])):
        if gaz.lookup(m.group("place").strip()):
            return m
    return None


def dateline_span(text: str) -> tuple[int, int] | None:
    """Where the wire dateline ("KABUL, Afghanistan (Jan. 25, 2013) –") stands, if there is one."""
    m = _dateline_match(text)
    return (m.start("place"), m.end()) if m else None


@functools.lru_cache(maxsize=16)  # asked for by every event's perpetrator stage
def dateline_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The report's dateline and every later paragraph that opens with one ("MOSUL, Iraq, March 3 -"
    in a round-up), by the same pattern as :func:`dateline_span`. A later one must look like a wire
    dateline (a place in capitals, or with its region, day or source): "Syed -- police said he has
    no record -- left" opens a paragraph with the suspect's name."""
    gaz = Gazetteer.default()
    first = dateline_span(text)
    spans = {first} if first else set()
    for m in _DATELINE.finditer(text):
        place = m.group("place").strip()
        wire = place.isupper() or m.group("region") or m.group("day") or "(" in m.group(0)
        if wire and gaz.lookup(place):
            spans.add((m.start("place"), m.end()))
    return tuple(sorted(spans))


_POLICE_AFTER = re.compile(r"\s+(?:[Pp]olice|PD|[Ss]heriff)\b")
_NEIGHBOURHOOD_KM = 40.0


def _near_the_police(mentions: list[PlaceMention], text: str, title: str) -> list[PlaceMention]:
    """"Baltimore police investigate triple shooting in Brooklyn": with a city's police on the case, a
    far town of the same name as a neighbourhood ("Brooklyn", "Austin") is that city's neighbourhood,
    so it ranks below the police's city."""
    police = [m.place for m in mentions
              if m.place.kind == "city" and m.place.lat is not None and m.score >= _DATELINE_SCORE
              and _POLICE_AFTER.match((title if m.field == "title" else text)[m.end : m.end + 20])]
    if not police:
        return mentions
    out = []
    for m in mentions:
        if (m.place.kind == "city" and m.place.lat is not None and m.place.lon is not None
                and all(_km(m.place, p) > _NEIGHBOURHOOD_KM for p in police)):
            m = PlaceMention(m.start, m.end, m.place, m.score - _OTHER_STATE_PENALTY, m.field)
        out.append(m)
    return out


def _km(a: Place, b: Place) -> float:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return 0.0
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(h))


_IN_TOWN = re.compile(r"\b(?:in|at|near|outside)\s+(?P<name>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2})")


_DISTRICT_KM = 30.0  # a neighbourhood's town is near the place its name resolved to
_BIG_CITY = 100_000  # "crime statistics by Portland neighborhood": a big city's name is not a district


def _is_neighbourhood(m: PlaceMention, text: str, neighbourhoods: set[str]) -> bool:
    return (m.field == "text" and _name_key(text[m.start : m.end]) in neighbourhoods
            and not (m.place.kind == "city" and m.place.population >= _BIG_CITY))  # fmt: skip


def _name_key(name: str) -> str:
    """"the East Side" and "East Side" alike."""
    return re.sub(r"^the\s+", "", " ".join(name.lower().split()))


# a headline that opens on its town: "Alturas shooting victims identified", "Orangeburg man shot while hunting"
_TOWN_BEFORE_NOUN = re.compile(
    r"(?:^|[:|]\s+)(?P<name>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,2})\s+(?i:man|woman|teen|teenager|boy|girl|"
    r"couple|father|mother|mom|dad|shooting|homicide|police|officer|deputy|family|student|resident|toddler)s?\b"
)


def _opening_towns(title: str, gaz: Gazetteer) -> set[tuple[int, int]]:
    """A town opening the headline before a person or "shooting": "Orangeburg man shot while hunting"
    (often the victim's home, so only a last resort); not a common word ("One man", "Young man")."""
    out = set()
    for m in _TOWN_BEFORE_NOUN.finditer(title):
        name = m.group("name")
        if normalize_key(name.split()[0]) in gaz.index.stoplist:
            continue
        if any(p.kind == "city" and p.population >= _TITLE_TOWN for p in gaz.lookup(name)[:3]):
            out.add((m.start("name"), m.end("name")))
    return out


def _headline_towns(title: str, gaz: Gazetteer) -> set[tuple[int, int]]:
    """Small towns the usual scan leaves out, named after "in", "at", "near": "Juvenile shot in Duquesne"."""
    out = set()
    for m in _IN_TOWN.finditer(title):
        name = m.group("name")  # the whole capitalised run: "in Orange County" is not Orange, California
        if any(p.kind == "city" and p.population >= _TITLE_TOWN for p in gaz.lookup(name)[:3]):
            out.add((m.start("name"), m.end("name")))
    return out


def _site_named_like_a_town(place: Place, before: str, after: str) -> bool:
    """"the parking lot of the Puerto Vallarta", "on the East Side": a business or a part of town
    that shares a town's name (towns take no article, districts and counties do: "the Zurmat district")."""
    if place.kind != "city":
        return False
    if _OF_THE_BEFORE.search(before[-20:]):
        return True
    return place.population < _BIG_CITY and bool(_SITE_BEFORE.search(before[-20:])) and not _ADMIN_AFTER.match(after)


_OUTLET_TOWN = re.compile(r"(?P<town>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?),?\s(?P<state>[A-Z]{2})\b")


def _outlet_start(title: str) -> int:
    """Where the outlet's name starts in "Man shot on Elm St. - WBTV Charlotte" (the title's length if none)."""
    cut = max(title.rfind(" - "), title.rfind(" | "), title.rfind(" – "))
    return cut if cut > 15 and len(title) - cut < 80 else len(title)


def _big_city(gaz: Gazetteer, name: str, country: str | None) -> Place | None:
    found = gaz.resolve(name, country_code=country)
    return found if found is not None and found.kind == "city" and found.population >= _BIG_CITY else None


def _other_state(place: Place, region: str | None, admin1: str | None) -> bool:
    """A small town outside the report's state with no qualifier of its own: likely a misreading
    (a neighbourhood, a street, a namesake), unlike a big city named in passing."""
    return bool(region and not admin1 and place.kind == "city" and place.admin1 != region
                and place.population < _BIG_CITY)


def _resolve(gaz: Gazetteer, name: str, country: str | None, admin1: str | None, region: str | None,
             *, explicit: bool = False, guessed: bool = False) -> Place | None:
    """Resolve a name with its own qualifier, else inside the report's state or province when a
    place of that name lies there ("Roswell" in a report about New Mexico), else anywhere."""
    if admin1 is None and region is not None and gaz.lookup(name, country_code=country, admin1=region):
        return gaz.resolve(name, country_code=country, admin1=region)
    found = gaz.resolve(name, country_code=country, admin1=admin1)
    if found is None and country and guessed and not explicit:
        return gaz.resolve(name, admin1=admin1)  # the guessed country was wrong: "Chicago" is not in England
    if found is not None and country and not explicit and found.population < _VILLAGE:
        # the report's country is a guess from its other places: "Baghdad" is Iraq's capital,
        # not an Iranian village of that name
        anywhere = gaz.lookup(name)
        if anywhere and anywhere[0].population >= _BIG_CITY and anywhere[0].country_code != found.country_code:
            return anywhere[0]
    return found


def _document_admin1(
    ctx: EventContext, gaz: Gazetteer, hints: dict[str, tuple[str | None, str | None]], country: str | None,
    title: str | None = None,
) -> str | None:
    """The state or province the whole report is about, if it says so clearly enough.

    Votes: a qualifier ("Roswell, N.M.", the dateline's "ROSWELL, N.M.") 3, a state or province named
    in the text 2, a place whose name is unambiguous in the country 1. Needs 2 votes and a lead.
    """
    votes: Counter[str] = Counter()
    for admin1, _ in hints.values():
        if admin1:
            votes[admin1] += 3
    m = _dateline_match(ctx.text)
    if m and m.group("region"):
        for cand in gaz.lookup(m.group("region"))[:1]:
            if cand.kind == "admin1":
                votes[cand.name] += 3
    elif m:
        for cand in gaz.lookup(m.group("place").strip(), country_code=country)[:1]:
            if cand.kind in ("city", "admin2") and cand.admin1 and cand.population >= _BIG_CITY:
                votes[cand.admin1] += 2  # "OAKLAND --": a big city's state
    seen: set[str] = set()
    for ent in ctx.doc.ents:
        if ent.label_ not in ("GPE", "LOC") or ent.text.lower() in seen:
            continue
        seen.add(ent.text.lower())
        cands = gaz.lookup(ctx.text[ent.start_char : ent.end_char], country_code=country)
        if not cands:
            continue
        top = cands[0]
        if top.kind == "admin1" and _SITE_AFTER.match(ctx.text[ent.end_char : ent.end_char + 40]):
            continue  # "Maryland Drive", "Virginia Avenue": a street, not the state
        if top.kind == "admin1":
            votes[top.name] += 2
        elif top.kind in ("city", "admin2") and top.admin1 and len({c.admin1 for c in cands[:5]}) == 1:
            votes[top.admin1] += 1
    outlet_from = _outlet_start(title or "")
    for start, end, _ in gaz.scan(title or ""):  # "New Jersey Shooting Leaves Tot, Man Dead"
        for cand in gaz.lookup(title[start:end] if title else "", country_code=country)[:1]:
            if cand.kind == "admin1":
                votes[cand.name] += 2
            elif start >= outlet_from and cand.kind == "city" and cand.admin1 and cand.population >= _BIG_CITY:
                votes[cand.admin1] += 2  # "... - WMC Action News 5 - Memphis": a local outlet's state
    # "... - Fox 47 Rochester MN News", "... - WTVM.com-Columbus, GA News": a local outlet's town and state
    for m in _OUTLET_TOWN.finditer(title or "", outlet_from):
        for cand in gaz.lookup(f"{m.group('town')}, {m.group('state')}", country_code=country)[:1]:
            if cand.kind == "city" and cand.admin1:
                votes[cand.admin1] += 3
    for police in _police_towns(ctx.text):  # "IMPD": Indiana
        if police.place.admin1:
            votes[police.place.admin1] += 2
    if not votes:
        return None
    (best, n), *rest = votes.most_common(2)
    if n < 2 or (rest and rest[0][1] >= n):
        return None
    return best


def _dateline(ctx: EventContext, gaz: Gazetteer, country: str | None, region_hint: str | None = None) -> PlaceMention | None:
    m = _dateline_match(ctx.text)
    if not m:
        return None
    region = m.group("region")
    admin1, cc = (None, None)
    if region:
        for cand in gaz.lookup(region):
            if cand.kind == "admin1":
                admin1, cc = cand.name, cand.country_code
                break
            if cand.kind == "country":
                cc = cand.country_code
                break
    place = _resolve(gaz, m.group("place").strip(), cc or country, admin1, region_hint)
    if place is None:
        return None
    return PlaceMention(m.start("place"), m.start("place") + len(m.group("place").strip()), place, _DATELINE_SCORE)
