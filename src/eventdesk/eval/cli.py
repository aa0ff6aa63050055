"""``eventdesk eval``: parse options, call an adapter, format its result. Nothing else lives here."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.table import Table

from eventdesk.commands.output_file import writable_file
from eventdesk.errors import EventdeskError
from eventdesk.eval.datasets import DATASETS, run_dataset
from eventdesk.eval.metrics import EvalResult, Score
from eventdesk.eval.predict import default_data_root, default_predictor

F = TypeVar("F", bound=Callable[..., Any])


class CannotRun(click.ClickException):
    """Missing data, bad floors file: the evaluation could not run (exit status 2)."""

    exit_code = 2


def data_option(f: F) -> F:
    """``--data``: the evaluation data (shared by the eval and train commands)."""
    return click.option(
        "--data", type=click.Path(path_type=Path, file_okay=False), envvar="EVENTDESK_DATA",
        help="Dataset folder or the data root holding it [default: $EVENTDESK_DATA, else ../shared/data].",
    )(f)  # fmt: skip


def workers_option(f: F) -> F:
    return click.option(
        "--workers", type=click.IntRange(min=1), default=1, show_default=True,
        help="Extraction processes (passed to eventdesk.extract_many).",
    )(f)  # fmt: skip


def _common(f: F) -> F:
    options = [
        data_option,
        click.option("--limit", type=click.IntRange(min=1), default=None,
                     help="Score a fixed pseudo-random sample of N items (the same on every run)."),
        workers_option,
        click.option("--json", "as_json", is_flag=True, help="Print the result as JSON on stdout."),
        click.option("--quiet", "-q", is_flag=True, help="No progress bar."),
    ]  # fmt: skip
    for option in reversed(options):
        f = option(f)
    return f


@click.group(name="eval")
def eval_cmd() -> None:
    """Score the extractor on labelled data (see docs/evaluation.md).

    \b
    Examples:
      eventdesk eval gva --data ../shared/data --limit 200 --workers 2
      eventdesk eval muc4 --data ../shared/data --predictions-out muc4_preds.json
      eventdesk eval muc4 --score-predictions preds_gtt.out --gold test.json
      eventdesk eval case2021 --data ../shared/data --json > case.json
      eventdesk eval attribution --workers 1
      eventdesk eval gate --data ../shared/data
    """


def _format(score: Score) -> str:
    if score.value is None:
        return "-"
    if score.kind == "rate":
        return f"{100 * score.value:.2f}%"
    if score.kind == "km":
        return f"{score.value:.1f} km"
    return f"{score.value:.2f}"


def _print_result(result: EvalResult, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
        return
    console = Console()
    table = Table(
        title=f"{result.dataset}: {result.reports} reports, {result.errors} errors, {result.seconds:.0f} s"
    )
    table.add_column("score")
    table.add_column("value", justify="right")
    table.add_column("n", justify="right")
    for name, score in result.scores.items():
        table.add_row(name, _format(score), str(score.n))
    console.print(table)
    for note in result.notes:
        console.print(f"note: {note}")


def _run(name: str, data: Path | None, limit: int | None, workers: int, as_json: bool, quiet: bool,
         case: str = "as-is") -> None:
    try:
        result = run_dataset(
            name,
            data or default_data_root(),
            predictor=default_predictor(workers, case=case),
            limit=limit,
            progress=not quiet,
        )
    except EventdeskError as exc:
        raise CannotRun(exc.message) from exc
    _print_result(result, as_json)


def _dataset_command(name: str) -> click.Command:
    @_common
    @click.option("--case", "case", type=click.Choice(["as-is", "upper", "lower"]), default="as-is",
                  show_default=True,
                  help="Score on the texts upper- or lower-cased (wire copy is often ALL CAPS): "
                       "measures how much case restoration keeps.")
    def command(data: Path | None, limit: int | None, workers: int, as_json: bool, quiet: bool, case: str) -> None:
        _run(name, data, limit, workers, as_json, quiet, case)

    command.__doc__ = (
        f"{DATASETS[name].help}.\n\n\b\nExamples:\n  eventdesk eval {name} --data ../shared/data --limit 50"
        f"\n  eventdesk eval {name} --data ../shared/data --case upper"
    )
    return click.command(name=name)(command)


for _name in DATASETS:
    if _name != "muc4":
        eval_cmd.add_command(_dataset_command(_name))


@eval_cmd.command(name="attribution")
@click.option(
    "--suite",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="A suite file in the same format [default: the packaged attribution_suite.jsonl].",
)
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Score a fixed pseudo-random sample of N cases (the same on every run).")  # fmt: skip
@workers_option
@click.option("--json", "as_json", is_flag=True, help="Print the result (with every failed case) as JSON on stdout.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def attribution_cmd(suite: Path | None, limit: int | None, workers: int, as_json: bool, quiet: bool) -> None:
    """Our attribution suite (issue 14): perpetrators' role, status and claims on 226 short reports
    written for it. Needs no data: the suite ships with the package.

    \b
    Examples:
      eventdesk eval attribution --workers 1
      eventdesk eval attribution --json -q > attribution.json
    """
    from eventdesk.eval.attribution import evaluate_attribution

    try:
        result = evaluate_attribution(suite, predictor=default_predictor(workers), limit=limit, progress=not quiet)
    except EventdeskError as exc:
        raise CannotRun(exc.message) from exc
    _print_result(result, as_json)


@eval_cmd.command(name="muc4")
@_common
@click.option(
    "--split",
    type=click.Choice(["dev", "train"]),
    default="dev",
    show_default=True,
    help="dev: TST1+TST2 (200 docs, the split results are reported on); train: DEV (1,300 docs).",
)
@click.option(
    "--predictions-out",
    type=click.Path(path_type=Path, dir_okay=False),
    callback=writable_file,
    help="Write GTT-format predictions ({docid: {pred_templates: [...]}}) to this file.",
)
@click.option(
    "--predict",
    "predict_docs",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="Unlabelled documents (JSONL with id, text): write predictions only, no scoring.",
)
@click.option(
    "--score-predictions",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="Score an existing GTT-format prediction file instead of running the extractor.",
)
@click.option(
    "--gold",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="GTT gold JSONL for --score-predictions [default: gtt/<split>.jsonl under --data].",
)
@click.option("--include-background", is_flag=True, help="Also turn background events into templates.")
@click.option(
    "--numeric-keys",
    is_flag=True,
    help="Key --predictions-out by GTT's numbers (TST1-MUC3-0012 -> 10012), as xinyadu/gtt's eval.py reads.",
)
@click.option(
    "--relevance-model",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="A relevance model folder from `eventdesk train muc4-relevance` [default: the packaged one].",
)
@click.option(
    "--no-relevance-model", is_flag=True, help="Keep every template the rules make (no trained relevance filter)."
)
def muc4_cmd(
    data: Path | None, limit: int | None, workers: int, as_json: bool, quiet: bool, split: str,
    predictions_out: Path | None, predict_docs: Path | None, score_predictions: Path | None,
    gold: Path | None, include_background: bool, numeric_keys: bool, relevance_model: Path | None,
    no_relevance_model: bool,
) -> None:  # fmt: skip
    """MUC-4 TST1+TST2: GTT template F1; date, country and claim from the full keys.

    \b
    Examples:
      eventdesk eval muc4 --data ../shared/data --workers 2 --predictions-out preds.json
      eventdesk eval muc4 --predict my_docs.jsonl --predictions-out preds.json
      eventdesk eval muc4 --score-predictions preds_gtt.out --gold test.json
    """
    from eventdesk.eval import gtt, muc4
    from eventdesk.eval.predict import resolve_data_dir

    predictor = default_predictor(workers)
    relevance = None if no_relevance_model else str(relevance_model) if relevance_model else muc4.PACKAGED
    try:
        if predict_docs is not None:
            if predictions_out is None:
                raise click.UsageError("--predict needs --predictions-out")
            preds = muc4.predict_documents(
                predict_docs, predictor=predictor, include_background=include_background,
                relevance=relevance, progress=not quiet,
            )  # fmt: skip
            _write_json(predictions_out, preds)
            click.echo(f"wrote predictions for {len(preds)} documents to {predictions_out}", err=True)
            return
        root = data or default_data_root()
        if score_predictions is not None:
            gold_path = gold or resolve_data_dir(root, "muc4", muc4.SPLITS[split][0]) / muc4.SPLITS[split][0]
            _print_result(muc4.score_prediction_file(score_predictions, gold_path), as_json)
            return
        result, preds = muc4.evaluate_muc4(
            root, predictor=predictor, split=split, limit=limit,
            include_background=include_background, relevance=relevance, progress=not quiet,
        )  # fmt: skip
    except (EventdeskError, OSError, ValueError, KeyError) as exc:
        raise CannotRun(getattr(exc, "message", None) or str(exc)) from exc
    if predictions_out is not None:
        if numeric_keys:
            preds = {gtt.gtt_numeric_id(docid) or docid: entry for docid, entry in preds.items()}
        _write_json(predictions_out, preds)
        result.notes.append(f"GTT-format predictions written to {predictions_out}")
    _print_result(result, as_json)


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


@eval_cmd.command(name="gate")
@data_option
@click.option(
    "--floors",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="Floors file [default: the pinned src/eventdesk/eval/floors.json].",
)
@workers_option
@click.option("--json", "as_json", is_flag=True, help="Print the gate report as JSON on stdout.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bars.")
def gate_cmd(data: Path | None, floors: Path | None, workers: int, as_json: bool, quiet: bool) -> None:
    """Run the fast evaluation subset and fail (exit 1) if a score is below its floor.

    GVA 300 articles, MUC-4 TST1+TST2, ISAF and CASE 2021 (about 1,340 reports).

    \b
    Example:
      eventdesk eval gate --data ../shared/data --workers 2
    """
    from eventdesk.eval.gate import load_floors, run_gate

    try:
        pinned = load_floors(floors)
        report = run_gate(
            data or default_data_root(),
            predictor=default_predictor(workers),
            floors=pinned,
            progress=not quiet,
        )
    except EventdeskError as exc:
        raise CannotRun(exc.message) from exc
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        table = Table(title=f"evaluation gate ({report.seconds:.0f} s)")
        for column in ("score", "value", "floor", "", "note"):
            table.add_column(column, justify="right" if column in ("value", "floor") else "left")
        for c in report.checks:
            value = "-" if c.value is None else f"{c.value:.3f}"
            status = "ok" if c.passed else f"FAIL ({c.reason})"
            table.add_row(c.name, value, f"{c.floor:.3f}", status, c.note)
        Console().print(table)
        click.echo("gate passed" if report.passed else "gate FAILED", err=True)
    if not report.passed:
        sys.exit(1)
