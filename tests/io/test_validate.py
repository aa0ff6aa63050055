from __future__ import annotations

import pytest

from eventdesk.errors import BadEncoding, BinaryReport, EmptyReport, NotEnglish, ReportTooLarge
from eventdesk.io.validate import MAX_CHARS, check_text, decode_bytes


def test_validate_empty_and_whitespace() -> None:
    for text in ("", "   \n\t "):
        with pytest.raises(EmptyReport):
            check_text(text)


def test_validate_binary() -> None:
    with pytest.raises(BinaryReport):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_validate_too_large() -> None:
    with pytest.raises(ReportTooLarge):
        check_text("word " * (MAX_CHARS // 5 + 10))


def test_validate_not_english() -> None:
    text = ("Un coche bomba explotó el martes en el centro de la ciudad y mató a doce personas, "
            "según la policía, que no ha identificado a los autores del atentado.")
    with pytest.raises(NotEnglish):
        check_text(text)


def test_validate_english_passes() -> None:
    assert check_text("A car bomb exploded on Tuesday in the city centre, killing twelve people, police said.") == []


def test_validate_latin1_decoded() -> None:
    assert decode_bytes("Bogotá police said".encode("latin-1")) == "Bogotá police said"


def test_validate_invalid_bytes_are_an_encoding_error_or_decoded() -> None:
    try:
        text = decode_bytes(b"\xff\xfe\xfd\xfc" * 10)
    except (BadEncoding, BinaryReport):
        return
    assert isinstance(text, str)
