"""The ``eventdesk`` command line: parse, call the library, format. Nothing else lives here."""

from __future__ import annotations

import click

from eventdesk import __version__


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> object:
        """Ctrl-C: one line and exit status 130 (128 + SIGINT), not click's "Aborted!" and 1."""
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="eventdesk")
def main() -> None:
    """eventdesk: news reports of violence in, incident records with evidence out.

    \b
    Examples:
      eventdesk demo                         # extract the bundled samples into ./eventdesk.duckdb
      eventdesk extract reports.jsonl -o events.jsonl --workers 2
      eventdesk eval gva --data ../shared/data/gva
      eventdesk bench --workers 2
    """


def _register() -> None:
    from eventdesk.commands import register

    register(main)


_register()
