"""Perpetrators: who did it, and how sure the report is about it.

Candidates come from three places in the event's sentences: armed groups from the lexicon
(``data/armed_groups.tsv``, because the sm model reads "Islamic State" as "Islamic"/NORP), noun
phrases headed by perpetrator nouns ("urban guerrillas", "the gunman"; ``data/actors_nouns.tsv``),
and the agents of attack verbs and nouns in the dependency parse ("soldiers opened fire", "an attack
by X"; ``data/actors_attack_verbs.tsv``, ``data/actors_attack_nouns.tsv``). The status comes from the
words that govern the mention (``data/actors_cues.tsv``):

- "X claimed responsibility" -> claimed; "no group has claimed responsibility" -> nothing from that
  sentence except names that are explicitly blamed or suspected there;
- "officials blamed X", "X was accused of", "police said X was behind" -> accused;
- "suspected X militants", "police suspect X", "resembles past X attacks", "X may have" -> suspected;
- "X denied involvement", "the government denied that its forces fired" -> denied;
- "police said the gunman, John Doe, 24, was arrested", "gunmen killed five" -> confirmed.

``attributed_by`` is who says so: the subject of the blaming verb or of the reporting verb above
the mention ("a U.S. official"). The noun-phrase helpers at the top are shared with the target,
victim and weapon stages.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eventdesk.extractor.places import dateline_spans
from eventdesk.extractor.quotes import attribution, speaker_span
from eventdesk.records import Evidence, Perpetrator
from eventdesk.resources import read_tsv

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from eventdesk.extractor.context import EventContext

Bounds = tuple[int, int]  # token indices [start, end) in the doc

# --------------------------------------------------------------------------------------------------
# Noun phrases (shared with participants.py and weapons.py)

_NP_LEFT = frozenset({"det", "predet", "nummod", "amod", "compound", "nmod", "quantmod", "nounmod", "npadvmod"})
_DROP_FIRST = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "some",
        "any",
        "such",
        "its",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "whose",
        "which",
        "what",
    ]
)
_PUNCT = frozenset(",;:()[]{}\"'“”‘’«».!?-–—/")
_HYPHENS = frozenset({"-", "‐", "‑"})  # hyphen-minus, hyphen, non-breaking hyphen (not the dashes)


def lemma(tok: Token) -> str:
    """Lower-case lemma; falls back on the form for proper nouns the tagger mislabels."""
    lem = tok.lemma_.lower()
    if tok.pos_ == "PROPN" and lem == tok.lower_ and lem.endswith("s") and not lem.endswith("ss"):
        return lem[:-1]
    return lem


def entity_bounds(tok: Token) -> Bounds | None:
    """Token bounds of the named entity that holds ``tok``, if any."""
    if tok.ent_iob_ in ("", "O"):
        return None
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def hyphen_joined(doc: Doc, i: int) -> bool:
    """Token ``i`` continues the hyphenated word of token ``i - 1``: "29-year-old" is five tokens and
    one word; "May 2 - A bomb" is no such word."""
    if i <= 0 or i >= len(doc) or doc[i - 1].whitespace_:
        return False
    if doc[i].text in _HYPHENS:  # "29" + "-", with a word right after the hyphen
        return i + 1 < len(doc) and not doc[i].whitespace_ and _wordlike(doc[i - 1]) and _wordlike(doc[i + 1])
    if doc[i - 1].text in _HYPHENS:  # "-" + "year", with a word right before the hyphen
        return i >= 2 and not doc[i - 2].whitespace_ and _wordlike(doc[i - 2]) and _wordlike(doc[i])
    return False


def _wordlike(tok: Token) -> bool:
    return not (tok.is_punct or tok.is_space)


def whole_words(doc: Doc, start: int, end: int) -> Bounds:
    """``[start, end)`` widened so that it neither starts nor ends inside a hyphenated word."""
    while start > 0 and hyphen_joined(doc, start):
        start -= 1
    while end < len(doc) and hyphen_joined(doc, end):
        end += 1
    return start, end


def trim_bounds(doc: Doc, start: int, end: int) -> Bounds | None:
    """Drop leading determiners and punctuation and a trailing possessive or punctuation; a
    hyphenated word at either end is kept whole ("29-year-old suspect", never "-year-old suspect")."""
    while start < end and (doc[start].lower_ in _DROP_FIRST or doc[start].text in _PUNCT or doc[start].is_space):
        start += 1
    while end > start and (
        doc[end - 1].text in _PUNCT or doc[end - 1].dep_ == "case" or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"
    ):
        end -= 1
    return whole_words(doc, start, end) if end > start else None


def phrase_bounds(head: Token, *, of_pp: bool = False, entity: bool = True) -> Bounds:
    """A minimal natural noun phrase around ``head``: its left modifiers (numbers, adjectives,
    compounds), optionally one "of" phrase ("members of the death squad"), never relative clauses,
    appositions or other prepositional phrases; leading determiners dropped."""
    start = head.i
    for child in reversed(list(head.lefts)):
        if child.dep_ not in _NP_LEFT:
            break
        start = min(start, child.left_edge.i)
    end = head.i + 1
    if of_pp:
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i == end:
                pobjs = [c for c in child.children if c.dep_ == "pobj"]
                if pobjs:  # "members of the death squad", not "... of the death squad in Lima"
                    inner = phrase_bounds(pobjs[0], entity=entity)
                    bounds = entity_bounds(pobjs[0])
                    end = max(end, inner[1], bounds[1] if bounds else 0)
            break
    if entity:
        ent = entity_bounds(head)
        if ent is not None:
            start, end = min(start, ent[0]), max(end, ent[1])
    trimmed = trim_bounds(head.doc, start, end)
    return trimmed if trimmed is not None and trimmed[0] <= head.i < trimmed[1] else (head.i, head.i + 1)


def bounds_text(ctx: EventContext, bounds: Bounds) -> str:
    """The mention as it reads in the case-restored text, white space collapsed; a capital that only
    marks the start of a sentence is lowered ("Two bombs exploded" -> "two bombs")."""
    doc = ctx.doc
    first = doc[bounds[0]]
    text = " ".join(doc[bounds[0] : bounds[1]].text.split())  # Doc.text would rebuild the whole text
    if first.is_sent_start and first.pos_ != "PROPN" and not first.ent_type_ and first.text.istitle():
        text = text[:1].lower() + text[1:]
    return text


def bounds_evidence(ctx: EventContext, bounds: Bounds) -> Evidence:
    doc = ctx.doc
    first, last = doc[bounds[0]], doc[bounds[1] - 1]
    return ctx.evidence(first.idx, last.idx + len(last))


def is_negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def subjects(verb: Token, *, passive: bool = False) -> list[Token]:
    """Subjects of a verb, borrowed from the governing verb for "... and killed", "went on to kill",
    and the antecedent for a relative clause ("guerrillas who attacked")."""
    deps = ("nsubjpass",) if passive else ("nsubj",)
    found = [c for c in verb.children if c.dep_ in deps]
    if found and found[0].lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
        found = [verb.head]
    if not found and verb.dep_ == "relcl" and not passive and verb.head.pos_ in ("NOUN", "PROPN"):
        found = [verb.head]
    if not found and verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return subjects(verb.head, passive=passive)
    out: list[Token] = []
    for tok in found:
        out.append(tok)
        out.extend(t for t in tok.conjuncts if t.i > tok.i)
    return out


def passive_agents(verb: Token) -> list[Token]:
    out: list[Token] = []
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out.append(pobj)
                    out.extend(t for t in pobj.conjuncts if t.i > pobj.i)
    return out


def objects(verb: Token) -> list[Token]:
    out: list[Token] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "obj"):
            out.append(child)
            out.extend(t for t in child.conjuncts if t.i > child.i)
    return out


@functools.lru_cache(maxsize=1)
def attack_verbs() -> dict[str, tuple[str, str]]:
    """lemma -> (effect on a person object, what the objects are)."""
    return {r["lemma"]: (r["effect"], r["objects"]) for r in read_tsv("actors_attack_verbs.tsv")}


@functools.lru_cache(maxsize=1)
def attack_nouns() -> dict[str, str]:
    """noun lemma -> effect on a person it governs ("the murder of X")."""
    return {r["noun"]: r["effect"] for r in read_tsv("actors_attack_nouns.tsv")}


# --------------------------------------------------------------------------------------------------
# Lexicons


@dataclass(frozen=True, slots=True)
class ArmedGroup:
    canonical: str
    kind: str  # organization | state


def _alias_regex(alias: str) -> str:
    out = []
    for ch in alias.strip():
        if ch == " ":
            out.append(r"\s+")
        elif ch == "-":
            out.append(r"[-\s]?")
        elif ch in "'’":
            out.append(r"['’]?")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _alias_key(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.lower())


def _alternation(aliases: list[str], flags: int) -> re.Pattern[str] | None:
    if not aliases:
        return None
    alts = "|".join(_alias_regex(a) for a in sorted(set(aliases), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", flags)


@functools.lru_cache(maxsize=1)
def _groups() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, dict[str, ArmedGroup]]:
    by_key: dict[str, ArmedGroup] = {}
    loose: list[str] = []
    strict: list[str] = []
    for row in read_tsv("armed_groups.tsv"):
        group = ArmedGroup(row["canonical"], row.get("kind") or "organization")
        for alias in [row["canonical"], *(row.get("aliases") or "").split("|")]:
            if alias.strip():
                by_key.setdefault(_alias_key(alias), group)
                loose.append(alias)
        for alias in (row.get("strict_acronyms") or "").split("|"):
            if alias.strip():
                by_key.setdefault(_alias_key(alias), group)
                strict.append(alias)
    return _alternation(loose, re.IGNORECASE), _alternation(strict, 0), by_key


def find_groups(ctx: EventContext, sent: Span) -> list[tuple[Bounds, ArmedGroup]]:
    """Armed-group names in a sentence: aliases matched case-insensitively on the original text,
    short acronyms that are also words ("IS") only with their exact case in the case-restored text."""
    loose, strict, by_key = _groups()
    hits: list[tuple[int, int, ArmedGroup]] = []
    restored = sent.text  # the case-restored sentence; Doc.text would rebuild the whole report
    for pattern, text, offset in ((loose, ctx.text, 0), (strict, restored, sent.start_char)):
        if pattern is None:
            continue
        lo, hi = sent.start_char - offset, sent.end_char - offset
        for m in pattern.finditer(text, lo, hi):
            start, end = m.start() + offset, m.end() + offset
            group = by_key.get(_alias_key(m.group(0)))
            if group is not None and not any(s < end and start < e for s, e, _ in hits):
                hits.append((start, end, group))
    out: list[tuple[Bounds, ArmedGroup]] = []
    for start, end, group in sorted(hits, key=lambda h: h[0]):
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            out.append(((span.start, span.end), group))
    return out


@functools.lru_cache(maxsize=1)
def _noun_classes() -> dict[str, str]:
    return {r["noun"].lower(): r["class"] for r in read_tsv("actors_nouns.tsv")}


@functools.lru_cache(maxsize=1)
def _cues() -> dict[str, frozenset[str]]:
    roles: dict[str, set[str]] = {}
    for r in read_tsv("actors_cues.tsv"):
        roles.setdefault(r["role"], set()).add(r["word"].lower())
    return {k: frozenset(v) for k, v in roles.items()}


def _cue(role: str) -> frozenset[str]:
    return _cues().get(role, frozenset())


def noun_class(tok: Token) -> str | None:
    """perp | person | group | state_org | state_ind for a noun head, from ``actors_nouns.tsv``."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    classes = _noun_classes()
    lem = lemma(tok)
    if tok.i > 0:
        prev = tok.doc[tok.i - 1]
        if prev.head.i == tok.i and prev.dep_ in ("compound", "amod"):
            two = f"{lemma(prev)} {lem}"
            if two in classes:
                return classes[two]
    return classes.get(lem) or classes.get(tok.lower_)


