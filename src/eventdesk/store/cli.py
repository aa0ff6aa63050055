"""``eventdesk ingest`` and ``eventdesk incidents ...``: parse, call the store, format."""

from __future__ import annotations

import getpass
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any, TypeVar

import click

from eventdesk.commands.failure_list import FailureList
from eventdesk.commands.input_options import input_options, read_options
from eventdesk.commands.output_file import writable_file
from eventdesk.errors import EventdeskError
from eventdesk.export.registry import FORMATS, INCIDENT_FORMATS
from eventdesk.params import COUNTRY_CODE, ISO_DATE, LIMIT, SEARCH_WORDS, TYPE_CODE
from eventdesk.store.base import DEFAULT_DB, IncidentQuery, Store, open_store

F = TypeVar("F", bound=Callable[..., Any])


def db_option(f: F) -> F:
    return click.option(
        "--db",
        default=DEFAULT_DB,
        show_default=True,
        envvar="EVENTDESK_DB",
        help="Store: a DuckDB file, duckdb:///path, or postgresql://user@host:port/db (env EVENTDESK_DB).",
    )(f)


def batch_options(f: F) -> F:
    """--workers and --batch-size, for the commands that extract and store in batches."""
    f = click.option(
        "--batch-size",
        default=200,
        show_default=True,
        type=click.IntRange(1, 100000),
        help="Reports per transaction (a crash loses at most one batch).",
    )(f)
    return click.option(
        "--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Extraction processes."
    )(f)


@contextmanager
def _store(db: str, *, create: bool = False) -> Iterator[Store]:
    """Open the store (creating it only if ``create``: only ``ingest`` does); library errors become
    click errors here, at the edge: a store that does not exist is a bad ``--db`` (exit 2)."""
    store = None
    try:
        store = open_store(db, create=create)
        yield store
    except EventdeskError as exc:
        if exc.code == "no_store":
            raise click.BadParameter(f"{exc.message} [{exc.code}]", param_hint="'--db'") from exc
        raise click.ClickException(f"{exc.message} [{exc.code}]") from exc
    finally:
        if store is not None:
            store.close()


def _who(who: str | None) -> str:
    if who:
        return who
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER", "unknown")


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--extracted", is_flag=True, help="INPUTs are `eventdesk extract --with-report` JSONL lines.")
@click.option("--published", type=ISO_DATE, help="Publication date for single .txt/.html/stdin reports.")
@batch_options
@click.option(
    "--errors",
    "errors_file",
    type=click.Path(dir_okay=False, path_type=Path),
    callback=writable_file,
    help="Write every failed report here as JSONL ({id, code, message, stage}); stderr names the first 20.",
)
@click.option("--quiet", is_flag=True, help="No progress bar or summary.")
@input_options
def ingest(
    inputs: tuple[str, ...],
    db: str,
    extracted: bool,
    published: str | None,
    workers: int,
    batch_size: int,
    errors_file: Path | None,
    quiet: bool,
) -> None:
    """Store reports and their extracted events, and link them into incidents.

    INPUT is a .jsonl or .jsonl.gz file of reports ({"id", "text", "title", "published", "url",
    "source"}), a .txt or .html file, an RSS/Atom feed, a WARC or WARC.gz archive, a CSV or TSV file
    (--text-column etc.), a directory of them (--include/--exclude globs), or - for stdin
    (docs/inputs.md: each format, with an example). With --extracted, INPUT is JSONL
    output of `eventdesk extract --with-report`, which carries each report; a line without its
    report (plain `eventdesk extract` output) is refused, the rest is stored. The same report twice
    (same text or URL) is stored once; an interrupted run is resumed by running it again.

    Each failed report is named on stderr (id, error code, message): unreadable records are not
    stored; reports whose extraction failed are stored with their error (`reextract` tries them
    again). Exit status 0 when every report was stored and extracted, 3 when any failed.

    \b
    Examples:
      eventdesk ingest reports/                         # into ./eventdesk.duckdb
      eventdesk ingest reports.jsonl --db news.duckdb --workers 2 --errors failed.jsonl
      eventdesk extract reports.jsonl --with-report -o results.jsonl
      eventdesk ingest results.jsonl --extracted --db postgresql://me@dbhost/eventdesk
      eventdesk ingest CC-NEWS-20240101.warc.gz sheet.csv --text-column body --db news.duckdb
    """
    from eventdesk.io.options import Skipped
    from eventdesk.io.readers import read_inputs
    from eventdesk.progress import progress
    from eventdesk.store.ingest import ingest as run_ingest
    from eventdesk.store.ingest import read_extracted

    sink = errors_file.open("w", encoding="utf-8") if errors_file else nullcontext(None)
    with sink as errors, _store(db, create=True) as store, progress("ingesting", disable=quiet) as advance:
        failures = FailureList(errors)
        skipped = Skipped()
        items = (read_extracted(inputs) if extracted
                 else read_inputs(inputs, published=published, options=read_options(), skipped=skipped))
        summary = run_ingest(
            store, items, workers=workers, batch_size=batch_size, on_batch=lambda _, n: advance(n), on_failure=failures
        )
        store.record("ingest", who=_who(None), why=None, detail={"inputs": list(inputs), **summary.as_dict()})
        stats = store.stats()
    failures.echo("failed", more_hint=f"(all in {errors_file})" if errors_file else "(--errors FILE lists them all)")
    if not quiet:
        s = summary.as_dict()
        click.echo(
            f"{s['read']} read, {s['stored']} stored, {s['duplicates']} already stored, "
            f"{s['errors']} with extraction errors, {s['unreadable']} unreadable; {s['events']} events, "
            f"{s['incidents_touched']} incidents updated in {s['seconds']} s. "
            f"Store: {stats['reports']} reports, {stats['incidents']} incidents.",
            err=True,
        )
        if skipped.total:
            click.echo(skipped.summary(), err=True)
    if failures.count:
        sys.exit(3)


