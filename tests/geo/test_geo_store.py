"""The loader on a tiny hand-built data folder."""

from __future__ import annotations

from pathlib import Path

from eventdesk.geo import Gazetteer

FILES = {
    "geo_places.tsv": (
        "# test\n#name\tkeys\tgeonameid\tcc\tadmin1\tlat\tlon\tpopulation\n"
        "Alphaville\talpha city|old alpha\t1\tXA\t01\t10.5\t20.5\t50000\n"
        "Betatown\t\t2\tXA\t02\t11\t21\t\n"
        "Alphaville\t\t3\tXB\t01\t30\t40\t900\n"
    ),
    "geo_admin1.tsv": (
        "#cc\tadmin1\tname\tkeys\tlat\tlon\tpopulation\tgeonameid\n"
        "XA\t01\tNorth Province\tnorth\t10\t20\t50000\t\n"
        "XA\t02\tSouth Province\tsouth\t11\t21\t0\t\n"
        "XB\t01\tAlphaville\t\t30\t40\t9000000\t\n"
    ),
    "geo_admin2.tsv": ("#cc\tadmin1\tname\tkeys\tlat\tlon\tpopulation\nXA\t02\tGamma County\tgamma\t11.2\t21.2\t10\n"),
    "geo_countries.tsv": (
        "#cc\tname\tkeys\tgeonameid\tlat\tlon\tpopulation\n"
        "XA\tExampleland\texample republic\t100\t10\t20\t1000000\n"
        "XB\tOtherland\t\t101\t30\t40\t10\n"
    ),
    "geo_regions.tsv": (
        "#name\taliases\tcc\tadmin1\tprecision\tlat\tlon\n"
        "Greater Alpha\tAlpha region\tXA\t\tadmin1\t10.4\t20.4\n"
        "The North\tNorthlands\tXA\t01\tadmin1\t0\t0\n"
    ),
    "geo_aliases.tsv": ("#alias\tkind\tcc\ttarget\nAlfaville\tcity\tXA\tAlphaville\nExampleia\tcountry\tXA\t\n"),
    "geo_demonyms.tsv": "#demonym\tcc\nExamplish\tXA\n",
    "geo_us_states.tsv": "#code\tabbreviations\n",
    "geo_stoplist.txt": "# words\nbetatown\n",
}


def _gaz(tmp_path: Path) -> Gazetteer:
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return Gazetteer.from_data_dir(tmp_path)


def test_store_loads_and_ranks_a_tiny_folder(tmp_path: Path) -> None:
    gaz = _gaz(tmp_path)
    first = gaz.lookup("Alphaville")
    # the XB admin1 (9M x 0.1) outranks the XA city (50k); the 900-people XB city comes last
    assert [(p.kind, p.country_code, p.geonames_id) for p in first] == [
        ("admin1", "XB", None),
        ("city", "XA", 1),
        ("city", "XB", 3),
    ]
    city = gaz.resolve("alpha city")
    assert city is not None and (city.admin1, city.country, city.lat) == (
        "North Province",
        "Exampleland",
        10.5,
    )
    assert gaz.resolve("Alfaville") == city  # hand alias
    assert gaz.resolve("Alphaville", country_code="XA") == city


def test_store_regions_aliases_demonyms_and_admin2(tmp_path: Path) -> None:
    gaz = _gaz(tmp_path)
    region = gaz.resolve("Alpha region")
    assert region is not None and (region.kind, region.precision, region.country_code) == (
        "region",
        "admin1",
        "XA",
    )
    north = gaz.resolve("Northlands")  # a region row with an admin1 code is an alias of that admin1
    assert north is not None and (north.kind, north.name) == ("admin1", "North Province")
    assert gaz.resolve("Exampleia") == gaz.resolve("Example Republic")
    assert gaz.country_of_demonym("Examplish") == "XA"
    county = gaz.resolve("Gamma County")
    assert county is not None and (county.kind, county.admin1) == ("admin2", "South Province")
    assert gaz.resolve("Betatown, South") is not None
    assert gaz.scan("Betatown and Alphaville") == [(13, 23, "Alphaville")]
