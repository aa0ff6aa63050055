"""What identifies one incident in a report's text: proper-noun phrases, person names, street names
and headline words, all lower-cased and normalised so that two reports can be compared.

The word lists are data files (``src/eventdesk/data/resolve_*``), read once on first use.
"""

from __future__ import annotations

import functools
import re

from eventdesk.resources import read_lines, read_tsv

_CAP = r"(?:[A-Z][\w'’.-]*[a-z][\w'’.-]*|[A-Z]\.)"
_PHRASE = re.compile(rf"\b{_CAP}(?:[ \t]+{_CAP})+")
_WORD = re.compile(r"[a-z0-9][a-z0-9'-]+")
_TERM = re.compile(r"[a-z][a-z'-]+")
# a word of a street name: capitalised ("Prouty", "W.") or an ordinal ("25th")
_STREET_WORD = re.compile(r"(?:[A-Z][\w'’-]*\.?|\d+(?:st|nd|rd|th))")
_TOKEN = re.compile(r"\S+")
_BLOCK = re.compile(
    r"\bblock of ((?:[A-Z][\w'’-]*\.?|\d+(?:st|nd|rd|th))(?:[ ](?:[A-Z][\w'’-]*\.?|\d+(?:st|nd|rd|th))){0,3})"
)
_AMBIGUOUS_TYPES = {"st", "dr"}  # "St. Louis", "Dr. Smith": only a street type when nothing capitalised follows


@functools.cache
def lexicon(name: str) -> frozenset[str]:
    """The words of a whitespace-separated word-list data file (``resolve_*.txt``)."""
    return frozenset(w for line in read_lines(name) for w in line.split())


@functools.cache
def street_types() -> dict[str, str]:
    """Street type word (full or abbreviated) -> its canonical form (``resolve_street_types.tsv``)."""
    return {r["word"]: r["canonical"] for r in read_tsv("resolve_street_types.tsv")}


def normalise(text: str) -> str:
    return " ".join(_WORD.findall(text.lower().replace("’", "'")))


def proper_phrases(text: str) -> set[str]:
    """Multi-word proper-noun phrases ("Kevin Barbee", "Burning Tree Apartments"), lower-cased,
    with leading titles and generic words stripped; phrases made only of generic words are dropped."""
    generic, boiler = lexicon("resolve_generic.txt"), lexicon("resolve_boilerplate.txt")
    out: set[str] = set()
    for match in _PHRASE.finditer(text):
        before = text[max(0, match.start() - 3) : match.start()].lower()
        if before == "by " or match.group(0).startswith("By ") or before.endswith("/"):
            continue  # a by-line or a photo credit ("DNAinfo/Alex Nitkin") names the reporter, not the incident
        words = [w.strip(".'’-").lower() for w in match.group(0).split()]
        while words and words[0] in generic:
            words.pop(0)
        while words and words[-1] in generic:
            words.pop()
        words = [w.removesuffix("'s").removesuffix("’s") for w in words]
        if any(w in boiler for w in words):
            continue
        if len(words) >= 2 and not all(w in generic for w in words) and any(len(w) > 2 for w in words):
            out.add(" ".join(words))
    return out


def name_of(text: str) -> str | None:
    """A person-like name inside a victim or perpetrator mention, as first and last word
    ("15-year-old Kevin Michael Barbee" -> "kevin barbee"), or ``None``."""
    phrases = sorted(proper_phrases(text), key=len, reverse=True)
    if not phrases:
        return None
    words = phrases[0].split()
    return f"{words[0]} {words[-1]}"


def _street(words: list[str], kind: str) -> str | None:
    generic, directions = lexicon("resolve_generic.txt"), lexicon("resolve_directions.txt")
    words = [w.strip(".'’-").lower().removesuffix("'s") for w in words]
    while len(words) > 1 and (words[0] in directions or words[0] in generic):
        words.pop(0)
    if not words or any(w in lexicon("resolve_not_streets.txt") for w in words):
        return None
    if kind and len(words) == 1 and words[0] in directions:
        return f"{words[0]} {kind}"  # "North Avenue"
    if all(w in generic or w in directions or w.isdigit() for w in words):
        return None
    return " ".join([*words, kind]) if kind else " ".join(words)


def street_names(text: str) -> set[str]:
    """Street names ("500 block of Prouty Ave." -> "prouty avenue"), the street type normalised and
    leading compass words dropped; "block of Aspen Meadow" gives "aspen meadow" (no type)."""
    types = street_types()
    out: set[str] = set()
    tokens = _TOKEN.findall(text)
    for i, token in enumerate(tokens):
        bare = token.rstrip(".,;:)\"'’")
        kind = types.get(bare.lower()) if bare[:1].isupper() else None
        if kind is None or i == 0:
            continue
        ended = bare != token.rstrip(".")  # "Main St, ..." : punctuation after the type
        if bare.lower() in _AMBIGUOUS_TYPES and not ended and i + 1 < len(tokens) and tokens[i + 1][:1].isupper():
            continue
        words: list[str] = []
        for prev in reversed(tokens[max(0, i - 3) : i]):
            if not _STREET_WORD.fullmatch(prev):
                break
            words.insert(0, prev)
        if words and (name := _street(words, kind)) is not None:
            out.add(name)
    for match in _BLOCK.finditer(text):
        words = match.group(1).split()
        kind = types.get(words[-1].rstrip(".").lower(), "") if len(words) > 1 else ""
        if (name := _street(words[:-1] if kind else words, kind)) is not None:
            out.add(name)
    return out


def strip_site(title: str | None) -> str:
    """The headline without a trailing site name ("Man shot in Tyler - KLTV" -> "Man shot in Tyler")."""
    if not title:
        return ""
    for sep in (" | ", " - ", " — ", " – "):
        head, found, _ = title.rpartition(sep)
        if found and len(head) >= 20:
            title = head
    return title


def content_words(text: str) -> frozenset[str]:
    """The distinct content words of ``text`` (lower-case, three letters or more, no function,
    casualty, attack or generic words): what the text similarity of two reports compares."""
    stop = lexicon("resolve_stopwords.txt") | lexicon("resolve_generic.txt")
    return frozenset(w for w in _TERM.findall(text.lower().replace("’", "'")) if len(w) > 2 and w not in stop)


def title_words(title: str | None) -> frozenset[str]:
    """Content words of a headline (no function, casualty or attack words, no numbers)."""
    title = strip_site(title)
    if not title:
        return frozenset()
    stop = lexicon("resolve_stopwords.txt")
    words = _WORD.findall(title.lower())
    return frozenset(w for w in words if w not in stop and len(w) > 2 and not w[0].isdigit())
