"""The crosswalk tables cover every value the extractor can produce, and nothing is keyed to a
code list that does not exist."""

from __future__ import annotations

from eventdesk.export.crosswalks import acled_types, gtd_code, gtd_codes, plover_mode
from eventdesk.resources import read_tsv

TYPES = read_tsv("event_types.tsv")


def test_crosswalks_every_gtd_attack_type_has_a_code() -> None:
    for row in TYPES:
        if row["gtd_attack_type"]:
            assert gtd_code("attacktype", row["gtd_attack_type"]) is not None, row["code"]
    assert sorted(gtd_codes("attacktype")) == list(range(1, 10))
    assert sorted(gtd_codes("weaptype")) == list(range(1, 14))
    assert sorted(gtd_codes("targtype")) == list(range(1, 23))


def test_crosswalks_every_weapon_type_and_target_kind_has_a_gtd_code() -> None:
    for row in read_tsv("weapons.tsv"):
        assert gtd_code("weaptype", row["type"]) is not None, row["type"]
    for row in read_tsv("targets_lexicon.tsv"):
        assert gtd_code("targtype", row["kind"]) is not None, row["kind"]


def test_crosswalks_every_acled_sub_event_type_has_its_event_type() -> None:
    for row in TYPES:
        if row["acled_sub_event_type"]:
            assert acled_types(row["acled_sub_event_type"]) is not None, row["code"]
    events = {acled_types(r["sub_event_type"])[0] for r in read_tsv("acled_event_types.tsv")}  # type: ignore[index]
    assert events == {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
                      "Strategic developments"}


def test_crosswalks_every_type_has_a_plover_row() -> None:
    modes = {r["code"] for r in read_tsv("plover_modes.tsv")}
    assert modes == {r["code"] for r in TYPES}
    assert plover_mode("chemical_attack") == ("unconventional", ["cbrn"])
    assert plover_mode("no_such_type") == (None, [])