# --------------------------------------------------------------------------------------------------
# Relations between mentions and the verbs that govern them


@dataclass(slots=True)
class _Relation:
    status: str  # claimed | confirmed | accused | suspected | denied | agent
    who: Bounds | None = None  # who says so, when the governing verb names it


# person words that are never perpetrators without a cue ("armed women"), even as a verb's agent
_NEEDS_CUE = frozenset({"woman", "boy", "youth", "people", "person", "stranger", "unit"})
_HEDGE_WORDS = frozenset({"suspected", "alleged", "presumed", "purported", "several", "all"})
_RANK = {"claimed": 5, "confirmed": 4, "denied": 3, "accused": 2, "suspected": 1}
_OWN = frozenset({"its", "their", "our", "his", "her"})


def _mark(rel: dict[int, _Relation], tok: Token, status: str, who: Token | None = None) -> None:
    current = rel.get(tok.i)
    if current is not None and current.status not in ("agent", "confirmed") and status in ("agent", "confirmed"):
        return  # a claim, blame or denial says more than being the verb's agent
    rel[tok.i] = _Relation(status, speaker_span(who) if who is not None else None)


def _first_subject(verb: Token) -> Token | None:
    subs = subjects(verb)
    if subs:
        return subs[0]
    agents = passive_agents(verb)
    return agents[0] if agents else None


