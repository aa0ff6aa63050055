"""Targets (what was attacked) and victims (who was harmed, and how).

Both come from the dependency parse around violent verbs and nouns (``data/actors_attack_verbs.tsv``,
``data/actors_attack_nouns.tsv``): the objects of "bombed", "set fire to", "an attack on", "a bomb
exploded outside" are targets when their head is a place, building, vehicle or installation
(``data/targets_lexicon.tsv``, which also gives the kind); the objects of "killed", "kidnapped",
"the murder of" and the subjects of "died", "were wounded" are victims when they name people
(``data/participants_people.tsv`` or a PERSON entity). A victim's ``effect`` comes from the verb
("killed" -> killed, "wounded" -> injured, "escaped unhurt" -> unharmed), its ``count`` from a
number in the phrase ("two police officers" -> 2).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from eventdesk.extractor.actors import (
    Bounds,
    attack_nouns,
    attack_verbs,
    bounds_evidence,
    bounds_text,
    entity_bounds,
    hyphen_joined,
    is_negated,
    lemma,
    noun_class,
    objects,
    phrase_bounds,
    subjects,
    trim_bounds,
)
from eventdesk.extractor.numbers import find_numbers
from eventdesk.records import Target, Victim
from eventdesk.resources import read_tsv

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from eventdesk.extractor.context import EventContext

# prepositions that point at what was hit: "fired on", "set fire to", "exploded outside"
_VERB_PREPS = frozenset({"at", "on", "against", "to", "into", "in", "inside", "outside", "near"})
_LOCATIVE = frozenset({"in", "near", "at", "inside", "outside"})
_NOUN_PREPS = frozenset({"on", "against", "at", "of", "to", "in", "inside", "outside", "near"})
_PLACE_VERBS = frozenset({"explode", "detonate", "go", "blow", "hit", "strike", "land", "burst"})
_UNHARMED = frozenset({"unhurt", "unharmed", "uninjured", "unscathed"})
_VICTIM_WORDS = frozenset({"victim", "dead", "casualty", "hostage", "body", "deceased", "wounded", "injured"})
_PRONOUNS = frozenset({"he", "him", "she", "her"})
_QUANTITY_WORDS = frozenset(
    ["several", "various", "many", "some", "few", "other", "another", "more", "most", "all", "both", "each"]
)
_EFFECT_RANK = {"killed": 4, "kidnapped": 3, "injured": 2, "unharmed": 1, "unknown": 0}
# heads whose "of"/"at" phrase belongs to the target: "headquarters of the union", "crowd at a ceremony"
_PP_HEADS = frozenset({"headquarters", "office", "building", "facility", "installation", "residence", "home", "crowd"})


@functools.lru_cache(maxsize=1)
def _targets() -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """(head word -> (kind, strength)), (modifier word -> kind)."""
    heads: dict[str, tuple[str, str]] = {}
    mods: dict[str, str] = {}
    for row in read_tsv("targets_lexicon.tsv"):
        word = row["word"].lower()
        if row["strength"] == "modifier":
            mods[word] = row["kind"]
        else:
            heads[word] = (row["kind"], row["strength"])
            mods.setdefault(word, row["kind"])
    return heads, mods


@functools.lru_cache(maxsize=1)
def _people() -> frozenset[str]:
    return frozenset(r["noun"].lower() for r in read_tsv("participants_people.tsv"))


def _is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("VBN", "VBD", "VBG")


def _pobjs(prep: Token) -> list[Token]:
    out: list[Token] = []
    for child in prep.children:
        if child.dep_ == "pobj":
            out.append(child)
            out.extend(t for t in child.conjuncts if t.i > child.i)
        elif child.dep_ == "prep":  # "in front of X"
            out.extend(_pobjs(child))
    return out


def _head_entry(tok: Token) -> tuple[str, str] | None:
    heads = _targets()[0]
    lem = lemma(tok)
    if tok.i > 0:
        prev = tok.doc[tok.i - 1]
        two = f"{lemma(prev)} {lem}"
        if prev.head.i == tok.i and two in heads:
            return heads[two]
        two_forms = f"{prev.lower_} {tok.lower_}"
        if two_forms in heads:
            return heads[two_forms]
    return heads.get(lem) or heads.get(tok.lower_)


def _target_kind(ctx: EventContext, head: Token, bounds: Bounds) -> str:
    entry = _head_entry(head)
    if entry is not None and entry[1] == "head":
        return entry[0]
    mods = _targets()[1]
    for tok in ctx.doc[bounds[0] : bounds[1]]:
        if tok.i != head.i and (lemma(tok) in mods or tok.lower_ in mods):
            return mods.get(lemma(tok)) or mods[tok.lower_]
    return entry[0] if entry is not None else "unknown"


def _is_name(tok: Token) -> bool:
    """A PERSON entity, or a proper-noun name the tagger split ("Jose Antonio [Rodriguez Porth]")."""
    if _head_entry(tok) is not None or lemma(tok) in _people():
        return False  # "Railways" tagged PERSON in restored ALL-CAPS text
    if tok.ent_type_ == "PERSON":
        return True
    return tok.pos_ == "PROPN" and any(c.dep_ == "compound" and c.ent_type_ == "PERSON" for c in tok.children)


def _is_person(tok: Token) -> bool:
    if _is_name(tok):
        return True
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    lem = lemma(tok)
    if lem in _people() or tok.lower_ in _people():
        return True
    return noun_class(tok) == "state_ind"


def _is_target(tok: Token, *, organisations: bool = False) -> bool:
    """A target head: a word from the lexicon, a facility, or (after "bombed", "an attack against")
    a named organisation that is not an armed group ("FENASTRAS")."""
    if tok.pos_ not in ("NOUN", "PROPN") or noun_class(tok) is not None:
        return False
    if _head_entry(tok) is not None:  # the lexicon wins over NER ("Railways" tagged PERSON)
        return True
    if _is_person(tok):
        return False
    return tok.ent_type_ == "FAC" or (organisations and tok.ent_type_ == "ORG")


def _target_heads(sent: Span) -> list[Token]:
    verbs, nouns = attack_verbs(), attack_nouns()
    heads: list[Token] = []
    named: list[Token] = []  # organisations named as what was hit
    for tok in sent:
        lem = lemma(tok)
        if tok.dep_ == "amod" and lem in verbs and verbs[lem][1] == "things":  # "partially destroyed homes"
            heads.append(tok.head)
        if _is_verb(tok) and (lem in verbs or lem in _PLACE_VERBS) and not is_negated(tok):
            hit = objects(tok) + subjects(tok, passive=True)
            if lem in verbs and verbs[lem][1] in ("things", "both"):
                heads += hit
                if verbs[lem][1] == "things":
                    named += hit
            # "attacked two officers near the market": with a person or place already hit, "near",
            # "in", "at" name where it happened, not what was hit
            placed = any(_is_person(t) or _is_target(t) for t in hit)
            for child in tok.children:
                if child.dep_ in ("prep", "dative") and child.lower_ in _VERB_PREPS:
                    if placed and child.lower_ in _LOCATIVE:
                        continue
                    heads += _pobjs(child)
                elif child.dep_ == "dobj" and lemma(child) == "fire":  # "opened fire on", "set fire to"
                    heads += [p for c in child.children if c.dep_ == "prep" for p in _pobjs(c)]
        elif tok.pos_ == "NOUN" and (lem in nouns or lem in ("damage", "bomb", "fire")):
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in _NOUN_PREPS:
                    heads += _pobjs(child)
                    if child.lower_ in ("on", "against"):
                        named += _pobjs(child)
    named_ids = {t.i for t in named}
    return [h for h in heads if _is_target(h, organisations=h.i in named_ids)]


def find_targets(ctx: EventContext) -> tuple[Target, ...]:
    """Physical and organisational targets, one per distinct phrase, in order of first mention."""
    out: list[Target] = []
    seen: dict[str, int] = {}
    for sent in ctx.sents:
        found: list[tuple[Token, Bounds]] = []
        for head in _target_heads(sent):
            bounds = _drop_quantity(ctx, phrase_bounds(head, of_pp=lemma(head) in _PP_HEADS), head)
            if lemma(head) == "crowd":
                bounds = _with_pp(head, bounds, ("at", "of"))
            found.append((head, bounds))
        for head, bounds in found:
            if any(b != bounds and b[0] <= bounds[0] and bounds[1] <= b[1] for _, b in found):
                continue  # "memorial ceremony" inside "crowd at a memorial ceremony"
            text = bounds_text(ctx, bounds)
            evidence = bounds_evidence(ctx, bounds)
            key = text.lower()
            if key in seen:
                prev = out[seen[key]]
                if evidence not in prev.evidence:
                    out[seen[key]] = Target(prev.text, prev.kind, (*prev.evidence, evidence))
                continue
            seen[key] = len(out)
            out.append(Target(text=text, kind=_target_kind(ctx, head, bounds), evidence=(evidence,)))
    return tuple(out)


def _drop_quantity(ctx: EventContext, bounds: Bounds, head: Token) -> Bounds:
    """ "two high-voltage pylons" -> "high-voltage pylons": targets are named without their number, not
    without a size ("two 12-story buildings" -> "12-story buildings")."""
    start = bounds[0]
    while start < head.i and not hyphen_joined(ctx.doc, start + 1) and (
        ctx.doc[start].like_num or ctx.doc[start].lower_ in _QUANTITY_WORDS
    ):
        start += 1
    return start, bounds[1]


def _with_pp(head: Token, bounds: Bounds, preps: tuple[str, ...]) -> Bounds:
    """ "crowd at a memorial ceremony": the phrase right after the head, wherever the parser hung it."""
    doc = head.doc
    nxt = doc[bounds[1]] if bounds[1] < len(doc) else None
    if nxt is not None and nxt.lower_ in preps and nxt.dep_ == "prep":
        pobjs = [c for c in nxt.children if c.dep_ == "pobj"]
        if pobjs:
            return bounds[0], max(bounds[1], phrase_bounds(pobjs[0], entity=False)[1])
    return bounds


# --------------------------------------------------------------------------------------------------
# Victims


def _effect(verb: Token, base: str) -> str:
    """ "shot dead" -> killed; otherwise the verb's own effect."""
    if any(c.lower_ == "dead" for c in verb.children):
        return "killed"
    return base


