"""docs/exports.md cannot drift: every registered format has its section with a runnable example,
and every column a coded or flat format writes is named there."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.export import acled, flat, gtd, ucdp
from eventdesk.export.registry import FORMATS

DOC = Path(__file__).resolve().parents[2] / "docs" / "exports.md"


def _section(name: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    head = f"\n## `{name}`"
    assert head in text, f"docs/exports.md has no section {head.strip()}"
    body = text.split(head, 1)[1]
    return body.split("\n## ", 1)[0]


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_export_docs_every_format_has_a_section_and_example(name: str) -> None:
    section = _section(name)
    assert f"--format {name}" in section or name == "jsonl", f"no example of --format {name}"


@pytest.mark.parametrize(
    ("name", "columns"),
    [("gtd", gtd.COLUMNS), ("acled", acled.COLUMNS), ("ucdp", ucdp.COLUMNS),
     ("csv", flat.INCIDENT_COLUMNS + flat.EVENT_COLUMNS)],
)
def test_export_docs_name_every_column(name: str, columns: tuple[str, ...]) -> None:
    section = _section(name)
    missing = [c for c in columns if f"`{c}`" not in section]
    assert not missing, f"docs/exports.md, section {name}: columns not described: {missing}"
