"""Incident resolution: blocking, scoring, background events, stable ids, cluster_results."""

from __future__ import annotations

import collections

from store_builders import KERMAN, SHOOTING, TEHRAN, day, event, kerman_story, result

from eventdesk.records import DateValue, Location, ReportError, ReportResult
from eventdesk.store.base import IncidentQuery, Store
from eventdesk.store.features import build_mention, proper_phrases
from eventdesk.store.resolve import cluster_results, score_pair
from eventdesk.store.synthetic import incident_of, synthetic_results


def test_resolve_unfolding_reports_share_one_incident() -> None:
    keys = cluster_results(kerman_story())
    assert keys[1] == keys[2] == keys[3]
    assert keys[0] != keys[1]  # the 2020 stampede is another incident


def test_resolve_background_event_links_to_its_own_incident(store: Store) -> None:
    store.add_results(kerman_story())
    incidents = {i.incident_id: i for i in store.iter_incidents(IncidentQuery())}
    by_report = collections.defaultdict(set)
    for inc in incidents.values():
        for rid in inc.reports:
            by_report[rid].add(inc.incident_id)
    (stampede,) = [i for i in incidents.values() if i.type.get("code") == "stampede"]
    (bombing,) = [i for i in incidents.values() if i.type.get("code") == "bombing"]
    assert set(stampede.reports) == {"s2020", "k3"}  # k3 recalls the stampede
    assert set(bombing.reports) == {"k1", "k2", "k3"}
    assert stampede.killed.best == 56 and bombing.killed.best == 84  # no toll leaks across
    assert stampede.roles == {"main": 1, "background": 1}


def test_resolve_other_city_or_far_date_stays_apart() -> None:
    results = [
        result(
            "a",
            "A gunman shot two people in Kerman.",
            event("a0", type=SHOOTING, killed=2),
            published="2024-01-03",
        ),
        result(
            "b",
            "A gunman shot two people in Tehran.",
            event("b0", type=SHOOTING, killed=2, location=TEHRAN),
            published="2024-01-03",
        ),
        result(
            "c",
            "A gunman shot two people in Kerman.",
            event("c0", type=SHOOTING, killed=2, date=day("2024-02-20")),
            published="2024-02-20",
        ),
    ]
    keys = cluster_results(results)
    assert len(set(keys)) == 3


def test_resolve_same_town_same_day_needs_corroboration() -> None:
    """Busy cities have several shootings a day: town + date + type alone never link."""
    a = result(
        "a",
        "Shooting in Kerman.",
        event("a0", type=SHOOTING, killed=1, victims=("Amir Rahimi",)),
        published="2024-01-03",
        title="Man shot dead on Azadi street",
    )
    b = result(
        "b",
        "Shooting in Kerman.",
        event("b0", type=SHOOTING, killed=1, victims=("Sara Karimi",)),
        published="2024-01-03",
        title="Teenager killed outside school",
    )
    c = result(
        "c",
        "Shooting in Kerman.",
        event("c0", type=SHOOTING, killed=1, victims=("Amir Rahimi",)),
        published="2024-01-04",
        title="Police name Azadi street victim",
    )
    keys = cluster_results([a, b, c])
    assert keys[0] == keys[2] != keys[1]


def test_resolve_victim_name_links_a_late_follow_up() -> None:
    first = result(
        "a",
        "Kevin Barbee, 15, was shot dead in Kerman.",
        event("a0", type=SHOOTING, killed=1, victims=("15-year-old Kevin Barbee",)),
        published="2024-01-03",
    )
    later = result(
        "b",
        "A teen was charged in the death of Kevin Barbee.",
        event("b0", type=SHOOTING, date=DateValue(), victims=("Kevin Barbee",)),
        published="2024-02-20",
    )
    assert len(set(cluster_results([first, later]))) == 1


def test_resolve_cluster_results_aligns_with_input_and_handles_failures() -> None:
    failed = ReportResult(id="bad", error=ReportError("empty", "empty report"))
    results = [*kerman_story(), failed, failed]
    keys = cluster_results(results)
    assert len(keys) == len(results)
    assert keys[-1] != keys[-2]  # failed reports are singletons


def test_resolve_is_order_independent_for_the_story() -> None:
    story = kerman_story()
    forward = cluster_results(story)
    backward = cluster_results(story[::-1])[::-1]
    groups = lambda keys: sorted(sorted(i for i, k in enumerate(keys) if k == g) for g in set(keys))  # noqa: E731
    assert groups(forward) == groups(backward)
    assert forward == backward  # ids come from the earliest-published mention


def test_resolve_synthetic_quality() -> None:
    results = list(synthetic_results(1500))
    keys = cluster_results(results)
    gold = [incident_of(r.id) for r in results]
    pairs = collections.Counter(zip(keys, gold, strict=True))
    tp = sum(n * (n - 1) // 2 for n in pairs.values())
    pred = sum(n * (n - 1) // 2 for n in collections.Counter(keys).values())
    true = sum(n * (n - 1) // 2 for n in collections.Counter(gold).values())
    assert tp / pred >= 0.9 and tp / true >= 0.95


def test_features_phrases_skip_boilerplate_and_bylines() -> None:
    text = "By Denise Hollinshed. Police said Kevin Barbee died at Summit Medical Center. All Rights Reserved."
    assert proper_phrases(text) == {"kevin barbee"}


def test_score_pair_other_country_is_a_veto() -> None:
    here = build_mention(event("a", killed=5), None, key="a", report_key="ra")
    there = build_mention(
        event(
            "b",
            killed=5,
            location=Location(name="Kerman", country_code="US", lat=30.28, lon=57.07, precision="city"),
        ),
        None,
        key="b",
        report_key="rb",
    )
    assert score_pair(here, there) < 0
    assert score_pair(here, build_mention(event("c", killed=5, location=KERMAN), None, key="c", report_key="rc")) >= 2
