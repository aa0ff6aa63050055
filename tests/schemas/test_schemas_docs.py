"""``docs/schema.md`` against the shipped schemas and the data files: every field a schema defines is
documented under its heading and nothing else is, every code is listed, and the tables of event
types, qualifiers and vague numbers say what the data files say (the idea of sqlite-utils'
``tests/test_docs.py``). The README links only to files inside the repository."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from eventdesk.extractor.numbers import to_range
from eventdesk.resources import read_tsv
from eventdesk.schemas import load_schema

REPO = Path(__file__).resolve().parents[2]
DOC = (REPO / "docs" / "schema.md").read_text(encoding="utf-8")

# (schema, $defs name or "" for the record itself) -> the heading of its field table in docs/schema.md
SECTIONS: dict[tuple[str, str], str] = {
    ("report", ""): "The output line (`eventdesk extract`)",
    ("report", "error"): "The error object",
    ("report", "report"): "The report object (`--with-report`)",
    ("report", "evidence"): "Evidence",
    ("report", "event"): "The event",
    ("report", "type"): "The type",
    ("report", "date"): "The date",
    ("report", "location"): "The location",
    ("report", "count"): "Counts: `killed` and `injured`",
    ("report", "perpetrator"): "Perpetrators",
    ("report", "target"): "Targets",
    ("report", "victim"): "Victims",
    ("report", "weapon"): "Weapons",
    ("report", "source"): "Sources",
    ("incident", ""): "The incident record (`eventdesk incidents export --format jsonl`)",
    ("incident", "type"): "The incident's type",
    ("incident", "date"): "The incident's date",
    ("incident", "location"): "The incident's location",
    ("incident", "count"): "Fused counts",
    ("incident", "claim"): "Claims (`history`)",
    ("incident", "perpetrator"): "The incident's perpetrators",
    ("incident", "statement"): "Statements (`perpetrators[].history`)",
    ("incident", "contradiction"): "Contradictions",
    ("incident", "side"): "Sides of a contradiction",
}


def _section(heading: str) -> str:
    """The text under a heading, up to the next heading."""
    match = re.search(rf"^#+ {re.escape(heading)}\n(.*?)(?=^#|\Z)", DOC, re.M | re.S)
    assert match, f"docs/schema.md has no heading {heading!r}"
    return match.group(1)


def _tables(text: str) -> list[list[list[str]]]:
    """Markdown tables in ``text``: rows of cells, header and rule lines dropped."""
    tables: list[list[list[str]]] = []
    for block in re.findall(r"(?:^\|.*\n?)+", text, re.M):
        rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in block.strip().splitlines()]
        tables.append(rows[2:])
    return tables


def _names(cell: str) -> list[str]:
    return re.findall(r"`([^`]+)`", cell)


def _schema_part(schema: str, name: str) -> dict[str, Any]:
    root = load_schema(schema)
    part: dict[str, Any] = root["$defs"][name] if name else root
    return part


@pytest.mark.parametrize(("schema", "name"), list(SECTIONS))
def test_schemas_docs_document_every_field_and_no_other(schema: str, name: str) -> None:
    heading = SECTIONS[schema, name]
    rows = _tables(_section(heading))[0]
    documented = [n for row in rows for n in _names(row[0])]
    defined = list(_schema_part(schema, name)["properties"])
    assert documented == defined, f"docs/schema.md '{heading}' vs {schema}.schema.json {name or 'record'}"
    assert all(row[1] for row in rows) and all(row[2] for row in rows), "every field needs a type and a meaning"


@pytest.mark.parametrize("schema", ["report", "incident"])
def test_schemas_docs_cover_every_definition(schema: str) -> None:
    assert {name for s, name in SECTIONS if s == schema and name} == set(load_schema(schema)["$defs"])


def _enums(node: Any) -> list[Any]:
    if isinstance(node, dict):
        found = list(node.get("enum", ())) + [v for child in node.values() for v in _enums(child)]
        return found
    if isinstance(node, list):
        return [v for child in node for v in _enums(child)]
    return []


def test_schemas_docs_list_every_code() -> None:
    crosswalks = {v for row in read_tsv("event_types.tsv") for k, v in row.items() if k not in ("code",)}
    codes = {v for s in ("report", "incident") for v in _enums(load_schema(s)) if isinstance(v, str)}
    missing = sorted(c for c in codes - crosswalks if f"`{c}`" not in DOC)
    assert not missing, f"codes the schemas allow that docs/schema.md does not list: {missing}"


def test_schemas_docs_input_fields_are_report_fields() -> None:
    rows = _tables(_section("Reports (input)"))[0]
    assert {n for row in rows for n in _names(row[0])} <= set(_schema_part("report", "report")["properties"])


def test_schemas_docs_event_type_table_is_event_types_tsv() -> None:
    table = next(t for t in _tables(_section("The type")) if len(t[0]) == 7)
    documented = [[*_names(row[0]), *(None if c == "–" else c for c in row[1:6]), row[6] == "yes"] for row in table]
    data = [[r["code"], r["label"], *(r[k] or None for k in ("gtd_attack_type", "acled_sub_event_type",
             "muc4_incident_type", "plover")), r["violent_attack"] == "true"] for r in read_tsv("event_types.tsv")]
    assert documented == data


def _cell(text: str, n: int) -> int | None:
    """A qualifier table cell for the figure ``n``: "N", "N+1", "N-1" or "–" (null)."""
    return {"–": None, "N": n, "N+1": n + 1, "N-1": n - 1}[text]


def test_schemas_docs_qualifier_table_is_the_data_and_to_range() -> None:
    rows = _tables(_section("Counts: `killed` and `injured`"))[1]
    words = {r["phrase"]: r["qualifier"] for r in read_tsv("number_qualifiers.tsv")}
    listed: dict[str, str] = {}
    for row in rows:
        qualifier = _names(row[0])[0]
        listed |= {w: qualifier for w in re.findall(r'"([^"]+)"', row[1]) if qualifier not in ("exact", "vague")}
        if qualifier != "vague":
            assert tuple(_cell(c, 100) for c in row[2:5]) == to_range(qualifier, 100), row
    assert listed == words


def test_schemas_docs_vague_number_table_is_vague_numbers_tsv() -> None:
    rows = _tables(_section("The vague-number table"))[0]
    documented = {w: tuple(None if c == "–" else int(c) for c in row[1:4]) for row in rows
                  for w in re.findall(r'"([^"]+)"', row[0])}
    data = {r["phrase"]: tuple(int(r[k]) if r[k] else None for k in ("low", "best", "high"))
            for r in read_tsv("vague_numbers.tsv")}
    assert documented == data


def test_schemas_readme_links_stay_inside_the_repository() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "shared/spec" not in readme
    for doc in (readme, DOC):
        for target in re.findall(r"\]\(([^)#]+)", doc):
            if re.match(r"[a-z]+://", target):
                continue
            base = REPO if doc is readme else REPO / "docs"
            path = (base / target).resolve()
            assert path.is_relative_to(REPO) and path.exists(), target
