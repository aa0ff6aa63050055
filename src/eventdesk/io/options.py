"""How inputs are read: CSV/TSV column names, directory globs, and the tally of records skipped.

A reader passes over some records on purpose (a WARC file's requests, images and redirects): they
are not reports, so they get no output line and are not failures, but they are never skipped
silently either: each is counted by reason in a :class:`Skipped` tally the command prints.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import PurePosixPath


@dataclass(frozen=True, slots=True)
class TableColumns:
    """The CSV/TSV header names that hold each report field. ``text`` must be in the header; a field
    left ``None`` is read from the column of its own name (``title``, ``date``, ``url``, ``id``) when
    the header has one, and a column named here must be in the header."""

    text: str = "text"
    title: str | None = None
    date: str | None = None
    url: str | None = None
    id: str | None = None

    def chosen(self) -> dict[str, tuple[str, bool]]:
        """Field -> (column name, whether the user named it)."""
        named = {"title": self.title, "date": self.date, "url": self.url, "id": self.id}
        fields = {key: (value or key, value is not None) for key, value in named.items()}
        return {"text": (self.text, True), **fields}


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """``include``/``exclude``: glob patterns for the files of a directory input (a file named on the
    command line is always read); a pattern matches a file's path relative to the directory or its
    name (``*.html``, ``2024/*``, ``draft-*``)."""

    columns: TableColumns = TableColumns()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def wants(self, relative: PurePosixPath) -> bool:
        """Whether a directory's file (its path relative to the directory) is read."""

        def matches(patterns: tuple[str, ...]) -> bool:
            return any(fnmatchcase(relative.as_posix(), p) or fnmatchcase(relative.name, p) for p in patterns)

        return (not self.include or matches(self.include)) and not matches(self.exclude)


@dataclass(slots=True)
class Skipped:
    """Records passed over on purpose, counted by reason (``"warcinfo record"``, ``"HTTP 404"``)."""

    counts: Counter[str] = field(default_factory=Counter)

    def add(self, reason: str) -> None:
        self.counts[reason] += 1

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def summary(self) -> str:
        """``"12 records skipped (not reports): 7 request record, 5 HTTP 404"``, or ``""`` for none."""
        if not self.total:
            return ""
        reasons = ", ".join(f"{n} {reason}" for reason, n in self.counts.most_common())
        return f"{self.total} records skipped (not reports): {reasons}"