@click.command("reextract")
@db_option
@batch_options
@click.option("--why", default="re-extraction", show_default=True, help="The reason, kept in the audit log.")
@click.option("--who", help="Who asked (default: the login name).")
@click.option("--quiet", is_flag=True, help="No progress bar or summary.")
def reextract(db: str, workers: int, batch_size: int, why: str, who: str | None, quiet: bool) -> None:
    """Extract every stored report again with this version's extractor (after an upgrade), replace
    its events, and resolve the incidents again. Merges and splits made by people are kept: each
    corrected event is mapped to the report's new event with the same role and position. Each batch
    is one transaction; an interrupted run resumes when run again.

    A report that cannot be extracted again keeps its events: one stored without text (over the
    size limit) and one whose extraction fails now. They are named on stderr (the first 20), and
    the exit status is 3 when there is any; otherwise 0.

    \b
    Examples:
      eventdesk reextract                               # ./eventdesk.duckdb
      eventdesk reextract --db news.duckdb --workers 2 --why "eventdesk 0.8 casualty rules"
    """
    from eventdesk.progress import progress

    with _store(db) as store:
        total = store.stats()["reports"]
        with progress("re-extracting", total=total, disable=quiet) as advance:
            summary = store.reextract(
                who=_who(who), why=why, workers=workers, batch_size=batch_size, on_batch=lambda _, n: advance(n)
            )
    kept = FailureList()
    for report in summary.kept:
        kept(report)
    kept.echo("not extracted again", more_hint="reports not extracted again", total=summary.skipped + summary.errors)
    if not quiet:
        s = summary
        click.echo(
            f"{s.reports} reports extracted again{' (resumed)' if s.resumed else ''}, {s.skipped} without text "
            f"skipped, {s.errors} with extraction errors ({s.kept_events} events kept as they were); "
            f"events {s.events_before} -> {s.events_after}; "
            f"{s.renamed} corrected events given their new keys, {s.orphaned} with no counterpart; "
            f"{s.incidents} incidents, in {s.seconds} s.",
            err=True,
        )
    if summary.skipped or summary.errors:
        sys.exit(3)


