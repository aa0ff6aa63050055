"""A report spaCy cannot take never costs the batch its other reports (defect 1 of issue 19)."""

from __future__ import annotations

import pytest

import eventdesk
from eventdesk.batch import process_chunk
from eventdesk.io.validate import MAX_CHARS
from eventdesk.nlp.model import load_nlp
from eventdesk.records import Report

STORY = ("A roadside bomb struck a police patrol near the market in Kandahar on Sunday, killing four officers "
         "and wounding six others, a provincial spokesman said.")


def _story(rid: str) -> Report:
    return Report(text=STORY, id=rid, published="2024-03-04")


def test_batch_report_over_the_limit_gets_too_large_and_the_batch_goes_on() -> None:
    long_text = ("Police said the investigation into the shooting was continuing. " * 20_000)[:1_200_000]
    reports = [_story("first"), Report(text=long_text, id="long", published="2024-03-04"), _story("last")]
    results = list(eventdesk.extract_many(reports))
    assert [r.id for r in results] == ["first", "long", "last"]
    assert results[1].error is not None and results[1].error.code == "too_large"
    assert "100,000" in results[1].error.message
    assert results[0].events and results[2].events
    assert results[0].error is None and results[2].error is None


def test_batch_nlp_max_length_is_the_report_limit() -> None:
    assert load_nlp().max_length == MAX_CHARS


def test_batch_chunk_survives_a_document_spacy_refuses(monkeypatch: pytest.MonkeyPatch) -> None:
    # spaCy refusing one document inside nlp.pipe (here E088, with a lowered max_length) must cost
    # only that document: the chunk is redone one document at a time
    monkeypatch.setattr(load_nlp(), "max_length", 1_000)
    middle = Report(text=" ".join([STORY] * 12), id="middle", published="2024-03-04")
    items: list[Report] = [_story("a"), _story("b"), middle, _story("c")]
    results = process_chunk(list(items))
    assert [r.id for r in results] == ["a", "b", "middle", "c"]
    assert results[2].error is not None and results[2].error.code == "extraction_failed"
    assert "E088" in results[2].error.message
    assert all(r.events and r.error is None for r in (results[0], results[1], results[3]))