def _victim_heads(sent: Span) -> list[tuple[Token, str]]:
    verbs, nouns = attack_verbs(), attack_nouns()
    found: list[tuple[Token, str]] = []
    for tok in sent:
        lem = lemma(tok)
        if _is_verb(tok):
            if is_negated(tok):
                continue
            if lem in verbs and verbs[lem][1] in ("people", "both"):
                effect = _effect(tok, verbs[lem][0])
                found += [(t, effect) for t in objects(tok) + subjects(tok, passive=True)]
                found += [(t, effect) for t in tok.children if t.dep_ == "npadvmod" and _is_person(t)]
            elif lem == "die" or (lem == "lose" and any(lemma(o) == "life" for o in objects(tok))):
                found += [(t, "killed") for t in subjects(tok)]
            if lem in ("escape", "survive", "be", "emerge", "remain") and any(
                c.lower_ in _UNHARMED for c in tok.children
            ):
                found += [(t, "unharmed") for t in subjects(tok)]
            if lem in ("identify", "name", "be", "include") and any(
                lemma(t) in _VICTIM_WORDS for t in subjects(tok) + subjects(tok, passive=True)
            ):  # "the victims were identified as X, Y and Z", "the dead include X"
                effect = "killed" if any(lemma(t) in ("dead", "body") for t in subjects(tok)) else "unknown"
                for child in tok.children:
                    if child.dep_ in ("attr", "dobj"):
                        found.append((child, effect))
                    elif child.dep_ == "prep" and child.lower_ == "as":
                        found += [(p, effect) for p in _pobjs(child)]
        elif tok.pos_ == "NOUN" and lem in nouns:
            effect = nouns[lem]
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in ("of", "on", "against"):
                    for pobj in _pobjs(child):
                        if lemma(pobj) == "life":  # "an attempt on the life of X"
                            for sub in pobj.children:
                                if sub.dep_ == "prep" and sub.lower_ == "of":
                                    found += [(p, effect) for p in _pobjs(sub)]
                        else:
                            found.append((pobj, effect))
                elif child.dep_ == "poss" and child.ent_type_ == "PERSON":  # "Galan's assassination"
                    found.append((child, effect))
            if effect in ("killed", "kidnapped"):  # "the assassination in Guatemala of X"
                found += [
                    (t, effect)
                    for t in tok.subtree
                    if t.i > tok.i and t.ent_type_ == "PERSON" and t.dep_ != "compound" and t.head.dep_ != "relcl"
                ]
    out: list[tuple[Token, str]] = []
    for head, effect in found:
        for tok in _expand(head):
            if head.pos_ == "PRON" or (_is_person(tok) and noun_class(tok) not in ("perp", "group")):
                out.append((tok, effect))
    return out


