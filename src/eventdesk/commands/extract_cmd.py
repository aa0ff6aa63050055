"""``eventdesk extract``: reports in, one JSONL line per report out."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path
from typing import IO

import click

from eventdesk.batch import run_batch
from eventdesk.errors import EventdeskError
from eventdesk.io.readers import read_inputs
from eventdesk.io.writers import write_jsonl
from eventdesk.progress import progress


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write JSONL here (default stdout).")
@click.option("--published", help="Publication date (YYYY-MM-DD) for single .txt/.html/stdin reports.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Processes to use.")
@click.option("--batch-size", default=16, show_default=True, type=click.IntRange(1, 1024))
@click.option("--quiet", is_flag=True, help="No progress bar or summary.")
def extract(inputs: tuple[str, ...], output: Path | None, published: str | None, workers: int, batch_size: int,
            quiet: bool) -> None:
    """Extract events from reports: one JSONL line per report, in input order, never dropped.

    INPUT is a .jsonl file (one report per line: {"id", "text", "title", "published", "url",
    "source"}; only text is required), a .txt or .html file, a directory of them, or - for stdin.
    Exit status 0 when every report was processed, 3 when some reports have an error line.

    \b
    Examples:
      eventdesk extract reports.jsonl -o events.jsonl
      eventdesk extract story.txt --published 2024-01-04
      cat reports.jsonl | eventdesk extract - --workers 2 > events.jsonl
    """
    failed = total = 0
    try:
        items = read_inputs(inputs, published=published)
        sink: IO[str]
        with (output.open("w", encoding="utf-8") if output else nullcontext(sys.stdout)) as sink:
            with progress("extracting", disable=quiet) as advance:
                for result in run_batch(items, workers=workers, batch_size=batch_size):
                    write_jsonl(result, sink)
                    total += 1
                    failed += result.error is not None
                    advance(1)
    except EventdeskError as exc:
        raise click.ClickException(f"{exc.message} [{exc.code}]") from exc
    if not quiet:
        click.echo(f"{total} reports, {total - failed} processed, {failed} with errors", err=True)
    if failed:
        sys.exit(3)
