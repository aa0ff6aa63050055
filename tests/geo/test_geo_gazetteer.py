"""Gazetteer lookup / resolve on hand-written names (no shared data)."""

from __future__ import annotations

import math

import pytest

from eventdesk.geo import Gazetteer, Place


def _km(p: Place, lat: float, lon: float) -> float:
    assert p.lat is not None and p.lon is not None
    dlat = math.radians(p.lat - lat)
    dlon = math.radians(p.lon - lon) * math.cos(math.radians(lat))
    return 6371.0 * math.hypot(dlat, dlon)


def test_gazetteer_default_is_cached(gaz: Gazetteer) -> None:
    assert Gazetteer.default() is gaz


def test_gazetteer_kerman_is_the_iranian_city(gaz: Gazetteer) -> None:
    p = gaz.resolve("Kerman")
    assert p is not None
    assert (p.country_code, p.country, p.admin1, p.kind, p.precision) == (
        "IR",
        "Iran",
        "Kerman",
        "city",
        "city",
    )
    assert p.geonames_id == 128234
    assert _km(p, 30.28, 57.08) < 5


def test_gazetteer_kerman_with_us_hint_is_california(gaz: Gazetteer) -> None:
    p = gaz.resolve("Kerman", country_code="US")
    assert p is not None and p.admin1 == "California"


@pytest.mark.parametrize(("a", "b"), [("Kiev", "Kyiv"), ("Khan Younis", "Khan Yunis"), ("KHAN YOUNIS", "khan-yunis")])
def test_gazetteer_spelling_variants_are_one_place(gaz: Gazetteer, a: str, b: str) -> None:
    pa, pb = gaz.resolve(a), gaz.resolve(b)
    assert pa is not None and pb is not None
    assert pa.geonames_id == pb.geonames_id


def test_gazetteer_accent_and_case_insensitive(gaz: Gazetteer) -> None:
    assert gaz.resolve("KERMĀN") == gaz.resolve("kerman")
    assert gaz.resolve("Bogotá") == gaz.resolve("BOGOTA")


@pytest.mark.parametrize(
    ("name", "cc", "admin1"),
    [
        ("Gaza Strip", "PS", "Gaza Strip"),
        ("the Gaza Strip", "PS", "Gaza Strip"),
        ("West Bank", "PS", "West Bank"),
        ("Ghazni province", "AF", "Ghazni"),
        ("Ghazni Province", "AF", "Ghazni"),
        ("province of Helmand", "AF", "Helmand"),
        ("Wardak province", "AF", "Vardak"),
        ("Borno State", "NG", "Borno"),
        ("Ayacucho department", "PE", "Ayacucho"),
        ("Chalatenango department", "SV", "Chalatenango"),
        ("Pa.", "US", "Pennsylvania"),
        ("Ill.", "US", "Illinois"),
        ("Calif.", "US", "California"),
        ("N.C.", "US", "North Carolina"),
        ("Ga.", "US", "Georgia"),
        ("Fla.", "US", "Florida"),
    ],
)
def test_gazetteer_admin1_names(gaz: Gazetteer, name: str, cc: str, admin1: str) -> None:
    p = gaz.resolve(name)
    assert p is not None
    assert (p.country_code, p.admin1, p.precision) == (cc, admin1, "admin1")


@pytest.mark.parametrize(
    ("name", "cc"),
    [
        ("Kurdistan", "IQ"),
        ("Iraqi Kurdistan", "IQ"),
        ("Darfur", "SD"),
        ("Sinai", "EG"),
        ("Donbas", "UA"),
        ("Donbass", "UA"),
        ("Kashmir", "IN"),
        ("Balochistan", "PK"),
        ("Punjab", "PK"),
        ("Crimea", "UA"),
        ("Golan Heights", "SY"),
    ],
)
def test_gazetteer_regions(gaz: Gazetteer, name: str, cc: str) -> None:
    p = gaz.resolve(name)
    assert p is not None
    assert p.country_code == cc
    assert p.precision in {"admin1", "admin2"}
    assert p.lat is not None and p.lon is not None


def test_gazetteer_punjab_with_india_hint(gaz: Gazetteer) -> None:
    p = gaz.resolve("Punjab", country_code="IN")
    assert p is not None and p.country_code == "IN" and p.kind == "admin1"