def _expand(head: Token) -> list[Token]:
    """The head, its conjuncts and the people apposed to or included in it: "six Jesuit priests,
    including Ignacio Ellacuria, Segundo Montes and Amando Lopez"."""
    out: list[Token] = []
    todo = [head]
    while todo and len(out) < 40:
        tok = todo.pop(0)
        if any(t.i == tok.i for t in out):
            continue
        out.append(tok)
        for child in tok.children:
            if child.dep_ in ("conj", "appos") and child.pos_ in ("NOUN", "PROPN"):
                todo.append(child)
            elif child.dep_ == "prep" and child.lower_ in ("including", "among"):
                todo += _pobjs(child)
    return out


def _count(ctx: EventContext, head: Token, bounds: Bounds) -> int | None:
    if _is_name(head):
        return 1
    start = ctx.doc[bounds[0]].idx
    for num in find_numbers(ctx.text, start, head.idx):
        if num.qualifier == "exact" and num.value is not None:
            return num.value
        if num.best is not None:
            return num.best
    first = ctx.doc[bounds[0]]
    if first.i > 0 and ctx.doc[first.i - 1].lower_ in ("a", "an") and head.tag_ in ("NN", "NNP"):
        return 1
    return None


@functools.lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(r["title"].lower() for r in read_tsv("participants_titles.tsv"))


