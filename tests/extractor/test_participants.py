from __future__ import annotations

from eventdesk.extractor.context import EventContext
from eventdesk.extractor.participants import find_targets, find_victims
from eventdesk.nlp.model import load_nlp
from eventdesk.nlp.truecase import needs_truecasing, restore_case
from eventdesk.records import Target, Victim


def context(text: str, *, last_only: bool = False) -> EventContext:
    restored = restore_case(text) if needs_truecasing(text) else text
    doc = load_nlp()(restored)
    sents = tuple(doc.sents)
    return EventContext(text=text, doc=doc, sents=sents[-1:] if last_only else sents)


def targets(text: str) -> dict[str, Target]:
    found = find_targets(context(text))
    for t in found:
        for ev in t.evidence:
            assert text[ev.start : ev.end] == ev.text
    return {t.text.lower(): t for t in found}


def victims(text: str, *, last_only: bool = False) -> dict[str, Victim]:
    found = find_victims(context(text, last_only=last_only))
    for v in found:
        assert v.evidence
        for ev in v.evidence:
            assert text[ev.start : ev.end] == ev.text
    return {v.text.lower(): v for v in found}


def test_participants_targets_of_attack_verbs() -> None:
    found = targets("Guerrillas attacked a police station and set fire to two buses.")
    assert {k: t.kind for k, t in found.items()} == {"police station": "police", "buses": "transport"}


def test_participants_target_of_explosion() -> None:
    found = targets("A car bomb exploded outside the U.S. embassy in the capital.")
    assert {k: t.kind for k, t in found.items()} == {"u.s. embassy": "diplomatic"}


def test_participants_target_without_count() -> None:
    found = targets("Rebels dynamited two high-voltage pylons on Monday.")
    assert {k: t.kind for k, t in found.items()} == {"high-voltage pylons": "infrastructure"}


def test_participants_crowd_at_ceremony() -> None:
    found = targets("Two blasts struck a crowd at a memorial ceremony for the general.")
    assert "crowd at a memorial ceremony" in found
    assert found["crowd at a memorial ceremony"].kind == "civilians"


def test_participants_people_are_not_targets() -> None:
    assert targets("Gunmen attacked two police officers near the market.") == {}


def test_participants_victims_count_and_effect() -> None:
    found = victims("Gunmen killed two police officers and wounded a civilian on Friday.")
    assert (found["two police officers"].count, found["two police officers"].effect) == (2, "killed")
    assert (found["civilian"].count, found["civilian"].effect) == (1, "injured")


def test_participants_named_victims_in_apposition() -> None:
    found = victims("Six Jesuit priests, including Ignacio Ellacuria and Segundo Montes, were murdered.")
    assert found["six jesuit priests"].count == 6
    assert found["ignacio ellacuria"].effect == "killed"
    assert found["segundo montes"].effect == "killed"


def test_participants_kidnapped_and_unharmed() -> None:
    found = victims("Rebels kidnapped 12 pilgrims near the shrine. The mayor escaped unhurt.")
    assert (found["12 pilgrims"].count, found["12 pilgrims"].effect) == (12, "kidnapped")
    assert found["mayor"].effect == "unharmed"


def test_participants_surname_resolved_to_full_name() -> None:
    text = "Luis Carlos Galan was a presidential candidate. Galan was assassinated at a rally on Friday."
    found = victims(text, last_only=True)
    assert list(found) == ["luis carlos galan"]
    assert [ev.text for ev in found["luis carlos galan"].evidence] == ["Luis Carlos Galan", "Galan"]


def test_participants_perpetrators_killed_are_not_victims() -> None:
    assert victims("Soldiers killed three guerrillas in a clash.") == {}


def test_participants_all_caps() -> None:
    text = "TERRORISTS KILLED TWO PEASANTS AND BURNED A BUS IN USULUTAN DEPARTMENT."
    assert victims(text)["two peasants"].effect == "killed"
    assert targets(text)["bus"].kind == "transport"


def test_participants_a_photo_credit_is_neither_victim_nor_perpetrator() -> None:
    from eventdesk import extract

    text = (
        "Police investigate an alley where an 8-year-old boy was shot to death. View Full Caption "
        "DNAinfo/Alex Nitkin\n\nThe boy was shot several times by a gunman who fled in a car, police said."
    )
    main = next(e for e in extract(text, published="2015-11-02") if e.role == "main")
    assert all("Nitkin" not in v.text for v in main.victims)
    assert all("Nitkin" not in p.name for p in main.perpetrators)