@pytest.mark.parametrize(("name", "cc"), [("Iraq", "IQ"), ("Ivory Coast", "CI"), ("DRC", "CD"), ("U.S.", "US")])
def test_gazetteer_countries(gaz: Gazetteer, name: str, cc: str) -> None:
    p = gaz.resolve(name)
    assert p is not None and (p.kind, p.country_code, p.precision) == ("country", cc, "country")


def test_gazetteer_springfield_follows_admin1_hint(gaz: Gazetteer) -> None:
    il = gaz.resolve("Springfield", admin1="Illinois")
    ma = gaz.resolve("Springfield", admin1="Massachusetts")
    assert il is not None and ma is not None
    assert (il.admin1, ma.admin1) == ("Illinois", "Massachusetts")
    assert _km(il, 39.80, -89.64) < 10
    assert _km(ma, 42.10, -72.59) < 10
    assert gaz.resolve("Springfield", admin1="Ill.") == il
    assert gaz.resolve("Springfield", admin1="IL", country_code="us") == il


def test_gazetteer_lookup_ranks_and_filters(gaz: Gazetteer) -> None:
    us = gaz.lookup("Springfield", country_code="US")
    assert len(us) >= 3 and all(p.country_code == "US" for p in us)
    assert [p.admin1 for p in us[:3]] == ["Missouri", "Massachusetts", "Illinois"]  # by population
    assert "Springfield Gardens" in [p.name for p in us]  # an alternate name ranks lower
    assert gaz.lookup("Springfield", country_code="IQ") == []


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        ("Harvey, Ill.", 41.61, -87.65),
        ("Lower Macungie Township, Pa.", 40.53, -75.57),
        ("Prince George's County", 38.83, -76.85),
        ("Prince George's County, Md.", 38.83, -76.85),
        ("Washington, D.C.", 38.90, -77.04),
        ("Kerman, Iran", 30.28, 57.08),
        ("Miami (Cutler Bay)", 25.58, -80.35),
    ],
)
def test_gazetteer_city_state_patterns_within_25km(gaz: Gazetteer, name: str, lat: float, lon: float) -> None:
    p = gaz.resolve(name)
    assert p is not None
    assert _km(p, lat, lon) < 25


def test_gazetteer_unknown_place_falls_back_to_container(gaz: Gazetteer) -> None:
    p = gaz.resolve("Andar district, Ghazni province")
    assert p is not None and (p.name, p.precision) == ("Ghazni", "admin1")
    assert gaz.lookup("Zzyzxqville, Pa.") == []
    q = gaz.resolve("Zzyzxqville, Pa.")
    assert q is not None and q.name == "Pennsylvania"


def test_gazetteer_unknown_name_is_none(gaz: Gazetteer) -> None:
    assert gaz.resolve("Qwertyuiopville") is None
    assert gaz.lookup("") == []


def test_gazetteer_demonyms_are_not_places(gaz: Gazetteer) -> None:
    assert gaz.lookup("Iraqi") == []
    assert gaz.country_of_demonym("Iraqi") == "IQ"
    assert gaz.country_of_demonym("Iranian") == "IR"
    assert gaz.country_of_demonym("Afghans") == "AF"
    assert gaz.country_of_demonym("Salvadoran") == "SV"
    assert gaz.country_of_demonym("Kerman") is None


def test_gazetteer_admin1_name(gaz: Gazetteer) -> None:
    assert gaz.admin1_name("IR", "29") == "Kerman"
    assert gaz.admin1_name("us", "PA") == "Pennsylvania"
    assert gaz.admin1_name("IR", "nope") is None


def test_gazetteer_near_prefers_the_closer_candidate(gaz: Gazetteer) -> None:
    p = gaz.resolve("Springfield", near=(42.0, -72.5))
    assert p is not None and p.admin1 == "Massachusetts"


def test_gazetteer_places_are_frozen_and_picklable(gaz: Gazetteer) -> None:
    import dataclasses
    import pickle

    p = gaz.resolve("Kerman")
    assert p is not None
    assert pickle.loads(pickle.dumps(p)) == p
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.name = "x"  # type: ignore[misc]
