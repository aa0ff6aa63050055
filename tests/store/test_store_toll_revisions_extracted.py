"""Toll revisions told in words reach an incident's toll history and its contradictions (issue 19,
defect 4): three reports of one bombing, extracted, then fused. Texts written for this test."""

from __future__ import annotations

from eventdesk import extract
from eventdesk.store.fuse import fuse
from eventdesk.store.incident import Sighting

REPORTS = [
    ("d1", "2024-03-04", "BAGHDAD - A car bomb exploded near a crowded market in the Karrada district of the "
     "capital on Monday, killing 58 people, police said."),
    ("d2", "2024-03-05", "BAGHDAD - The death toll from Monday's car bombing in the capital rose to 73, "
     "officials said on Tuesday. The bomb exploded near a crowded market in the Karrada district."),
    ("d3", "2024-03-06", "BAGHDAD - Officials revised the death toll from Monday's car bombing down to 61 on "
     "Wednesday. The bomb exploded near a crowded market in the Karrada district."),
]


def test_store_toll_revisions_from_text_make_history_and_a_downward_revision() -> None:
    sightings = []
    for report_id, published, text in REPORTS:
        (main,) = [e for e in extract(text, published=published) if e.role == "main"]
        sightings.append(Sighting(main, main.event_id, report_id, published, "Wire"))
    incident = fuse("inc-karrada", sightings)
    assert [(c.value, c.report_id) for c in incident.killed.history] == [(58, "d1"), (73, "d2"), (61, "d3")]
    revisions = [c for c in incident.contradictions if c.field == "killed" and c.kind == "downward_revision"]
    assert [[s.value for s in c.sides] for c in revisions] == [[73, 61]]