def _hedged(verb: Token) -> bool:
    hedges = _cue("hedge")
    return any(c.dep_ in ("aux", "advmod") and c.lower_ in hedges for c in verb.children)


def _is_own_forces(tok: Token) -> bool:
    """ "its forces", "their troops", "government soldiers": the denier's own people."""
    cls = noun_class(tok)
    if cls not in ("state_org", "state_ind"):
        return tok.lower_ in ("it", "they")
    return any(c.lower_ in _OWN or lemma(c) in ("government", "army", "state") for c in tok.children)


def _relations(sent: Span) -> tuple[dict[int, _Relation], bool]:
    """Token index -> how the sentence relates that token to the attack; and whether the sentence
    says nobody claimed it."""
    rel: dict[int, _Relation] = {}
    no_claim = False
    verbs, nouns = attack_verbs(), attack_nouns()
    resp = _cue("responsibility")
    for tok in sent:  # first the agents of violent verbs and nouns ...
        lem = lemma(tok)
        if _is_verb(tok) and lem in verbs and not is_negated(tok):
            for agent in subjects(tok) + passive_agents(tok):
                _mark(rel, agent, "agent")
        elif tok.pos_ == "NOUN" and lem in nouns:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ == "by":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            _mark(rel, pobj, "agent")
                elif child.dep_ in ("compound", "poss", "amod", "nmod") and child.pos_ == "PROPN":
                    _mark(rel, child, "agent")
    for tok in sent:  # ... then what claims, denials, blame and suspicion say about them
        if not _is_verb(tok):
            continue
        lem = lemma(tok)
        if lem in _cue("claim_verb"):
            objs = objects(tok)
            pass_subj = subjects(tok, passive=True)
            claims = (bool(objs) and lemma(objs[0]) in resp) or (
                lem == "claim" and (lemma(objs[0]) in nouns if objs else _claims_an_attack(tok))
            )
            if pass_subj and lemma(pass_subj[0]) in resp:
                claims = True
            if claims:
                claimants = subjects(tok) + passive_agents(tok)
                if (
                    is_negated(tok)
                    or any(c.lower_ in ("nor", "never") for c in tok.children)
                    or any(_is_nobody(c) for c in claimants)
                ):
                    no_claim = True
                else:
                    for c in claimants:
                        _mark(rel, c, "claimed")
        if lem in _cue("deny_verb"):
            _deny(tok, rel)
        if lem in _cue("blame_verb"):
            _blame(tok, rel)
        if lem in _cue("suspect_verb"):
            who = _first_subject(tok)
            for obj in objects(tok) + subjects(tok, passive=True):
                _mark(rel, obj, "suspected", who)
            for child in tok.children:  # "believed to be X"
                if child.dep_ == "xcomp":
                    for attr in child.children:
                        if attr.dep_ == "attr":
                            _mark(rel, attr, "suspected", who)
        if lem in _cue("confirm_verb"):
            who = _first_subject(tok)
            for obj in objects(tok) + subjects(tok, passive=True):
                _mark(rel, obj, "confirmed", who)
        if lem == "be":
            _responsible(tok, rel)
    return rel, no_claim


