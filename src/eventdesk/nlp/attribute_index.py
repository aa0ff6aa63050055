"""The model's ``attribute_ruler`` matches, found by dictionary look-up instead of spaCy's ``Matcher``.

en_core_web_sm's attribute ruler maps tags to POS and fixes a few words with 179 rules of one or
two tokens (``{"TAG": "NN"}``, ``{"LOWER": {"IN": [...]}, "DEP": "pobj"}``). spaCy's ``Matcher``
tries every rule at every token, which took 7-12% of the whole pipeline's time
(docs/benchmarks.md). :class:`AttributeRuleIndex` files each pattern under the values its first
token asks for, and tests a token's attribute values against the rules once per distinct set of
values (the same words with the same tags recur), not once per token. It returns the same list as
``AttributeRuler.match`` (rule order, ids, spans; duplicates dropped as the ``Matcher`` does), so
the ruler sets exactly the same attributes. A rule it cannot read (quantifier operators, numeric
comparisons, extension attributes) leaves the ruler on its ``Matcher``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from spacy.attrs import IDS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler
    from spacy.strings import StringStore
    from spacy.tokens import Doc

Match = tuple[int, int, int, int]  # (rule number, match id, start, end): AttributeRuler.match's items
_ALIASES = {"TEXT": "ORTH"}
_ROW_CACHE = 20_000  # distinct attribute rows remembered (a few MiB); cleared when full


class UnsupportedPattern(ValueError):
    """A token pattern this index cannot read; the ``Matcher`` keeps the rule."""


@dataclass(frozen=True)
class _Check:
    column: int  # index into the attribute columns of ``Doc.to_array``
    op: str  # "IN" | "NOT_IN" | "REGEX" (an exact value is "IN" one value)
    values: frozenset[int] = frozenset()
    regex: re.Pattern[str] | None = None

    def test(self, value: int, strings: StringStore) -> bool:
        if self.op == "IN":
            return value in self.values
        if self.op == "NOT_IN":
            return value not in self.values
        assert self.regex is not None
        return bool(self.regex.search(strings[value]))


@dataclass(frozen=True)
class _Rule:
    number: int
    match_id: int
    tokens: tuple[tuple[_Check, ...], ...]


class AttributeRuleIndex:
    """``AttributeRuler.match`` with the rules filed under their first token's exact values."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self._strings = ruler.vocab.strings
        self._names: list[str] = []
        # first-token columns with exact values -> (their values -> rules); rules without any: scanned
        self._indexed: dict[tuple[int, ...], dict[tuple[int, ...], list[_Rule]]] = {}
        self._scanned: list[_Rule] = []
        for number in range(len(ruler.attrs)):
            key = str(number)
            for pattern in ruler.matcher.get(key)[1]:
                if not pattern:
                    raise UnsupportedPattern(f"rule {number}: empty pattern")
                rule = _Rule(number, int(self._strings[key]), tuple(self._token(t) for t in pattern))
                exact = [c for c in rule.tokens[0] if c.op == "IN"]
                if not exact:
                    self._scanned.append(rule)
                    continue
                table = self._indexed.setdefault(tuple(c.column for c in exact), {})
                for values in itertools.product(*(sorted(c.values) for c in exact)):
                    table.setdefault(values, []).append(rule)
        self._attr_ids = [IDS[name] for name in self._names]
        # a token's attribute values -> what its first-token tests give; the same words recur
        self._by_row: dict[tuple[int, ...], tuple[tuple[tuple[int, int], ...], tuple[_Rule, ...]]] = {}

    def _token(self, spec: Mapping[str, Any]) -> tuple[_Check, ...]:
        checks = []
        for raw_name, value in spec.items():
            name = _ALIASES.get(raw_name.upper(), raw_name.upper())
            if name not in IDS or name == "OP":
                raise UnsupportedPattern(f"token pattern {spec!r}")
            if name not in self._names:
                self._names.append(name)
            column = self._names.index(name)
            if not isinstance(value, dict):
                checks.append(_Check(column, "IN", self._values([value], spec)))
            elif len(value) == 1 and "REGEX" in value and isinstance(value["REGEX"], str):
                checks.append(_Check(column, "REGEX", regex=re.compile(value["REGEX"])))
            elif len(value) == 1 and set(value) <= {"IN", "NOT_IN"}:
                op, listed = next(iter(value.items()))
                checks.append(_Check(column, op, self._values(listed, spec)))
            else:
                raise UnsupportedPattern(f"token pattern {spec!r}")
        return tuple(checks)

    def _values(self, listed: Any, spec: Mapping[str, Any]) -> frozenset[int]:
        if not isinstance(listed, (list, tuple)):
            raise UnsupportedPattern(f"token pattern {spec!r}")
        out = set()
        for v in listed:
            if isinstance(v, str):
                out.add(int(self._strings[v]))
            elif isinstance(v, (bool, int)):
                out.add(int(v))
            else:
                raise UnsupportedPattern(f"token pattern {spec!r}")
        return frozenset(out)

    def match(self, doc: Doc) -> list[Match]:
        if not self._attr_ids or len(doc) == 0:
            return []
        values = cast("list[list[int]]", doc.to_array(self._attr_ids).reshape(len(doc), -1).tolist())
        rows = [tuple(v) for v in values]
        found: set[Match] = set()
        cache = self._by_row
        for start, row in enumerate(rows):
            known = cache.get(row)
            if known is None:
                if len(cache) >= _ROW_CACHE:
                    cache.clear()
                known = cache[row] = self._first_token(row)
            single, longer = known
            for number, match_id in single:
                found.add((number, match_id, start, start + 1))
            for rule in longer:
                end = start + len(rule.tokens)
                if end <= len(rows) and all(
                    check.test(rows[start + k][check.column], self._strings)
                    for k, checks in enumerate(rule.tokens)
                    if k
                    for check in checks
                ):
                    found.add((rule.number, rule.match_id, start, end))
        return sorted(found)

    def _first_token(self, row: tuple[int, ...]) -> tuple[tuple[tuple[int, int], ...], tuple[_Rule, ...]]:
        """The one-token rules that match a token with these attribute values, and the longer rules
        whose first token matches it (their other tokens are checked in place)."""
        rules = [r for columns, table in self._indexed.items() for r in table.get(tuple(row[c] for c in columns), ())]
        single: dict[tuple[int, int], None] = {}
        longer: dict[_Rule, None] = {}
        for rule in [*rules, *self._scanned]:
            if all(check.test(row[check.column], self._strings) for check in rule.tokens[0]):
                if len(rule.tokens) == 1:
                    single[(rule.number, rule.match_id)] = None
                else:
                    longer[rule] = None
        return tuple(single), tuple(longer)


def index_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Give the pipeline's attribute ruler an :class:`AttributeRuleIndex`; False if it keeps the Matcher."""
    if name not in nlp.pipe_names:
        return False
    ruler: Any = nlp.get_pipe(name)
    try:
        index = AttributeRuleIndex(ruler)
    except (UnsupportedPattern, AttributeError, KeyError, re.error):
        return False
    match: Callable[[Doc], list[Match]] = index.match
    ruler.match = match
    return True
