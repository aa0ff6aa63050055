"""The attribution suite (issue 14): the file's format, the scorer's matching on hand-built
predictions, the command, and a small run of the real extractor."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from eventdesk.eval import cli
from eventdesk.eval.attribution import (
    CATEGORIES,
    ROLES,
    STATUSES,
    AttributionCase,
    BadSuite,
    ExpectedActor,
    PredictedActor,
    error_kinds,
    evaluate_attribution,
    load_suite,
    name_key,
    name_match,
    parse_case,
    predicted_actors,
    score_case,
    suite_path,
)
from eventdesk.eval.metrics import fold
from eventdesk.records import Event, EventType, Perpetrator, Report, Source, Victim
from eventdesk.resources import read_tsv

# ---------------------------------------------------------------- the suite file


def test_attribution_suite_has_200_cases_with_unique_ids_in_every_category() -> None:
    cases = load_suite()
    assert len(cases) >= 200
    assert len({c.id for c in cases}) == len(cases)
    per_category = Counter(c.category for c in cases)
    assert set(per_category) == set(CATEGORIES)
    assert min(per_category.values()) >= 10, per_category  # roughly balanced


def test_attribution_suite_lines_follow_the_schema() -> None:
    lines = [ln for ln in suite_path().read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    for line in lines:
        row = json.loads(line)
        assert set(row) == {"id", "category", "text", "published", "expected", "note"}, row["id"]
        assert row["note"], row["id"]
        for actor in row["expected"]:
            assert set(actor) == {"name", "role", "status", "attributed_by"}, row["id"]
            assert actor["role"] in ROLES and (actor["status"] is None or actor["status"] in STATUSES)


def _written_as_alias(name: str, text: str) -> bool:
    """An alias of ``name`` (data/attribution_aliases.tsv) is in ``text``: "U.S." for "United States"."""
    canonical = " ".join(name_key(name))
    folded = f" {fold(text)} "
    return any(
        row["canonical"] == canonical and f" {row['name']} " in folded
        for row in read_tsv("attribution_aliases.tsv") if row["kind"] == "alias"
    )  # fmt: skip


def test_attribution_suite_names_are_written_in_their_text() -> None:
    for case in load_suite():
        text = case.text.lower()
        for actor in case.expected:
            assert actor.name.lower() in text or _written_as_alias(actor.name, text), (case.id, actor.name)
            assert actor.attributed_by is None or actor.attributed_by.lower() in text, (case.id, actor.attributed_by)


def test_attribution_suite_has_a_provenance_header() -> None:
    head = suite_path().read_text(encoding="utf-8")[:1500]
    assert head.startswith("#") and "2026-12-08" in head and "never train" in head.lower()


@pytest.mark.parametrize(
    ("actor", "message"),
    [
        ({"name": "X", "role": "attacker", "status": None}, "unknown role"),
        ({"name": "X", "role": "other", "status": "claimed"}, "only for them"),
        ({"name": "X", "role": "perpetrator", "status": None}, "only for them"),
        ({"name": "X", "role": "perpetrator", "status": "rumoured"}, "unknown status"),
    ],
)
def test_attribution_parse_case_rejects_bad_actors(actor: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_case({"id": "x", "category": "claim", "text": "t", "expected": [actor]})


def test_attribution_load_suite_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "suite.jsonl"
    good = {"id": "a", "category": "claim", "text": "t", "published": None, "expected": [], "note": "n"}
    path.write_text("# header\n" + json.dumps(good) + "\n" + json.dumps({**good, "category": "gossip"}) + "\n")
    with pytest.raises(BadSuite, match="line 3: unknown category"):
        load_suite(path)
    path.write_text("# header\n" + json.dumps(good) + "\n")
    assert [c.id for c in load_suite(path)] == ["a"]


# ---------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("a", "b", "strength"),
    [
        ("U.S.", "United States", 3),
        ("the Taliban", "Taliban", 3),
        ("Israel's", "Israel", 3),
        ("ISIS", "Islamic State", 3),
        ("AL-QAEDA", "al-Qaeda", 3),
        ("Los Cuervos gang", "Los Cuervos", 2),
        ("Kevin Marsh", "Marsh", 2),
        ("a suicide bomber", "bomber", 2),
        ("Hamid Sorel", "Karim Sorel", 1),
        ("Islamic State", "Tigray State", 0),  # a generic head word alone is no match
        ("Hamas", "Hezbollah", 0),
    ],
)
def test_attribution_name_match(a: str, b: str, strength: int) -> None:
    assert name_match(a, b) == strength == name_match(b, a)


# ---------------------------------------------------------------- scoring hand-built predictions


def _case(*actors: ExpectedActor, category: str = "claim") -> AttributionCase:
    return AttributionCase(id="c", category=category, text="t", published=None, expected=actors)


def _perp(name: str, status: str, by: str | None = None) -> ExpectedActor:
    return ExpectedActor(name, "perpetrator", status, by)


def test_attribution_score_case_all_right_is_exact() -> None:
    case = _case(_perp("Red Front", "claimed"), ExpectedActor("Iran", "other"))
    outcome = score_case(case, [PredictedActor("the Red Front", "perpetrator", "claimed")])
    assert outcome.exact and not outcome.false_perpetrators
    assert [a.role_ok for a in outcome.actors] == [True, True]


def test_attribution_ruled_out_actor_made_accused_is_a_false_perpetrator() -> None:
    case = _case(_perp("Israel", "ruled_out", "a spokesman"), category="ruled_out")
    outcome = score_case(case, [PredictedActor("Israel", "perpetrator", "accused", "a spokesman")])
    (actor,) = outcome.actors
    assert actor.role_ok and actor.status_ok is False and actor.by_ok is True
    assert not outcome.exact and [p.name for p in outcome.false_perpetrators] == ["Israel"]
    assert error_kinds(outcome) == Counter({"status ruled_out -> accused": 1})


def test_attribution_supporter_made_perpetrator_is_wrong_role_and_false() -> None:
    case = _case(_perp("Hezbollah", "confirmed"), ExpectedActor("Iran", "other"), category="supporter_ally")
    predicted = [
        PredictedActor("Hezbollah", "perpetrator", "confirmed"),
        PredictedActor("Iran", "perpetrator", "accused"),
    ]
    outcome = score_case(case, predicted)
    assert [a.role_ok for a in outcome.actors] == [True, False]
    assert [p.name for p in outcome.false_perpetrators] == ["Iran"] and not outcome.exact
    assert error_kinds(outcome) == Counter({"other predicted as perpetrator": 1})


def test_attribution_a_victim_naming_an_organisation_is_not_that_organisation() -> None:
    case = _case(ExpectedActor("Red Cross", "other"), category="victim_org")
    outcome = score_case(case, [PredictedActor("three Red Cross volunteers", "victim")])
    assert outcome.exact and outcome.actors[0].predicted is None


def test_attribution_extra_perpetrators_break_exactness_only_asserted_ones_are_false() -> None:
    case = _case(_perp("gunmen", "confirmed"))
    predicted = [
        PredictedActor("gunmen", "perpetrator", "confirmed"),
        PredictedActor("Dessa", "perpetrator", "confirmed"),
        PredictedActor("Blue Cell", "perpetrator", "denied"),
    ]
    outcome = score_case(case, predicted)
    assert not outcome.exact and [p.name for p in outcome.extra_perpetrators] == ["Dessa", "Blue Cell"]
    assert [p.name for p in outcome.false_perpetrators] == ["Dessa"] and outcome.asserted == 2
    assert error_kinds(outcome) == Counter(
        {"perpetrator not in the suite (confirmed)": 1, "perpetrator not in the suite (denied)": 1}
    )


def test_attribution_missing_perpetrator_and_source() -> None:
    case = _case(_perp("Blue Cell", "suspected", "police"), ExpectedActor("police", "source"))
    outcome = score_case(case, [])
    assert [a.role_ok for a in outcome.actors] == [False, False] and outcome.actors[0].by_ok is False
    assert error_kinds(outcome) == Counter(
        {"perpetrator (suspected) predicted as none": 1, "source predicted as none": 1}
    )


def test_attribution_alignment_prefers_the_expected_role() -> None:
    case = _case(ExpectedActor("police", "source"))
    predicted = [PredictedActor("police", "perpetrator", "confirmed"), PredictedActor("Police", "source")]
    outcome = score_case(case, predicted)
    assert outcome.actors[0].predicted is predicted[1]
    assert [p.name for p in outcome.false_perpetrators] == ["police"] and not outcome.exact


def _event(role: str = "main", **fields: Any) -> Event:
    return Event(event_id=f"ev-{role}", role=role, type=EventType("bombing", "bombing"), **fields)


def test_attribution_predicted_actors_read_every_current_role_and_attributors() -> None:
    event = _event(
        perpetrators=(Perpetrator("Blue Cell", "organization", "accused", "the minister"),),
        victims=(Victim("Ana Ruiz", named=True),),
        sources=(Source("police"),),
    )
    actors = predicted_actors([event])
    assert [(a.name, a.role) for a in actors] == [
        ("Blue Cell", "perpetrator"), ("the minister", "source"), ("Ana Ruiz", "victim"), ("police", "source"),
    ]  # fmt: skip


# ---------------------------------------------------------------- the whole evaluation with a fake extractor


def _write_suite(path: Path, cases: Sequence[dict[str, Any]]) -> Path:
    path.write_text("# test suite\n" + "".join(json.dumps(c) + "\n" for c in cases), encoding="utf-8")
    return path


SMALL_SUITE = [
    {"id": "a", "category": "claim", "text": "The Blue Cell claimed the bombing.", "published": None,
     "expected": [{"name": "Blue Cell", "role": "perpetrator", "status": "claimed", "attributed_by": None}], "note": "n"},
    {"id": "b", "category": "ruled_out", "text": "There is no evidence of Israel's involvement, officials said.",
     "published": None, "expected": [{"name": "Israel", "role": "perpetrator", "status": "ruled_out",
                                      "attributed_by": "officials"}], "note": "n"},
    {"id": "c", "category": "historic", "text": "Gunmen attacked; the Red Front did so in 1990.", "published": None,
     "expected": [{"name": "Gunmen", "role": "perpetrator", "status": "confirmed", "attributed_by": None},
                  {"name": "Red Front", "role": "other", "status": None, "attributed_by": None}], "note": "n"},
]  # fmt: skip


def _fake_events(report: Report) -> list[Event]:
    perps = {
        "a": (Perpetrator("Blue Cell", "organization", "claimed"),),
        "b": (Perpetrator("Israel", "state", "accused", "officials"),),
        "c": (Perpetrator("gunmen", "unknown", "confirmed"),),
    }[report.id]
    history = _event(role="background", perpetrators=(Perpetrator("Red Front", "organization", "confirmed"),))
    return [_event(perpetrators=perps), history]


def test_attribution_evaluate_scores_and_breaks_down_by_category(
    tmp_path: Path, fake_predictor: Callable[..., Any]
) -> None:
    suite = _write_suite(tmp_path / "s.jsonl", SMALL_SUITE)
    result = evaluate_attribution(suite, predictor=fake_predictor(_fake_events), progress=False)
    scores = {name: (s.value, s.n) for name, s in result.scores.items()}
    assert scores["cases.exact"] == (2 / 3, 3)
    assert scores["actors.role.accuracy"] == (1.0, 4)  # the background event's Red Front is not read
    assert scores["perpetrators.status.accuracy"] == (2 / 3, 3)
    assert scores["perpetrators.attributed_by.accuracy"] == (1.0, 1)
    assert scores["false_perpetrators"] == (1.0, 3)
    assert scores["category.ruled_out.exact"] == (0.0, 1) and scores["category.claim.exact"] == (1.0, 1)
    assert "category.dateline.exact" not in scores
    assert result.details["error_kinds"] == {"status ruled_out -> accused": 1}
    assert [c["id"] for c in result.details["failed_cases"]] == ["b"]


def test_attribution_cli_prints_the_table_and_json(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_predictor: Callable[..., Any]
) -> None:
    monkeypatch.setattr(cli, "default_predictor", lambda workers=1, case="as-is": fake_predictor(_fake_events))
    suite = _write_suite(tmp_path / "s.jsonl", SMALL_SUITE)
    runner = CliRunner()
    out = runner.invoke(cli.eval_cmd, ["attribution", "--suite", str(suite), "-q"])
    assert out.exit_code == 0, out.output
    assert "cases.exact" in out.output and "66.67%" in out.output and "status ruled_out -> accused" in out.output
    out = runner.invoke(cli.eval_cmd, ["attribution", "--suite", str(suite), "--json", "-q"])
    assert json.loads(out.stdout)["scores"]["false_perpetrators"]["value"] == 1.0
    assert "attribution" in runner.invoke(cli.eval_cmd, ["--help"]).output
    assert "Example" in runner.invoke(cli.eval_cmd, ["attribution", "--help"]).output


def test_attribution_cli_bad_suite_exits_2(tmp_path: Path) -> None:
    suite = _write_suite(tmp_path / "s.jsonl", [{**SMALL_SUITE[0], "category": "gossip"}])
    out = CliRunner().invoke(cli.eval_cmd, ["attribution", "--suite", str(suite), "-q"])
    assert out.exit_code == 2 and "line 2" in out.output


# ---------------------------------------------------------------- the real extractor, three cases


def test_attribution_end_to_end_on_three_suite_cases(tmp_path: Path) -> None:
    from eventdesk.eval.predict import default_predictor

    rows = [json.loads(ln) for ln in suite_path().read_text(encoding="utf-8").splitlines() if ln.startswith("{")]
    picked = [r for r in rows if r["id"] in ("claim-01", "no_claim-01", "ruled_out-01")]
    suite = _write_suite(tmp_path / "three.jsonl", picked)
    result = evaluate_attribution(suite, predictor=default_predictor(1), progress=False)
    assert result.reports == 3 and result.errors == 0
    assert result.scores["cases.exact"].n == 3 and result.scores["actors.role.accuracy"].n == 3
    failed = {c["id"] for c in result.details["failed_cases"]}
    assert "claim-01" not in failed and "no_claim-01" not in failed  # a plain claim; no group claimed
