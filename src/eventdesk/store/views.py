"""Plain-text views of incidents for the terminal (``incidents list`` and ``incidents show``)."""

from __future__ import annotations

from collections.abc import Sequence

from eventdesk.store.base import AuditEntry, IncidentSummary
from eventdesk.store.incident import FusedCount, Incident


def _n(value: int | None) -> str:
    return "-" if value is None else str(value)


def _range(low: int | None, best: int | None, high: int | None) -> str:
    if low is None and best is None and high is None:
        return "-"
    if low == best == high:
        return _n(best)
    return f"{_n(low)}/{_n(best)}/{_n(high)}"


def _cut(text: str | None, width: int) -> str:
    text = (text or "").replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def incidents_table(rows: Sequence[IncidentSummary]) -> str:
    """One line per incident: id, date, type, place, killed (low/best/high), reports, conflicts, title."""
    head = (
        f"{'incident':<16} {'date':<10} {'type':<12} {'cc':<2} {'place':<16} {'killed':>11} {'rep':>3} {'!':>2}  title"
    )
    lines = [head]
    for r in rows:
        lines.append(
            f"{r.incident_id:<16} {_cut(r.date, 10):<10} {_cut(r.type, 12):<12} {_cut(r.country, 2):<2} "
            f"{_cut(r.place, 16):<16} {_range(*r.killed):>11} {r.n_reports:>3} "
            f"{(str(r.n_contradictions) if r.n_contradictions else ''):>2}  {_cut(r.title, 60)}"
        )
    return "\n".join(lines)


def _history(label: str, count: FusedCount) -> list[str]:
    if not count.history:
        return [f"{label}: no figure reported"]
    lines = [f"{label}: low {_n(count.low)}, best {_n(count.best)}, high {_n(count.high)}"]
    for c in count.history:
        where = c.source or "?"
        lines.append(
            f"  {c.published or '?':<10}  {_n(c.value):>6}  {c.qualifier or '':<10} {c.report_id}  ({where})"
            f"{'  [' + c.role + ']' if c.role != 'main' else ''}  {_cut(c.text, 40)!r}"
        )
    return lines


def incident_text(inc: Incident, audit: Sequence[AuditEntry] = ()) -> str:
    """Everything about one incident: fused fields, toll histories, claims, contradictions, log."""
    loc, date = inc.location, inc.date
    place = ", ".join(str(p) for p in (loc.get("name"), loc.get("admin1"), loc.get("country")) if p) or "?"
    lines = [
        f"{inc.incident_id}  {inc.title or ''}",
        f"type:     {inc.type.get('code') or '?'} ({inc.type.get('label') or ''})",
        f"date:     {date.get('start') or '?'}"
        + (f" to {date.get('end')}" if date.get("end") not in (None, date.get("start")) else "")
        + f" (precision {date.get('precision', 'unknown')})",
        f"place:    {place} (precision {loc.get('precision', 'unknown')})",
        f"reports:  {len(inc.reports)} ({inc.first_published or '?'} .. {inc.last_published or '?'}): "
        + ", ".join(inc.reports[:20])
        + (" …" if len(inc.reports) > 20 else ""),
        "",
        *_history("killed", inc.killed),
        *_history("injured", inc.injured),
    ]
    if inc.perpetrators:
        lines += ["", "perpetrators:"]
        for p in inc.perpetrators:
            lines.append(f"  {p.name} ({p.kind}): {p.status}")
            for s in p.history:
                by = f", according to {s.attributed_by}" if s.attributed_by else ""
                lines.append(f"    {s.published or '?':<10}  {s.status:<9} {s.report_id} ({s.source or '?'}){by}")
    lines += ["", f"contradictions: {len(inc.contradictions) or 'none'}"]
    for c in inc.contradictions:
        lines.append(f"  [{c.kind}] {c.detail}")
        for side in c.sides:
            lines.append(f"    {side.value!s:<14} {', '.join(side.reports)}")
    if audit:
        lines += ["", "corrections:"]
        for e in audit:
            lines.append(f"  #{e.audit_id} {e.at} {e.who} {e.action}: {e.why or ''}")
    return "\n".join(lines)
