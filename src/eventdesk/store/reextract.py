"""Re-extraction: run the current extractor again over every stored report, batch by batch.

After an upgrade of the rules or models, ``eventdesk reextract`` replaces each stored report's events
with what the extractor finds now, without the reports being read in again.

* **Transactional.** Each batch of reports gets its new events, linked to incidents and fused, in
  one transaction, which also moves the run's position (kept in ``meta``). A crash loses at most the
  batch being written, and running the command again resumes after the last committed batch (for
  the same extractor version; a different version starts over).
* **Corrections survive.** A merge or split names the events it moved. Each old event that a
  correction names is mapped to the new event of the same report with the same role and position
  (the main event to the main event, the k-th background event to the k-th); the mapping is
  written to the audit log (action ``reextract``, ``detail.renamed``), and :func:`reapply` follows
  it. An event with no counterpart any more is reported, and the correction skips it.
* **Nothing dropped.** A report the run cannot redo keeps the events it has: one stored without
  text (over the size limit, or ingested from output that did not carry it) and one whose
  extraction fails now. Each is counted and named in the summary (:class:`KeptReport`).
* **The same incidents as a fresh ingest.** At the end every event is resolved again from scratch
  (:func:`eventdesk.store.corrections.rebuild`): incident ids are kept where most of their events
  stayed, and every merge and split is re-applied.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from eventdesk.records import Report, ReportResult
from eventdesk.store.schema import columns

if TYPE_CHECKING:
    from eventdesk.store.sql import SqlStore

Extractor = Callable[[Iterable[Report]], Iterable[ReportResult]]
PROGRESS_KEY = "reextract"
_CORRECTIONS = ("merge", "split")


NAMED = 1000  # kept reports named in a summary (all are counted)


@dataclass(frozen=True, slots=True)
class KeptReport:
    """A stored report whose events were kept because it could not be extracted again."""

    id: str
    code: str  # "no_text", or the code of the error its extraction gives now
    message: str
    events: int  # the events it keeps

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "code": self.code, "message": self.message, "events": self.events}


@dataclass(slots=True)
class ReextractSummary:
    reports: int = 0  # reports extracted again (events replaced) in this run
    skipped: int = 0  # stored reports without text, their events kept
    events_before: int = 0  # in the reports this run saw, kept ones included
    events_after: int = 0
    errors: int = 0  # reports whose extraction failed now, their events kept
    kept_events: int = 0  # events of the skipped and failed reports, kept as they were
    kept: list[KeptReport] = field(default_factory=list)  # the first NAMED of them
    renamed: int = 0  # corrected events mapped to new event keys
    orphaned: int = 0  # corrected events with no counterpart now
    batches: int = 0
    resumed: bool = False
    incidents: int = 0  # after the final rebuild
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in self.__dataclass_fields__}
        out["kept"] = [k.as_dict() for k in self.kept]
        return out

    def keep(self, stored: StoredReport, code: str, message: str) -> None:
        """Count (and name) a report whose events stay as they are."""
        self.kept_events += stored.n_events
        self.events_before += stored.n_events
        self.events_after += stored.n_events
        if len(self.kept) < NAMED:
            kept = f"its {stored.n_events} events kept as they were" if stored.n_events else "it had no events"
            self.kept.append(KeptReport(stored.id, code, f"{message}; {kept}", stored.n_events))


def aliases(entries: Sequence[Any]) -> dict[str, str]:
    """Old event key -> its latest key, from the ``renamed`` maps of ``reextract`` audit entries."""
    out: dict[str, str] = {}
    for entry in entries:
        renamed: dict[str, str | None] = entry.detail.get("renamed") or {}
        if entry.action != PROGRESS_KEY or not renamed:
            continue
        for old, new_key in list(out.items()):
            if new_key in renamed:
                out[old] = renamed[new_key] or ""
        for old, new in renamed.items():
            out.setdefault(old, new or "")
    return out


def corrected_keys(entries: Sequence[Any]) -> set[str]:
    """The current keys of every event a merge or split names."""
    alias = aliases(entries)
    keys: set[str] = set()
    for entry in entries:
        if entry.action == "merge":
            keys |= {k for ks in entry.detail.get("events", {}).values() for k in ks}
        elif entry.action == "split":
            keys |= set(entry.detail.get("moved", ()))
    return {alias.get(k, k) for k in keys} - {""}


def _counterparts(old: Sequence[tuple[str, str, int]], new: Sequence[tuple[str, str, int]]) -> dict[str, str | None]:
    """Pair a report's old events with its new ones by role and position within the role."""
    by_role: dict[str, list[str]] = defaultdict(list)
    for key, role, _ in sorted(new, key=lambda r: r[2]):
        by_role[role].append(key)
    seen: dict[str, int] = defaultdict(int)
    out: dict[str, str | None] = {}
    for key, role, _ in sorted(old, key=lambda r: r[2]):
        i = seen[role]
        seen[role] += 1
        out[key] = by_role[role][i] if i < len(by_role[role]) else None
    return out