def _filters(f: F) -> F:
    for option in reversed(
        (
            click.option("--since", type=ISO_DATE, help="Incidents on or after this date (fused)."),
            click.option("--until", type=ISO_DATE, help="Incidents on or before this date (fused)."),
            click.option("--country", type=COUNTRY_CODE, help="ISO 3166 alpha-2 country code, e.g. IR."),
            click.option("--type", "type_", type=TYPE_CODE, help="Type code (data/event_types.tsv), e.g. bombing."),
            click.option(
                "--min-killed", type=click.IntRange(min=0), help="At least this many killed (fused best, else low)."
            ),
            click.option(
                "--text", type=SEARCH_WORDS, help="Words that must all occur (anywhere, any case) in titles, "
                "places or perpetrators; % and _ are plain characters."
            ),
            click.option("--limit", type=LIMIT, help="At most this many incidents (1 or more)."),
        )
    ):
        f = option(f)
    return f


def _query(
    since: str | None,
    until: str | None,
    country: str | None,
    type_: str | None,
    min_killed: int | None,
    text: str | None,
    limit: int | None,
) -> IncidentQuery:
    if since and until and since > until:
        raise click.UsageError(f"--since {since} is after --until {until}: no incident can match")
    return IncidentQuery(since, until, country, type_, min_killed, text, limit)


@click.group()
def incidents() -> None:
    """Browse, export and correct incidents (one record per real-world incident, fused from reports).

    \b
    Examples:
      eventdesk incidents list --country IR --min-killed 10
      eventdesk incidents show inc-3f2a9c1d0b7e
      eventdesk incidents export --format jsonl -o incidents.jsonl
      eventdesk incidents merge inc-aaa inc-bbb --why "same attack, two places reported"
    """


@incidents.command("list")
@db_option
@_filters
def list_cmd(db: str, **filters: Any) -> None:
    """List incidents, newest first: killed as low/best/high, reports, contradictions (!).

    \b
    Examples:
      eventdesk incidents list
      eventdesk incidents list --since 2024-01-01 --type bombing --text kerman
    """
    from eventdesk.store.views import incidents_table

    query = _query(**filters)
    with _store(db) as store:
        rows = store.list_incidents(query)
    click.echo(incidents_table(rows))


@incidents.command("show")
@click.argument("incident_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the incident record as JSON.")
def show_cmd(incident_id: str, db: str, as_json: bool) -> None:
    """Show one incident: fused fields, every toll figure by time and source, claims, contradictions.
    An id that a merge absorbed says where it went (with the merge) and shows that incident.

    \b
    Example:
      eventdesk incidents show inc-3f2a9c1d0b7e
    """
    from eventdesk.store.corrections import IncidentMerged
    from eventdesk.store.incident import incident_to_dict
    from eventdesk.store.views import incident_text

    pointer = None
    with _store(db) as store:
        try:
            incident = store.get_incident(incident_id)
        except IncidentMerged as merged:  # an id a merge absorbed: say so, show where it went
            pointer = merged.message
            incident = store.get_incident(merged.into)
        audit = [e for e in store.audit_log(incident.incident_id) if e.action in ("merge", "split")]
    if as_json:
        if pointer:
            click.echo(pointer, err=True)
        click.echo(json.dumps(incident_to_dict(incident), ensure_ascii=False, indent=2))
    else:
        click.echo((pointer + "\n\n" if pointer else "") + incident_text(incident, audit))


@incidents.command("export")
@db_option
@click.option(
    "--format",
    "fmt",
    default="jsonl",
    show_default=True,
    type=click.Choice(INCIDENT_FORMATS),
    help="Output format; docs/exports.md describes each and its columns.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), callback=writable_file,
              help="File (default stdout; parquet needs one); its folder must exist.")
@_filters
def export_cmd(db: str, fmt: str, output: Path | None, **filters: Any) -> None:
    """Write incident records: the contract (jsonl), flat rows (csv), nested columns (parquet), points
    (geojson), or the GTD, ACLED, UCDP GED and PLOVER shapes (docs/exports.md). Records a format
    cannot hold (no coordinates for a point, no GTD attack type) are left out and counted on stderr.

    \b
    Examples:
      eventdesk incidents export -o incidents.jsonl
      eventdesk incidents export --format csv --country NG -o nigeria.csv
      eventdesk incidents export --format parquet -o incidents.parquet
      eventdesk incidents export --format gtd --since 2024-01-01 -o gtd.csv
    """
    from eventdesk.store.export import export_incidents

    if FORMATS[fmt].to_path and output is None:
        raise click.UsageError(f"--format {fmt} writes a binary file: give one with -o")
    query = _query(**filters)
    with _store(db) as store:
        count = export_incidents(store.iter_incidents(query), fmt, output)
    if output or count.left_out:
        click.echo(count.summary("incidents", output), err=True)


