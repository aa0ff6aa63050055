"""``eventdesk schema report|incident`` prints the shipped schema; the files ship with the package."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventdesk.cli import main
from eventdesk.schemas import SCHEMAS, load_schema, schema_text

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", SCHEMAS)
def test_schema_cmd_prints_the_shipped_schema(name: str) -> None:
    res = CliRunner().invoke(main, ["schema", name])
    assert res.exit_code == 0
    assert res.output == schema_text(name)
    assert json.loads(res.output) == load_schema(name)


def test_schema_cmd_refuses_an_unknown_name_and_lists_the_choices() -> None:
    res = CliRunner().invoke(main, ["schema", "event"])
    assert res.exit_code == 2
    assert "'report', 'incident'" in res.output


def test_schema_cmd_help_has_examples() -> None:
    res = CliRunner().invoke(main, ["schema", "--help"])
    assert res.exit_code == 0
    assert "Examples:" in res.output and "eventdesk schema incident" in res.output
    assert "schema" in CliRunner().invoke(main, ["--help"]).output


def test_schema_files_are_package_data() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["eventdesk"]
    assert "schemas/*.json" in patterns
    assert {p.name for p in (REPO / "src" / "eventdesk" / "schemas").glob("*.json")} == {
        f"{name}.schema.json" for name in SCHEMAS
    }
