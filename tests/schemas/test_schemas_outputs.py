"""Real outputs against the shipped JSON Schemas: the bundled samples (the golden reports) through
``eventdesk extract`` and through ``ingest`` + ``incidents export``, and hand-built records with every
optional field set. The schemas reject unknown fields, so a field added to a record without the
schema (and ``docs/schema.md``) fails here."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from eventdesk.cli import main
from eventdesk.records import (
    Count,
    DateValue,
    Event,
    EventType,
    Evidence,
    Location,
    Perpetrator,
    Report,
    ReportError,
    ReportResult,
    Source,
    Target,
    Victim,
    Weapon,
    result_to_dict,
)
from eventdesk.resources import read_tsv, samples_dir
from eventdesk.schemas import load_schema
from eventdesk.store.fuse import fuse
from eventdesk.store.incident import Sighting, incident_to_dict

REPORT = jsonschema.Draft202012Validator(load_schema("report"))
INCIDENT = jsonschema.Draft202012Validator(load_schema("incident"))
TYPE_ROWS = {row["code"]: row for row in read_tsv("event_types.tsv")}


def _problems(validator: jsonschema.Draft202012Validator, record: dict[str, Any]) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(record)]


def _run(args: list[str]) -> str:
    res = CliRunner().invoke(main, args, catch_exceptions=False)
    assert res.exit_code in (0, 3), res.output
    return res.output


# --------------------------------------------------------------------------------------------------
# The bundled samples (the golden reports) through the commands, once per module


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("schema") / "extracted.jsonl"
    inputs = [str(samples_dir() / "reports.jsonl"), str(samples_dir() / "raw")]
    _run(["extract", *inputs, "-o", str(out), "--with-report", "--workers", "1", "--quiet"])
    return out


@pytest.fixture(scope="module")
def lines(extracted: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in extracted.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def incidents(extracted: Path) -> list[dict[str, Any]]:
    db, out = extracted.with_name("store.duckdb"), extracted.with_name("incidents.jsonl")
    _run(["ingest", str(extracted), "--extracted", "--db", str(db)])
    _run(["incidents", "export", "--format", "jsonl", "-o", str(out), "--db", str(db)])
    found = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    shown = _run(["incidents", "show", found[0]["incident_id"], "--json", "--db", str(db)])
    return [*found, json.loads(shown)]


@pytest.mark.slow
def test_schemas_every_extract_line_of_the_samples_is_valid(lines: list[dict[str, Any]]) -> None:
    expected = len((samples_dir() / "reports.jsonl").read_text(encoding="utf-8").splitlines())
    assert len(lines) == expected + len(list((samples_dir() / "raw").iterdir()))
    assert any(line["error"] for line in lines) and sum(len(line["events"]) for line in lines) > 20
    bad = {line["id"]: p for line in lines if (p := _problems(REPORT, line))}
    assert not bad, json.dumps(bad, indent=1)


@pytest.mark.slow
def test_schemas_sample_event_types_carry_their_crosswalks(lines: list[dict[str, Any]]) -> None:
    for line in lines:
        for event in line["events"]:
            row, got = TYPE_ROWS[event["type"]["code"]], event["type"]
            want = {k: (v or None) for k, v in row.items() if k not in ("code", "violent_attack")}
            assert {k: got[k] for k in want} == want and got["violent_attack"] == (row["violent_attack"] == "true")


@pytest.mark.slow
def test_schemas_every_exported_incident_of_the_samples_is_valid(incidents: list[dict[str, Any]]) -> None:
    assert len(incidents) > 10
    bad = {inc["incident_id"]: p for inc in incidents if (p := _problems(INCIDENT, inc))}
    assert not bad, json.dumps(bad, indent=1)


# --------------------------------------------------------------------------------------------------
# Hand-built records with every optional field set (texts written for this test)

TEXT = (
    "Gunmen of the Example Front killed at least 12 people and wounded about 30 at the Riverside "
    "market in Kerman on Monday, police spokesman Ali Rahimi said. The group claimed the attack."
)
TITLE = "12 dead as gunmen storm Kerman market"


def _ev(text: str, words: str, field: str = "text") -> tuple[Evidence, ...]:
    start = text.index(words)
    return (Evidence(start, start + len(words), words, field),)


def full_event(role: str = "main", *, index: int = 0) -> Event:
    row = TYPE_ROWS["shooting"]
    return Event(
        event_id=f"ev_{index:016x}",
        role=role,
        type=EventType("shooting", row["label"], row["gtd_attack_type"], row["acled_sub_event_type"],
                       row["muc4_incident_type"], row["plover"], True, _ev(TEXT, "Gunmen")),
        date=DateValue("2024-01-01", "2024-01-01", "day", "on Monday", _ev(TEXT, "on Monday"), "text"),
        location=Location("Kerman", "Kerman", "Iran", "IR", 30.283, 57.079, 128234, "city", "Riverside",
                          _ev(TEXT, "Kerman") + _ev(TEXT, "Riverside")),
        killed=Count(12, 12, None, "12 dead", "at_least", 1, _ev(TITLE, "12 dead", "title")),
        injured=Count(None, 30, None, "about 30", "about", 0, _ev(TEXT, "about 30")),
        perpetrators=(Perpetrator("Example Front", "organization", "claimed", "police", _ev(TEXT, "Example Front")),),
        targets=(Target("the Riverside market", "business", _ev(TEXT, "the Riverside market")),),
        victims=(Victim("12 people", 12, "killed", _ev(TEXT, "12 people"), True),),
        weapons=(Weapon("guns", "firearms", _ev(TEXT, "Gunmen")),),
        sources=(Source("Ali Rahimi", "police spokesman", "The group claimed the attack.", _ev(TEXT, "Ali Rahimi")),),
        attacks=2,
        confidence=0.85,
    )


FULL_REPORT = Report(TEXT, "r1", TITLE, "2024-01-02", "https://news.example/r1", "Example Wire", "en", "cp1252")


def test_schemas_hand_built_result_with_every_field_is_valid() -> None:
    result = ReportResult("r1", (full_event(), full_event("background", index=1)), ("a warning",), None, FULL_REPORT)
    record = result_to_dict(result, include_report=True)
    assert not _problems(REPORT, record)
    assert record["events"][0]["killed"]["evidence"][0]["field"] == "title"


@pytest.mark.parametrize("code", load_schema("report")["$defs"]["error"]["properties"]["code"]["enum"])
def test_schemas_error_lines_are_valid(code: str) -> None:
    assert not _problems(REPORT, result_to_dict(ReportResult("r9", error=ReportError(code, "why"))))


def _sighting(event: Event, report_id: str, published: str, **changes: Any) -> Sighting:
    import dataclasses

    return Sighting(dataclasses.replace(event, **changes), f"{report_id}/{event.event_id}", report_id, published,
                    "Example Wire", TITLE, f"https://news.example/{report_id}")


def test_schemas_fused_incident_with_every_contradiction_is_valid() -> None:
    base = full_event()
    tehran = Location("Tehran", "Tehran", "Iran", "IR", 35.694, 51.422, 112931, "city", None, ())
    sightings = [
        _sighting(base, "a", "2024-01-02"),
        _sighting(base, "b", "2024-01-02", event_id="ev_00000000000000b0", location=tehran,
                  date=DateValue("2024-01-05", "2024-01-05", "day", "on Friday", (), "text"),
                  killed=Count(None, 8, 8, "up to 8", "up_to", None, ()),
                  perpetrators=(Perpetrator("Example Front", "organization", "denied", None, ()),
                                Perpetrator("Other Brigade", "organization", "claimed", None, ()))),
        _sighting(base, "c", "2024-01-04", event_id="ev_00000000000000c0", role="background",
                  killed=Count(5, 5, 5, "5", "exact", None, ()),
                  date=DateValue("2024-01-01", "2024-01-01", "day", None, (), "published")),
    ]
    record = incident_to_dict(fuse("inc-0123456789ab", sightings))
    kinds = {c["kind"] for c in record["contradictions"]}
    assert kinds == {"toll", "downward_revision", "date", "place", "claim_and_denial", "competing_claims"}
    assert not _problems(INCIDENT, record)
    assert set(record["type"]) == set(load_schema("incident")["$defs"]["type"]["properties"])
    assert set(record["location"]) == set(load_schema("incident")["$defs"]["location"]["properties"])


def test_schemas_fused_incident_without_place_or_type_is_valid() -> None:
    bare = Event("ev_00000000000000d0", "main", EventType("", ""))
    record = incident_to_dict(fuse("inc-00000000000d", [_sighting(bare, "d", "2024-01-02")]))
    assert record["type"] == {} and record["location"] == {"precision": "unknown"}
    assert not _problems(INCIDENT, record)


# --------------------------------------------------------------------------------------------------
# The schemas are not vacuous: what a consumer must never see is refused


def _broken(path: list[Any], value: Any) -> dict[str, Any]:
    record = copy.deepcopy(result_to_dict(ReportResult("r1", (full_event(),), (), None, FULL_REPORT), include_report=True))
    node = record
    for key in path[:-1]:
        node = node[key]
    if value is KeyError:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return record


@pytest.mark.parametrize(("path", "value"), [
    (["events", 0, "type", "code"], "riot"),
    (["events", 0, "role"], "aftermath"),
    (["events", 0, "type", "evidence", 0, "field"], "body"),
    (["events", 0, "killed", "qualifier"], "roughly"),
    (["events", 0, "killed", "low"], -1),
    (["events", 0, "perpetrators", 0, "status"], "rumoured"),
    (["events", 0, "date", "start"], "Monday"),
    (["events", 0, "location", "country_code"], "Iran"),
    (["events", 0, "confidence"], 1.5),
    (["events", 0, "event_id"], "e1"),
    (["events", 0, "victims", 0, "named"], KeyError),
    (["events", 0, "new_field"], 1),
    (["error"], {"code": "oops", "message": "?"}),
    (["warnings"], KeyError),
])
def test_schemas_refuse_what_the_contract_excludes(path: list[Any], value: Any) -> None:
    assert _problems(REPORT, _broken(path, value))
