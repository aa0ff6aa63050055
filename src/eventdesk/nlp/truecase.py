"""Case restoration for ALL-CAPS and all-lower-case wire text, before the cased spaCy model runs.

The output has exactly the same length as the input (character for character), so every token
offset computed on the restored text is valid in the original text, and evidence is cut from the
original. Heuristic, in order of precedence:

1. everything is lower-cased;
2. the first letter of each sentence (after ``.``, ``!``, ``?``, a line break or ``--``) is upper-cased;
3. known proper names are title-cased: gazetteer places (countries, regions, cities), armed groups,
   months, weekdays, nationalities, and words after a person's title ("president", "colonel");
   so is any word that is not English (not in the lemma tables of the spaCy model), which catches
   most personal names ("ellacuria" -> "Ellacuria");
4. short known acronyms and letter strings without vowels (FMLN, URNG, EFE) are upper-cased again.

Trade-off, measured in docs/benchmarks.md: NER on restored text is not as good as on naturally
cased text, but far better than on ALL CAPS, where the sm model tags almost every token.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from eventdesk.resources import read_lines

_WORD = re.compile(r"[A-Za-z][A-Za-z'.-]*")
_SENT_START = re.compile(r"(?:^|[.!?]\s+|\n\s*|--\s*|\[TEXT\]\s*|\"\s*)([a-z])", re.IGNORECASE)
_VOWELS = set("aeiouy")


def is_title_case(text: str) -> bool:
    """"Man Killed Few Blocks From Home": most words capitalised, so a capital marks no name."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    return len(words) > 2 and sum(w[0].isupper() for w in words) > 0.6 * len(words)


def needs_truecasing(text: str) -> bool:
    """True when the text is (almost) all upper case or all lower case."""
    letters = [c for c in text[:50_000] if c.isalpha()]
    if len(letters) < 20:
        return False
    upper = sum(1 for c in letters if c.isupper())
    share = upper / len(letters)
    return share > 0.7 or share < 0.01


@functools.lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str], tuple[str, ...]]:
    """(proper words, acronyms, title words, multi-word proper names) from the data files."""
    proper: set[str] = set()
    multi: list[str] = []
    for line in read_lines("truecase_proper.txt"):
        if " " in line:
            multi.append(line.lower())
        else:
            proper.add(line.lower())
    acronyms = frozenset(w.lower() for w in read_lines("truecase_acronyms.txt"))
    titles = frozenset(w.lower() for w in read_lines("truecase_titles.txt"))
    return frozenset(proper), acronyms, titles, tuple(multi)


@functools.lru_cache(maxsize=1)
def _english() -> frozenset[str]:
    """Lower-case English words: the lemma tables that ship inside the spaCy model package."""
    from eventdesk.nlp.model import load_nlp

    words: set[str] = set()
    try:
        lookups = load_nlp().get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    except (KeyError, AttributeError):
        return frozenset()
    index = lookups.get_table("lemma_index")
    for key in index:
        words.update(index[key])
    exc = lookups.get_table("lemma_exc")
    for key in exc:
        words.update(exc[key].keys())
    return frozenset(w for w in words if w.isalpha())


_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ves", "f"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
             ("ing", ""), ("ing", "e"), ("ly", ""), ("er", ""), ("est", ""), ("ers", ""), ("'s", ""))


def is_english_word(word: str) -> bool:
    """True when ``word`` (lower case) or a simple de-inflection of it is an English lemma."""
    english = _english()
    if word in english or word in _FUNCTION_WORDS:
        return True
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)] + repl
            if stem in english or (len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in english):
                return True
    return False


def _place_spans(text: str) -> Iterable[tuple[int, int]]:
    try:
        from eventdesk.geo.gazetteer import Gazetteer
    except ImportError:  # pragma: no cover - the geo stage is part of the package
        return []
    return [(s, e) for s, e, _ in Gazetteer.default().scan(text)]


def _title(chars: list[str], start: int, end: int) -> None:
    at_word_start = True
    for i in range(start, end):
        c = chars[i]
        if c.isalpha():
            if at_word_start:
                up = c.upper()
                chars[i] = up if len(up) == 1 else c
            at_word_start = False
        else:
            at_word_start = c in " -/("


def restore_case(text: str) -> str:
    """Return a case-restored copy of ``text`` of exactly the same length."""
    chars = [c.lower() if len(c.lower()) == 1 else c for c in text]
    proper, acronyms, titles, multi = _lexicon()
    lowered = "".join(chars)

    for start, end in _place_spans(lowered):
        _title(chars, start, end)
    for name in multi:
        for m in re.finditer(r"\b" + re.escape(name) + r"\b", lowered):
            _title(chars, m.start(), m.end())

    words = list(_WORD.finditer(lowered))
    for i, m in enumerate(words):
        w = m.group(0).rstrip(".'")
        if m.start() > 0 and lowered[m.start() - 1].isdigit():
            continue  # the suffix of an ordinal or a unit: "22nd", "9mm"
        if w in acronyms or (2 <= len(w) <= 5 and not (_VOWELS & set(w)) and w.isalpha()):
            for j in range(m.start(), m.start() + len(w)):
                up = chars[j].upper()
                chars[j] = up if len(up) == 1 else chars[j]
        elif w in proper:
            _title(chars, m.start(), m.end())
        elif len(w) >= 3 and w.isalpha() and not is_english_word(w):
            _title(chars, m.start(), m.end())  # not an English word: most likely a name
        elif w in titles and i + 1 < len(words):
            # "president alfredo cristiani" -> title-case up to two following name-like words
            for nxt in words[i + 1 : i + 3]:
                word = nxt.group(0)
                if word in titles or len(word) < 3 or word in _FUNCTION_WORDS:
                    break
                _title(chars, nxt.start(), nxt.end())

    out_so_far = "".join(chars)
    for m in _STREET_TYPE.finditer(out_so_far):
        _title(chars, m.start("type"), m.end("type"))  # "Sherwood street" -> "Sherwood Street"

    for m in _SENT_START.finditer(lowered):
        j = m.start(1)
        up = chars[j].upper()
        chars[j] = up if len(up) == 1 else chars[j]
    out = "".join(chars)
    assert len(out) == len(text)
    return out


# a street type after a capitalised name or a house number belongs to the name: "Sherwood Street"
_STREET_TYPE = re.compile(
    r"(?:\b[A-Z][a-z'’]+|\b\d{1,5}(?:st|nd|rd|th)?)\s+(?P<type>street|avenue|road|boulevard|lane|drive|parkway|"
    r"highway|place|court|terrace|way|streets|avenues|roads|mile)\b"
)

_FUNCTION_WORDS = frozenset(
    ["the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "by", "for", "with", "from", "that", "this", "said", "says", "was", "were", "is", "are", "has", "have", "had", "who", "which", "as", "he", "she", "they", "it", "its", "his", "her", "their", "been", "be", "not", "but", "also", "today", "yesterday"]
)
