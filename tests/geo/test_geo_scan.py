"""Gazetteer.scan on hand-written texts."""

from __future__ import annotations

from eventdesk.geo import Gazetteer


def _surfaces(gaz: Gazetteer, text: str) -> list[str]:
    spans = gaz.scan(text)
    for s, e, surface in spans:
        assert text[s:e] == surface
    return [s for _, _, s in spans]


def test_scan_all_caps_wire_text(gaz: Gazetteer) -> None:
    text = "BOMB EXPLODED IN SAN SALVADOR TODAY"
    assert gaz.scan(text) == [(17, 29, "SAN SALVADOR")]


def test_scan_all_caps_dateline_and_departments(gaz: Gazetteer) -> None:
    text = "LIMA, 12 JAN 90 -- GUERRILLAS ATTACKED A POST IN AYACUCHO DEPARTMENT, PERU."
    assert _surfaces(gaz, text) == ["LIMA", "AYACUCHO DEPARTMENT", "PERU"]


def test_scan_skips_stoplist_words(gaz: Gazetteer) -> None:
    text = "Police said Of the victims, one was found near a Mobile home. Reading the report, Victory Day."
    assert _surfaces(gaz, text) == []
    assert _surfaces(gaz, text.upper()) == []


def test_scan_mixed_case_needs_a_capital(gaz: Gazetteer) -> None:
    assert _surfaces(gaz, "The attack in Kerman. The kerman attack.") == ["Kerman"]
    assert _surfaces(gaz, "bombing in kerman") == ["kerman"]  # no capitals anywhere: case-blind


def test_scan_longest_match_and_area_words(gaz: Gazetteer) -> None:
    text = "Troops in Andar district, Ghazni province, and in New York City and Prince George's County."
    assert _surfaces(gaz, text) == ["Ghazni province", "New York City", "Prince George's County"]


def test_scan_city_state_spans(gaz: Gazetteer) -> None:
    text = "HARVEY, Ill. -- Police in Mobile, Ala., and in Lower Macungie Township, Pa., said."
    assert _surfaces(gaz, text) == ["HARVEY, Ill.", "Mobile, Ala.", "Lower Macungie Township, Pa."]


def test_scan_all_caps_prose_is_not_city_state(gaz: Gazetteer) -> None:
    assert _surfaces(gaz, "HOWEVER, IN THE END, WE LEFT.") == []


def test_scan_regions_and_spelling_variants(gaz: Gazetteer) -> None:
    text = "Strikes hit the Gaza Strip, Khan Younis and the West Bank; shelling in Donbas and Kyiv (Kiev)."
    assert _surfaces(gaz, text) == ["Gaza Strip", "Khan Younis", "West Bank", "Donbas", "Kyiv", "Kiev"]


def test_scan_spans_do_not_overlap(gaz: Gazetteer) -> None:
    text = "From San Salvador, El Salvador to San Miguel and Santa Ana, and on to Guatemala City."
    spans = gaz.scan(text)
    assert [s for _, _, s in spans] == [
        "San Salvador",
        "El Salvador",
        "San Miguel",
        "Santa Ana",
        "Guatemala City",
    ]
    ends = [e for _, e, _ in spans]
    starts = [s for s, _, _ in spans]
    assert all(s >= e for s, e in zip(starts[1:], ends[:-1], strict=True))


def test_scan_demonyms_are_not_places(gaz: Gazetteer) -> None:
    assert _surfaces(gaz, "Iraqi and Iranian officials met Afghan elders.") == []


def test_scan_empty_text(gaz: Gazetteer) -> None:
    assert gaz.scan("") == []
