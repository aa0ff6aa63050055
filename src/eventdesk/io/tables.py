"""CSV and TSV files -> one report per row, the columns chosen by name (:class:`TableColumns`).

The first row is the header. A row's id is its id column's value, else ``<file>:<row>`` (the row
number a spreadsheet shows: the header is row 1). ``date`` is passed on as written (the extractor
warns about a date it cannot read). The file is streamed line by line, each line capped like a JSONL
line (:data:`~eventdesk.io.lines.MAX_LINE_BYTES`). Errors name the file and row and the other rows
are read: a header without a chosen column (one error for the file: no row can be read), a row with
fewer fields than the header, a line too long, a line not in the file's encoding. The encoding is
UTF-8 (a BOM allowed) unless the file's first 64 KB are not, then the one charset-normalizer detects
(each report then carries it as ``guessed_encoding``).
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator
from pathlib import Path

from eventdesk.errors import BadEncoding, BadRecord, InputError
from eventdesk.io.lines import iter_lines
from eventdesk.io.options import TableColumns
from eventdesk.io.readers import Item, ReadFailure
from eventdesk.records import Report

_SAMPLE_BYTES = 64 * 1024
# the longest cell: the csv module's default limit, checked here too because that limit is one
# setting for the whole process and other libraries raise it at import (reverse_geocoder does)
MAX_FIELD_CHARS = 131_072


def read_table(path: Path, *, name: str, columns: TableColumns) -> Iterator[Item]:
    """Every row of a CSV (``,``) or TSV (tab, by the ``.tsv`` suffix) file as a report or a failure."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield ReadFailure(name, InputError(f"cannot read {path}: {exc.strerror}"))
        return
    with fh:
        encoding, guessed = _encoding(fh.read(_SAMPLE_BYTES))
        fh.seek(0)
        failures: list[ReadFailure] = []  # found while csv pulls lines; yielded before the next row

        def lines() -> Iterator[str]:
            for line in iter_lines(fh, name=str(path)):
                if line.data is None:
                    failures.append(ReadFailure(f"{name}:line{line.number}", line.error or BadRecord("unreadable")))
                    continue
                try:
                    yield line.data.decode(encoding)
                except UnicodeDecodeError:
                    failures.append(ReadFailure(f"{name}:line{line.number}", BadEncoding(
                        f"line {line.number} of {path} is not valid {encoding}; save the file as UTF-8")))

        rows = csv.reader(lines(), delimiter="\t" if path.suffix.lower() == ".tsv" else ",")
        header: list[str] | None = None
        index: dict[str, int] = {}
        number = 0
        while True:
            try:
                row = next(rows, None)
                error = None
            except csv.Error as exc:
                row, error = [], exc
            yield from failures
            failures.clear()
            if row is None:
                return
            number += 1
            rid = f"{name}:{number}"
            if error is not None:
                yield ReadFailure(rid, BadRecord(f"{path}, row {number}: {error}"))
            elif header is None:
                header = [cell.strip() for cell in row]
                try:
                    index = _column_index(header, columns, path=path)
                except BadRecord as exc:
                    yield ReadFailure(name, exc)
                    return
            elif any(cell.strip() for cell in row):
                yield _row_item(row, index, rid=rid, where=f"{path}, row {number}", width=len(header),
                                guessed=guessed)


def _column_index(header: list[str], columns: TableColumns, *, path: Path) -> dict[str, int]:
    index: dict[str, int] = {}
    for field, (column, named) in columns.chosen().items():
        if column in header:
            index[field] = header.index(column)
        elif named:
            option = "--text-column" if field == "text" else f"--{field}-column"
            raise BadRecord(f"{path} has no {column!r} column for the report {field} (columns: "
                            f"{', '.join(header) or 'none'}); name the right one with {option}")
    return index


def _row_item(row: list[str], index: dict[str, int], *, rid: str, where: str, width: int,
              guessed: str | None) -> Item:
    if len(row) < width and max(index.values()) >= len(row):
        return ReadFailure(rid, BadRecord(f"{where} has {len(row)} fields, the header {width}: "
                                          "a missing column or an unquoted line break"))
    if any(len(cell) > MAX_FIELD_CHARS for cell in row):
        return ReadFailure(rid, BadRecord(f"{where}: a field is over {MAX_FIELD_CHARS:,} characters "
                                          "(field larger than field limit)"))
    value = {field: row[i].strip() or None for field, i in index.items()}
    rid = value.get("id") or rid
    return Report(text=row[index["text"]], id=rid, title=value.get("title"), published=value.get("date"),
                  url=value.get("url"), guessed_encoding=guessed)


def _encoding(sample: bytes) -> tuple[str, str | None]:
    """(codec, the detected encoding or None when the sample is UTF-8)."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8-sig", None
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(sample).best()
        found = best.encoding if best is not None else "latin-1"
        return found, found
