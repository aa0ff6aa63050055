"""Linking new mentions in a store so that the incidents never depend on arrival order or batches.

Resolution (:mod:`eventdesk.store.resolve`) decides each mention in canonical order
(:func:`~eventdesk.store.resolve.mention_order`) from the mentions before it only. A batch whose
earliest mention is published on day D can change the decision of any stored mention published on
D or later, so :func:`link_mentions` resolves that *suffix* again together with the batch, on top of
the stored mentions before D (their candidates and the key frequencies, counted in SQL). Stored
mentions whose incident changes are relinked and their incidents re-fused. The result is the one a
fresh resolution of the whole store gives (``rebuild``), whatever the order and batch size of the
ingests that built it; ``tests/store/test_store_resolve_order.py`` checks it.

* **Cost.** A stream in publication order re-resolves only the stored mentions of the batch's first
  days. A report published long before the rest of the store brings everything after it into
  memory and decides again those whose candidates changed (its days and places, its names): ingest
  archives in rough publication order.
* **Corrections.** Mentions a merge or split moved (``pinned``) keep their incident; the others may
  join them as before.
* **Ids.** Incidents formed in the suffix keep the id most of their stored mentions had (while no
  earlier mention holds it); a new one gets the id of the mention that started it.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from eventdesk.store.features import Mention, query_keys
from eventdesk.store.resolve import Resolver, incident_id_for, mention_order, resolve_suffix

if TYPE_CHECKING:
    from eventdesk.store.sql import SqlStore

# an event's publication day as mention_order sees it (Mention.published: the first 10 characters)
PUBLISHED_DAY = "COALESCE(NULLIF(SUBSTR(COALESCE(e.published, ''), 1, 10), ''), '9999')"
NEW = "new:"  # labels of incidents formed during one resolution, named at the end


def link_mentions(
    store: SqlStore, mentions: Sequence[Mention], *, pinned: Iterable[str] | None = None
) -> dict[str, str]:
    """Link ``mentions`` (in ``events``/``blocks``, not yet in ``incident_events``) to incidents;
    relink the stored mentions whose incident changes as a result (see the module docstring).
    ``pinned``: event keys that keep their incident (default: those a merge or split moved).
    Returns the new mentions' incident ids."""
    if not mentions:
        return {}
    day = min(mention_order(m) for m in mentions)[0]
    current: dict[str, str] = {}
    suffix = list(mentions)
    for mention_json, incident_id in store.db.query(
        "SELECT e.mention, ie.incident_id FROM events e JOIN incident_events ie ON ie.event_key = e.event_key "
        f"WHERE {PUBLISHED_DAY} >= ?",
        [day],
    ):
        m = Mention.from_json(json.loads(mention_json))
        suffix.append(m)
        current[m.key] = incident_id
    resolver = _seeded(store, suffix, day)
    resolver.new_label = lambda m: NEW + m.key
    if pinned is None:
        from eventdesk.store.reextract import corrected_keys

        pinned = corrected_keys(store.audit_log())
    assigned = _name(store, resolve_suffix(resolver, suffix, current=current, pinned=pinned), current, day)
    changed = {k: v for k, v in assigned.items() if k in current and current[k] != v}
    if changed:
        keys = sorted(changed)
        for start in range(0, len(keys), 2000):
            chunk = keys[start : start + 2000]
            store.db.execute(f"DELETE FROM incident_events WHERE {store.db.in_list('event_key')}", [chunk])
        store.db.insert_rows("incident_events", ("event_key", "incident_id"), sorted(changed.items()))
        store.refuse(set(changed.values()) | {current[k] for k in changed})
    return {m.key: assigned[m.key] for m in mentions}


def _seeded(store: SqlStore, suffix: Sequence[Mention], day: str) -> Resolver:
    """A resolver holding what the suffix can see before ``day``: the frequency of each of its
    query keys, and the linked mentions under the keys still usable (``max_block``)."""
    config = store.config
    keys = {k for m in suffix for k in query_keys(m, config.window)}
    resolver = Resolver(config)
    before = store._in(
        "SELECT b.block, COUNT(*) FROM blocks b JOIN events e ON e.event_key = b.event_key "
        f"WHERE b.{{in}} AND {PUBLISHED_DAY} < ? GROUP BY b.block",
        "block",
        keys,
        [day],
    )
    resolver.df.update({b: int(n) for b, n in before})
    usable = [k for k, n in resolver.df.items() if k.startswith("t:") or n <= config.max_block]
    rows = store._in(
        "SELECT DISTINCT e.mention, ie.incident_id FROM blocks b "
        "JOIN incident_events ie ON ie.event_key = b.event_key "
        f"JOIN events e ON e.event_key = b.event_key WHERE b.{{in}} AND {PUBLISHED_DAY} < ?",
        "block",
        usable,
        [day],
    )
    for mention_json, incident_id in rows:
        resolver.add_known(Mention.from_json(json.loads(mention_json)), incident_id, counted=False)
    return resolver


def _name(store: SqlStore, assigned: dict[str, str], current: dict[str, str], day: str) -> dict[str, str]:
    """Give the incidents formed in the suffix (``new:`` labels) store ids: the id most of their
    stored mentions had, when no other incident keeps it, else the id of their first mention."""
    groups: dict[str, list[str]] = defaultdict(list)
    for key, label in assigned.items():
        if label.startswith(NEW):
            groups[label].append(key)
    if not groups:
        return assigned
    taken = {label for label in assigned.values() if not label.startswith(NEW)}
    held = {current[k] for ks in groups.values() for k in ks if k in current}
    held |= {incident_id_for(label[len(NEW) :]) for label in groups}
    taken |= {
        r[0]
        for r in store._in(
            "SELECT DISTINCT ie.incident_id FROM incident_events ie JOIN events e ON e.event_key = ie.event_key "
            f"WHERE ie.{{in}} AND {PUBLISHED_DAY} < ?",
            "incident_id",
            held,
            [day],
        )
    }
    rename: dict[str, str] = {}
    for label, keys in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        votes = Counter(current[k] for k in keys if k in current)
        ranked = [i for i, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))]
        founder = label[len(NEW) :]
        fallback = (incident_id_for(founder if n == 0 else f"{founder}#{n}") for n in itertools.count())
        choice = next(i for i in itertools.chain(ranked, fallback) if i not in taken)
        rename[label] = choice
        taken.add(choice)
    return {k: rename.get(v, v) for k, v in assigned.items()}
