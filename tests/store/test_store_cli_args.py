"""Bad arguments to the store commands are usage errors (exit 2) that say what is valid; text search
matches every word, literally, on both backends (issue 19, defect 7)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner, Result
from store_builders import SHOOTING, TEHRAN, day, event, kerman_story, result

from eventdesk.commands.extract_cmd import extract
from eventdesk.errors import StoreError
from eventdesk.store.base import IncidentQuery, open_store
from eventdesk.store.cli import incidents, ingest


def _invoke(cmd, *args: str) -> Result:  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cmd, list(args), catch_exceptions=False)


def _usage_error(res: Result, *needles: str) -> None:
    assert res.exit_code == 2, res.output
    for needle in needles:
        assert needle in res.output, (needle, res.output)


@pytest.mark.parametrize("command", ["list", "export"])
@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (("--since", "2024-13-45"), ("'--since'", "YYYY-MM-DD")),
        (("--since", "%"), ("'--since'", "YYYY-MM-DD")),
        (("--until", "2024-02-30"), ("'--until'", "YYYY-MM-DD")),
        (("--since", "04/05/2024"), ("2024-04-05 or 2024-05-04",)),
        (("--since", "2024-02-01", "--until", "2024-01-01"), ("--since 2024-02-01 is after --until 2024-01-01",)),
        (("--limit", "-1"), ("'--limit'", "x>=1")),
        (("--limit", "0"), ("'--limit'", "x>=1")),
        (("--min-killed", "-3"), ("'--min-killed'",)),
        (("--type", "bomb"), ("did you mean bombing?", "Valid codes: bombing, suicide_bombing,", "stampede")),
        (("--country", "Iran"), ("ISO 3166 alpha-2", "did you mean IR (Iran)?")),
        (("--country", "UK"), ("did you mean GB (United Kingdom)?",)),
        (("--country", "XQ"), ("'XQ' is not an ISO 3166 alpha-2 country code",)),
        (("--text", "  "), ("at least one word",)),
    ],
)
def test_cli_args_bad_filters_are_usage_errors(
    tmp_path,
    command: str,
    args: tuple[str, ...],
    needles: tuple[str, ...],  # type: ignore[no-untyped-def]
) -> None:
    db = tmp_path / "s.duckdb"
    open_store(str(db)).close()
    _usage_error(_invoke(incidents, command, "--db", str(db), *args), *needles)


@pytest.mark.parametrize("value", ["2024-13-45", "04/05/2024", "May 4"])
def test_cli_args_published_must_be_an_iso_date(tmp_path, value: str) -> None:  # type: ignore[no-untyped-def]
    story = tmp_path / "story.txt"
    story.write_text("Two men were shot dead in Dayton on Sunday, police said.", encoding="utf-8")
    for cmd, extra in ((extract, ()), (ingest, ("--db", str(tmp_path / "s.duckdb")))):
        _usage_error(_invoke(cmd, str(story), "--published", value, *extra), "'--published'", "YYYY-MM-DD")
    assert not (tmp_path / "s.duckdb").exists()


def _filled(url: str) -> str:
    """The Kerman story and a shooting whose headline has a per cent sign, stored at ``url``."""
    store = open_store(url)
    try:
        store.add_results(kerman_story())
        store.add_results(
            [
                result(
                    "t1",
                    "Gunmen killed three people in Tehran. Such attacks rose 40% this year.",
                    event("t1-e0", type=SHOOTING, date=day("2023-06-01"), location=TEHRAN, killed=3),
                    published="2023-06-01",
                    title="Gunmen kill three in Tehran as attacks rise 40%",
                )
            ]
        )
    finally:
        store.close()
    return url


def _found(url: str, *args: str) -> int:
    res = _invoke(incidents, "list", "--db", url, *args)
    assert res.exit_code == 0, res.output
    return res.output.count("inc-")


def test_cli_args_text_matches_every_word_literally(store_url: str) -> None:
    url = _filled(store_url)
    assert _found(url) == 3
    # LIKE wildcards are plain characters: nothing has "_" or "4%" in it
    assert _found(url, "--text", "%") == 1  # the 40% headline only
    assert _found(url, "--text", "_") == 0
    assert _found(url, "--text", "4%") == 0
    assert _found(url, "--text", "40%") == 1
    # every word, each anywhere (title, place, perpetrator), in any order and case
    assert _found(url, "--text", "TOMB kerman") == 1
    assert _found(url, "--text", "kerman   islamic state") == 1
    assert _found(url, "--text", "kerman") == 2
    assert _found(url, "--text", "kerman tehran") == 0
    # a quote is a character too, and the store is intact afterwards
    assert _found(url, "--text", "'; DROP TABLE incidents; --") == 0
    assert _found(url) == 3


def test_cli_args_valid_filters_are_normalised(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = _filled(str(tmp_path / "s.duckdb"))
    assert _found(url, "--country", "ir", "--type", "Bombing") == 1
    assert _found(url, "--country", "IR", "--limit", "1") == 1
    assert _found(url, "--since", "2023-06-01", "--until", "2023-06-01") == 1


def test_cli_args_library_query_refuses_a_limit_below_one(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = open_store(_filled(str(tmp_path / "s.duckdb")))
    try:
        assert len(store.list_incidents(IncidentQuery(limit=2))) == 2
        for limit in (0, -1):
            with pytest.raises(StoreError, match="limit must be at least 1"):
                store.list_incidents(IncidentQuery(limit=limit))
    finally:
        store.close()
