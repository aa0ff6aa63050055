"""The shipped JSON Schemas against the code: valid draft 2020-12, every field of every record class,
and every code list equal to the data or constant the extractor uses, so the two cannot drift."""

from __future__ import annotations

import dataclasses
from typing import Any

import jsonschema
import pytest

from eventdesk import errors, records
from eventdesk.extractor import actors, participants
from eventdesk.geo import geocode
from eventdesk.resources import read_tsv
from eventdesk.schemas import SCHEMAS, load_schema, schema_text
from eventdesk.store import fuse, incident

REPORT = load_schema("report")
INCIDENT = load_schema("incident")
TYPES = read_tsv("event_types.tsv")


def _def(schema: dict[str, Any], name: str) -> dict[str, Any]:
    out: dict[str, Any] = schema["$defs"][name]
    return out


def _enum(schema: dict[str, Any], name: str, prop: str) -> list[Any]:
    out: list[Any] = _def(schema, name)["properties"][prop]["enum"]
    return out


@pytest.mark.parametrize("name", SCHEMAS)
def test_schemas_are_valid_draft_2020_12(name: str) -> None:
    schema = load_schema(name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema_text(name).endswith("\n")


def test_schemas_unknown_name_is_refused() -> None:
    with pytest.raises(ValueError, match="report, incident"):
        schema_text("event")


def test_schemas_versions_follow_the_code() -> None:
    assert REPORT["$id"].endswith(":" + records.SCHEMA_VERSION)
    assert INCIDENT["$id"].endswith(":" + incident.INCIDENT_SCHEMA_VERSION)
    assert INCIDENT["properties"]["schema_version"]["const"] == incident.INCIDENT_SCHEMA_VERSION


REPORT_CLASSES = {
    "evidence": records.Evidence,
    "report": records.Report,
    "error": records.ReportError,
    "type": records.EventType,
    "date": records.DateValue,
    "location": records.Location,
    "count": records.Count,
    "perpetrator": records.Perpetrator,
    "target": records.Target,
    "victim": records.Victim,
    "weapon": records.Weapon,
    "source": records.Source,
    "event": records.Event,
}
INCIDENT_CLASSES = {
    "claim": incident.Claim,
    "count": incident.FusedCount,
    "statement": incident.PerpetratorStatement,
    "perpetrator": incident.PerpetratorClaims,
    "side": incident.Side,
    "contradiction": incident.Contradiction,
}


def _field_names(cls: Any) -> list[str]:
    return [f.name for f in dataclasses.fields(cls)]


@pytest.mark.parametrize(("schema_name", "def_name", "cls"), [
    *(("report", k, v) for k, v in REPORT_CLASSES.items()),
    *(("incident", k, v) for k, v in INCIDENT_CLASSES.items()),
])
def test_schemas_define_every_field_of_each_record_class(schema_name: str, def_name: str, cls: Any) -> None:
    props = _def(load_schema(schema_name), def_name)["properties"]
    assert list(props) == _field_names(cls), f"{schema_name}.schema.json $defs/{def_name} vs {cls.__name__}"


def test_schemas_top_level_fields_follow_the_records() -> None:
    assert set(REPORT["properties"]) == {*_field_names(records.ReportResult)}
    assert list(INCIDENT["properties"]) == _field_names(incident.Incident)


def test_schemas_event_types_tsv_rows_have_every_column() -> None:
    """A row with a stray tab shifts its crosswalks (the schema enums are read from these columns)."""
    header = list(TYPES[0])
    for row in TYPES:
        assert list(row) == header, row
        assert row["violent_attack"] in ("true", "false"), row


def test_schemas_type_codes_are_the_codes_of_event_types_tsv() -> None:
    codes = [row["code"] for row in TYPES]
    assert _enum(REPORT, "type", "code") == codes
    assert _enum(INCIDENT, "type", "code") == codes
    assert _def(INCIDENT, "type")["properties"]["votes"]["propertyNames"]["enum"] == codes


@pytest.mark.parametrize("column", ["gtd_attack_type", "acled_sub_event_type", "muc4_incident_type", "plover"])
def test_schemas_crosswalk_values_are_those_of_event_types_tsv(column: str) -> None:
    values = {row[column] or None for row in TYPES} | {None}
    assert set(_enum(REPORT, "type", column)) == values
    if column in _def(INCIDENT, "type")["properties"]:
        assert set(_enum(INCIDENT, "type", column)) == values


def test_schemas_lexicon_kinds_are_those_of_the_data_files() -> None:
    targets = {row["kind"] for row in read_tsv("targets_lexicon.tsv")} | {"unknown"}
    weapons = {row["type"] for row in read_tsv("weapons.tsv")} | {"unknown"}
    assert set(_enum(REPORT, "target", "kind")) == targets
    assert set(_enum(REPORT, "weapon", "type")) == weapons
    groups = {row["kind"] for row in read_tsv("armed_groups.tsv") if row.get("kind")}
    assert groups <= set(_enum(REPORT, "perpetrator", "kind"))


def test_schemas_qualifiers_are_those_the_number_reader_gives() -> None:
    words = {row["qualifier"] for row in read_tsv("number_qualifiers.tsv")}
    expected = words | {"exact", "vague"}
    assert set(_enum(REPORT, "count", "qualifier")) == expected
    assert set(_enum(INCIDENT, "claim", "qualifier")) == expected


def test_schemas_statuses_effects_and_precisions_follow_the_code() -> None:
    statuses = set(actors._RANK)
    assert set(_enum(REPORT, "perpetrator", "status")) == statuses
    assert set(_enum(INCIDENT, "perpetrator", "status")) == statuses
    assert set(_enum(INCIDENT, "statement", "status")) == statuses
    assert set(_enum(REPORT, "victim", "effect")) == set(participants._EFFECT_RANK)
    places = set(_enum(REPORT, "location", "precision"))
    assert places == set(geocode._PRECISIONS) | {"unknown"}
    dates = set(_enum(REPORT, "date", "precision"))
    assert places | dates == set(fuse._PRECISION_RANK)  # fusion ranks every precision and no other
    assert set(_enum(INCIDENT, "location", "precision")) == places
    assert set(_enum(INCIDENT, "date", "precision")) == dates


def test_schemas_error_codes_include_every_per_report_error_class() -> None:
    codes = set(_enum(REPORT, "error", "code"))
    per_report = {cls.code for cls in vars(errors).values()
                  if isinstance(cls, type) and issubclass(cls, errors.InputError)}
    assert per_report | {errors.ExtractionFailed.code} <= codes
