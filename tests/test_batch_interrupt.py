"""Ctrl-C or a killed parent during ``extract --workers 2``: no tracebacks, no worker left behind
(defect 11 of issue 19)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

STORY = ("A car bomb exploded outside a government office in the city on Thursday, killing {n} people and "
         "wounding dozens more, officials said.")


@pytest.mark.parametrize("how", ["sigint_to_group", "sigkill_to_parent"])
def test_batch_workers_end_with_their_parent(tmp_path: Path, how: str) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("".join(json.dumps({"id": f"r{n}", "text": STORY.format(n=n % 40 + 2), "published": "2024-05-06"})
                           + "\n" for n in range(3000)))
    proc = subprocess.Popen(
        [sys.executable, "-m", "eventdesk", "extract", str(src), "-o", str(out), "--workers", "2",
         "--batch-size", "4", "--quiet"],
        stderr=subprocess.PIPE, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 300
        while not any(p.stat().st_size > 0 for p in tmp_path.glob(".out.jsonl.*.part")):  # written as it goes
            assert proc.poll() is None and time.monotonic() < deadline, "extract ended or never wrote"
            time.sleep(0.1)
        workers = psutil.Process(proc.pid).children(recursive=True)
        assert len(workers) >= 2
        if how == "sigint_to_group":  # what a terminal does on Ctrl-C
            os.killpg(proc.pid, signal.SIGINT)
        else:
            proc.kill()
        _, err = proc.communicate(timeout=120)  # stderr closes only when every worker is gone
    finally:
        if proc.poll() is None:
            proc.kill()
    stderr = err.decode()
    assert "Traceback" not in stderr, stderr
    if how == "sigint_to_group":
        assert proc.returncode == 130 and stderr.strip().splitlines()[-1] == "interrupted", stderr
    _, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive
    assert not out.exists()  # an interrupted run leaves no half-written output