def _claims_an_attack(verb: Token) -> bool:
    """ "X claimed it had bombed ...", "claims to have blown up ..." (not "claims that prices rose")."""
    verbs = attack_verbs()
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp") and any(lemma(t) in verbs and _is_verb(t) for t in child.subtree):
            return True
    return False


def _inherited(tok: Token, rel: dict[int, _Relation]) -> _Relation | None:
    """The relation of the nearest phrase above a group name: "the group called the ELN claimed ..."."""
    node = tok
    for _ in range(4):
        if node.head.i == node.i or _is_verb(node.head):
            return None
        node = node.head
        if node.i in rel:
            return rel[node.i]
    return None


def _is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("VBN", "VBD", "VBG", "VBZ", "VBP")


def _is_nobody(tok: Token) -> bool:
    return (
        tok.lower_ in _cue("nobody")
        or any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)
        or (tok.lower_ == "one" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "no")
    )


def _deny(verb: Token, rel: dict[int, _Relation]) -> None:
    deniers = subjects(verb)
    objs = objects(verb)
    own_forces = False
    for child in verb.children:
        if child.dep_ == "ccomp":
            for agent in subjects(child) + passive_agents(child):
                if _is_own_forces(agent):
                    own_forces = True
                    rel.pop(agent.i, None)
                else:  # "the army denied that guerrillas attacked": the attack itself is in doubt
                    rel[agent.i] = _Relation("suspected", None)
    if own_forces or (objs and lemma(objs[0]) in _cue("responsibility")):
        for denier in deniers:
            _mark(rel, denier, "denied")


