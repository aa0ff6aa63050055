"""Corrections by people: merge, split, and rebuild with every correction re-applied.

Each correction is one audit-log entry (who, when, what, why) whose ``detail`` names the events it
moved, so :func:`reapply` can redo it after the incidents are resolved again from scratch: the
audit log is the list of overrides. The functions run inside the caller's transaction.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from eventdesk.errors import StoreError
from eventdesk.store.base import AuditEntry
from eventdesk.store.features import Mention
from eventdesk.store.linking import PUBLISHED_DAY
from eventdesk.store.reextract import aliases
from eventdesk.store.resolve import incident_id_for

if TYPE_CHECKING:
    from eventdesk.store.sql import SqlStore


def _reason(why: str | None) -> str:
    """The stated reason of a correction: required, and not blank."""
    if why is None or not why.strip():
        raise StoreError("a merge or split needs a reason (--why): the audit log keeps it", code="bad_request")
    return why.strip()


def merge(store: SqlStore, incident_ids: Sequence[str], *, who: str, why: str) -> str:
    why = _reason(why)
    ids = list(dict.fromkeys(incident_ids))
    if len(ids) < 2:
        raise StoreError("merge needs two or more different incidents", code="bad_request")
    members = store._in("SELECT event_key, incident_id FROM incident_events WHERE {in}", "incident_id", ids)
    missing = [i for i in ids if i not in {inc for _, inc in members}]
    if missing:
        raise StoreError(f"no incident {', '.join(missing)} in {store.url}", code="not_found")
    target, others = ids[0], ids[1:]
    events = {i: sorted(k for k, inc in members if inc == i) for i in ids}
    store.db.execute(
        f"UPDATE incident_events SET incident_id = ? WHERE {store.db.in_list('incident_id')}",
        [target, others],
    )
    store.refuse(ids)
    detail = {"into": target, "merged": others, "events": events}
    store.record("merge", who=who, why=why, detail=detail, incident_ids=ids)
    return target


def split(
    store: SqlStore,
    incident_id: str,
    *,
    report_ids: Sequence[str] = (),
    event_ids: Sequence[str] = (),
    who: str,
    why: str,
) -> str:
    rows = store.db.query(
        "SELECT ie.event_key, e.event_id, e.report_id FROM incident_events ie "
        "JOIN events e ON e.event_key = ie.event_key WHERE ie.incident_id = ? ORDER BY ie.event_key",
        [incident_id],
    )
    why = _reason(why)
    if not rows:
        raise StoreError(f"no incident {incident_id!r} in {store.url}", code="not_found")
    reports, events = set(report_ids), set(event_ids)
    absent = [f"report {r}" for r in dict.fromkeys(report_ids) if r not in {rid for _, _, rid in rows}]
    absent += [f"event {e}" for e in dict.fromkeys(event_ids) if e not in {x for k, eid, _ in rows for x in (k, eid)}]
    if absent:
        raise StoreError(f"not in {incident_id}: {', '.join(absent)}; nothing was split", code="bad_request")
    moved = [k for k, eid, rid in rows if rid in reports or eid in events or k in events]
    kept = [k for k, _, _ in rows if k not in set(moved)]
    if not moved:
        raise StoreError(f"none of the given reports or events is linked to {incident_id}", code="bad_request")
    if not kept:
        raise StoreError("a split must leave at least one event in the incident", code="bad_request")
    new_id = incident_id_for(f"split:{incident_id}:{','.join(moved)}")
    store.db.execute(
        f"UPDATE incident_events SET incident_id = ? WHERE {store.db.in_list('event_key')}", [new_id, moved]
    )
    store.refuse([incident_id, new_id])
    detail = {"from": incident_id, "into": new_id, "moved": moved, "kept": kept}
    store.record("split", who=who, why=why, detail=detail, incident_ids=[incident_id, new_id])
    return new_id


class IncidentMerged(StoreError):
    """``get_incident`` of an id a merge absorbed: ``into`` is the incident it lives on in, ``entry``
    the merge (who, when, why). The message says both; the CLI shows that incident."""

    code = "merged"

    def __init__(self, incident_id: str, into: str, entry: AuditEntry) -> None:
        super().__init__(
            f"{incident_id} was merged into {into} (#{entry.audit_id} {entry.at} by {entry.who}: {entry.why})"
        )
        self.incident_id, self.into, self.entry = incident_id, into, entry


def absorbed_by(entries: Sequence[AuditEntry], incident_id: str) -> AuditEntry | None:
    """The latest merge of ``entries`` that merged ``incident_id`` into another incident."""
    return next((e for e in reversed(entries) if e.action == "merge" and incident_id in e.detail.get("merged", ())), None)


def reapply(entries: Sequence[AuditEntry], assignment: dict[str, str]) -> dict[str, str]:
    """Redo the merges and splits of ``entries`` (in order) on an event -> incident assignment."""
    members: dict[str, set[str]] = defaultdict(set)
    for key, inc in assignment.items():
        members[inc].add(key)
    out = dict(assignment)
    alias = aliases(entries)  # events extracted again since the correction have new keys

    def current(keys: Iterable[str]) -> list[str]:
        return [k for k in (alias.get(k, k) for k in keys) if k in out]

    def move(keys: set[str], target: str) -> None:
        for key in keys:
            members[out[key]].discard(key)
            out[key] = target
            members[target].add(key)

    for entry in entries:
        if entry.action == "merge":
            keys = current(k for ks in entry.detail.get("events", {}).values() for k in ks)
            clusters = {out[k] for k in keys}
            target = entry.detail["into"]
            if members.get(target) and target not in clusters:  # the id now names something else
                target = max(sorted(clusters), key=lambda c: len(members[c]), default=target)
            for cluster in sorted(clusters - {target}):
                move(set(members[cluster]), target)
        elif entry.action == "split":
            move(set(current(entry.detail.get("moved", ()))), entry.detail["into"])
    return out


def rebuild(store: SqlStore, *, who: str, why: str) -> int:
    """Resolve every event again (in canonical order, with the same blocking and scoring as ingest:
    the incidents a fresh ingest of the same reports gives), give each new incident the old id most
    of its events had, then re-apply corrections."""
    old: dict[str, str] = dict(store.db.query("SELECT event_key, incident_id FROM incident_events"))
    store.db.execute("DELETE FROM incident_events")
    store.db.execute("DELETE FROM incidents")
    order = store.db.query(
        f"SELECT e.event_key FROM events e ORDER BY {PUBLISHED_DAY}, COALESCE(e.day_lo, 1000000000), e.event_key"
    )
    keys = [r[0] for r in order]
    for start in range(0, len(keys), 1000):  # in canonical order, so each chunk extends the last
        rows = store._in("SELECT mention FROM events WHERE {in}", "event_key", keys[start : start + 1000])
        assigned = store._resolve([Mention.from_json(json.loads(r[0])) for r in rows], pinned=())
        store.db.insert_rows("incident_events", ("event_key", "incident_id"), sorted(assigned.items()))
    assignment: dict[str, str] = dict(store.db.query("SELECT event_key, incident_id FROM incident_events"))
    assignment = reapply(store.audit_log(), _keep_old_ids(assignment, old))
    store.db.execute("DELETE FROM incident_events")
    store.db.execute("DELETE FROM incidents")  # records fused on the way, under provisional ids
    store.db.insert_rows("incident_events", ("event_key", "incident_id"), sorted(assignment.items()))
    incidents = set(assignment.values())
    store.refuse(incidents)
    store.record("rebuild", who=who, why=why, detail={"events": len(assignment), "incidents": len(incidents)})
    return len(incidents)


def _keep_old_ids(assignment: dict[str, str], old: dict[str, str]) -> dict[str, str]:
    clusters: dict[str, list[str]] = defaultdict(list)
    for key, inc in assignment.items():
        clusters[inc].append(key)
    used: set[str] = set()
    rename: dict[str, str] = {}
    for new_id, keys in sorted(clusters.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        votes = Counter(old[k] for k in keys if k in old)
        choice = next((i for i, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])) if i not in used), None)
        if choice:
            rename[new_id] = choice
            used.add(choice)
    for new_id in sorted(clusters):
        if new_id not in rename:
            choice = new_id if new_id not in used else incident_id_for(f"rebuild:{new_id}")
            rename[new_id] = choice
            used.add(choice)
    return {k: rename[v] for k, v in assignment.items()}
