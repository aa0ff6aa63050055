"""The shared click parameter types: what they accept, normalise, refuse and suggest."""

from __future__ import annotations

import click
import pytest

from eventdesk.params import (
    COUNTRY_CODE,
    ISO_DATE,
    SEARCH_WORDS,
    TYPE_CODE,
    country_names,
    suggest_countries,
    type_codes,
)
from eventdesk.resources import read_tsv


def _refusal(param_type: click.ParamType, value: str) -> str:
    with pytest.raises(click.BadParameter) as err:
        param_type.convert(value, None, None)
    return err.value.message


def test_params_iso_date_accepts_only_real_iso_days() -> None:
    assert ISO_DATE.convert("2024-02-29", None, None) == "2024-02-29"
    assert ISO_DATE.convert(" 2024-01-03 ", None, None) == "2024-01-03"
    for bad in ("2023-02-29", "2024-1-3", "20240103", "2024-01-03T10:00", "yesterday", ""):
        assert "YYYY-MM-DD" in _refusal(ISO_DATE, bad), bad


def test_params_iso_date_names_both_readings_of_a_numeric_date() -> None:
    assert "2024-04-05 or 2024-05-04" in _refusal(ISO_DATE, "04/05/2024")
    message = _refusal(ISO_DATE, "13.05.2024")  # only one reading is a date
    assert "write 2024-05-13 (" in message and " or " not in message.split("(")[0]


def test_params_type_codes_come_from_the_data_file() -> None:
    assert type_codes() == tuple(row["code"] for row in read_tsv("event_types.tsv"))
    assert TYPE_CODE.convert("Air strike", None, None) == "air_strike"
    assert TYPE_CODE.convert("suicide-bombing", None, None) == "suicide_bombing"
    message = _refusal(TYPE_CODE, "kidnap")
    assert "did you mean kidnapping?" in message and all(code in message for code in type_codes())


def test_params_country_codes_are_the_gazetteers() -> None:
    names = country_names()
    assert len(names) > 200 and names["IR"] == "Iran"
    assert all(COUNTRY_CODE.convert(cc.lower(), None, None) == cc for cc in names)


@pytest.mark.parametrize(
    ("given", "suggested"),
    [("Iran", ["IR"]), ("Britain", ["GB"]), ("USA", ["US"]), ("cote d'ivoire", ["CI"]), ("Nigerai", ["NG"])],
)
def test_params_country_suggestions(given: str, suggested: list[str]) -> None:
    assert suggest_countries(given)[: len(suggested)] == suggested
    assert f"did you mean {suggested[0]} (" in _refusal(COUNTRY_CODE, given)


def test_params_search_words_need_a_word() -> None:
    assert SEARCH_WORDS.convert("  car   bomb ", None, None) == "car bomb"
    assert "at least one word" in _refusal(SEARCH_WORDS, " \t ")
