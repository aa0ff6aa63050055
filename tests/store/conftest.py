"""Store fixtures: a fresh store on each backend; PostgreSQL from scripts/start_postgres.sh.

The PostgreSQL tests skip when no server binaries are installed, unless EVENTDESK_REQUIRE_POSTGRES=1
(as .ci/run sets), where a missing server is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from store_builders import fresh_database

from eventdesk.store.base import Store, open_store

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "start_postgres.sh"


def _have_postgres() -> bool:
    if os.environ.get("PG_BIN"):
        return Path(os.environ["PG_BIN"], "initdb").exists()
    return any(Path("/usr/lib/postgresql").glob("*/bin/initdb"))


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """DSN of a throwaway server for the whole session (or EVENTDESK_TEST_POSTGRES if set)."""
    given = os.environ.get("EVENTDESK_TEST_POSTGRES")
    if given:
        yield given
        return
    if not _have_postgres() or shutil.which("bash") is None:
        if os.environ.get("EVENTDESK_REQUIRE_POSTGRES") == "1":
            pytest.fail("EVENTDESK_REQUIRE_POSTGRES=1 but no PostgreSQL binaries (apt-get install postgresql)")
        pytest.skip("no PostgreSQL binaries (apt-get install postgresql)")
    cluster = Path(tempfile.mkdtemp(prefix="eventdesk-pg-", dir="/tmp"))
    cluster.rmdir()
    proc = subprocess.run(["bash", str(SCRIPT), "--dir", str(cluster)], capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        pytest.fail(f"start_postgres.sh failed: {proc.stderr}")
    try:
        yield proc.stdout.strip().splitlines()[-1]
    finally:
        subprocess.run(["bash", str(SCRIPT), "--stop", str(cluster)], capture_output=True, timeout=120)


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty store location on each backend."""
    if request.param == "duckdb":
        return str(tmp_path / "store.duckdb")
    return fresh_database(request.getfixturevalue("postgres_server"))


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    s = open_store(store_url)
    try:
        yield s
    finally:
        s.close()
