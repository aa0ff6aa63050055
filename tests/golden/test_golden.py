"""Golden reports: the bundled samples against what a careful human coder would extract.

``expected.json`` holds, per sample, the events a coder would record and only the fields they can state
with certainty; ``README.md`` beside this file documents the conventions (vague-word table, perpetrator
statuses, roles, dates). Expected events are matched to extracted ones by role + type + date; every
other listed field is then compared and each mismatch is reported on its own line.

The NLP runs once per module (``library_run``); the raw ``.txt``/``.html``/empty files go through the
``eventdesk extract`` command once (``cli_run``), as the contract in ``docs/schema.md`` promises.
Tests that need neither are fast checks on the samples and the golden file themselves.
"""

from __future__ import annotations

import json
import re
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from golden_compare import (
    COUNT_KEYS,
    ERROR_CODES,
    EVENT_KEYS,
    PERPETRATOR_KINDS,
    PRECISIONS,
    REPORT_KEYS,
    ROLES,
    STATUSES,
    TYPE_CODES,
    WEAPON_TYPES,
    accepted_codes,
    check_report,
    failure_message,
    normalize_name,
)

import eventdesk

HERE = Path(__file__).resolve().parent
SAMPLES_DIR = Path(eventdesk.__file__).resolve().parent / "samples"
GOLDEN: dict[str, Any] = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
EXPECTED: dict[str, dict[str, Any]] = GOLDEN["reports"]


def _read_samples() -> list[dict[str, Any]]:
    path = SAMPLES_DIR / "reports.jsonl"
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


SAMPLES = _read_samples()
SAMPLE_BY_ID = {s["id"]: s for s in SAMPLES}
REPORT_IDS = [s["id"] for s in SAMPLES]
RAW_FILES = sorted(name for name in EXPECTED if name.startswith("raw/"))


# --------------------------------------------------------------------------------------------------
# Running the extractor (once per module)


@dataclass
class Run:
    """The outcome of one batch: results by id, or why there are none."""

    input_ids: list[str]
    results: list[Any] = field(default_factory=list)  # ReportResult objects or result dicts
    failure: str | None = None

    def get(self, key: str) -> Any:
        if self.failure:
            pytest.fail(self.failure, pytrace=False)
        for result in self.results:
            rid = result["id"] if isinstance(result, dict) else result.id
            if rid == key:
                return result
        got = [r["id"] if isinstance(r, dict) else r.id for r in self.results]
        pytest.fail(f"no result for {key!r}: the report was dropped. Result ids: {got}", pytrace=False)


@pytest.fixture(scope="module")
def library_run() -> Run:
    from eventdesk.records import Report

    reports = [
        Report(
            text=s["text"],
            id=s["id"],
            title=s.get("title"),
            published=s.get("published"),
            url=s.get("url"),
            source=s.get("source"),
        )
        for s in SAMPLES
    ]
    ids = [r.id for r in reports]
    try:
        results = list(eventdesk.extract_many(reports, workers=1))
    except Exception:
        return Run(
            ids, failure="eventdesk.extract_many(samples, workers=1) raised:\n" + traceback.format_exc()
        )
    return Run(ids, results)


@pytest.fixture(scope="module")
def cli_run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """``eventdesk extract raw/... -o out.jsonl``: one output line per input file, in input order."""
    from click.testing import CliRunner

    out = tmp_path_factory.mktemp("golden") / "raw.jsonl"
    paths = [str(SAMPLES_DIR / name) for name in RAW_FILES]
    try:
        from eventdesk.cli import main

        invoked = CliRunner().invoke(main, ["extract", *paths, "-o", str(out)])
    except Exception:
        return Run(RAW_FILES, failure="could not run `eventdesk extract`:\n" + traceback.format_exc())
    lines = out.read_text(encoding="utf-8").splitlines() if out.exists() else []
    records = [json.loads(line) for line in lines if line.strip()]
    if len(records) != len(paths):
        detail = "".join(traceback.format_exception(invoked.exception)) if invoked.exception else ""
        return Run(
            RAW_FILES,
            failure=(
                f"`eventdesk extract {' '.join(RAW_FILES)} -o OUT` wrote {len(records)} line(s) for "
                f"{len(paths)} input file(s) (exit code {invoked.exit_code}).\n"
                f"output:\n{invoked.output}\n{detail}"
            ),
        )
    # Output ids are the reader's choice (path or content hash); lines are matched to files by order.
    return Run(RAW_FILES, [{**rec, "id": name} for name, rec in zip(RAW_FILES, records, strict=True)])


def _as_dict(result: Any) -> dict[str, Any]:
    if isinstance(result, dict):
        return result
    from eventdesk.records import result_to_dict

    out: dict[str, Any] = result_to_dict(result)
    return out


# --------------------------------------------------------------------------------------------------
# Tests that run the extractor


BUDGET = json.loads((Path(__file__).parent / "budget.json").read_text())


@pytest.mark.slow
def test_golden_mismatch_budget(library_run: Run, cli_run: Run) -> None:
    """All golden checks together: the number of mismatches may not rise above the pinned budget.

    The per-sample tests below (marker ``golden_strict``, run with ``pytest -m golden_strict``) show
    each mismatch; lower ``budget.json`` whenever the extractor improves, never raise it silently.
    """
    problems: list[str] = []
    for report_id in REPORT_IDS:
        problems += [f"{report_id}: {p}" for p in check_report(EXPECTED[report_id], _as_dict(library_run.get(report_id)))]
    for raw_name in RAW_FILES:
        problems += [f"{raw_name}: {p}" for p in check_report(EXPECTED[raw_name], cli_run.get(raw_name))]
    assert len(problems) <= BUDGET["max_mismatches"], "\n".join(problems)


