"""``eventdesk extract``: reports in, one JSONL line per report out."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

import click

from eventdesk.batch import run_batch
from eventdesk.commands.failure_list import FailureList
from eventdesk.commands.output_file import writable_file
from eventdesk.errors import EventdeskError
from eventdesk.io.atomic import atomic_output
from eventdesk.io.readers import read_inputs
from eventdesk.io.writers import write_jsonl
from eventdesk.params import ISO_DATE
from eventdesk.progress import progress


@dataclass(frozen=True, slots=True)
class _Failed:
    id: str
    code: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), callback=writable_file,
              help="Write JSONL here (default stdout); its folder must exist.")
@click.option("--with-report", is_flag=True,
              help="Put each report (text, title, published, ...) in its line under \"report\", "
                   "for `eventdesk ingest --extracted`.")
@click.option("--published", type=ISO_DATE, help="Publication date for single .txt/.html/stdin reports.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Processes to use.")
@click.option("--batch-size", default=16, show_default=True, type=click.IntRange(1, 1024))
@click.option("--quiet", is_flag=True, help="No progress bar or summary.")
def extract(inputs: tuple[str, ...], output: Path | None, with_report: bool, published: str | None, workers: int,
            batch_size: int, quiet: bool) -> None:
    """Extract events from reports: one JSONL line per report, in input order, never dropped.

    INPUT is a .jsonl file (one report per line: {"id", "text", "title", "published", "url",
    "source"}; only text is required), a .txt or .html file, a directory of them, or - for stdin.
    Exit status 0 when every report was processed, 3 when some reports have an error line (the
    first 20 are also named on stderr). An -o file appears whole when the run ends, never half-written.
    With --with-report each line also carries its report, so it can be stored and extracted again
    later (`eventdesk ingest --extracted`, `eventdesk reextract`).

    \b
    Examples:
      eventdesk extract reports.jsonl -o events.jsonl
      eventdesk extract story.txt --published 2024-01-04
      cat reports.jsonl | eventdesk extract - --workers 2 > events.jsonl
      eventdesk extract reports.jsonl --with-report -o results.jsonl
      eventdesk ingest results.jsonl --extracted       # store them without extracting again
    """
    total = 0
    failures = FailureList()
    try:
        items = read_inputs(inputs, published=published)
        sink: IO[str]
        with atomic_output(output) if output else nullcontext(sys.stdout) as sink:
            with progress("extracting", disable=quiet) as advance:
                for result in run_batch(items, workers=workers, batch_size=batch_size):
                    write_jsonl(result, sink, include_report=with_report)
                    total += 1
                    if result.error is not None:
                        failures(_Failed(result.id, result.error.code, result.error.message))
                    advance(1)
    except EventdeskError as exc:
        raise click.ClickException(f"{exc.message} [{exc.code}]") from exc
    if not quiet:
        failures.echo("failed", more_hint="(each has its error line in the output)")
        click.echo(f"{total} reports, {total - failures.count} processed, {failures.count} with errors", err=True)
    if failures.count:
        sys.exit(3)
