"""The store's tables, kept portable: plain types, JSON kept as TEXT, no vendor features.

Both backends build their DDL from :data:`TABLES`; the DuckDB bulk loader also reads the column
types from it. ``SCHEMA_VERSION`` is written to ``meta`` and checked on open.
"""

from __future__ import annotations

SCHEMA_VERSION = "1"

# table -> ((column, portable type, constraint), ...). Types: TEXT, INTEGER, BIGINT, DOUBLE, BOOLEAN.
TABLES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "meta": (("key", "TEXT", "PRIMARY KEY"), ("value", "TEXT", "")),
    "reports": (
        ("report_hash", "TEXT", "PRIMARY KEY"),  # sha1 of the text: the identity of a report
        ("report_id", "TEXT", "NOT NULL"),  # the input id
        ("url", "TEXT", ""),
        ("title", "TEXT", ""),
        ("published", "TEXT", ""),
        ("source", "TEXT", ""),
        ("text", "TEXT", ""),
        ("warnings", "TEXT", ""),  # JSON list
        ("error_code", "TEXT", ""),
        ("error_message", "TEXT", ""),
        ("n_events", "INTEGER", ""),
        ("ingested_at", "TEXT", ""),
        ("batch_no", "BIGINT", ""),
    ),
    "events": (
        ("event_key", "TEXT", "PRIMARY KEY"),  # the event id, made unique across reports if needed
        ("event_id", "TEXT", "NOT NULL"),
        ("report_hash", "TEXT", "NOT NULL"),
        ("report_id", "TEXT", ""),
        ("role", "TEXT", ""),
        ("seq", "INTEGER", ""),  # position in the report's event list
        ("type_code", "TEXT", ""),
        ("date_start", "TEXT", ""),
        ("day_lo", "INTEGER", ""),
        ("day_hi", "INTEGER", ""),
        ("country_code", "TEXT", ""),
        ("place", "TEXT", ""),
        ("lat", "DOUBLE", ""),
        ("lon", "DOUBLE", ""),
        ("killed_best", "INTEGER", ""),
        ("injured_best", "INTEGER", ""),
        ("published", "TEXT", ""),
        ("mention", "TEXT", ""),  # JSON: features.Mention
        ("payload", "TEXT", ""),  # JSON: the EVENT record of the contract
    ),
    "blocks": (("block", "TEXT", "NOT NULL"), ("event_key", "TEXT", "NOT NULL")),
    "incident_events": (("event_key", "TEXT", "PRIMARY KEY"), ("incident_id", "TEXT", "NOT NULL")),
    "incidents": (
        ("incident_id", "TEXT", "PRIMARY KEY"),
        ("type_code", "TEXT", ""),
        ("date_start", "TEXT", ""),
        ("date_end", "TEXT", ""),
        ("country_code", "TEXT", ""),
        ("place", "TEXT", ""),
        ("killed_low", "INTEGER", ""),
        ("killed_best", "INTEGER", ""),
        ("killed_high", "INTEGER", ""),
        ("injured_best", "INTEGER", ""),
        ("n_reports", "INTEGER", ""),
        ("n_contradictions", "INTEGER", ""),
        ("title", "TEXT", ""),
        ("first_published", "TEXT", ""),
        ("search_text", "TEXT", ""),  # lower-cased titles, places, perpetrators: the --text filter
        ("record", "TEXT", ""),  # JSON: the incident record of docs/incidents.md
        ("updated_at", "TEXT", ""),
    ),
    "audit_log": (
        ("audit_id", "BIGINT", "PRIMARY KEY"),
        ("at_time", "TEXT", "NOT NULL"),  # UTC ISO time
        ("who", "TEXT", "NOT NULL"),
        ("action", "TEXT", "NOT NULL"),  # ingest | merge | split | rebuild
        ("incident_ids", "TEXT", ""),  # JSON list: the incidents it touched
        ("detail", "TEXT", ""),  # JSON: what was done, with the event keys needed to redo it
        ("why", "TEXT", ""),
    ),
}

INDEXES: tuple[tuple[str, str, str], ...] = (
    ("reports_url", "reports", "url"),
    ("reports_id", "reports", "report_id"),
    ("events_report", "events", "report_hash"),
    ("blocks_block", "blocks", "block"),
    ("incident_events_incident", "incident_events", "incident_id"),
    ("incidents_date", "incidents", "date_start"),
)


def create_statements(type_names: dict[str, str], *, indexes: bool = True, keys: bool = True) -> list[str]:
    """``CREATE TABLE/INDEX IF NOT EXISTS`` statements with the backend's type names; without
    ``keys`` the PRIMARY KEY constraints are left out (the SQL core never relies on them)."""
    out = []
    for table, columns in TABLES.items():
        cols = ", ".join(
            f"{name} {type_names.get(kind, kind)} {extra if keys or extra != 'PRIMARY KEY' else ''}".rstrip()
            for name, kind, extra in columns
        )
        out.append(f"CREATE TABLE IF NOT EXISTS {table} ({cols})")
    if indexes:
        out += [f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({column})" for name, table, column in INDEXES]
    return out


def columns(table: str) -> tuple[str, ...]:
    return tuple(name for name, _, _ in TABLES[table])