@pytest.mark.golden_strict
@pytest.mark.slow
@pytest.mark.parametrize("report_id", REPORT_IDS)
def test_golden_report_matches_expected(library_run: Run, report_id: str) -> None:
    got = _as_dict(library_run.get(report_id))
    problems = check_report(EXPECTED[report_id], got)
    if problems:
        pytest.fail(
            failure_message(report_id, SAMPLE_BY_ID[report_id]["title"], got, problems), pytrace=False
        )


@pytest.mark.golden_strict
@pytest.mark.slow
@pytest.mark.parametrize("raw_name", RAW_FILES)
def test_golden_raw_file_matches_expected(cli_run: Run, raw_name: str) -> None:
    got = cli_run.get(raw_name)
    problems = check_report(EXPECTED[raw_name], got)
    if problems:
        pytest.fail(failure_message(raw_name, None, got, problems), pytrace=False)


@pytest.mark.slow
@pytest.mark.parametrize("report_id", REPORT_IDS)
def test_golden_evidence_spans_are_exact(library_run: Run, report_id: str) -> None:
    from eventdesk.records import evidence_source, iter_evidence

    sample = SAMPLE_BY_ID[report_id]
    bad = []
    for j, event in enumerate(library_run.get(report_id).events):
        for ev in iter_evidence(event):
            text = evidence_source(ev, sample["text"], sample.get("title"))
            if not (0 <= ev.start <= ev.end <= len(text)) or text[ev.start : ev.end] != ev.text:
                bad.append(
                    f"event[{j}] evidence ({ev.start}, {ev.end}, {ev.text!r}) "
                    f"but text[{ev.start}:{ev.end}] is {text[ev.start : ev.end]!r}"
                )
    assert not bad, f"{report_id}: {len(bad)} inexact evidence span(s):\n" + "\n".join(bad[:20])


@pytest.mark.slow
def test_golden_results_keep_input_order_and_drop_nothing(library_run: Run) -> None:
    if library_run.failure:
        pytest.fail(library_run.failure, pytrace=False)
    got = [r.id for r in library_run.results]
    missing = [i for i in library_run.input_ids if i not in got]
    extra = [i for i in got if i not in library_run.input_ids]
    assert got == library_run.input_ids, (
        f"results must come one per report, in input order.\n  missing: {missing}\n  unexpected: {extra}\n"
        f"  input order:  {library_run.input_ids}\n  output order: {got}"
    )


# --------------------------------------------------------------------------------------------------
# Fast checks on the samples and the golden file themselves


def test_golden_samples_are_well_formed() -> None:
    assert SAMPLES, f"no samples found at {SAMPLES_DIR / 'reports.jsonl'}"
    assert len(REPORT_IDS) == len(set(REPORT_IDS)), "sample ids must be unique"
    for s in SAMPLES:
        assert set(s) == {"id", "title", "published", "source", "url", "text"}, s["id"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", s["published"]), s["id"]
        assert s["url"].startswith("https://example.org/"), s["id"]
        words = len(s["text"].split())
        assert 150 <= words <= 900, f"{s['id']}: {words} words"


def test_golden_raw_files_exist() -> None:
    for name in RAW_FILES:
        assert (SAMPLES_DIR / name).is_file(), name
    assert (SAMPLES_DIR / "raw" / "empty.txt").stat().st_size == 0


def test_golden_expected_covers_every_sample() -> None:
    on_disk = set(REPORT_IDS) | {f"raw/{p.name}" for p in (SAMPLES_DIR / "raw").iterdir() if p.is_file()}
    assert set(EXPECTED) == on_disk, (
        f"samples without expectations: {sorted(on_disk - set(EXPECTED))}; "
        f"expectations without samples: {sorted(set(EXPECTED) - on_disk)}"
    )


@pytest.mark.parametrize("key", list(EXPECTED))
def test_golden_expected_uses_known_values(key: str) -> None:
    report = EXPECTED[key]
    assert set(report) <= REPORT_KEYS, set(report) - REPORT_KEYS
    assert report.get("error") in {None, *ERROR_CODES}
    if report.get("same_incident_as"):
        assert report["same_incident_as"] in EXPECTED
    for want in report["events"]:
        assert set(want) <= EVENT_KEYS, set(want) - EVENT_KEYS
        assert want["role"] in ROLES
        assert set(accepted_codes(want)) <= TYPE_CODES, accepted_codes(want)
        assert want["date"]["precision"] in PRECISIONS
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", want["date"]["start"])
        for key_ in ("killed", "injured"):
            if want.get(key_) is not None:
                assert set(want[key_]) <= COUNT_KEYS, want[key_]
        for p in want.get("perpetrators", []):
            assert p["status"] in STATUSES and p.get("kind", "unknown") in PERPETRATOR_KINDS, p
        assert set(want.get("weapons", [])) <= WEAPON_TYPES
        assert set(want.get("forbidden_perpetrator_statuses", [])) <= STATUSES


def test_golden_normalize_name_ignores_case_punctuation_and_articles() -> None:
    assert normalize_name("the Islamic State group") == normalize_name("Islamic State")
    assert normalize_name("U.S.") == normalize_name("US")
    assert normalize_name("Al-Shabab") == normalize_name("al Shabab")
    assert normalize_name("Usulután") == normalize_name("USULUTAN")
