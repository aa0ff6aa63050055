"""``eventdesk bench``: reports/s, words/s and peak memory, as a ratio of spaCy's own nlp.pipe."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from eventdesk.bench import load_corpus, run_bench, to_json


@click.command()
@click.option("--corpus", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="JSONL reports to time (default: --reports reports built from the bundled samples).")
@click.option("--reports", "target", default=500, show_default=True, type=click.IntRange(1, 1_000_000),
              help="Corpus size when built from the samples.")
@click.option("--words", default=800, show_default=True, type=click.IntRange(0, 10_000),
              help="Words per report when built from the samples (paragraphs of consecutive samples "
                   "joined); 0 repeats the samples as they are (~270 words).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64))
@click.option("--batch-size", default=16, show_default=True, type=click.IntRange(1, 1024))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def bench(corpus: Path | None, target: int, words: int, workers: int, batch_size: int, as_json: bool) -> None:
    """Time `extract` on a corpus and compare with spaCy's own `nlp.pipe` on the same texts.

    The default corpus is --reports reports of about --words words, built from the bundled
    samples. The baseline is the model package as spaCy loads it, every component, with the
    same number of processes.

    \b
    Examples:
      eventdesk bench --workers 2
      eventdesk bench --workers 2 --words 0 --reports 200
      eventdesk bench --corpus reports.jsonl --workers 2 --json
    """
    reports = load_corpus(corpus, target=target, words=words)
    if not reports:
        raise click.ClickException("the corpus has no readable reports")
    result = run_bench(reports, workers=workers, batch_size=batch_size)
    if as_json:
        click.echo(to_json(result))
        return
    table = Table(title=f"eventdesk bench: {result.reports} reports, {result.words:,} words "
                        f"({result.words_per_report:,.0f} per report), {workers} worker(s)")
    for col in ("", "seconds", "reports/s", "words/s", "CPU seconds", "peak MiB (PSS)"):
        table.add_column(col, justify="right")
    table.add_row("eventdesk extract", f"{result.seconds:.2f}", f"{result.reports_per_s:.1f}",
                  f"{result.words_per_s:,.0f}", f"{result.cpu_seconds:.1f}", f"{result.peak_mib:.0f}")
    table.add_row("spaCy nlp.pipe", f"{result.spacy_seconds:.2f}",
                  f"{result.reports / result.spacy_seconds:.1f}", f"{result.words / result.spacy_seconds:,.0f}",
                  f"{result.spacy_cpu_seconds:.1f}", f"{result.spacy_peak_mib:.0f}")
    Console().print(table)
    click.echo(f"ratio to spaCy nlp.pipe: {result.ratio_to_spacy:.2f}x wall clock, "
               f"{result.cpu_ratio_to_spacy:.2f}x CPU  (errors: {result.errors})")
