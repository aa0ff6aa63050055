"""``eventdesk bench``: reports/s, words/s and peak memory, as a ratio of spaCy's own nlp.pipe."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from eventdesk.bench import load_corpus, run_bench, to_json


@click.command()
@click.option("--corpus", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="JSONL reports to time (default: the bundled samples repeated to --reports).")
@click.option("--reports", "target", default=500, show_default=True, help="Corpus size when repeating the samples.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64))
@click.option("--batch-size", default=16, show_default=True, type=click.IntRange(1, 1024))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def bench(corpus: Path | None, target: int, workers: int, batch_size: int, as_json: bool) -> None:
    """Time `extract` on a corpus and compare with spaCy's own `nlp.pipe` on the same texts.

    \b
    Examples:
      eventdesk bench --workers 2
      eventdesk bench --corpus reports.jsonl --workers 2 --json
    """
    reports = load_corpus(corpus, target=target)
    if not reports:
        raise click.ClickException("the corpus has no readable reports")
    result = run_bench(reports, workers=workers, batch_size=batch_size)
    if as_json:
        click.echo(to_json(result))
        return
    table = Table(title=f"eventdesk bench: {result.reports} reports, {result.words:,} words, {workers} worker(s)")
    for col in ("", "seconds", "reports/s", "words/s", "peak MiB (PSS)"):
        table.add_column(col, justify="right")
    table.add_row("eventdesk extract", f"{result.seconds:.2f}", f"{result.reports_per_s:.1f}",
                  f"{result.words_per_s:,.0f}", f"{result.peak_mib:.0f}")
    table.add_row("spaCy nlp.pipe", f"{result.spacy_seconds:.2f}",
                  f"{result.reports / result.spacy_seconds:.1f}", f"{result.words / result.spacy_seconds:,.0f}",
                  f"{result.spacy_peak_mib:.0f}")
    Console().print(table)
    click.echo(f"ratio to spaCy nlp.pipe: {result.ratio_to_spacy:.2f}x  (errors: {result.errors})")
