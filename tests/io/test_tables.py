"""CSV/TSV inputs: one report per row, columns chosen by name, per-row errors (issue 17)."""

from __future__ import annotations

import csv
from pathlib import Path

from eventdesk.io.options import ReadOptions, TableColumns
from eventdesk.io.readers import ReadFailure, read_inputs
from eventdesk.records import Report

ROWS = [
    ("r-17", "Clinic raided", "2024-05-02", "https://a.example/1",
     "Armed men raided a rural clinic overnight and took away two nurses, the health ministry said."),
    ("", "Convoy hit", "2024-05-03", "",
     "A roadside bomb struck an aid convoy on Friday, killing a driver, aid workers said."),
]


def _csv(path: Path, header: str, rows: list[str]) -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def _read(path: Path, columns: TableColumns | None = None) -> list[Report | ReadFailure]:
    return list(read_inputs([str(path)], options=ReadOptions(columns=columns or TableColumns())))


def test_tables_default_columns_and_row_ids(tmp_path: Path) -> None:
    path = _csv(tmp_path / "sheet.csv", "id,title,date,url,text", [",".join(f'"{c}"' for c in r) for r in ROWS])
    first, second = _read(path)
    assert isinstance(first, Report) and isinstance(second, Report)
    assert (first.id, first.title, first.published, first.url) == ("r-17", "Clinic raided", "2024-05-02",
                                                                   "https://a.example/1")
    assert first.text == ROWS[0][4]
    assert second.id == "sheet:3" and second.url is None  # no id: file and spreadsheet row (header is row 1)


def test_tables_columns_chosen_by_option_tsv_with_quoted_line_break(tmp_path: Path) -> None:
    body = 'Two men were shot dead outside a bar,\n"police" said on Saturday.'
    path = tmp_path / "export.tsv"
    quoted = '"' + body.replace('"', '""') + '"'
    path.write_text(f"ref\theadline\tday\tbody\nX9\tBar shooting\t2024-06-01\t{quoted}\n", encoding="utf-8")
    [item] = _read(path, TableColumns(text="body", title="headline", date="day", id="ref"))
    assert isinstance(item, Report)
    assert (item.id, item.title, item.published, item.text) == ("X9", "Bar shooting", "2024-06-01", body)


def test_tables_missing_text_column_is_one_error_naming_file_and_columns(tmp_path: Path) -> None:
    path = _csv(tmp_path / "sheet.csv", "id,story", ['a,"Gunmen attacked a bank."'])
    [item] = _read(path)
    assert isinstance(item, ReadFailure) and item.error.code == "bad_record"
    message = item.error.message
    assert str(path) in message and "'text'" in message and "id, story" in message and "--text-column" in message


def test_tables_a_named_column_that_is_absent_is_an_error(tmp_path: Path) -> None:
    path = _csv(tmp_path / "sheet.csv", "text", ['"Gunmen attacked a bank."'])
    [item] = _read(path, TableColumns(date="published_on"))
    assert isinstance(item, ReadFailure) and "--date-column" in item.error.message


def test_tables_short_row_is_an_error_and_the_next_rows_are_read(tmp_path: Path) -> None:
    path = _csv(tmp_path / "sheet.csv", "id,date,text",
                ['a,2024-01-01,"A grenade wounded four people at a bus stop."', "b,2024-01-02",
                 'c,2024-01-03,"Soldiers repelled an attack on their base, the army said."'])
    items = _read(path)
    assert [i.id for i in items] == ["a", "sheet:3", "c"]
    bad = items[1]
    assert isinstance(bad, ReadFailure) and f"{path}, row 3 has 2 fields, the header 3" in bad.error.message


def test_tables_too_long_field_and_undecodable_line_are_row_errors(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_bytes(b"id,text\na,\"A mortar round hit a school.\"\nc,\"" + b"z" * 200_000 + b"\"\n"
                     + b"b,\"caf\xe9 \xff attack\"\nd,\"Gunmen burned a truck.\"\n")  # the first 64 KB are UTF-8
    for limit in (None, 10**9):  # a library may raise the csv module's limit for the process: the cap holds
        old = csv.field_size_limit(limit) if limit else None
        try:
            items = _read(path)
        finally:
            if old is not None:
                csv.field_size_limit(old)
        assert [i.id for i in items if isinstance(i, Report)] == ["a", "d"]
        failures = [i for i in items if isinstance(i, ReadFailure)]
        assert len(failures) == 2
        assert "row 3" in failures[0].error.message and "field larger than field limit" in failures[0].error.message
        assert failures[1].error.code == "bad_encoding" and f"line 4 of {path}" in failures[1].error.message


def test_tables_file_in_another_encoding_is_detected_and_marked(tmp_path: Path) -> None:
    """Not UTF-8: decoded in the detected encoding (Windows Latin here; the letters are the same in its
    Western and Central European pages) and each report says the encoding was guessed."""
    rows = ["Gunmen attacked the caf\u00e9 on the rue de l\u2019\u00c9glise, killing two, police said \u2014 again.",
            "A grenade thrown at the fa\u00e7ade of the town hall wounded a clerk; the mayor called it \u201ccowardly\u201d.",
            "The attack in Z\u00fcrich\u2019s old town left one man dead, the canton\u2019s police said on Tuesday."]
    path = tmp_path / "legacy.csv"
    path.write_bytes(("id,text\n" + "".join(f'r{i},"{t}"\n' for i, t in enumerate(rows * 3))).encode("cp1252"))
    items = _read(path)
    assert [i.text for i in items if isinstance(i, Report)] == rows * 3
    assert all(isinstance(i, Report) and i.guessed_encoding for i in items)
