"""Checks that decide whether a report can be processed, each with a clear error code.

Language identification is a small stop-word profile rather than a library: the only decision we
need is "English enough to run an English pipeline", and a profile costs no memory or start-up time
(``lingua`` needs ~100 MB per process; ``langdetect`` is non-deterministic without seeding).
Reports in another script (Cyrillic, Arabic, CJK, ...) are recognised before that, by the share of
their letters that are Latin.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from eventdesk.errors import BadEncoding, BinaryReport, EmptyReport, NotEnglish, ReportTooLarge

# The longest report processed: spaCy holds a whole report's parse in memory, ~3 KB a character.
# Measured on generated news text in one process (2 shared cores; docs/reliability.md), seconds and
# peak memory over the loaded model: 50,000 chars 2.7 s +155 MB; 100,000 chars 8.7 s (13.6 s on a
# machine loaded 3x over) +315 MB; 200,000 chars 11.9 s +621 MB; 400,000 chars 43.5 s +1.2 GB.
# News articles are far shorter (the longest GVA article is 100,000 chars, a clipped page).
# spaCy's ``max_length`` is set to this too (nlp/model.py).
MAX_CHARS = 100_000
# a report is in another script when fewer than this share of its letters are Latin
MIN_LATIN_SHARE = 0.5
_MIN_LETTERS = 20  # fewer letters than this decide nothing
# byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_ENGLISH = frozenset(
    ["the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "was", "with", "as", "by", "at", "from", "said", "were", "he", "it", "his", "an", "be", "are", "has", "have", "had", "after", "who", "they", "their", "police", "killed", "people", "been", "but", "not", "which", "this", "when", "two", "three", "said", "one", "more", "than", "its", "into", "about", "over", "also"]
)
_OTHER = frozenset(
    # Spanish, French, German, Portuguese, Italian function words absent from English
    ["el", "la", "los", "las", "del", "que", "por", "con", "para", "una", "un", "es", "se", "al", "lo", "como", "pero", "sus", "fue", "han", "le", "les", "des", "du", "et", "est", "dans", "une", "pour", "qui", "pas", "sur", "avec", "ont", "été", "der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "dem", "zu", "ein", "eine", "auf", "os", "da", "do", "em", "um", "uma", "não", "foi", "com", "il", "di", "che", "per", "gli", "della", "sono"]
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes; ``guessed_encoding`` is set when the bytes were not UTF-8 (nor marked
    by a byte-order mark) and the encoding was detected, so the text may be wrong."""

    text: str
    guessed_encoding: str | None = None


def decode_bytes(data: bytes) -> str:
    """Bytes -> text (see :func:`decode_text`)."""
    return decode_text(data).text


def decode_text(data: bytes) -> Decoded:
    """Bytes -> text: a byte-order mark (UTF-8/16/32) decides; else UTF-8, else a detected
    encoding; binary is refused."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec))
            except UnicodeDecodeError as exc:
                name = codec.replace("-sig", "")
                raise BadEncoding(f"the input starts with a {name.upper()} byte-order mark but is not {name}: {exc}") from exc
    if b"\x00" in data[:8192]:
        raise BinaryReport("the input contains NUL bytes: it looks like a binary file, not text")
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise BadEncoding("the input is neither UTF-8 nor a recognisable text encoding")
    try:
        return Decoded(data.decode(best.encoding), guessed_encoding=best.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise BadEncoding(f"could not decode the input as {best.encoding}: {exc}") from exc


def control_ratio(text: str) -> float:
    sample = text[:20_000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or ord(ch) == 0xFFFD)
    return bad / len(sample)


def dominant_script(text: str) -> tuple[str, float] | None:
    """(the most common non-Latin script, share of letters that are Latin) when too few letters of
    the start of ``text`` are Latin; None for Latin-script text or too few letters to tell."""
    latin = 0
    others: dict[str, int] = {}
    for ch in text[:20_000]:
        if not ch.isalpha():
            continue
        if ch < "\u0250":  # ASCII, Latin-1, Latin Extended-A and -B
            latin += 1
            continue
        name = unicodedata.name(ch, "UNKNOWN")
        script = name.split(" ", 1)[0]
        if script == "LATIN" or name.startswith("FULLWIDTH LATIN"):
            latin += 1
        else:
            others[script] = others.get(script, 0) + 1
    letters = latin + sum(others.values())
    if letters < _MIN_LETTERS or latin / letters >= MIN_LATIN_SHARE:
        return None
    script = max(others, key=lambda k: others[k])
    return _SCRIPT_NAMES.get(script, script.title()), latin / letters


_SCRIPT_NAMES = {"CJK": "Chinese (Han)", "HIRAGANA": "Japanese (Hiragana)", "KATAKANA": "Japanese (Katakana)",
                 "HANGUL": "Korean (Hangul)"}


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
    script = dominant_script(text)
    if script is not None:
        raise NotEnglish(
            f"the report is written mostly in {script[0]} script ({1 - script[1]:.0%} of its letters are "
            "not Latin); only English is supported"
        )
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
