from __future__ import annotations

import pytest

from eventdesk.geo import Gazetteer


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer.default()
