from __future__ import annotations

import pytest

from eventdesk import extract
from eventdesk.extractor.types import choose_type, event_type, find_triggers


def test_types_suicide_bombing_refines_bombing() -> None:
    text = "A suicide bomber detonated explosives at a checkpoint; the blast killed six."
    code, support = choose_type(find_triggers(text))
    assert code == "suicide_bombing"
    assert all(text[t.start : t.end].lower() in text.lower() for t in support)


def test_types_crosswalks_complete() -> None:
    t = event_type("bombing")
    assert (t.gtd_attack_type, t.acled_sub_event_type, t.muc4_incident_type, t.plover) == (
        "Bombing/Explosion", "Remote explosive/landmine/IED", "bombing", "ASSAULT")
    assert event_type("stampede").violent_attack is False


def test_types_all_caps_triggers() -> None:
    assert choose_type(find_triggers("URBAN GUERRILLAS KIDNAPPED TWO BUSINESSMEN"))[0] == "kidnapping"


def test_types_armed_groups_assault_on_soldiers_is_a_clash() -> None:
    from eventdesk.extractor.types import refine_type
    from eventdesk.records import Perpetrator, Target, Victim

    rebels = (Perpetrator(name="the Northern Front", kind="organization"),)
    assert refine_type("armed_assault", rebels, (), (Victim(text="five soldiers"),)) == "armed_clash"
    assert refine_type("shooting", rebels, (Target(text="an army base", kind="military"),), ()) == "armed_clash"
    # civilians, a lone gunman, or a bombing keep their type
    assert refine_type("armed_assault", rebels, (), (Victim(text="five villagers"),)) == "armed_assault"
    lone = (Perpetrator(name="a gunman", kind="individual"),)
    assert refine_type("shooting", lone, (), (Victim(text="two soldiers"),)) == "shooting"
    assert refine_type("bombing", rebels, (), (Victim(text="two soldiers"),)) == "bombing"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Government forces recaptured the town on Sunday after weeks of fighting, the army said.", "territory_regained"),
        ("Militants seized control of the city on Sunday, officials said.", "territory_taken"),
        ("The army took control of the village after a three-day offensive against the rebels.", "territory_regained"),
        ("Rebels fighting the government took control of the border crossing.", "territory_taken"),
    ],
)
def test_types_territory_changes_hands(text: str, code: str) -> None:
    main = next(e for e in extract(text, published="2016-03-28") if e.role == "main")
    assert main.type.code == code
    assert main.type.acled_sub_event_type in ("Government regains territory", "Non-state actor overtakes territory")


@pytest.mark.parametrize(
    "text",
    [
        "A man drove a van into pedestrians on a market street, killing two people before police arrested him.",
        "The driver mounted the pavement and ran down shoppers; officers detained him at the scene.",
    ],
)
def test_types_a_vehicle_driven_into_people_beats_the_arrest(text: str) -> None:
    main = next(e for e in extract(text, published="2024-05-04") if e.role == "main")
    assert main.type.code == "vehicle_attack"


def test_types_a_defused_bomb_is_disrupted_weapons_use_not_an_explosion() -> None:
    text = "Police defused a roadside bomb found near a school in the city on Tuesday, officials said."
    main = next(e for e in extract(text, published="2024-05-08") if e.role == "main")
    assert main.type.code == "disrupted_weapon"
    assert main.type.acled_sub_event_type == "Disrupted weapons use" and main.type.violent_attack is False
    # a blast that killed people stays a bombing even when a second device was defused
    text = "A bomb exploded at a market, killing five people. A second bomb was found and defused nearby."
    main = next(e for e in extract(text, published="2024-05-08") if e.role == "main")
    assert main.type.code == "bombing"
