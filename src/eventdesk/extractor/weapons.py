"""Weapons: what the attack was carried out with ("two bombs", "a car bomb", "an AK-47", "dynamite").

Weapon words come from ``data/weapons.tsv`` (term -> type), matched on lemmas and lower-case forms,
so ALL-CAPS originals and the case-restored copy read the same. A hit grows into its natural noun
phrase ("two powerful bombs", "sticks of dynamite") and is dropped when the parse says the weapon
was not used in the attack ("police seized rifles", "an arms cache", "a bomb squad"; the context
words are in ``data/weapons_context.tsv``).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from eventdesk.extractor.actors import attack_verbs, bounds_evidence, bounds_text, lemma, phrase_bounds
from eventdesk.records import Weapon
from eventdesk.resources import read_tsv

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from eventdesk.extractor.context import EventContext

# "sticks of dynamite", "7 kg of TNT": the measure noun heads the phrase
_MEASURES = frozenset(
    {
        "stick",
        "charge",
        "kg",
        "kilogram",
        "kilo",
        "pound",
        "lb",
        "gram",
        "ton",
        "load",
        "quantity",
        "amount",
        "box",
        "crate",
        "round",
        "cartridge",
        "package",
        "bundle",
        "piece",
    }
)


_NOT_NOUNS = frozenset({"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PUNCT", "PART"})
# ordinal and vague words that make a mention harder to match across reports
_DROP = frozenset(
    {
        "another",
        "other",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "last",
        "several",
        "various",
        "many",
        "how",
        "some",
        "more",
    }
)


@functools.lru_cache(maxsize=1)
def _compounds() -> frozenset[str]:
    """Words that occur inside multi-word weapon terms ("car" in "car bomb")."""
    return frozenset(w for key in _lexicon()[0] if len(key) > 1 for w in key)


@functools.lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[tuple[str, ...], tuple[str, str]], int]:
    """(token sequence -> (type, needed context role)), longest sequence length."""
    table: dict[tuple[str, ...], tuple[str, str]] = {}
    for row in read_tsv("weapons.tsv"):
        needs = (row.get("needs") or "").removeprefix("needs_")
        term = row["term"].lower()
        for words in (tuple(term.split()), tuple(term.replace("-", " - ").split())):
            table[words] = (row["type"], needs)
    return table, max(len(k) for k in table)


@functools.lru_cache(maxsize=1)
def _context() -> dict[str, frozenset[str]]:
    roles: dict[str, set[str]] = {}
    for row in read_tsv("weapons_context.tsv"):
        roles.setdefault(row["role"], set()).add(row["word"].lower())
    return {k: frozenset(v) for k, v in roles.items()}


def _forms(tok: Token) -> tuple[str, str]:
    return tok.lower_, lemma(tok)


@functools.lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    return frozenset(key[0] for key in _lexicon()[0])


def _match_at(tokens: list[Token], i: int) -> tuple[int, str, str] | None:
    """Longest lexicon entry starting at ``tokens[i]``: (length, type, needs)."""
    table, longest = _lexicon()
    first = tokens[i]
    if first.lower_ not in _first_words() and lemma(first) not in _first_words():
        return None
    for n in range(min(longest, len(tokens) - i), 0, -1):
        window = tokens[i : i + n]
        # the last word may be inflected ("bombs"), the others are matched as written
        keys = {tuple(t.lower_ for t in window), (*tuple(t.lower_ for t in window[:-1]), lemma(window[-1]))}
        for key in keys:
            if key in table:
                kind, needs = table[key]
                return n, kind, needs
    return None


def _sentence_roles(sent: Span) -> set[str]:
    ctx_words = _context()
    roles: set[str] = set()
    verbs = attack_verbs()
    for tok in sent:
        forms = _forms(tok)
        for role, words in ctx_words.items():
            if forms[0] in words or forms[1] in words:
                roles.add(role)
        if forms[1] in verbs:
            roles.add("attack")
    return roles


def _not_used(head: Token) -> bool:
    """ "police seized two rifles", "an arms cache", "the bomb squad"."""
    ctx_words = _context()
    if head.dep_ in ("compound", "amod", "nmod") and lemma(head.head) in ctx_words.get("not_head", frozenset()):
        return True
    node = head
    for _ in range(3):
        if node.head.i == node.i:
            break
        node = node.head
        if lemma(node) in ctx_words.get("not_used", frozenset()):
            return True
    return False


def _weapon_bounds(head: Token) -> tuple[int, int]:
    """The noun phrase for a weapon head; "sticks of dynamite" when the head hangs off a measure noun."""
    if head.dep_ == "pobj" and head.head.lower_ == "of" and lemma(head.head.head) in _MEASURES:
        measure = head.head.head
        start = phrase_bounds(measure, entity=False)[0]
        return start, phrase_bounds(head, entity=False)[1]
    start = phrase_bounds(head, entity=False)[0]
    doc = head.doc
    # keep numbers, adjectives and the words of the weapon term; not "rebel mortar", "Bogota dynamite"
    while start < head.i and not _keep_modifier(doc[start], head):
        start += 1
    return start, head.i + 1


def _keep_modifier(tok: Token, head: Token) -> bool:
    if tok.lower_ in _DROP:
        return False
    if tok.like_num or tok.dep_ == "nummod":
        return True
    if tok.pos_ == "ADJ" and tok.ent_type_ in ("", "CARDINAL", "QUANTITY"):
        return True
    if tok.ent_type_ in ("QUANTITY", "CARDINAL") or lemma(tok) in _MEASURES or tok.lower_ == "of":
        return True
    return lemma(tok) in _compounds() or tok.text in ("-",)


def find_weapons(ctx: EventContext) -> tuple[Weapon, ...]:
    """Weapons used in the event, one per distinct mention text, in order of first mention."""
    out: list[Weapon] = []
    seen: dict[str, int] = {}
    for sent in ctx.sents:
        tokens = list(sent)
        roles: set[str] | None = None
        i = 0
        while i < len(tokens):
            hit = _match_at(tokens, i)
            if hit is None:
                i += 1
                continue
            n, kind, needs = hit
            head = tokens[i + n - 1]
            # "bomb" inside "car bomb attack": the phrase head is the last word of the match
            i += n
            if head.pos_ in _NOT_NOUNS or (head.pos_ in ("ADJ", "ADV") and head.dep_ in ("amod", "advmod")):
                continue  # the tagger calls "AK-47" a number and ALL-CAPS "dynamite" an adverb: trust the parse
            if needs:
                roles = _sentence_roles(sent) if roles is None else roles
                if needs not in roles:
                    continue
            if _not_used(head):
                continue
            if head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN") and _match_at([head.head], 0):
                continue  # "car" in "car bomb" is matched with it
            bounds = _weapon_bounds(head)
            text = bounds_text(ctx, bounds)
            key = text.lower()
            evidence = bounds_evidence(ctx, bounds)
            if key in seen:
                prev = out[seen[key]]
                if evidence not in prev.evidence:
                    out[seen[key]] = Weapon(prev.text, prev.type, (*prev.evidence, evidence))
                continue
            seen[key] = len(out)
            out.append(Weapon(text=text, type=kind, evidence=(evidence,)))
    return tuple(out)
