"""The options of ``extract`` and ``ingest`` that say how inputs are read: directory globs and the
CSV/TSV columns. They are gathered into one :class:`~eventdesk.io.options.ReadOptions` (the commands'
signatures stay short): decorate with :func:`input_options`, then call :func:`read_options`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from eventdesk.io.options import ReadOptions, TableColumns

F = TypeVar("F", bound=Callable[..., Any])
_KEY = "eventdesk.read_options"
_COLUMNS = ("text", "title", "date", "url", "id")


def _keep(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    ctx.meta.setdefault(_KEY, {})[param.name] = value
    return value


def input_options(f: F) -> F:
    """--include/--exclude and --<field>-column, kept out of the command's parameters."""
    for field in reversed(_COLUMNS):
        f = click.option(f"--{field}-column", metavar="NAME", expose_value=False, callback=_keep,
                         help=f"CSV/TSV: the column holding the report {field} (default: {field!r}"
                              f"{'' if field == 'text' else ', if the header has it'}).")(f)
    f = click.option("--exclude", multiple=True, metavar="GLOB", expose_value=False, callback=_keep,
                     help="Directories: skip files whose relative path or name matches (repeatable).")(f)
    f = click.option("--include", multiple=True, metavar="GLOB", expose_value=False, callback=_keep,
                     help="Directories: read only files whose relative path or name matches (repeatable).")(f)
    return f


def read_options() -> ReadOptions:
    """The current command's input options."""
    values: dict[str, Any] = click.get_current_context().meta.get(_KEY, {})
    chosen = {field: values.get(f"{field}_column") for field in _COLUMNS}
    columns = TableColumns(text=chosen.pop("text") or "text", **chosen)
    return ReadOptions(columns=columns, include=tuple(values.get("include") or ()),
                       exclude=tuple(values.get("exclude") or ()))
