"""``eventdesk extract``: reports in, one JSONL line per report out (or one row per event: ``--format``)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import IO

import click

from eventdesk.batch import run_batch
from eventdesk.commands.failure_list import FailureList
from eventdesk.commands.input_options import input_options, read_options
from eventdesk.commands.output_file import writable_file
from eventdesk.errors import EventdeskError
from eventdesk.export.registry import EVENT_FORMATS, write_results
from eventdesk.io.atomic import atomic_output
from eventdesk.io.options import Skipped
from eventdesk.io.readers import read_inputs
from eventdesk.params import ISO_DATE
from eventdesk.progress import progress
from eventdesk.records import Failure, ReportResult


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), callback=writable_file,
              help="Write JSONL here (default stdout); its folder must exist.")
@click.option("--with-report", is_flag=True,
              help="Put each report (text, title, published, ...) in its line under \"report\", "
                   "for `eventdesk ingest --extracted`.")
@click.option("--format", "fmt", default="jsonl", show_default=True, type=click.Choice(EVENT_FORMATS),
              help="jsonl: one line per report (the contract); csv, geojson, gtd, acled, ucdp, plover: one row "
                   "per event (docs/exports.md).")
@click.option("--published", type=ISO_DATE, help="Publication date for single .txt/.html/stdin reports.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Processes to use.")
@click.option("--batch-size", default=16, show_default=True, type=click.IntRange(1, 1024))
@click.option("--quiet", is_flag=True, help="No progress bar or summary.")
@input_options
def extract(inputs: tuple[str, ...], output: Path | None, with_report: bool, fmt: str, published: str | None,
            workers: int, batch_size: int, quiet: bool) -> None:
    """Extract events from reports: one JSONL line per report, in input order, never dropped.

    INPUT is a .jsonl or .jsonl.gz file (one report per line: {"id", "text", "title", "published",
    "url", "source"}; only text is required), a .txt or .html file, an RSS/Atom feed (.rss, .atom,
    .xml: one report per item), a WARC or WARC.gz web archive (.warc, .warc.gz: one report per HTML
    response; other records are skipped and counted), a CSV or TSV file (one report per row; the
    columns are chosen with --text-column etc.), a directory of them (recursive; --include and
    --exclude filter it by glob), or - for stdin. docs/inputs.md describes each format.
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
      eventdesk extract reports.jsonl --format acled -o events.csv   # one ACLED row per event
      eventdesk extract news.jsonl.gz feed.rss CC-NEWS-20240101.warc.gz -o events.jsonl
      eventdesk extract sheet.csv --text-column body --date-column day --id-column ref
      eventdesk extract saved/ --include '*.html' --exclude 'drafts/*'
    """
    if with_report and fmt != "jsonl":
        raise click.UsageError("--with-report applies to --format jsonl only")
    total = 0
    failures = FailureList()
    skipped = Skipped()
    try:
        items = read_inputs(inputs, published=published, options=read_options(), skipped=skipped)
        sink: IO[str]
        with atomic_output(output, newline="") if output else nullcontext(sys.stdout) as sink:
            with progress("extracting", disable=quiet) as advance:

                def counted() -> Iterator[ReportResult]:  # the writer pulls; failures are noted on the way
                    nonlocal total
                    for result in run_batch(items, workers=workers, batch_size=batch_size):
                        yield result
                        total += 1
                        if result.error is not None:
                            failures(Failure(result.id, result.error.code, result.error.message, "extract"))
                        advance(1)

                written = write_results(fmt, counted(), sink, include_report=with_report)
    except EventdeskError as exc:
        raise click.ClickException(f"{exc.message} [{exc.code}]") from exc
    if not quiet:
        failures.echo("failed", more_hint="(each has its error line in the output)")
        if skipped.total:
            click.echo(skipped.summary(), err=True)
        if fmt != "jsonl":
            click.echo(written.summary("events", output), err=True)
        click.echo(f"{total} reports, {total - failures.count} processed, {failures.count} with errors", err=True)
    if failures.count:
        sys.exit(3)
