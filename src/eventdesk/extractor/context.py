"""The view of one event that extractor stages receive.

``doc`` is the spaCy ``Doc`` over the case-restored text, which has exactly the same length as the
original report text, so token character offsets are valid in both. Evidence is always cut from
``text`` (the original), never from ``doc.text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventdesk.records import Evidence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


# "DNAinfo/Alex Nitkin", "(Photo: Michelle Crandall)": a picture's credit names no one in the event
_CREDIT_BEFORE = re.compile(
    r"(?:[A-Za-z]/|\b(?:photo|photos|photograph|credit|caption|courtesy)\s*(?:by)?\s*:?\s*)$", re.IGNORECASE
)


@dataclass(frozen=True)
class EventContext:
    text: str  # the original report text
    doc: Doc  # spaCy doc over the case-restored text (same length as ``text``)
    sents: tuple[Span, ...]  # the sentences that describe this event, in order
    role: str = "main"  # main | related | background
    published: str | None = None  # ISO date of the report, if known

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for ``text[start:end]``, trimmed of surrounding white space."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return Evidence(start, end, self.text[start:end])

    def span_evidence(self, span: Span) -> Evidence:
        return self.evidence(span.start_char, span.end_char)

    def is_credit(self, start: int) -> bool:
        """True when the name starting at ``start`` is a photo credit ("DNAinfo/Alex Nitkin")."""
        return bool(_CREDIT_BEFORE.search(self.text[max(0, start - 20) : start]))
