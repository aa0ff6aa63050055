"""Checks that decide whether a report can be processed, each with a clear error code.

Language identification is a small stop-word profile rather than a library: the only decision we
need is "English enough to run an English pipeline", and a profile costs no memory or start-up time
(``lingua`` needs ~100 MB per process; ``langdetect`` is non-deterministic without seeding).
"""

from __future__ import annotations

import re

from eventdesk.errors import BadEncoding, BinaryReport, EmptyReport, NotEnglish, ReportTooLarge

MAX_CHARS = 2_000_000  # ~300k words; a 50 MB text is refused with ``too_large``

_ENGLISH = frozenset(
    ["the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "was", "with", "as", "by", "at", "from", "said", "were", "he", "it", "his", "an", "be", "are", "has", "have", "had", "after", "who", "they", "their", "police", "killed", "people", "been", "but", "not", "which", "this", "when", "two", "three", "said", "one", "more", "than", "its", "into", "about", "over", "also"]
)
_OTHER = frozenset(
    # Spanish, French, German, Portuguese, Italian function words absent from English
    ["el", "la", "los", "las", "del", "que", "por", "con", "para", "una", "un", "es", "se", "al", "lo", "como", "pero", "sus", "fue", "han", "le", "les", "des", "du", "et", "est", "dans", "une", "pour", "qui", "pas", "sur", "avec", "ont", "été", "der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "dem", "zu", "ein", "eine", "auf", "os", "da", "do", "em", "um", "uma", "não", "foi", "com", "il", "di", "che", "per", "gli", "della", "sono"]
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def decode_bytes(data: bytes) -> str:
    """Bytes -> text: UTF-8 (with or without BOM), else a detected encoding; binary is refused."""
    if b"\x00" in data[:8192]:
        raise BinaryReport("the input contains NUL bytes: it looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise BadEncoding("the input is neither UTF-8 nor a recognisable text encoding")
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise BadEncoding(f"could not decode the input as {best.encoding}: {exc}") from exc


def control_ratio(text: str) -> float:
    sample = text[:20_000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or ord(ch) == 0xFFFD)
    return bad / len(sample)


def english_score(text: str) -> tuple[float, float, int]:
    """(share of English function words, share of other-language function words, words seen)."""
    words = [w.lower() for w in _WORD.findall(text[:20_000])]
    if not words:
        return 0.0, 0.0, 0
    en = sum(1 for w in words if w in _ENGLISH)
    other = sum(1 for w in words if w in _OTHER)
    return en / len(words), other / len(words), len(words)


def check_text(text: str) -> list[str]:
    """Raise an :class:`InputError` for unprocessable text; return warnings for doubtful text."""
    if not text or not text.strip():
        raise EmptyReport("the report text is empty")
    if len(text) > MAX_CHARS:
        raise ReportTooLarge(
            f"the report has {len(text):,} characters; the limit is {MAX_CHARS:,} "
            "(split archives into one report per article)"
        )
    if control_ratio(text) > 0.05:
        raise BinaryReport("the report is mostly control characters or undecodable bytes")
    warnings: list[str] = []
    en, other, n = english_score(text)
    if n >= 8 and other > en and other >= 0.08:
        raise NotEnglish(
            "the report does not look like English (only English is supported); "
            f"{other:.0%} of words are function words of other languages"
        )
    if n < 8:
        warnings.append("very short report: extraction may be unreliable")
    elif en < 0.05 and not text.isupper():
        warnings.append("few English function words: the report may not be English prose")
    return warnings
