"""Every CLI verb is registered here, in one explicit place."""

from __future__ import annotations

import importlib

import click

# module path -> attribute holding a click command; each module is owned by one stage
COMMANDS: tuple[tuple[str, str], ...] = (
    ("eventdesk.commands.extract_cmd", "extract"),
    ("eventdesk.commands.demo_cmd", "demo"),
    ("eventdesk.commands.bench_cmd", "bench"),
    ("eventdesk.commands.train_cmd", "train"),
    ("eventdesk.commands.schema_cmd", "schema"),
    ("eventdesk.eval.cli", "eval_cmd"),
    ("eventdesk.store.cli", "ingest"),
    ("eventdesk.store.cli", "reextract"),
    ("eventdesk.store.cli", "incidents"),
)


def register(group: click.Group) -> None:
    for module_name, attr in COMMANDS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:  # a stage not built yet: skip only its own module
            if exc.name != module_name:
                raise
            continue
        group.add_command(getattr(module, attr))
