"""B-cubed and pairwise scores on hand-computed examples."""

from __future__ import annotations

import pytest

from eventdesk.eval.clustering import bcubed, pairwise

GOLD = ["A", "A", "A", "B", "B"]
PRED = [1, 1, 2, 2, 2]


def test_clustering_bcubed_hand_computed() -> None:
    # per item precision: 2/2, 2/2, 1/3, 2/3, 2/3 -> 11/15; recall: 2/3, 2/3, 1/3, 2/2, 2/2 -> 11/15
    s = bcubed(GOLD, PRED)
    assert s.precision == pytest.approx(11 / 15)
    assert s.recall == pytest.approx(11 / 15)
    assert s.f1 == pytest.approx(11 / 15)
    assert s.items == 5


def test_clustering_pairwise_hand_computed() -> None:
    # gold pairs 3 + 1 = 4, predicted pairs 1 + 3 = 4, together: (0,1) and (3,4) = 2
    s = pairwise(GOLD, PRED)
    assert s.precision == pytest.approx(0.5)
    assert s.recall == pytest.approx(0.5)
    assert s.f1 == pytest.approx(0.5)


def test_clustering_singletons_and_one_big_cluster() -> None:
    singletons = list(range(5))
    s = bcubed(GOLD, singletons)
    assert s.precision == 1.0
    assert s.recall == pytest.approx((1 / 3 * 3 + 1 / 2 * 2) / 5)
    p = pairwise(GOLD, singletons)
    assert p.precision is None and p.recall == 0.0 and p.f1 == 0.0
    one = bcubed(GOLD, ["x"] * 5)
    assert one.recall == 1.0
    assert one.precision == pytest.approx((3 / 5 * 3 + 2 / 5 * 2) / 5)


def test_clustering_labels_only_matter_by_equality() -> None:
    assert bcubed(GOLD, PRED) == bcubed(["x", "x", "x", "y", "y"], ["p", "p", "q", "q", "q"])
    perfect = pairwise(GOLD, [7, 7, 7, 8, 8])
    assert (perfect.precision, perfect.recall, perfect.f1) == (1.0, 1.0, 1.0)


def test_clustering_rejects_misaligned_input() -> None:
    with pytest.raises(ValueError):
        bcubed(["a"], [1, 2])
    assert bcubed([], []).precision is None
