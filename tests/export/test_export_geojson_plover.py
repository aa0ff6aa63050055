"""``--format geojson`` (RFC 7946 points) and ``--format plover`` (PLOVER-style JSON events)."""

from __future__ import annotations

import io
import json

from export_builders import exact, make_event, make_result, place

from eventdesk.export import geojson, plover
from eventdesk.records import Location, Perpetrator, Target
from eventdesk.store.fuse import fuse
from eventdesk.store.incident import Sighting


def test_geojson_points_are_lon_lat_and_unplaced_records_are_counted() -> None:
    batch = [
        make_result("r1", make_event("r1-e0", killed=exact(2)), make_event("r1-e1", location=Location(name="Somewhere"))),
        make_result("r2", make_event("r2-e0", location=place("Chicago"))),
    ]
    out = io.StringIO()
    count = geojson.write_results(batch, out)
    doc = json.loads(out.getvalue())
    assert doc["type"] == "FeatureCollection"
    assert [f["id"] for f in doc["features"]] == ["r1-e0", "r2-e0"]
    first = doc["features"][0]
    assert first["geometry"] == {"type": "Point", "coordinates": [57.0788, 30.2832]}
    assert first["properties"]["killed_best"] == 2 and "lat" not in first["properties"]
    assert doc["features"][1]["geometry"]["coordinates"][0] < 0  # Chicago: west of Greenwich
    assert count.written == 2 and count.left_out == {geojson.NO_POINT: 1}


def test_geojson_of_incidents_and_of_nothing() -> None:
    inc = fuse("inc-1", [Sighting(make_event(), "a/e0", "a", "2024-01-04")])
    unplaced = fuse("inc-2", [Sighting(make_event("b-e0", location=Location()), "b/e0", "b", "2024-01-04")])
    out = io.StringIO()
    count = geojson.write_incidents([inc, unplaced], out)
    (feature,) = json.loads(out.getvalue())["features"]
    assert feature["properties"]["incident_id"] == "inc-1" and count.left_out == {geojson.NO_POINT: 1}
    empty = io.StringIO()
    geojson.write_incidents([], empty)
    assert json.loads(empty.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_plover_event_with_mode_context_actor_and_recipient() -> None:
    event = make_event(
        "r1-e0",
        code="shelling",
        killed=exact(4),
        perpetrators=(Perpetrator("Eastern Front", "organization", "accused"),
                      Perpetrator("River Brigade", "organization", "denied")),
        targets=(Target("the market", "business"),),
    )
    out = io.StringIO()
    count = plover.write_results([make_result("r1", event, make_event("r1-e1", code="stampede"))], out)
    (line,) = out.getvalue().splitlines()
    record = json.loads(line)
    assert (record["event_type"], record["mode"], record["context"]) == ("FIGHT", "heavy-weapons", ["military"])
    assert (record["actor"], record["recipient"], record["dead"]) == (["Eastern Front"], ["business"], 4)
    assert record["date"] == "2024-01-03" and record["location"]["name"] == "Kerman"
    assert count.left_out == {plover.NOT_PLOVER: 1}
