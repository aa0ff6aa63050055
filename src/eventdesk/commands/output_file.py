"""The ``-o/--output`` file options of the commands: a file whose folder does not exist (or that is
a folder) is a usage error (exit 2) naming it, before any work is done."""

from __future__ import annotations

from pathlib import Path

import click

from eventdesk.io.atomic import OutputError, check_output_path


def writable_file(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """Click callback for an output file option (``None``: not given)."""
    if value is None:
        return None
    try:
        check_output_path(value)
    except OutputError as exc:
        raise click.BadParameter(exc.message, ctx=ctx, param=param) from exc
    return value
