"""Fuzzing settings: bounded in CI, longer on demand.

``EVENTDESK_FUZZ_EXAMPLES`` scales every fuzz test (default 1: the CI budget, ~1 minute in all);
``EVENTDESK_FUZZ_EXAMPLES=20 python -m pytest tests/fuzz --hypothesis-show-statistics`` is the long
run whose figures docs/reliability.md quotes. Inputs that once broke something are kept as
``@example``s or files in ``crashers/`` and run every time.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

SCALE = max(1, int(os.environ.get("EVENTDESK_FUZZ_EXAMPLES", "1")))

settings.register_profile(
    "fuzz",
    deadline=None,
    derandomize=os.environ.get("EVENTDESK_FUZZ_RANDOM") != "1",  # CI: the same inputs every run
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    database=None,
)


def examples(n: int) -> settings:
    """Settings for a fuzz test that tries ``n`` inputs at scale 1."""
    return settings(settings.get_profile("fuzz"), max_examples=n * SCALE)