def _name_bounds(doc: Doc, start: int, end: int) -> Bounds | None:
    """A person's name without titles and possessives: "Father Ignacio Ellacuria's" -> "Ignacio Ellacuria"."""
    trimmed = trim_bounds(doc, start, end)
    if trimmed is None:
        return None
    start, end = trimmed
    titles = _titles()
    while start < end - 1 and (doc[start].lower_.rstrip(".") in titles or doc[start].text == "."):
        start += 1
    return start, end


def _full_name(ctx: EventContext, bounds: Bounds) -> Bounds | None:
    """The longest PERSON name in the report that contains this one ("Galan" -> "Luis Carlos Galan")."""
    doc = ctx.doc
    words = {t.lower_ for t in doc[bounds[0] : bounds[1]]}
    last = doc[bounds[1] - 1].lower_
    spans = [(e.start, e.end) for e in doc.ents if e.label_ == "PERSON"]
    for tok in doc:  # names the tagger split: a proper noun and the proper nouns compounded to it
        if tok.lower_ == last and tok.pos_ == "PROPN":
            start = tok.i
            while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
                start -= 1
            spans.append((start, tok.i + 1))
    best: Bounds | None = None
    for start, end in spans:
        if end - start <= len(words):
            continue
        named = _name_bounds(doc, start, end)
        if named is None or not words <= {t.lower_ for t in doc[named[0] : named[1]]}:
            continue
        if best is None or named[1] - named[0] > best[1] - best[0]:
            best = named
    return best


def _antecedent(ctx: EventContext, pron: Token) -> Token | None:
    """ "he", "him": the nearest PERSON before it, in its sentence or the two before."""
    lo = max(0, pron.sent.start - 80)
    for ent in reversed(ctx.doc.ents):
        if ent.end <= pron.i and ent.start >= lo and ent.label_ == "PERSON":
            return ent.root
    return None


def _victim_bounds(head: Token) -> Bounds:
    if _is_name(head):
        start, end = entity_bounds(head) or (head.i, head.i + 1)
        doc = head.doc
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
            start -= 1  # the rest of a name the tagger split
        named = _name_bounds(doc, start, end)
        if named is not None:
            return named
    return phrase_bounds(head, of_pp=lemma(head) in ("member", "leader", "group", "family", "relative"))


def find_victims(ctx: EventContext) -> tuple[Victim, ...]:
    """People harmed in the event, one per distinct phrase, with the worst effect reported."""
    out: list[Victim] = []
    seen: dict[str, int] = {}
    for sent in ctx.sents:
        for head, effect in _victim_heads(sent):
            if head.pos_ == "PRON":
                if head.lower_ not in _PRONOUNS:
                    continue
                antecedent = _antecedent(ctx, head)
                if antecedent is None:
                    continue
                bounds = _victim_bounds(antecedent)
                evidence_bounds = [bounds, (head.i, head.i + 1)]
            else:
                bounds = _victim_bounds(head)
                evidence_bounds = [bounds]
                if _is_name(head):
                    full = _full_name(ctx, bounds)
                    if full is not None:
                        bounds = full
                        evidence_bounds.insert(0, full)
            if ctx.is_credit(ctx.doc[bounds[0]].idx):
                continue  # "DNAinfo/Alex Nitkin", "(Photo: Michelle Crandall)": who took the picture
            text = bounds_text(ctx, bounds)
            evidence = tuple(dict.fromkeys(bounds_evidence(ctx, b) for b in evidence_bounds))
            key = text.lower()
            if key in seen:
                prev = out[seen[key]]
                better = effect if _EFFECT_RANK[effect] > _EFFECT_RANK.get(prev.effect, 0) else prev.effect
                merged = tuple(dict.fromkeys((*prev.evidence, *evidence)))
                out[seen[key]] = Victim(prev.text, prev.count, better, merged, prev.named)
                continue
            seen[key] = len(out)
            count = _count(ctx, head, bounds) if head.pos_ != "PRON" else 1
            named = _is_name(antecedent if head.pos_ == "PRON" and antecedent is not None else head)
            out.append(Victim(text=text, count=count, effect=effect, evidence=evidence, named=named))
    return tuple(out)