def _blame(verb: Token, rel: dict[int, _Relation]) -> None:
    lem = lemma(verb)
    who = _first_subject(verb) if lem != "point" else None
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        agents = passive_agents(verb)
        who = agents[0] if agents else None
    accused: list[Token] = []
    if lem in ("blame", "accuse", "implicate", "hold", "charge"):
        accused += [o for o in objects(verb) + subjects(verb, passive=True) if lemma(o) not in attack_nouns()]
    for child in verb.children:
        if child.dep_ == "prep" and (
            (lem == "blame" and child.lower_ == "on")
            or (lem in ("attribute", "point") and child.lower_ in ("to", "at"))
        ):
            accused += [p for p in child.children if p.dep_ == "pobj"]
    for tok in accused:
        for t in [tok, *tok.conjuncts]:
            if who is None or t.i != who.i:
                _mark(rel, t, "accused", who)


def _responsible(verb: Token, rel: dict[int, _Relation]) -> None:
    """ "X was responsible for the attack", "X was behind it"."""
    cue = _cue("responsible_adj")
    if any((c.dep_ in ("acomp", "prep") and c.lower_ in cue) for c in verb.children):
        for subj in subjects(verb):
            _mark(rel, subj, "accused")


# --------------------------------------------------------------------------------------------------
# Candidates


@dataclass(slots=True)
class _Candidate:
    bounds: Bounds
    kind: str
    status: str
    who: Bounds | None
    key: str
    loose: bool = False
    extra: list[Bounds] = field(default_factory=list)


def _attached_head(tok: Token) -> Token:
    """The noun phrase head a modifier belongs to: "FMLN" in "FMLN guerrillas" or "guerrillas of the
    FMLN" -> "guerrillas"."""
    node = tok
    for _ in range(4):
        if node.dep_ in ("compound", "amod", "nmod", "poss", "appos", "npadvmod") and node.head.pos_ in (
            "NOUN",
            "PROPN",
        ):
            node = node.head
        elif node.dep_ == "pobj" and node.head.lower_ in ("of", "from") and node.head.head.pos_ in ("NOUN", "PROPN"):
            node = node.head.head
        else:
            break
    return node


