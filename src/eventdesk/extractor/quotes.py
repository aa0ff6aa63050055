"""Sources: who said what about the event ("police said", "according to the Interior Ministry").

A source is the subject of a reporting verb (``data/quotes_verbs.tsv``) or the object of "according
to". ``speaker`` is a name where the report gives one ("said Babak Yektaparast, a spokesman for the
emergency services" -> speaker "Babak Yektaparast", role "spokesman for the emergency services"),
otherwise the noun phrase as written ("police", "a U.S. official", "the official IRNA news agency").
``said`` is the reported clause. Evidence: the speaker span, then the span of what was said.

:func:`attribution` is also used by the perpetrator stage to fill ``attributed_by``.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from eventdesk.records import Evidence, Source
from eventdesk.resources import read_tsv

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from eventdesk.extractor.context import EventContext

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_CONTENT_DEPS = ("ccomp", "xcomp", "parataxis")
# left dependents kept in a speaker's noun phrase ("a senior U.S. official")
_NP_LEFT = frozenset({"det", "predet", "nummod", "amod", "compound", "nmod", "poss", "case", "quantmod", "advmod"})
# reporting verbs that make a source even without a reported clause ("police said.")
_BARE = frozenset({"say", "tell", "report", "announce", "state", "add", "confirm", "quote"})
_PERSONAL = frozenset({"he", "she"})
_UNUSABLE = frozenset({"it", "they", "we", "i", "you", "who", "which", "that", "this", "one", "there"})
_DASHES = frozenset({"—", "--", "–"})
_QUOTES = "\"'“”‘’«»"
_TRIM = frozenset({",", ";", ":", "-", "--", "—", "(", ")", ".", "!", "?"}) | frozenset(_QUOTES)


@functools.lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    return frozenset(r["lemma"] for r in read_tsv("quotes_verbs.tsv"))


def is_reporting_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in _verbs()


def speaker_span(head: Token) -> tuple[int, int]:
    """Token bounds of a speaker noun phrase: left modifiers, the head, and "of"/"for"/"from" phrases."""
    start = head.i
    for child in reversed(list(head.lefts)):
        if child.dep_ not in _NP_LEFT:
            break
        start = child.left_edge.i
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "for", "from", "at", "in") and child.i == end:
            end = child.right_edge.i + 1
        elif child.dep_ == "compound" and child.i == end:
            end = child.i + 1
        else:
            break
    doc = head.doc
    while end > start + 1 and doc[end - 1].text in _TRIM:
        end -= 1
    while start < end - 1 and doc[start].text in _TRIM:
        start += 1
    return start, end


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            return child
    for child in verb.children:  # "it was reported by the agency"
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):  # "he said ... and added ..."
        return _subject(verb.head)
    return None


def _negative(tok: Token) -> bool:
    """ "no group", "nobody", "none of them"."""
    return tok.lower_ in ("nobody", "none", "noone") or any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def _according_to(sent: Span) -> list[tuple[Token, Token]]:
    """(the "according" token, the head of its object) for each "according to X" in a sentence."""
    out = []
    for tok in sent:
        if tok.lower_ != "according":
            continue
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is None or nxt.lower_ != "to":
            continue
        objs = [c for c in nxt.children if c.dep_ == "pobj"] or [c for c in tok.children if c.dep_ == "pobj"]
        if not objs and nxt.i + 1 < sent.end:  # unparsed: take the next noun
            objs = [t for t in sent.doc[nxt.i + 1 : sent.end] if t.pos_ in ("NOUN", "PROPN")][:1]
        if objs:
            out.append((tok, objs[0]))
    return out


def attribution(token: Token) -> tuple[int, int] | None:
    """Token bounds of who the clause holding ``token`` is attributed to, if anyone.

    The nearest reporting verb above ``token`` whose subject does not contain ``token``
    ("police said [the gunman ... was arrested]"), else an "according to X" in the same sentence.
    """
    child, node = token, token.head
    while node.i != child.i:
        if is_reporting_verb(node) and child.dep_ in _CONTENT_DEPS:
            found = _usable_speaker(node)
            if found is not None:
                return found
        child, node = node, node.head
    root = token.sent.root
    for verb in root.children:  # "The gunman was arrested, police said."
        if verb.dep_ in ("parataxis", "advcl", "ccomp") and verb.i > root.i and is_reporting_verb(verb):
            if not any(c.dep_ in _CONTENT_DEPS for c in verb.children):
                found = _usable_speaker(verb)
                if found is not None:
                    return found
    for _, obj in _according_to(token.sent):
        return speaker_span(obj)
    return None


def _usable_speaker(verb: Token) -> tuple[int, int] | None:
    subj = _subject(verb)
    if subj is None or subj.lower_ in _UNUSABLE or subj.lower_ in _PERSONAL or _negative(subj):
        return None
    return speaker_span(subj)


def _content(verb: Token, sent: Span, skip: tuple[int, int]) -> tuple[int, int] | None:
    """Token bounds of what a reporting verb reports: its clausal complement, else the rest of the sentence."""
    for dep in _CONTENT_DEPS:
        for child in verb.children:
            if child.dep_ == dep and not (skip[0] <= child.i < skip[1]):
                return child.left_edge.i, child.right_edge.i + 1
    # "The blast killed 12, police said": the reporting verb hangs off the main clause
    if verb.dep_ in ("parataxis", "advcl") or (
        verb.dep_ == "ccomp" and verb.head.i == sent.root.i and verb.i > verb.head.i
    ):
        lo, hi = verb.left_edge.i, verb.right_edge.i + 1
        if lo > sent.start:
            return sent.start, lo
        if hi < sent.end:
            return hi, sent.end
    return None


def _trimmed(doc_tokens: Span) -> tuple[int, int] | None:
    start, end = doc_tokens.start, doc_tokens.end
    doc = doc_tokens.doc
    for tok in doc[start : min(end, start + 20)]:  # a dateline: "KERMAN, Iran (AP) — Two bombs ..."
        if tok.text in _DASHES and not any(t.pos_ in ("VERB", "AUX") for t in doc[start : tok.i]):
            start = tok.i + 1
            break
    while start < end and (doc[start].text in _TRIM or doc[start].lower_ in ("that", "and")):
        start += 1
    while end > start and doc[end - 1].text in _TRIM:
        end -= 1
    return (start, end) if end > start else None


def _name_and_role(ctx: EventContext, subj: Token, bounds: tuple[int, int]) -> tuple[tuple[int, int], str | None]:
    """Split "Interior Minister Ahmad Vahidi" / "Yektaparast, a spokesman for ..." into name and role."""
    doc = ctx.doc
    role: str | None = None
    if subj.ent_type_ == "PERSON":
        ent_start, ent_end = subj.i, subj.i + 1
        while ent_start > bounds[0] and doc[ent_start - 1].ent_type_ == "PERSON":
            ent_start -= 1
        while ent_end < bounds[1] and doc[ent_end].ent_type_ == "PERSON":
            ent_end += 1
        left = [t for t in doc[bounds[0] : ent_start] if t.dep_ != "det" and t.text not in _TRIM]
        if left:
            role = doc[left[0].i : left[-1].i + 1].text
        for child in subj.children:
            if child.dep_ == "appos":
                a, b = speaker_span(child)
                while a < b and doc[a].dep_ == "det":
                    a += 1
                if a < b:
                    role = doc[a:b].text
                break
        return (ent_start, ent_end), role
    for child in subj.children:  # "a spokesman, John Doe, said"
        if child.dep_ == "appos" and child.ent_type_ == "PERSON":
            a, b = speaker_span(child)
            while a < b and doc[a].dep_ == "det":
                a += 1
            r0 = bounds[0]
            while r0 < bounds[1] and doc[r0].dep_ == "det":
                r0 += 1
            role = doc[r0 : bounds[1]].text
            return (a, b), role
    return bounds, None


def _last_person_before(ctx: EventContext, token: Token, named: dict[int, tuple[int, int]]) -> tuple[int, int] | None:
    """A "he"/"she" speaker: the last named speaker before it, else the last PERSON in the report."""
    earlier = [b for i, b in named.items() if i < token.i]
    if earlier:
        return earlier[-1]
    for ent in reversed(ctx.doc.ents):
        if ent.label_ == "PERSON" and ent.end <= token.i:
            return ent.start, ent.end
    return None


def _evidence(ctx: EventContext, bounds: tuple[int, int]) -> Evidence:
    doc = ctx.doc
    first, last = doc[bounds[0]], doc[bounds[1] - 1]
    return ctx.evidence(first.idx, last.idx + len(last))


def _text(ctx: EventContext, bounds: tuple[int, int], *, lower_start: bool = True) -> str:
    """Text of a token range, white space collapsed; a capital that only marks the start of a
    sentence is lowered ("The official IRNA news agency reported" -> "the official IRNA news agency")."""
    doc = ctx.doc
    first = doc[bounds[0]]
    text = " ".join(doc[bounds[0] : bounds[1]].text.split())  # not Doc.text: it rebuilds the report
    if lower_start and first.is_sent_start and first.pos_ != "PROPN" and not first.ent_type_ and first.text.istitle():
        text = text[:1].lower() + text[1:]
    return text


def find_sources(ctx: EventContext) -> tuple[Source, ...]:
    """Every attributed statement in the event's sentences, in order; identical ones once."""
    out: list[Source] = []
    seen: set[tuple[str, str | None]] = set()
    named: dict[int, tuple[int, int]] = {}
    for sent in ctx.sents:
        found: list[tuple[Token, tuple[int, int], tuple[int, int] | None]] = []
        for tok in sent:
            if not is_reporting_verb(tok):
                continue
            subj = _subject(tok)
            if subj is None or subj.lower_ in _UNUSABLE or subj.pos_ == "DET" or _negative(subj):
                continue
            if subj.lower_ in _PERSONAL:
                resolved = _last_person_before(ctx, subj, named)
                if resolved is None:
                    continue
                bounds = resolved
                head = ctx.doc[resolved[1] - 1]
            else:
                bounds = speaker_span(subj)
                head = subj
            said = _content(tok, sent, bounds)
            if said is None and tok.lemma_.lower() not in _BARE:
                continue  # "X claimed responsibility" is not a statement about the event
            found.append((head, bounds, said))
        for according, obj in _according_to(sent):
            bounds = speaker_span(obj)
            rest_start, rest_end = sent.start, sent.end
            if according.i > sent.start + 1:
                rest_end = according.i
            else:
                rest_start = bounds[1]
            found.append((obj, bounds, (rest_start, rest_end)))
        for head, bounds, said in found:
            name_bounds, role = _name_and_role(ctx, head, bounds) if head.i in range(*bounds) else (bounds, None)
            if head.ent_type_ == "PERSON":
                named[head.i] = name_bounds
            said_bounds = _trimmed(ctx.doc[said[0] : said[1]]) if said and said[1] > said[0] else None
            speaker = _text(ctx, name_bounds)
            said_text = _text(ctx, said_bounds, lower_start=False) if said_bounds else None
            key = (speaker.lower(), said_text)
            if key in seen or not speaker:
                continue
            seen.add(key)
            evidence = [_evidence(ctx, name_bounds)]
            if said_bounds:
                evidence.append(_evidence(ctx, said_bounds))
            out.append(Source(speaker=speaker, role=role, said=said_text, evidence=tuple(evidence)))
    return tuple(out)
