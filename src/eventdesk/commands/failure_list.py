"""The per-report failures of a command on stderr: the first few named, the rest counted, all of
them in a JSONL file when asked (``--errors FILE``)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import IO, Protocol

import click

SHOWN = 20  # failures named on stderr


class Named(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def code(self) -> str: ...

    @property
    def message(self) -> str: ...

    def as_dict(self) -> Mapping[str, object]: ...


class FailureList:
    """Call it with each failure as it happens; :meth:`echo` names them at the end."""

    def __init__(self, sink: IO[str] | None = None, *, shown: int = SHOWN) -> None:
        self.sink = sink
        self.shown = shown
        self.first: list[Named] = []
        self.count = 0

    def __call__(self, failure: Named) -> None:
        self.count += 1
        if len(self.first) < self.shown:
            self.first.append(failure)
        if self.sink is not None:
            self.sink.write(json.dumps(failure.as_dict(), ensure_ascii=False) + "\n")

    def echo(self, label: str, *, more_hint: str, total: int | None = None) -> None:
        """``label: id [code] message`` per named failure on stderr, then how many of ``total``
        (default: as many as were given) are not named."""
        for f in self.first:
            click.echo(f"{label}: {f.id} [{f.code}] {f.message}", err=True)
        unnamed = (self.count if total is None else total) - len(self.first)
        if unnamed > 0:
            click.echo(f"... and {unnamed} more {more_hint}", err=True)
