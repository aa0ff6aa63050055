from __future__ import annotations

from eventdesk.extractor.context import EventContext
from eventdesk.extractor.weapons import find_weapons
from eventdesk.nlp.model import load_nlp
from eventdesk.nlp.truecase import needs_truecasing, restore_case


def weapons(text: str) -> dict[str, str]:
    restored = restore_case(text) if needs_truecasing(text) else text
    doc = load_nlp()(restored)
    found = find_weapons(EventContext(text=text, doc=doc, sents=tuple(doc.sents)))
    for weapon in found:
        for ev in weapon.evidence:
            assert text[ev.start : ev.end] == ev.text
    return {w.text.lower(): w.type for w in found}


def test_weapons_counted_bombs_and_rifle() -> None:
    found = weapons("The attackers detonated two bombs and then opened fire with an AK-47.")
    assert found == {"two bombs": "explosives", "ak-47": "firearms"}


def test_weapons_multiword_term() -> None:
    assert weapons("A car bomb exploded outside the ministry.") == {"car bomb": "explosives"}


def test_weapons_measure_phrase() -> None:
    assert weapons("The rebels used sticks of dynamite to blow up the bridge.") == {"sticks of dynamite": "explosives"}


def test_weapons_types() -> None:
    found = weapons("Militants fired mortar rounds and a rocket, and a drone dropped a grenade on the base.")
    assert found["mortar rounds"] == "explosives"
    assert found["rocket"] == "missile"
    assert found["drone"] == "drone"
    assert found["grenade"] == "explosives"


def test_weapons_incendiary_and_melee() -> None:
    found = weapons("The mob hurled Molotov cocktails at the bus and attacked the driver with machetes.")
    assert found == {"molotov cocktails": "incendiary", "machetes": "melee"}


def test_weapons_seized_are_not_used() -> None:
    assert weapons("Police seized rifles and grenades during a raid on the house.") == {}


def test_weapons_bomb_squad_is_not_a_weapon() -> None:
    assert weapons("A bomb squad searched the building after a threat.") == {}


def test_weapons_vehicle_needs_ramming() -> None:
    assert weapons("The driver parked his truck near the market.") == {}
    assert weapons("The attacker rammed a truck into the crowd.") == {"truck": "vehicle"}


def test_weapons_all_caps() -> None:
    assert weapons("URBAN GUERRILLAS PLACED DYNAMITE AT THE DOOR OF THE BANK.") == {"dynamite": "explosives"}
