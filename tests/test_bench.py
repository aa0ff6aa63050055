"""The bench corpus: long reports joined from the bundled samples; the CLI prints words per report."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from eventdesk.bench import join_samples, load_corpus
from eventdesk.cli import main
from eventdesk.errors import InputError
from eventdesk.extractor.pipeline import prepare
from eventdesk.io.readers import ReadFailure, read_inputs
from eventdesk.records import Report
from eventdesk.resources import samples_dir


def _samples() -> list[Report]:
    return [r for r in read_inputs([str(samples_dir() / "reports.jsonl")]) if not isinstance(r, ReadFailure)]


def _english(report: Report) -> bool:
    try:
        prepare(report)
    except InputError:
        return False
    return True


def test_bench_corpus_reaches_the_word_target_with_sample_paragraphs() -> None:
    samples = _samples()
    paragraphs = {p.strip() for r in samples if _english(r) for p in r.text.split("\n\n") if p.strip()}
    longest = max(len(p.split()) for p in paragraphs)
    corpus = load_corpus(None, target=40, words=800)
    assert len(corpus) == 40
    assert len({r.id for r in corpus}) == 40
    for report in corpus:
        n = len(report.text.split())
        assert 800 <= n < 800 + longest
        assert all(p in paragraphs for p in report.text.split("\n\n"))
    assert all(_english(r) for r in corpus)  # the Spanish sample never joins a bench report


def test_bench_corpus_starts_each_report_with_a_different_sample() -> None:
    samples = [r for r in _samples() if _english(r)]
    corpus = join_samples(samples, target=len(samples) + 1, words=600)
    for i, report in enumerate(corpus):
        first = samples[i % len(samples)]
        assert report.text.startswith(first.text.split("\n\n")[0])
        assert (report.title, report.published) == (first.title, first.published)
        assert report.id == f"{first.id}-{i}"


def test_bench_corpus_words_zero_repeats_the_samples() -> None:
    samples = _samples()
    corpus = load_corpus(None, target=len(samples) + 2, words=0)
    assert [r.text for r in corpus] == [r.text for r in samples] + [samples[0].text, samples[1].text]


def test_bench_corpus_file_is_used_as_is(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Gunmen killed two people."}) + "\n", encoding="utf-8")
    assert [r.text for r in load_corpus(path, target=50, words=800)] == ["Gunmen killed two people."]


def test_bench_cli_reports_words_per_report() -> None:
    result = CliRunner().invoke(main, ["bench", "--reports", "2", "--words", "120", "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["reports"] == 2 and out["errors"] == 0
    assert out["words_per_report"] >= 120
    assert out["words"] == round(out["words_per_report"] * 2)
    assert out["cpu_seconds"] > 0 and out["spacy_cpu_seconds"] > 0


def test_bench_cli_refuses_sizes_it_cannot_build() -> None:
    # a negative corpus, or reports longer than the extractor's length limit (10,000 words < 100,000 chars)
    for args in (["--reports", "-1"], ["--reports", "0"], ["--words", "20000"]):
        result = CliRunner().invoke(main, ["bench", *args])
        assert result.exit_code == 2, (args, result.output)
