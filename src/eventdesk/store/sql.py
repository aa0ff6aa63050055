"""The SQL core shared by the DuckDB and PostgreSQL stores.

A backend supplies a :class:`Backend` (connection, parameter style, bulk loading, locking); this
module holds every statement and the write paths: storing a batch, linking its events to incidents
(:mod:`eventdesk.store.resolve`) and re-fusing the incidents it touched (:mod:`eventdesk.store.fuse`),
all inside one transaction. Corrections (merge, split, rebuild) live in
:mod:`eventdesk.store.corrections`.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol

from eventdesk.errors import StoreError
from eventdesk.records import Report, ReportResult, event_from_dict, event_to_dict
from eventdesk.store.base import AuditEntry, BatchSummary, IncidentQuery, IncidentSummary
from eventdesk.store.features import Mention, blocking_keys, build_mention
from eventdesk.store.fuse import fuse
from eventdesk.store.incident import Incident, Sighting, incident_from_dict, incident_to_dict
from eventdesk.store.resolve import DEFAULT_CONFIG, ResolveConfig
from eventdesk.store.schema import SCHEMA_VERSION, columns

if TYPE_CHECKING:
    from eventdesk.store.reextract import Extractor, ReextractSummary

Row = tuple[Any, ...]
MAX_STORED_CHARS = 4_000_000  # longer texts (refused by extraction anyway) are not kept


class Backend(Protocol):
    """What a database must offer the SQL core. SQL is written with ``?`` placeholders."""

    url: str

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None: ...

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]: ...

    def insert_rows(self, table: str, cols: Sequence[str], rows: Sequence[Row]) -> None: ...

    def in_list(self, column: str) -> str:
        """SQL testing ``column`` against one list parameter (``?``)."""
        ...

    def transaction(self) -> AbstractContextManager[None]:
        """Begin; commit on success, roll back on error; takes the writer lock where there is one.
        Nested calls join the open transaction."""
        ...

    def close(self) -> None: ...


class NestedTransactions:
    """``transaction()`` for a backend whose connection runs in autocommit mode: the outermost call
    begins (``BEGIN_SQL``, then :meth:`on_begin`, e.g. a writer lock) and commits, or rolls back on
    any error; nested calls join the open transaction."""

    BEGIN_SQL = "BEGIN"
    _depth = 0
    con: Any

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        raise NotImplementedError

    def on_begin(self) -> None:
        """Run first inside every outermost transaction."""

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.execute(self.BEGIN_SQL)
        self._depth = 1
        try:
            self.on_begin()
            yield
        except BaseException:
            self._depth = 0
            self.con.execute("ROLLBACK")
            raise
        self._depth = 0
        self.execute("COMMIT")


def content_hash(report: Report) -> str:
    return hashlib.sha1(report.text.encode("utf-8", "surrogatepass")).hexdigest()


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _like_literal(word: str) -> str:
    """``word`` for a LIKE pattern with ``ESCAPE '\\'``: its ``%``, ``_`` and ``\\`` match themselves."""
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _chunks(items: Sequence[Any], size: int = 2000) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class SqlStore:
    """The store (see :class:`eventdesk.store.base.Store`) over any :class:`Backend`."""

    def __init__(self, db: Backend, *, config: ResolveConfig = DEFAULT_CONFIG) -> None:
        self.db = db
        self.url = db.url
        self.config = config
        self._lock = threading.RLock()
        self._check_version()

    # -- plumbing -----------------------------------------------------------------------------
    def _check_version(self) -> None:
        rows = self.db.query("SELECT value FROM meta WHERE key = 'schema_version'")
        if not rows:
            with self.db.transaction():
                self.db.insert_rows("meta", ("key", "value"), [("schema_version", SCHEMA_VERSION)])
        elif rows[0][0] != SCHEMA_VERSION:
            raise StoreError(f"{self.url}: schema version {rows[0][0]}, this eventdesk needs {SCHEMA_VERSION}")

    def _in(self, sql: str, column: str, values: Iterable[Any], extra: Sequence[Any] = ()) -> list[Row]:
        """Run ``sql`` (with ``{in}`` where ``column IN values`` goes) in chunks of values."""
        out: list[Row] = []
        for chunk in _chunks(sorted(set(values))):
            out += self.db.query(sql.format(**{"in": self.db.in_list(column)}), [list(chunk), *extra])
        return out

    def close(self) -> None:
        self.db.close()

    # -- reports and batches ------------------------------------------------------------------
    def known(self, hashes: Sequence[str], urls: Sequence[str]) -> set[str]:
        with self._lock:
            found = {r[0] for r in self._in("SELECT report_hash FROM reports WHERE {in}", "report_hash", hashes)}
            urls = [u for u in urls if u]
            found |= {r[0] for r in self._in("SELECT url FROM reports WHERE {in}", "url", urls)}
            return found

    def add_results(self, results: Sequence[ReportResult]) -> BatchSummary:
        summary = BatchSummary(received=len(results))
        with self._lock, self.db.transaction():
            fresh = self._fresh(results, summary)
            if not fresh:
                return summary
            batch_no = (self.db.query("SELECT COALESCE(MAX(batch_no), 0) + 1 FROM reports")[0][0]) or 1
            mentions = self._insert(fresh, batch_no, summary)
            assigned = self._resolve(mentions)
            self.db.insert_rows("incident_events", ("event_key", "incident_id"), sorted(assigned.items()))
            summary.incidents = set(assigned.values())
            self.refuse(summary.incidents)
        return summary

    def _fresh(self, results: Sequence[ReportResult], summary: BatchSummary) -> list[tuple[ReportResult, str]]:
        with_hash = [(r, content_hash(r.report or Report(text=r.id, id=r.id))) for r in results]
        existing = self.known(
            [h for _, h in with_hash], [r.report.url for r, _ in with_hash if r.report and r.report.url]
        )
        fresh = []
        for result, digest in with_hash:
            url = result.report.url if result.report else None
            if digest in existing or (url and url in existing):
                summary.duplicates += 1
                continue
            existing.add(digest)
            if url:
                existing.add(url)
            fresh.append((result, digest))
        return fresh

    def _insert(self, fresh: list[tuple[ReportResult, str]], batch_no: int, summary: BatchSummary) -> list[Mention]:
        stamp = now()
        taken = self._taken([e.event_id for r, _ in fresh for e in r.events])
        reports, events, blocks, mentions = [], [], [], []
        for result, digest in fresh:
            reports.append(self._report_row(result, digest, stamp, batch_no))
            summary.stored += 1
            summary.errors += result.error is not None
            rows, keys, found = self._event_rows(result, digest, taken)
            events += rows
            blocks += keys
            mentions += found
        self.db.insert_rows("reports", columns("reports"), reports)
        self.db.insert_rows("events", columns("events"), events)
        self.db.insert_rows("blocks", ("block", "event_key"), blocks)
        summary.events += len(events)
        return mentions

    def _taken(self, event_ids: Sequence[str]) -> set[str]:
        """The given event ids already used as event keys."""
        return {r[0] for r in self._in("SELECT event_key FROM events WHERE {in}", "event_key", event_ids)}

    @staticmethod
    def _report_row(result: ReportResult, digest: str, stamp: str, batch_no: int) -> Row:
        report = result.report or Report(text="", id=result.id)
        err = result.error
        return (
            digest,
            result.id,
            report.url,
            report.title,
            report.published,
            report.source,
            report.text if len(report.text) <= MAX_STORED_CHARS else None,
            json.dumps(list(result.warnings)),
            err.code if err else None,
            err.message if err else None,
            len(result.events),
            stamp,
            batch_no,
        )

    @staticmethod
    def _event_rows(
        result: ReportResult, digest: str, taken: set[str]
    ) -> tuple[list[Row], list[tuple[str, str]], list[Mention]]:
        """The ``events`` and ``blocks`` rows and the mentions of one report's events; an event id
        already in ``taken`` gets the report's hash appended to make its key unique."""
        report = result.report or Report(text="", id=result.id)
        events: list[Row] = []
        blocks: list[tuple[str, str]] = []
        mentions: list[Mention] = []
        for seq, event in enumerate(result.events):
            key = event.event_id if event.event_id not in taken else f"{event.event_id}@{digest[:12]}"
            taken.add(key)
            m = build_mention(event, report, key=key, report_key=digest)
            mentions.append(m)
            loc = event.location
            killed = (
                event.killed.best
                if event.killed and event.killed.best is not None
                else (event.killed.low if event.killed else None)
            )
            injured = event.injured.best if event.injured else None
            events.append(
                (
                    key,
                    event.event_id,
                    digest,
                    result.id,
                    event.role,
                    seq,
                    event.type.code,
                    event.date.start,
                    m.lo,
                    m.hi,
                    loc.country_code,
                    loc.name,
                    loc.lat,
                    loc.lon,
                    killed,
                    injured,
                    report.published,
                    json.dumps(m.to_json()),
                    json.dumps(event_to_dict(event)),
                )
            )
            blocks += [(b, key) for b in blocking_keys(m)]
        return events, blocks, mentions

    # -- resolution ----------------------------------------------------------------------------
    def _resolve(self, mentions: Sequence[Mention], *, pinned: Iterable[str] | None = None) -> dict[str, str]:
        """Link new mentions (already in ``events``/``blocks``, not yet linked) to incidents, as a
        fresh resolution of the whole store would; stored mentions whose incident that changes are
        relinked and re-fused here (:mod:`eventdesk.store.linking`). Returns the new mentions' ids."""
        from eventdesk.store.linking import link_mentions

        return link_mentions(self, mentions, pinned=pinned)

    # -- fusion --------------------------------------------------------------------------------
    def sightings(self, incident_ids: Iterable[str]) -> dict[str, list[Sighting]]:
        rows = self._in(
            "SELECT ie.incident_id, e.event_key, e.payload, r.report_id, r.published, r.source, r.title, "
            "r.url, CASE WHEN e.role = 'main' THEN NULL ELSE r.text END "
            "FROM incident_events ie JOIN events e ON e.event_key = ie.event_key "
            "JOIN reports r ON r.report_hash = e.report_hash WHERE ie.{in}",
            "incident_id",
            incident_ids,
        )
        out: dict[str, list[Sighting]] = defaultdict(list)
        for incident_id, key, payload, report_id, published, source, title, url, text in rows:
            event = event_from_dict(json.loads(payload))
            out[incident_id].append(Sighting(event, key, report_id, published, source, title, url, text))
        return out

    def refuse(self, incident_ids: Iterable[str]) -> None:
        """Recompute the fused records of these incidents (dropping those left without events)."""
        ids = sorted(set(incident_ids))
        for chunk in _chunks(ids, 500):
            groups = self.sightings(chunk)
            self.db.execute(f"DELETE FROM incidents WHERE {self.db.in_list('incident_id')}", [list(chunk)])
            rows = [self._incident_row(fuse(i, groups[i])) for i in chunk if groups.get(i)]
            self.db.insert_rows("incidents", columns("incidents"), rows)

    @staticmethod
    def _incident_row(inc: Incident) -> Row:
        loc = inc.location
        words = [inc.title or "", loc.get("name") or "", loc.get("admin1") or "", loc.get("country") or ""]
        words += [p.name for p in inc.perpetrators]
        return (
            inc.incident_id,
            inc.type.get("code"),
            inc.date.get("start"),
            inc.date.get("end"),
            loc.get("country_code"),
            loc.get("name"),
            inc.killed.low,
            inc.killed.best,
            inc.killed.high,
            inc.injured.best,
            len(inc.reports),
            len(inc.contradictions),
            inc.title,
            inc.first_published,
            " | ".join(w for w in words if w).lower(),
            json.dumps(incident_to_dict(inc)),
            now(),
        )

    # -- reading -------------------------------------------------------------------------------
    @staticmethod
    def _where(q: IncidentQuery) -> tuple[str, list[Any]]:
        """WHERE ... ORDER BY ... LIMIT for a query, every value a parameter. ``text`` matches when
        each of its words occurs, literally (``%`` and ``_`` are not wildcards), somewhere in the
        lower-cased search text (titles, places, perpetrators)."""
        if q.limit is not None and q.limit < 1:
            raise StoreError(f"limit must be at least 1, not {q.limit}", code="bad_query")
        clauses, params = ["1 = 1"], []
        for sql, value in (
            ("date_start >= ?", q.since),
            ("date_start <= ?", f"{q.until}\uffff" if q.until else None),
            ("UPPER(country_code) = ?", q.country.upper() if q.country else None),
            ("type_code = ?", q.type),
            ("COALESCE(killed_best, killed_low) >= ?", q.min_killed),
            *((r"search_text LIKE ? ESCAPE '\'", f"%{_like_literal(w)}%") for w in (q.text or "").lower().split()),
        ):
            if value is not None:
                clauses.append(sql)
                params.append(value)
        where = " AND ".join(clauses) + " ORDER BY date_start DESC NULLS LAST, incident_id"
        if q.limit is not None:
            where += " LIMIT ?"
            params.append(q.limit)
        return where, params

    def list_incidents(self, query: IncidentQuery) -> list[IncidentSummary]:
        where, params = self._where(query)
        with self._lock:
            rows = self.db.query(
                "SELECT incident_id, date_start, type_code, country_code, place, killed_low, killed_best, "
                f"killed_high, injured_best, n_reports, n_contradictions, title FROM incidents WHERE {where}",
                params,
            )
        return [
            IncidentSummary(r[0], r[1], r[2], r[3], r[4], (r[5], r[6], r[7]), r[8], r[9], r[10], r[11]) for r in rows
        ]

    def iter_incidents(self, query: IncidentQuery) -> Iterator[Incident]:
        ids = [s.incident_id for s in self.list_incidents(query)]
        for chunk in _chunks(ids, 200):
            with self._lock:
                rows: dict[str, str] = dict(
                    self._in("SELECT incident_id, record FROM incidents WHERE {in}", "incident_id", chunk)
                )
            for incident_id in chunk:
                yield incident_from_dict(json.loads(rows[incident_id]))

    def get_incident(self, incident_id: str) -> Incident:
        """The incident record; an id a merge absorbed raises ``IncidentMerged`` (code ``merged``)
        naming the incident it lives on in and the merge, an unknown id code ``not_found``."""
        from eventdesk.store.corrections import IncidentMerged, absorbed_by

        target, first, entries = incident_id, None, None
        for _ in range(100):  # a chain of merges: B into A, later A into C
            with self._lock:
                rows = self.db.query("SELECT record FROM incidents WHERE incident_id = ?", [target])
            if rows and first is None:
                return incident_from_dict(json.loads(rows[0][0]))
            if rows and first is not None:
                raise IncidentMerged(incident_id, target, first)
            entries = self.audit_log() if entries is None else entries
            entry = absorbed_by(entries, target)
            if entry is None:
                break
            first, target = first or entry, str(entry.detail["into"])
        raise StoreError(f"no incident {incident_id!r} in {self.url}", code="not_found")

    def stats(self) -> dict[str, int]:
        with self._lock:
            return {
                t: int(self.db.query(f"SELECT COUNT(*) FROM {t}")[0][0])
                for t in ("reports", "events", "incidents", "audit_log")
            }

    # -- audit log -----------------------------------------------------------------------------
    def record(
        self,
        action: str,
        *,
        who: str,
        why: str | None,
        detail: dict[str, Any],
        incident_ids: Sequence[str] = (),
    ) -> int:
        """Append to the audit log (inside the caller's transaction, or in its own)."""
        with self._lock, self.db.transaction():
            audit_id = int(self.db.query("SELECT COALESCE(MAX(audit_id), 0) + 1 FROM audit_log")[0][0])
            row = (audit_id, now(), who, action, json.dumps(list(incident_ids)), json.dumps(detail), why)
            self.db.insert_rows("audit_log", columns("audit_log"), [row])
            return audit_id

    def audit_log(self, incident_id: str | None = None) -> list[AuditEntry]:
        with self._lock:
            rows = self.db.query("SELECT * FROM audit_log ORDER BY audit_id")
        out = [
            AuditEntry(int(r[0]), r[1], r[2], r[3], tuple(json.loads(r[4] or "[]")), json.loads(r[5] or "{}"), r[6])
            for r in rows
        ]
        if incident_id:
            out = [e for e in out if incident_id in e.incident_ids]
        return out

    # -- corrections (see corrections.py) -------------------------------------------------------
    def merge(self, incident_ids: Sequence[str], *, who: str, why: str) -> str:
        from eventdesk.store.corrections import merge

        with self._lock, self.db.transaction():
            return merge(self, incident_ids, who=who, why=why)

    def split(
        self,
        incident_id: str,
        *,
        report_ids: Sequence[str] = (),
        event_ids: Sequence[str] = (),
        who: str,
        why: str,
    ) -> str:
        from eventdesk.store.corrections import split

        with self._lock, self.db.transaction():
            return split(self, incident_id, report_ids=report_ids, event_ids=event_ids, who=who, why=why)

    def rebuild(self, *, who: str, why: str) -> int:
        from eventdesk.store.corrections import rebuild

        with self._lock, self.db.transaction():
            return rebuild(self, who=who, why=why)

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
        from eventdesk.store.reextract import reextract

        return reextract(
            self, who=who, why=why, workers=workers, batch_size=batch_size, extract=extract, on_batch=on_batch
        )