def _has_person_cue(tok: Token, group_tokens: set[int], *, band: bool = False) -> bool:
    cues = _cue("person_cue") | (_cue("group_cue") if band else frozenset())
    for child in tok.children:
        if child.dep_ in ("amod", "compound", "nmod") and (
            lemma(child) in cues or child.lower_ in cues or any(lemma(t) in cues for t in child.subtree)
        ):
            return True
        if child.dep_ in ("amod", "compound", "nmod") and (child.i in group_tokens or noun_class(child) == "perp"):
            return True
        if child.dep_ == "prep" and child.lower_ in ("of", "from"):
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (pobj.i in group_tokens or noun_class(pobj) in ("perp", "group")):
                    return True
    return False


def _status(tok: Token, relation: _Relation | None) -> tuple[str, Bounds | None]:
    """Final status and attributed-by bounds for a mention headed by ``tok``."""
    status, who = ("suspected", None) if relation is None else (relation.status, relation.who)
    if status == "agent":
        status = "confirmed"
        node = tok.head
        while node.head.i != node.i:
            if node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in _cue("suspect_verb"):
                subj = _first_subject(node)
                status, who = "suspected", speaker_span(subj) if subj is not None else None
                break
            node = node.head
        if status == "confirmed" and tok.head.pos_ in ("VERB", "AUX") and _hedged(tok.head):
            status = "suspected"
    mods = _cue("suspect_mod")
    if status in ("confirmed", "suspected") and any(
        t.lower_ in mods for t in tok.doc[phrase_bounds(tok, entity=False)[0] : tok.i]
    ):
        status = "suspected"
    if _resembles(tok):
        status = "suspected"
    if who is None and status != "claimed":
        who = attribution(tok)
    return status, who


def _resembles(tok: Token) -> bool:
    """ "resembles past ISIS attacks", "bore the hallmarks of al-Shabaab"."""
    resemblance = _cue("resemblance")
    node = tok
    for _ in range(6):
        if node.head.i == node.i:
            return False
        node = node.head
        if lemma(node) in resemblance or node.lower_ in resemblance:
            return True
    return False


def _explicit(tok: Token, relation: _Relation | None) -> bool:
    """Said in so many words: claimed, blamed, suspected or denied (what survives "no group claimed")."""
    explicit = ("claimed", "accused", "suspected", "denied")
    return (relation is not None and relation.status in explicit) or _resembles(tok)


def _kind(tok: Token, cls: str | None) -> str:
    if cls in ("perp", "person", "state_ind"):
        return "individual"
    if cls in ("group", "band"):
        return "organization"
    if cls == "state_org":
        return "state"
    if tok.ent_type_ == "PERSON":
        return "individual"
    if tok.ent_type_ == "GPE":
        return "state"
    if tok.ent_type_ in ("ORG", "NORP"):
        return "organization"
    return "unknown"


def _person_apposition(tok: Token) -> Token | None:
    """The named person in "the gunman, John Doe, 24," / "John Doe, the gunman"."""
    for child in tok.children:
        if child.dep_ == "appos" and child.ent_type_ == "PERSON":
            return child
    if tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON":
        return tok.head
    return None


