"""Make ``eventdesk`` (from a source checkout not yet pip-installed) and ``golden_compare`` importable."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

if importlib.util.find_spec("eventdesk") is None:  # pragma: no cover - depends on the environment
    sys.path.insert(0, str(HERE.parents[1] / "src"))
if str(HERE) not in sys.path:  # whatever pytest's import mode, the helper beside the tests is found
    sys.path.insert(0, str(HERE))
