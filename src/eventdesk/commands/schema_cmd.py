"""``eventdesk schema report|incident``: print the JSON Schema of a record eventdesk writes."""

from __future__ import annotations

import click

from eventdesk.schemas import SCHEMAS, schema_text


@click.command()
@click.argument("name", type=click.Choice(SCHEMAS))
def schema(name: str) -> None:
    """Print the JSON Schema (draft 2020-12) of an output record.

    NAME is `report` (one line of `eventdesk extract`) or `incident` (one line of
    `eventdesk incidents export --format jsonl`). docs/schema.md explains every field.

    \b
    Examples:
      eventdesk schema report > report.schema.json
      eventdesk schema incident > incident.schema.json
    """
    click.echo(schema_text(name), nl=False)