def replace_batch(
    store: SqlStore,
    batch: Sequence[tuple[str, ReportResult]],
    *,
    corrected: set[str],
    position: dict[str, Any],
    summary: ReextractSummary,
) -> None:
    """Give each (report hash, new result) its new events, linked and fused, in one transaction,
    and move the run's position to ``position``."""
    from eventdesk.store.sql import now

    db = store.db
    with store._lock, db.transaction():
        hashes = [h for h, _ in batch]
        old = store._in(
            "SELECT e.event_key, e.report_hash, e.role, e.seq, ie.incident_id FROM events e "
            "LEFT JOIN incident_events ie ON ie.event_key = e.event_key WHERE e.{in}",
            "report_hash",
            hashes,
        )
        old_keys = [r[0] for r in old]
        touched = {r[4] for r in old if r[4]}
        for table in ("incident_events", "blocks", "events"):
            for start in range(0, len(old_keys), 2000):
                chunk = old_keys[start : start + 2000]
                db.execute(f"DELETE FROM {table} WHERE {db.in_list('event_key')}", [chunk])
        taken = store._taken([e.event_id for _, r in batch for e in r.events])
        events: list[Any] = []
        blocks: list[Any] = []
        mentions = []
        new_rows: list[tuple[str, str, str, int]] = []
        for digest, result in batch:
            err = result.error
            db.execute(
                "UPDATE reports SET warnings = ?, error_code = ?, error_message = ?, n_events = ? WHERE report_hash = ?",
                [json.dumps(list(result.warnings)), err.code if err else None, err.message if err else None,
                 len(result.events), digest],
            )
            rows, keys, found = store._event_rows(result, digest, taken)
            events += rows
            blocks += keys
            mentions += found
            new_rows += [(row[0], digest, row[4], row[5]) for row in rows]
        db.insert_rows("events", columns("events"), events)
        db.insert_rows("blocks", ("block", "event_key"), blocks)
        assigned = store._resolve(mentions)
        db.insert_rows("incident_events", ("event_key", "incident_id"), sorted(assigned.items()))
        store.refuse(touched | set(assigned.values()))
        renamed = _renames(old, new_rows, corrected)
        summary.events_before += len(old_keys)
        summary.events_after += len(events)
        summary.renamed += sum(1 for v in renamed.values() if v)
        summary.orphaned += sum(1 for v in renamed.values() if not v)
        if renamed:
            store.record(PROGRESS_KEY, who=position["who"], why=position.get("why"), detail={"renamed": renamed})
        db.execute("DELETE FROM meta WHERE key = ?", [PROGRESS_KEY])
        db.insert_rows("meta", ("key", "value"), [(PROGRESS_KEY, json.dumps({**position, "at": now()}))])



def _renames(
    old: Sequence[tuple[Any, ...]], new: Sequence[tuple[str, str, str, int]], corrected: set[str]
) -> dict[str, str | None]:
    """Old key -> new key (None: no counterpart) for the corrected events among ``old``."""
    wanted = {r[1] for r in old if r[0] in corrected}
    out: dict[str, str | None] = {}
    for digest in wanted:
        pairs = _counterparts(
            [(r[0], r[2], r[3]) for r in old if r[1] == digest], [(k, role, seq) for k, d, role, seq in new if d == digest]
        )
        out.update({k: v for k, v in pairs.items() if k in corrected and v != k})
    return out