def _sentence_candidates(ctx: EventContext, sent: Span) -> list[_Candidate]:
    rel, no_claim = _relations(sent)
    groups = find_groups(ctx, sent)
    group_tokens = {i for (s, e), _ in groups for i in range(s, e)}
    out: list[_Candidate] = []

    for (start, end), group in groups:
        root = ctx.doc[start:end].root
        head = _attached_head(root)
        relation = rel.get(root.i) or rel.get(head.i) or _inherited(root, rel)
        attached = head.i != root.i and (noun_class(head) in ("perp", "person", "group") or head.i in rel)
        if no_claim and not _explicit(root, relation):
            continue
        status, who = _status(head if attached else root, relation)
        loose = relation is None and not attached
        out.append(_Candidate((start, end), group.kind, status, who, "g:" + group.canonical.lower(), loose))

    for tok in sent:
        if tok.i in group_tokens or tok.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        if tok.pos_ == "PRON" or _is_nobody(tok):
            continue
        cls = noun_class(tok)
        if tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ in ("NOUN", "PROPN"):
            continue  # "guerrilla attack": the phrase head decides
        relation = rel.get(tok.i)
        if relation is None and tok.dep_ == "appos":
            relation = rel.get(tok.head.i)
        if cls in ("perp", "group"):
            accept = True
        elif cls == "band":  # "a band of gunmen"; a named one ("the Northern Front") is an organisation
            accept = _has_person_cue(tok, group_tokens, band=True) or (
                tok.pos_ == "PROPN" and tok.ent_type_ == "ORG" and relation is not None
            )
        elif cls == "person":
            accept = _has_person_cue(tok, group_tokens) or (
                relation is not None and relation.status != "confirmed" and lemma(tok) not in _NEEDS_CUE
            )
        elif cls in ("state_org", "state_ind") or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            accept = relation is not None
        else:
            accept = False
        if not accept or (no_claim and not _explicit(tok, relation)):
            continue
        person = _person_apposition(tok)
        if person is not None and cls is None:
            continue  # the perpetrator noun it is apposed to carries it
        status, who = _status(tok, relation)
        bounds = phrase_bounds(tok, of_pp=cls in ("person", "group", "band") or lemma(tok) in ("member", "column"))
        start = bounds[0]
        while start < tok.i and not hyphen_joined(ctx.doc, start + 1) and (
            (cls == "perp" and (start in group_tokens or ctx.doc[start].like_num))
            or ctx.doc[start].lower_ in _HEDGE_WORDS
        ):  # "FMLN urban guerrillas" -> "urban guerrillas" (the group is its own entry); the status
            start += 1  # carries "suspected", "alleged"; a count goes, an age stays ("29-year-old suspect")
        bounds = whole_words(ctx.doc, start, bounds[1])
        extra: list[Bounds] = []
        kind = _kind(tok, cls)
        if person is not None:
            extra.append(bounds)
            bounds = entity_bounds(person) or phrase_bounds(person)
            kind = "individual"
        key = "n:" + bounds_text(ctx, bounds).lower()
        out.append(_Candidate(bounds, kind, status, who, key, False, extra))
    return out


def _merge(ctx: EventContext, cands: list[_Candidate]) -> tuple[Perpetrator, ...]:
    firm_orgs = any(not c.loose and c.kind in ("organization", "state") for c in cands)
    merged: dict[str, list[_Candidate]] = {}
    for cand in cands:
        if cand.loose and firm_orgs:
            continue
        merged.setdefault(cand.key, []).append(cand)
    out: list[Perpetrator] = []
    for group in merged.values():
        best = max(group, key=lambda c: _RANK.get(c.status, 0))
        # the shortest name the report uses ("FMLN" over "Farabundo Marti National Liberation
        # Front"), but not a two-letter acronym when the report spells the name out
        names = sorted((c.bounds for c in group), key=lambda b: len(bounds_text(ctx, b)))
        name_bounds = next((b for b in names if len(bounds_text(ctx, b)) > 2), names[0])
        evidence: list[Evidence] = []
        for cand in group:
            for b in [cand.bounds, *cand.extra]:
                ev = bounds_evidence(ctx, b)
                if ev not in evidence and ev.text:
                    evidence.append(ev)
        out.append(
            Perpetrator(
                name=bounds_text(ctx, name_bounds),
                kind=best.kind,
                status=best.status,
                attributed_by=bounds_text(ctx, best.who) if best.who else None,
                evidence=tuple(sorted(evidence, key=lambda e: e.start)),
            )
        )
    return tuple(out)


def find_perpetrators(ctx: EventContext) -> tuple[Perpetrator, ...]:
    """Perpetrators named in the event's sentences, one per group or person, with claim status."""
    cands: list[_Candidate] = []
    for sent in ctx.sents:
        cands.extend(_sentence_candidates(ctx, sent))
    # "KERMAN, Iran (AP) - Two bombs exploded", "MOSUL, Iraq, March 11 - ": a dateline names no one
    headers = dateline_spans(ctx.text)
    cands = [c for c in cands if not any(s <= ctx.doc[c.bounds[0]].idx < e for s, e in headers)]
    cands = [c for c in cands if not ctx.is_credit(ctx.doc[c.bounds[0]].idx)]  # "DNAinfo/Alex Nitkin"
    return _merge(ctx, cands)
