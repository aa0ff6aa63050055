"""The extractor's version names its output: event ids and `reextract` depend on it, so it moves
whenever the output does (issue 19: datelines, hyphenated phrases and toll revisions changed it)."""

from __future__ import annotations

from eventdesk.extractor.pipeline import EXTRACTOR_VERSION


def test_pipeline_version_is_v2() -> None:
    assert EXTRACTOR_VERSION == "eventdesk.extractor.v2"
