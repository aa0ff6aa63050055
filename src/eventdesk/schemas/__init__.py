"""JSON Schemas (draft 2020-12) of the records eventdesk writes, shipped with the package.

* ``report``: one line of ``eventdesk extract`` output (``eventdesk.records.result_to_dict``);
* ``incident``: one line of ``eventdesk incidents export --format jsonl``
  (``eventdesk.store.incident.incident_to_dict``).

``docs/schema.md`` explains every field. The files are static JSON; the tests check their code lists
against the data files and constants the extractor uses, validate real outputs against them, and
check that the docs name every field, so code, schema and docs move together.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

SCHEMAS: tuple[str, ...] = ("report", "incident")


def schema_text(name: str) -> str:
    """The schema ``name`` (one of :data:`SCHEMAS`) as JSON text, as shipped."""
    if name not in SCHEMAS:
        raise ValueError(f"no schema named {name!r}; choose one of: {', '.join(SCHEMAS)}")
    return resources.files(__package__).joinpath(f"{name}.schema.json").read_text(encoding="utf-8")


def load_schema(name: str) -> dict[str, Any]:
    """The schema ``name`` as a dict."""
    out: dict[str, Any] = json.loads(schema_text(name))
    return out
