"""``eventdesk demo``: the bundled sample reports -> DuckDB + JSONL, and a table of the events."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from eventdesk.batch import run_batch
from eventdesk.commands.output_file import writable_file
from eventdesk.io.readers import read_inputs
from eventdesk.io.writers import write_jsonl
from eventdesk.records import Count, ReportResult
from eventdesk.resources import samples_dir


def _fmt(c: Count | None) -> str:
    if c is None:
        return "–"
    if c.low is not None and c.low == c.best == c.high:
        return str(c.low)
    return c.text or f"{c.low}/{c.best}/{c.high}"


@click.command()
@click.option("--db", default="eventdesk-demo.duckdb", show_default=True, help="DuckDB file to write.")
@click.option("-o", "--output", default="eventdesk-demo.jsonl", show_default=True, type=click.Path(path_type=Path),
              callback=writable_file, help="JSONL copy of the extracted records.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64))
def demo(db: str, output: Path, workers: int) -> None:
    """Extract the bundled sample reports into the embedded DuckDB database and print the events.

    \b
    Example:
      eventdesk demo --db /tmp/demo.duckdb -o /tmp/demo.jsonl
    """
    from eventdesk.store.base import open_store
    from eventdesk.store.ingest import ingest

    inputs = [str(samples_dir() / "reports.jsonl"), str(samples_dir() / "raw")]
    results: list[ReportResult] = []
    with output.open("w", encoding="utf-8") as sink:
        for result in run_batch(read_inputs(inputs), workers=workers):
            write_jsonl(result, sink)
            results.append(result)
    store = open_store(db)
    try:
        summary = ingest(store, [r for r in results if r.report is not None])
    finally:
        store.close()

    table = Table(title=f"eventdesk demo: {len(results)} sample reports", show_lines=False)
    for col in ("report", "role", "type", "date", "place", "killed", "injured", "perpetrators"):
        table.add_column(col, overflow="fold")
    for r in results:
        if r.error:
            table.add_row(r.id, "", f"[red]error: {r.error.code}[/red]", "", "", "", "", "")
            continue
        if not r.events:
            table.add_row(r.id, "", "[dim]no event[/dim]", "", "", "", "", "")
        for e in r.events:
            place = ", ".join(x for x in (e.location.name, e.location.country_code) if x)
            perps = "; ".join(f"{p.name} ({p.status})" for p in e.perpetrators[:2])
            table.add_row(r.id, e.role, e.type.code, e.date.start or "?", place or "?", _fmt(e.killed),
                          _fmt(e.injured), perps)
    console = Console()
    if not console.is_terminal:
        console = Console(width=160)
    console.print(table)
    click.echo(f"database: {Path(db).resolve()}  ({summary.as_dict()})")
    click.echo(f"JSONL copy: {output.resolve()}")
    click.echo(f"next: eventdesk incidents list --db {db}")
