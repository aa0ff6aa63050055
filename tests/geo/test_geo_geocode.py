from __future__ import annotations

from eventdesk.geo import Gazetteer, to_location
from eventdesk.records import Evidence, Location


def test_geocode_to_location_fills_the_contract(gaz: Gazetteer) -> None:
    text = "Two bombs exploded in Kerman on Wednesday."
    s = text.index("Kerman")
    ev = Evidence.of(text, s, s + len("Kerman"))
    loc = to_location(gaz.resolve("Kerman"), ev)
    assert isinstance(loc, Location)
    assert (loc.name, loc.admin1, loc.country, loc.country_code) == ("Kerman", "Kerman", "Iran", "IR")
    assert loc.geonames_id == 128234 and loc.precision == "city"
    assert loc.evidence == (ev,)


def test_geocode_to_location_admin1_and_unknown(gaz: Gazetteer) -> None:
    loc = to_location(gaz.resolve("Ghazni province"), [])
    assert (loc.precision, loc.country_code, loc.admin1) == ("admin1", "AF", "Ghazni")
    assert to_location(None).precision == "unknown"
