"""Shared metrics: distances, place-name normalisation, tallies, F1."""

from __future__ import annotations

import math

import pytest

from eventdesk.eval.metrics import PRF, EvalResult, Tally, f1_score, fold, haversine_km, normalize_place


def test_metrics_haversine_known_distances() -> None:
    one_degree = 2 * math.pi * 6371.0088 / 360
    assert haversine_km(0.0, 0.0, 0.0, 1.0) == pytest.approx(one_degree)
    assert haversine_km(10.0, 20.0, 10.0, 20.0) == 0.0
    # Paris (48.8566, 2.3522) to London (51.5074, -0.1278): about 344 km
    assert haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(343.6, abs=1.0)
    assert haversine_km(0.0, 0.0, 0.0, 180.0) == pytest.approx(math.pi * 6371.0088)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ghazni Province", "ghazni"),
        ("ghazni", "ghazni"),
        ("Lower Macungie (Township)", "lower macungie"),
        ("Harris County", "harris"),
        ("São Paulo", "sao paulo"),
        ("City of London", "london"),
        ("District of Columbia", "columbia"),
        ("County", "county"),  # nothing but unit words: keep them
        (None, ""),
    ],
)
def test_metrics_normalize_place(raw: str | None, expected: str) -> None:
    assert normalize_place(raw) == expected


def test_metrics_fold_removes_apostrophes_and_accents() -> None:
    assert fold("Nad 'Ali") == "nad ali"
    assert fold("Panjwa’i") == "panjwai"


def test_metrics_tally_counts_missing_as_wrong() -> None:
    t = Tally()
    t.add(predicted=True, correct=True)
    t.add(predicted=True, correct=False)
    t.add(predicted=False, correct=False)
    t.add(predicted=False, correct=True)  # cannot be right without a prediction
    result = EvalResult("x", 4)
    t.report(result, "k")
    assert result.scores["k.accuracy"].value == 0.25
    assert result.scores["k.coverage"].value == 0.5
    assert result.flat()["x.k.accuracy"] == 0.25


def test_metrics_prf_and_f1() -> None:
    prf = PRF(p_num=1, p_den=2, r_num=1, r_den=4)
    assert prf.precision == 0.5 and prf.recall == 0.25
    assert prf.f1 == pytest.approx(1 / 3)
    assert f1_score(0, 0, 0, 5) == 0.0
    prf += PRF(1, 2, 3, 4)
    assert (prf.p_num, prf.p_den, prf.r_num, prf.r_den) == (2, 4, 4, 8)