def _reason(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--why of a correction: a blank reason is no reason (the audit log keeps it)."""
    if value is not None and not value.strip():
        raise click.BadParameter("give the reason for the correction; it is kept in the audit log")
    return value


@incidents.command("merge")
@click.argument("incident_ids", nargs=-1, required=True)
@db_option
@click.option("--why", required=True, callback=_reason, help="The reason, kept in the audit log.")
@click.option("--who", help="Who decided (default: the login name).")
def merge_cmd(incident_ids: tuple[str, ...], db: str, why: str, who: str | None) -> None:
    """Merge incidents into the first one given (recorded in the audit log; survives rebuilds).

    \b
    Example:
      eventdesk incidents merge inc-aaa inc-bbb --why "one attack; AFP placed it 3 km off"
    """
    with _store(db) as store:
        target = store.merge(list(incident_ids), who=_who(who), why=why)
    click.echo(target)


@incidents.command("split")
@click.argument("incident_id")
@db_option
@click.option("--report", "reports", multiple=True, help="Move this report's events out (repeatable).")
@click.option("--event", "events", multiple=True, help="Move this event out (repeatable).")
@click.option("--why", required=True, callback=_reason, help="The reason, kept in the audit log.")
@click.option("--who", help="Who decided (default: the login name).")
def split_cmd(
    incident_id: str, db: str, reports: tuple[str, ...], events: tuple[str, ...], why: str, who: str | None
) -> None:
    """Move some reports' events to a new incident and print its id (audited; survives rebuilds).

    \b
    Example:
      eventdesk incidents split inc-aaa --report r7 --report r9 --why "second blast, other town"
    """
    if not reports and not events:
        raise click.UsageError("give --report or --event")
    with _store(db) as store:
        new_id = store.split(incident_id, report_ids=reports, event_ids=events, who=_who(who), why=why)
    click.echo(new_id)


@incidents.command("rebuild")
@db_option
@click.option("--why", default="rebuild", show_default=True, help="The reason, kept in the audit log.")
@click.option("--who", help="Who asked (default: the login name).")
def rebuild_cmd(db: str, why: str, who: str | None) -> None:
    """Resolve all stored events again (e.g. after changing the resolver), keeping incident ids and
    re-applying every merge and split from the audit log.

    \b
    Example:
      eventdesk incidents rebuild --why "resolver 1.1"
    """
    with _store(db) as store:
        n = store.rebuild(who=_who(who), why=why)
    click.echo(f"{n} incidents", err=True)


@incidents.command("log")
@click.argument("incident_id", required=False)
@db_option
def log_cmd(incident_id: str | None, db: str) -> None:
    """Show the audit log (ingest runs, merges, splits, rebuilds), optionally for one incident.

    \b
    Example:
      eventdesk incidents log inc-3f2a9c1d0b7e
    """
    with _store(db) as store:
        entries = store.audit_log(incident_id)
    for e in entries:
        detail = json.dumps(e.detail, ensure_ascii=False)
        click.echo(f"#{e.audit_id} {e.at} {e.who} {e.action} {' '.join(e.incident_ids)} why={e.why!r} {detail[:200]}")


@incidents.command("check")
@db_option
def check_cmd(db: str) -> None:
    """Check the store's integrity (after a crash, a full disk or a restore): every report stored
    once, every event linked to exactly one incident, counts that agree, JSON that parses. Prints
    each problem and exits 1 when there is any.

    \b
    Example:
      eventdesk incidents check --db news.duckdb
    """
    from eventdesk.store.integrity import check_integrity

    with _store(db) as store:
        problems = check_integrity(store)
        stats = store.stats()
    for problem in problems:
        click.echo(f"problem: {problem}", err=True)
    if problems:
        raise SystemExit(1)
    click.echo(f"ok: {stats['reports']} reports, {stats['events']} events, {stats['incidents']} incidents")