@dataclass(frozen=True, slots=True)
class StoredReport:
    batch_no: int
    digest: str  # the report hash
    id: str
    n_events: int
    report: Report | None  # None where no text was kept (or the text is empty)


def stored_reports(store: SqlStore, after: tuple[int, str] | None, page: int = 500) -> Iterator[StoredReport]:
    """Every stored report in storage order, after ``after`` (batch_no, report hash)."""
    last = after or (-1, "")
    while True:
        with store._lock:
            rows = store.db.query(
                "SELECT batch_no, report_hash, report_id, url, title, published, source, text, n_events FROM reports "
                "WHERE batch_no > ? OR (batch_no = ? AND report_hash > ?) ORDER BY batch_no, report_hash LIMIT ?",
                [last[0], last[0], last[1], page],
            )
        if not rows:
            return
        for batch_no, digest, rid, url, title, published, source, text, n_events in rows:
            report = None if not text or text.isspace() else Report(
                text=text, id=rid, title=title, published=published, url=url, source=source
            )
            yield StoredReport(int(batch_no), digest, rid, int(n_events or 0), report)
        last = (int(rows[-1][0]), rows[-1][1])


def reextract(
    store: SqlStore,
    *,
    who: str,
    why: str | None = None,
    workers: int = 1,
    batch_size: int = 200,
    extract: Extractor | None = None,
    on_batch: Callable[[ReextractSummary, int], None] | None = None,
) -> ReextractSummary:
    """Extract every stored report again and replace its events (see the module docstring)."""
    from eventdesk.extractor.pipeline import EXTRACTOR_VERSION
    from eventdesk.store.corrections import rebuild
    from eventdesk.store.ingest import default_extractor

    started = time.perf_counter()
    summary = ReextractSummary()
    with store._lock:
        rows = store.db.query("SELECT value FROM meta WHERE key = ?", [PROGRESS_KEY])
    state = json.loads(rows[0][0]) if rows else None
    after = None
    if state and state.get("version") == EXTRACTOR_VERSION and state.get("after"):
        after = (int(state["after"][0]), str(state["after"][1]))
        summary.resumed = True
    corrected = corrected_keys(store.audit_log())
    pending: deque[StoredReport] = deque()

    def reports() -> Iterator[Report]:
        for stored in stored_reports(store, after):
            if stored.report is None:
                summary.skipped += 1
                summary.keep(stored, "no_text", "the store holds no text to extract it from")
                continue
            pending.append(stored)
            yield stored.report

    run = extract or default_extractor(workers)
    batch: list[tuple[str, ReportResult]] = []
    last: tuple[int, str] | None = None

    def flush() -> None:
        position = {"version": EXTRACTOR_VERSION, "after": list(last) if last else None, "who": who, "why": why}
        replace_batch(store, batch, corrected=corrected, position=position, summary=summary)
        summary.reports += len(batch)
        summary.batches += 1
        if on_batch:
            on_batch(summary, len(batch))
        batch.clear()

    for result in run(reports()):
        stored = pending.popleft()
        last = (stored.batch_no, stored.digest)
        if result.error is not None:  # keep what it has rather than replace it with nothing
            summary.errors += 1
            summary.keep(stored, result.error.code, result.error.message)
            continue
        batch.append((stored.digest, result))
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    with store._lock, store.db.transaction():
        summary.incidents = rebuild(store, who=who, why=why or "re-extraction")
        store.db.execute("DELETE FROM meta WHERE key = ?", [PROGRESS_KEY])
        detail = {k: v for k, v in summary.as_dict().items() if k != "seconds"}
        detail["kept"] = detail["kept"][:20]
        store.record(PROGRESS_KEY, who=who, why=why, detail={"version": EXTRACTOR_VERSION, **detail})
    summary.seconds = round(time.perf_counter() - started, 2)
    return summary

