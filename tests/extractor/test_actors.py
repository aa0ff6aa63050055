from __future__ import annotations

from eventdesk.extractor.actors import find_perpetrators
from eventdesk.extractor.context import EventContext
from eventdesk.nlp.model import load_nlp
from eventdesk.nlp.truecase import needs_truecasing, restore_case
from eventdesk.records import Perpetrator


def context(text: str) -> EventContext:
    restored = restore_case(text) if needs_truecasing(text) else text
    doc = load_nlp()(restored)
    return EventContext(text=text, doc=doc, sents=tuple(doc.sents))


def perpetrators(text: str) -> dict[str, Perpetrator]:
    found = find_perpetrators(context(text))
    for perp in found:
        assert perp.evidence, perp
        for ev in perp.evidence:
            assert text[ev.start : ev.end] == ev.text
    return {p.name.lower(): p for p in found}


def test_actors_claimed_responsibility() -> None:
    found = perpetrators("The Islamic State group claimed responsibility for the attack on Thursday.")
    assert set(found) == {"islamic state group"}
    assert found["islamic state group"].status == "claimed"
    assert found["islamic state group"].kind == "organization"


def test_actors_responsibility_claimed_by_passive() -> None:
    found = perpetrators("Responsibility for the bombing was claimed by the FMLN.")
    assert found["fmln"].status == "claimed"


def test_actors_no_group_claimed_gives_no_perpetrator() -> None:
    assert perpetrators("No group has claimed responsibility for the bombing of the market.") == {}


def test_actors_no_claim_but_resemblance_is_suspected() -> None:
    found = perpetrators("No group has claimed responsibility for the attack, which resembles past ISIS attacks.")
    assert set(found) == {"isis"}
    assert found["isis"].status == "suspected"


def test_actors_blamed_is_accused_with_source() -> None:
    found = perpetrators("A U.S. official blamed the Taliban for the suicide attack near the airport.")
    assert found["taliban"].status == "accused"
    assert found["taliban"].attributed_by == "a U.S. official"


def test_actors_blamed_on_and_according_to() -> None:
    found = perpetrators("The bombing was blamed on Boko Haram, according to the Interior Ministry.")
    assert found["boko haram"].status == "accused"
    assert found["boko haram"].attributed_by == "the Interior Ministry"


def test_actors_denied_involvement() -> None:
    found = perpetrators("Hamas denied any involvement in the shooting at the checkpoint.")
    assert found["hamas"].status == "denied"


def test_actors_government_denies_its_forces() -> None:
    found = perpetrators("The government denied that its forces fired on the protesters.")
    assert list(found) == ["government"]
    assert found["government"].status == "denied"
    assert found["government"].kind == "state"


def test_actors_named_gunman_arrested_is_confirmed() -> None:
    text = "Police said the gunman, John Doe, 24, was arrested at the scene."
    found = perpetrators(text)
    assert list(found) == ["john doe"]
    perp = found["john doe"]
    assert (perp.kind, perp.status, perp.attributed_by) == ("individual", "confirmed", "police")
    assert {ev.text for ev in perp.evidence} == {"John Doe", "gunman"}


def test_actors_suspected_modifier() -> None:
    found = perpetrators("Suspected Boko Haram militants killed 12 villagers in Borno state on Sunday.")
    assert found["boko haram"].status == "suspected"
    assert found["militants"].status == "suspected"
    assert found["militants"].kind == "individual"


def test_actors_agent_of_attack_is_confirmed() -> None:
    found = perpetrators("Urban guerrillas of the FMLN attacked a police station in San Miguel.")
    assert found["urban guerrillas"].status == "confirmed"
    assert found["urban guerrillas"].kind == "individual"
    assert found["fmln"].kind == "organization"


def test_actors_members_of_a_group() -> None:
    found = perpetrators("Members of the Manuel Rodriguez Patriotic Front set off a bomb at a bank.")
    assert "members of the manuel rodriguez patriotic front" in found
    assert found["manuel rodriguez patriotic front"].kind == "organization"


def test_actors_all_caps_wire_text() -> None:
    text = "TERRORISTS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT (FMLN) KIDNAPPED 50 PEASANTS."
    found = perpetrators(text)
    assert {p.kind for p in found.values()} == {"individual", "organization"}
    assert any("terrorists" in name for name in found)
    assert "fmln" in found  # one group, named by its shortest spelling


def test_actors_short_acronym_needs_exact_case() -> None:
    assert perpetrators("What is known is that the attack killed two soldiers.") == {}


def test_actors_victims_are_not_perpetrators() -> None:
    found = perpetrators("Rebels ambushed an army patrol and killed four soldiers.")
    assert set(found) == {"rebels"}


def test_actors_reporter_statement_has_no_attribution() -> None:
    found = perpetrators("No group claimed responsibility, but the attack resembled past Islamic State group attacks.")
    assert found["islamic state group"].status == "suspected"
    assert found["islamic state group"].attributed_by is None


def test_actors_attribution_from_trailing_said() -> None:
    found = perpetrators("Gunmen opened fire on the bus, the army said.")
    assert found["gunmen"].status == "confirmed"
    assert found["gunmen"].attributed_by == "the army"
