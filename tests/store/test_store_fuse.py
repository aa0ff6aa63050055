"""Fusion rules: toll history, UCDP-style low/best/high, contradictions, claims over time."""

from __future__ import annotations

from store_builders import BOMBING, KERMAN, TEHRAN, day, event, kerman_story

from eventdesk.records import Perpetrator
from eventdesk.store.fuse import fuse
from eventdesk.store.incident import Sighting, incident_from_dict, incident_to_dict


def sightings(results, *, main_only=True):  # type: ignore[no-untyped-def]
    out = []
    for r in results:
        for e in r.events:
            if main_only and e.role != "main":
                continue
            out.append(Sighting(e, e.event_id, r.id, r.report.published, r.report.source, r.report.title))
    return out


def test_fuse_toll_history_73_103_84() -> None:
    inc = fuse("inc-x", sightings(kerman_story()[1:]))
    assert [(c.value, c.published, c.report_id, c.source) for c in inc.killed.history] == [
        (73, "2024-01-03", "k1", "Wire A"),
        (103, "2024-01-04", "k2", "Wire B"),
        (84, "2024-01-05", "k3", "Wire C"),
    ]
    assert inc.killed.history[0].qualifier == "at_least"
    # low: the smallest figure defended; best: the latest word; high: the largest figure
    assert (inc.killed.low, inc.killed.best, inc.killed.high) == (73, 84, 103)
    assert (inc.injured.low, inc.injured.best, inc.injured.high) == (141, 284, 284)
    assert inc.reports == ("k1", "k2", "k3")


def test_fuse_downward_revision_is_a_contradiction_but_a_rise_is_not() -> None:
    inc = fuse("inc-x", sightings(kerman_story()[1:]))
    tolls = [c for c in inc.contradictions if c.field == "killed"]
    assert len(tolls) == 1
    c = tolls[0]
    assert c.kind == "downward_revision"
    assert [(s.value, s.reports) for s in c.sides] == [(103, ("k2",)), (84, ("k3",))]
    # "at least 73" then 103: an update, consistent with the earlier range
    assert not any(73 in (s.value for s in c.sides) for c in inc.contradictions)


def test_fuse_same_day_disagreement_is_a_contradiction() -> None:
    a = event("a", killed=10)
    b = event("b", killed=25)
    inc = fuse("i", [Sighting(a, "a", "ra", "2024-01-03", "X"), Sighting(b, "b", "rb", "2024-01-03", "Y")])
    assert [c.kind for c in inc.contradictions] == ["toll"]
    assert inc.killed.low == 10 and inc.killed.high == 25 and inc.killed.best == 10  # median of the latest


def test_fuse_claim_then_denial_is_a_contradiction() -> None:
    claim = Perpetrator(name="Islamic State", kind="organization", status="claimed")
    denial = Perpetrator(name="Islamic State", kind="organization", status="denied")
    s = [
        Sighting(event("a"), "a", "ra", "2024-01-03", "X"),
        Sighting(event("b", perpetrators=(claim,)), "b", "rb", "2024-01-04", "Y"),
        Sighting(event("c", perpetrators=(denial,)), "c", "rc", "2024-01-05", "Z"),
    ]
    inc = fuse("i", s)
    (p,) = inc.perpetrators
    assert p.status == "denied"  # the latest statement
    assert [(h.status, h.report_id) for h in p.history] == [("claimed", "rb"), ("denied", "rc")]
    (c,) = inc.contradictions
    assert c.kind == "claim_and_denial"
    assert [(side.value, side.reports) for side in c.sides] == [("claimed", ("rb",)), ("denied", ("rc",))]


def test_fuse_competing_claims_places_and_dates() -> None:
    one = Perpetrator(name="Group One", status="claimed")
    two = Perpetrator(name="Group Two", status="claimed")
    s = [
        Sighting(event("a", perpetrators=(one,)), "a", "ra", "2024-01-03", "X"),
        Sighting(
            event("b", perpetrators=(two,), location=TEHRAN, date=day("2024-01-06")),
            "b",
            "rb",
            "2024-01-06",
            "Y",
        ),
    ]
    kinds = sorted(c.kind for c in fuse("i", s).contradictions)
    assert kinds == ["competing_claims", "date", "place"]


def test_fuse_fields_and_round_trip() -> None:
    inc = fuse("inc-x", sightings(kerman_story()[1:]))
    assert inc.type["code"] == BOMBING.code
    assert inc.date == {"start": "2024-01-03", "end": "2024-01-03", "precision": "day"}
    assert inc.location["name"] == KERMAN.name and inc.location["precision"] == "city"
    assert [p.name for p in inc.perpetrators] == ["Islamic State"]
    assert incident_from_dict(incident_to_dict(inc)) == inc


def test_fuse_district_comes_from_the_reports_that_name_one() -> None:
    from dataclasses import replace

    brighton = replace(KERMAN, district="Brighton Park")
    s = [
        Sighting(event("a"), "a", "ra", "2024-01-03", "X"),
        Sighting(event("b", location=brighton), "b", "rb", "2024-01-03", "Y"),
        Sighting(event("c"), "c", "rc", "2024-01-04", "Z"),
    ]
    inc = fuse("i", s)
    assert inc.location["name"] == "Kerman" and inc.location["district"] == "Brighton Park"
    assert not inc.contradictions
    assert fuse("j", s[:1]).location["district"] is None


def test_fuse_without_figures() -> None:
    inc = fuse("i", [Sighting(event("a"), "a", "ra", None, None)])
    assert (inc.killed.low, inc.killed.best, inc.killed.high, inc.killed.history) == (None, None, None, ())
    assert inc.contradictions == ()
