"""The store interface, its records, and the one place where store backends are registered.

``open_store(target)`` picks the backend from the target: a file path or ``duckdb:///path`` opens
the embedded DuckDB database, ``postgresql://...`` (or ``postgres://``) a PostgreSQL server. Both
backends run the same SQL core (:class:`eventdesk.store.sql.SqlStore`), so they give the same
answers; each adds only its connection, bulk loading and locking.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from eventdesk.errors import StoreError
from eventdesk.records import ReportResult
from eventdesk.store.incident import Incident

if TYPE_CHECKING:
    from eventdesk.store.reextract import Extractor, ReextractSummary

DEFAULT_DB = "eventdesk.duckdb"


@dataclass(frozen=True, slots=True)
class IncidentQuery:
    """Filters for ``incidents list/export`` (all optional, combined with AND)."""

    since: str | None = None  # fused date on or after (YYYY-MM-DD)
    until: str | None = None  # fused date on or before
    country: str | None = None  # ISO 3166 alpha-2 code
    type: str | None = None  # type code, e.g. "bombing"
    min_killed: int | None = None  # fused best (else low) killed at least
    text: str | None = None  # every word somewhere in titles, places or perpetrators (any case, literal)
    limit: int | None = None  # 1 or more


@dataclass(frozen=True, slots=True)
class IncidentSummary:
    incident_id: str
    date: str | None
    type: str | None
    country: str | None
    place: str | None
    killed: tuple[int | None, int | None, int | None]
    injured_best: int | None
    n_reports: int
    n_contradictions: int
    title: str | None


@dataclass(frozen=True, slots=True)
class AuditEntry:
    audit_id: int
    at: str
    who: str
    action: str
    incident_ids: tuple[str, ...]
    detail: dict[str, Any]
    why: str | None


@dataclass(slots=True)
class BatchSummary:
    """What one ``add_results`` call did."""

    received: int = 0
    stored: int = 0
    duplicates: int = 0
    errors: int = 0  # stored reports whose extraction failed
    events: int = 0
    incidents: set[str] = field(default_factory=set)  # incidents created or updated

    def add(self, other: BatchSummary) -> None:
        self.received += other.received
        self.stored += other.stored
        self.duplicates += other.duplicates
        self.errors += other.errors
        self.events += other.events
        self.incidents |= other.incidents


class Store(Protocol):
    """What every backend offers. Writes are transactional: each call commits or changes nothing."""

    url: str

    def known(self, hashes: Sequence[str], urls: Sequence[str]) -> set[str]:
        """The given content hashes and URLs that are already stored."""
        ...

    def add_results(self, results: Sequence[ReportResult]) -> BatchSummary:
        """Store reports with their events, link the events to incidents and re-fuse those
        incidents, in one transaction. Reports already stored (same text or URL) are skipped."""
        ...

    def list_incidents(self, query: IncidentQuery) -> list[IncidentSummary]: ...

    def iter_incidents(self, query: IncidentQuery) -> Iterator[Incident]: ...

    def get_incident(self, incident_id: str) -> Incident:
        """Raises :class:`StoreError` (code ``not_found``) for an unknown id, and
        :class:`~eventdesk.store.corrections.IncidentMerged` (code ``merged``: ``into``, ``entry``)
        for an id that a merge absorbed."""
        ...

    def merge(self, incident_ids: Sequence[str], *, who: str, why: str) -> str:
        """Merge incidents into the first one given; returns its id."""
        ...

    def split(
        self,
        incident_id: str,
        *,
        report_ids: Sequence[str] = (),
        event_ids: Sequence[str] = (),
        who: str,
        why: str,
    ) -> str:
        """Move the events of the given reports (or the given events) to a new incident; returns its id."""
        ...

    def rebuild(self, *, who: str, why: str) -> int:
        """Resolve every stored event again, keep incident ids where the incidents are the same,
        re-apply every recorded merge and split; returns the number of incidents."""
        ...

    def reextract(
        self,
        *,
        who: str,
        why: str | None = None,
        workers: int = 1,
        batch_size: int = 200,
        extract: Extractor | None = None,
        on_batch: Callable[[ReextractSummary, int], None] | None = None,
    ) -> ReextractSummary:
        """Extract every stored report again, replace its events batch by batch (resumable), then
        rebuild the incidents with every correction re-applied (:mod:`eventdesk.store.reextract`)."""
        ...

    def audit_log(self, incident_id: str | None = None) -> list[AuditEntry]: ...

    def record(
        self,
        action: str,
        *,
        who: str,
        why: str | None,
        detail: dict[str, Any],
        incident_ids: Sequence[str] = (),
    ) -> int:
        """Append an entry to the audit log (e.g. one per ingest run)."""
        ...

    def stats(self) -> dict[str, int]: ...

    def close(self) -> None: ...


# scheme -> (module, factory). The one place where store backends are registered.
BACKENDS: dict[str, tuple[str, str]] = {
    "duckdb": ("eventdesk.store.duckdb_store", "open_duckdb"),
    "postgresql": ("eventdesk.store.postgres_store", "open_postgres"),
    "postgres": ("eventdesk.store.postgres_store", "open_postgres"),
}


def backend_of(target: str) -> tuple[str, str]:
    """(scheme, location) of a store target: a path means DuckDB."""
    scheme, sep, rest = target.partition("://")
    if not sep or len(scheme) == 1:  # a plain path (or a Windows drive letter)
        return "duckdb", target
    if scheme == "duckdb":
        return "duckdb", rest  # duckdb:///abs/path or duckdb://relative/path
    return scheme, target


def open_store(target: str | None = None, *, create: bool = True) -> Store:
    """Open the store at ``target`` (default ``./eventdesk.duckdb``), creating it if ``create``.

    With ``create=False`` (what read commands use) a store that does not exist yet raises
    :class:`StoreError` with code ``no_store`` instead of leaving an empty one (and its folders)
    behind. A DuckDB file that another process holds raises code ``locked``.
    """
    scheme, location = backend_of(target or DEFAULT_DB)
    if scheme not in BACKENDS:
        raise StoreError(f"unknown store {target!r}: use a file path, duckdb:///path or postgresql://...")
    module_name, factory = BACKENDS[scheme]
    opener = getattr(importlib.import_module(module_name), factory)
    store: Store = opener(location, create=create)
    return store
