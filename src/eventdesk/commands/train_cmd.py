"""``eventdesk train``: the recipes of the trained components shipped in ``eventdesk/models``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from eventdesk.errors import EventdeskError
from eventdesk.eval.cli import data_option, workers_option


@click.group(name="train")
def train() -> None:
    """Retrain a packaged model from its recipe (deterministic: same data, same weights).

    \b
    Examples:
      eventdesk train muc4-relevance --data ../shared/data --workers 2
      eventdesk train muc4-relevance --data ../shared/data --out /tmp/relevance
      eventdesk eval muc4 --data ../shared/data --relevance-model /tmp/relevance
    """


@train.command(name="muc4-relevance")
@data_option
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    help="Where to write the model [default: the packaged folder, eventdesk/models/muc4_relevance].",
)
@workers_option
@click.option("--limit", type=click.IntRange(min=1), help="Only the first N training documents (a quick check).")
@click.option("--quiet", "-q", is_flag=True, help="No progress output.")
def muc4_relevance(data: Path | None, out: Path | None, workers: int, limit: int | None, quiet: bool) -> None:
    """Train the MUC-4 relevance filter on DEV (GTT's train split; TST1+TST2 are never read).

    Extracts the 1,300 DEV documents, labels each template by the GTT alignment with the gold,
    picks the threshold by 5-fold cross-validation and trains a bag-of-n-grams textcat. About
    90 seconds with 2 workers.
    """
    from eventdesk.eval import muc4
    from eventdesk.eval.muc4_relevance import MODEL_DIR
    from eventdesk.eval.predict import default_data_root, default_predictor

    try:
        manifest = muc4.train_relevance(
            data or default_data_root(), out or MODEL_DIR, predictor=default_predictor(workers),
            limit=limit, progress=not quiet,
        )  # fmt: skip
    except (EventdeskError, OSError, ValueError, KeyError) as exc:
        raise click.ClickException(getattr(exc, "message", None) or str(exc)) from exc
    click.echo(json.dumps(manifest, indent=1, sort_keys=True))
