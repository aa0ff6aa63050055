"""Find gazetteer names in running text (Aho-Corasick over name keys, with exact offsets).

The text is put in key form word by word (:func:`normalize.key_words`), so "SAN SALVADOR",
"San Salvador" and "san-salvador" all match the key "san salvador" and map back to their exact
characters. Matches must start and end on word boundaries; overlapping matches keep the longest
(then the leftmost). A separate pass finds "City, ST" datelines and mentions ("Harvey, Ill.").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import ahocorasick

from eventdesk.geo.normalize import key_words, normalize_key
from eventdesk.geo.store import ADMIN2, CITY

if TYPE_CHECKING:
    from eventdesk.geo.gazetteer import Gazetteer

# A generic word right after a name extends the span: "Ghazni province", "Harris County".
_AREA_TAIL = re.compile(
    r"[ \t]+(?:province|governorate|oblast|state|region|department|district|county|parish|prefecture)\b"
    # not "Texas Department of Corrections", "Michigan State University", "Ohio State Patrol"
    r"(?![ \t]+(?:of|university|college|police|patrol|troopers?|prison|penitentiary|senate|house|"
    r"department|board|highway|road|route|park|hospital|fair|representative|senator|rep|sen)\b)",
    re.IGNORECASE,
)
_ADMIN2_WORDS = frozenset({"county", "parish", "district", "province", "borough", "governorate", "municipality"})
_MIN_ALT_LEN = 4  # alternate names shorter than this are too ambiguous to scan for ("Civ")
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "but",
        "if",
        "is",
        "it",
        "its",
        "he",
        "she",
        "we",
        "they",
        "you",
        "i",
        "no",
        "not",
        "which",
        "who",
        "what",
        "that",
        "this",
        "these",
        "those",
        "there",
        "here",
        "however",
        "therefore",
        "meanwhile",
        "contrary",
        "said",
    ]
)


class Scanner:
    """An automaton over the names worth finding in text; built once per population threshold."""

    def __init__(self, gazetteer: Gazetteer, *, min_population: int = 15000) -> None:
        self._gaz = gazetteer
        idx = gazetteer.index
        pops = idx.populations
        auto = ahocorasick.Automaton()
        self._stop = idx.stoplist
        # state abbreviations ("Pa.", "Penn", "Calif.") only count after "City, ": see _city_state
        abbrs = {normalize_key(a) for a in idx.us_state_abbrs}
        for key, v in idx.keys.items():
            if len(key) < 3 or not key[0].isalnum() or key in abbrs or self._common(key):
                continue
            ids = [v] if isinstance(v, int) else v
            for i in ids:
                if i < idx.n_cities:
                    if pops[i] < min_population:
                        continue
                    if key != idx.primary_keys[i] and len(key) < _MIN_ALT_LEN:
                        continue
                else:
                    e = idx.entry(i)
                    if e.kind == ADMIN2 and not (_ADMIN2_WORDS & set(key.split())):
                        continue
                    if len(key) < 4 and e.kind != CITY and " " not in key and key != normalize_key(e.name):
                        continue  # "pa", "ill", "nc": abbreviations only count after "City, "
                auto.add_word(key, len(key))
                break
        auto.make_automaton()
        self._auto = auto
        self._state_re = _state_pattern(gazetteer, postal=True)
        self._state_re_caps = _state_pattern(gazetteer, postal=False)

    def scan(self, text: str) -> list[tuple[int, int, str]]:
        """See :meth:`Gazetteer.scan`."""
        if not text:
            return []
        norm, starts, ends = key_words(text)
        require_cap = any(ch.isupper() for ch in text) and any(ch.islower() for ch in text)
        found: list[tuple[int, int]] = []
        for end_idx, length in self._auto.iter(norm):
            ns = end_idx - length + 1
            s, e = starts[ns], ends[end_idx]
            if s < 0 or e < 0:
                continue
            if require_cap and not text[s].isupper():
                continue
            m = _AREA_TAIL.match(text, e)
            if m is not None:
                e = m.end()
            found.append((s, e))
        found.extend(self._city_state(text, mixed_case=require_cap))
        found.sort(key=lambda se: (se[0], -se[1]))
        out: list[tuple[int, int, str]] = []
        last_end = -1
        for s, e in found:
            if s >= last_end:
                out.append((s, e, text[s:e]))
                last_end = e
        return out

    def _city_state(self, text: str, *, mixed_case: bool) -> list[tuple[int, int]]:
        """'Harvey, Ill.' / 'LOWER MACUNGIE TOWNSHIP, PA.': up to 5 capitalised words, comma, state.

        Two-letter postal codes count only in mixed-case text (in capitals "HOWEVER, IN" is prose).
        A run naming no known place is kept whole in mixed-case text; in capitals only an
        abbreviated state ("PA.") is kept, since the run may be any words.
        """
        out = []
        pattern = self._state_re if mixed_case else self._state_re_caps
        for m in pattern.finditer(text):
            state = m.group("state")
            words = [w.start() for w in re.finditer(r"\S+", m.group("place"))]
            base, end = m.start("place"), m.end("place")
            for w in words:  # the longest run of words that names a known place
                cand = text[base + w : end]
                if normalize_key(cand).split()[0] not in _FUNCTION_WORDS and self._gaz._resolve_in(cand, "US", state):
                    out.append((base + w, m.end("state")))
                    break
            else:
                # drop leading function words ("In Zzyzxville, Pa." -> "Zzyzxville, Pa.")
                first = next(
                    (w for w in words if not self._common(normalize_key(text[base + w : end].split()[0]))),
                    None,
                )
                if mixed_case and first is not None:
                    out.append((base + first, m.end("state")))
                elif not mixed_case and state.endswith("."):
                    out.append((m.start("state"), m.end("state")))
        return out

    def _common(self, key: str) -> bool:
        """A stoplisted key, or one made of function words around at most a stoplisted word.

        "the center", "however we" and "bank" are common; "west bank" (two stoplisted words) is not.
        """
        if key in self._stop:
            return True
        words = key.split()
        core = [w for w in words if w not in _FUNCTION_WORDS]
        return not core or (len(core) == 1 and core[0] in self._stop)


def _state_pattern(gaz: Gazetteer, *, postal: bool) -> re.Pattern[str]:
    """Regex for '<Capitalised words>, <US state>': AP abbreviations, names, postal codes."""
    idx = gaz.index
    codes = sorted(code for (cc, code) in idx.admin1_ids if cc == "US")
    names = {idx.names[idx.admin1_ids[("US", c)]] for c in codes}
    alt_abbr = "|".join(re.escape(a) for a in sorted(idx.us_state_abbrs, key=len, reverse=True))
    alt_name = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    alt_code = "|".join(codes) if postal else "(?!)"
    word = r"[A-Z][\w'’.-]*"
    return re.compile(
        rf"(?P<place>{word}(?:[ ]{word}){{0,4}}),[ ]"
        rf"(?P<state>(?i:{alt_abbr})|(?i:{alt_name})\b|(?:{alt_code})\b)"
    )
