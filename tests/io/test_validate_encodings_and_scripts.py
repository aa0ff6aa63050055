"""Byte-order marks, other scripts, guessed encodings and future dates (defect 5 of issue 19)."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest

from eventdesk.errors import NotEnglish
from eventdesk.extractor.pipeline import prepare
from eventdesk.io.readers import ReadFailure, read_blob
from eventdesk.io.validate import check_text, decode_bytes
from eventdesk.records import Report

ENGLISH = ("Gunmen opened fire on a minibus outside the bus station on Friday evening, killing three "
           "passengers and wounding five, the regional police chief told reporters.")


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
     (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF8, "utf-8")],
    ids=["utf16le", "utf16be", "utf32le", "utf8"],
)
def test_validate_byte_order_mark_decides_the_encoding(bom: bytes, codec: str) -> None:
    text = ENGLISH + " Café owners in Zürich said €5,000 was taken."
    assert decode_bytes(bom + text.encode(codec)) == text
    (item,) = read_blob(bom + text.encode(codec), name="wire")
    assert isinstance(item, Report) and item.text == text and item.guessed_encoding is None


def test_readers_utf16_file_is_a_report_not_binary() -> None:
    (item,) = read_blob(ENGLISH.encode("utf-16"), name="wire")
    assert isinstance(item, Report) and item.text == ENGLISH


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("В пятницу вечером неизвестные открыли огонь по автобусу у вокзала, погибли три пассажира.", "Cyrillic"),
        ("星期五晚上，枪手在汽车站外向一辆小巴开枪，造成三名乘客死亡，五人受伤。", "Chinese"),
        ("أطلق مسلحون النار على حافلة صغيرة خارج محطة الحافلات مساء الجمعة مما أسفر عن مقتل ثلاثة ركاب.", "Arabic"),
    ],
    ids=["russian", "chinese", "arabic"],
)
def test_validate_other_scripts_are_not_english(text: str, script: str) -> None:
    with pytest.raises(NotEnglish, match=script):
        check_text(text)


def test_validate_mostly_english_with_another_script_passes() -> None:
    mixed = ENGLISH + " A banner at the scene read «Слава героям» and police removed it."
    assert check_text(mixed) == []


def test_readers_guessed_encoding_is_warned_about() -> None:
    text = ENGLISH + " The café on the Rue de la Paix, near the château, was damaged; señor Muñoz was unhurt."
    (item,) = read_blob(text.encode("cp1252"), name="latin")
    assert not isinstance(item, ReadFailure)
    encoding = getattr(item, "guessed_encoding", None)
    assert isinstance(encoding, str)
    warnings = prepare(item).warnings
    assert any("not valid UTF-8" in w and encoding in w for w in warnings), warnings
    (utf8,) = read_blob(text.encode("utf-8"), name="utf8")
    assert isinstance(utf8, Report) and not any("UTF-8" in w for w in prepare(utf8).warnings)


def test_prepare_future_publication_date_is_warned_about() -> None:
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    warnings = prepare(Report(text=ENGLISH, id="f", published=future)).warnings
    assert any("in the future" in w and future in w for w in warnings), warnings
    today = dt.date.today().isoformat()
    assert not any("future" in w for w in prepare(Report(text=ENGLISH, id="t", published=today)).warnings)
