"""An event a report only recalls (role ``background``) is no new row of a coded dataset: the coded
formats leave it out and count it; the flat formats keep it with its role."""

from __future__ import annotations

import io

import pytest
from export_builders import day, exact, make_event, make_result

from eventdesk.export.registry import FORMATS
from eventdesk.export.rows import BACKGROUND

RECALLED = make_result(
    "r1",
    make_event("r1-e0", code="bombing", killed=exact(4)),
    make_event("r1-e1", role="background", code="bombing", date=day("2019-05-02"), killed=exact(30)),
)


@pytest.mark.parametrize("fmt", ["gtd", "acled", "ucdp", "plover"])
def test_export_background_events_left_out_of_coded_formats(fmt: str) -> None:
    out = io.StringIO()
    count = FORMATS[fmt].results()([RECALLED], out)
    assert count.written == 1 and count.left_out == {BACKGROUND: 1}
    assert "r1-e1" not in out.getvalue() and "r1-e0" in out.getvalue()


@pytest.mark.parametrize("fmt", ["csv", "geojson"])
def test_export_background_events_kept_in_flat_formats(fmt: str) -> None:
    out = io.StringIO()
    count = FORMATS[fmt].results()([RECALLED], out)
    assert count.written == 2 and not count.left_out
    assert "background" in out.getvalue()
