"""The lines of a byte stream, each read at most ``limit`` bytes at a time: a line longer than the
limit is drained and reported, never held whole (a 200 MB line costs one chunk of memory), and a
stream that breaks off (a truncated or corrupt ``.gz``) ends with an error naming the line."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from eventdesk.errors import InputError, ReportTooLarge

# The longest line kept: a report of validate.MAX_CHARS characters fits many times over, even with
# every character escaped in JSON (\uXXXX: 6 bytes) and a title and URL beside it.
MAX_LINE_BYTES = 8 * 1024 * 1024
_DRAIN_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Line:
    """Line ``number`` (from 1): its bytes, or ``None`` and the ``error`` that replaced them."""

    number: int
    data: bytes | None
    error: InputError | None = None


def iter_lines(stream: BinaryIO, *, name: str, limit: int = MAX_LINE_BYTES) -> Iterator[Line]:
    """Yield every line of ``stream`` (``name`` appears in errors); blank lines included."""
    number = 0
    while True:
        number += 1
        try:
            raw = stream.readline(limit + 1)
            if not raw:
                return
            if len(raw) <= limit or raw.endswith(b"\n"):
                yield Line(number, raw)
                continue
            size = len(raw)
            while raw and not raw.endswith(b"\n"):
                raw = stream.readline(_DRAIN_CHUNK)
                size += len(raw)
        except (EOFError, OSError, zlib.error) as exc:  # gzip: truncated member, bad CRC, not gzip
            error = InputError(f"{name} breaks off at line {number} (truncated or corrupt file: {exc})",
                               code="truncated")
            yield Line(number, None, error)
            return
        yield Line(number, None, ReportTooLarge(f"line {number} of {name} is {size:,} bytes, over the "
                                                f"{limit:,}-byte limit of one record; it was skipped"))
