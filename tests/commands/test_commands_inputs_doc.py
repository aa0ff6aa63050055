"""docs/inputs.md cannot drift: every example runs as written (its inputs all read, no error line),
and every input option and format suffix is documented (issue 17)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from eventdesk.commands.extract_cmd import extract
from eventdesk.io.readers import FEED_SUFFIXES, HTML_SUFFIXES, JSONL_SUFFIXES, TABLE_SUFFIXES, TEXT_SUFFIXES

DOC = Path(__file__).resolve().parents[2] / "docs" / "inputs.md"
# the `ingest` example extracts for real (a model load); its options are tested in test_commands_input_options
BLOCKS = [b for b in re.findall(r"```sh\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S) if "eventdesk extract" in b]

# `eventdesk` for the examples: the real CLI and readers, the extraction replaced by a stub (the
# examples check that the inputs are read, not what is extracted), so no model is loaded
STUB = f"""#!{sys.executable}
import sys
from unittest import mock
from eventdesk.records import ReportError, ReportResult
from eventdesk.io.readers import ReadFailure

def run_batch(items, **_):
    for item in items:
        error = ReportError(item.error.code, item.error.message) if isinstance(item, ReadFailure) else None
        yield ReportResult(item.id, error=error, report=None if error else item)

with mock.patch("eventdesk.commands.extract_cmd.run_batch", run_batch):
    from eventdesk.cli import main
    sys.exit(main())
"""


@pytest.mark.parametrize("block", BLOCKS, ids=[f"example{i}" for i in range(len(BLOCKS))])
def test_commands_inputs_doc_example_runs(tmp_path: Path, block: str) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "eventdesk").write_text(STUB)
    (bin_dir / "eventdesk").chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    work = tmp_path / "work"
    work.mkdir()
    done = subprocess.run(["bash", "-euo", "pipefail", "-c", block], cwd=work, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    [line] = (work / "events.jsonl").read_text().splitlines()
    assert json.loads(line).get("error") is None, line


def test_commands_inputs_doc_names_every_option_and_suffix() -> None:
    doc = DOC.read_text(encoding="utf-8")
    options = [o for p in extract.params for o in p.opts if o in {"--include", "--exclude"} or o.endswith("-column")]
    assert len(options) == 7
    for name in [*options, ".jsonl.gz", ".warc", ".warc.gz"]:
        assert f"`{name}`" in doc, f"docs/inputs.md does not mention {name}"
    for suffix in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES | TABLE_SUFFIXES:
        assert f"`{suffix}`" in doc, f"docs/inputs.md does not mention {suffix}"
    for name in (".jsonl.gz", ".rss", ".atom", ".warc.gz", "CSV", "--include", "--text-column", "docs/inputs.md"):
        assert name in (extract.help or ""), f"`eventdesk extract --help` does not mention {name}"
