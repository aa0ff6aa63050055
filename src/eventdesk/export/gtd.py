"""``--format gtd``: rows with the Global Terrorism Database's column names and codes.

Every convention cites the GTD Codebook (START) section it follows; ``docs/exports.md`` has the
table. Records with no GTD attack type (air strikes, clashes, stampedes: outside the GTD's scope,
see ``data/event_types.tsv``) are left out and counted.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from eventdesk.export.crosswalks import gtd_code, gtd_code_by_number, type_crosswalk
from eventdesk.export.rows import ExportRow, SourceRef, coded_skip, rows_from_incidents, rows_from_results
from eventdesk.export.table import ExportCount, write_table
from eventdesk.records import ReportResult
from eventdesk.store.incident import Incident

COLUMNS = (
    "iyear",
    "imonth",
    "iday",
    "approxdate",
    "country",
    "country_txt",
    "provstate",
    "city",
    "latitude",
    "longitude",
    "specificity",
    "summary",
    "multiple",
    "related",
    "attacktype1",
    "attacktype1_txt",
    "weaptype1",
    "weaptype1_txt",
    "targtype1",
    "targtype1_txt",
    "gname",
    "guncertain1",
    "claimed",
    "claimmode",
    "claimmode_txt",
    "nkill",
    "nkillter",
    "nwound",
    "scite1",
    "scite2",
    "scite3",
    "eventdesk_id",
)

NOT_GTD = "without a GTD attack type"
# Codebook III "Incident Location", specificity: 1 the town's own coordinates, 3 the centroid of the
# smallest administrative region named (no town), 4 first-order region, 5 country
SPECIFICITY = {"exact": 1, "city": 1, "admin2": 3, "admin1": 4, "country": 5}
WEAPON_UNKNOWN, TARGET_UNKNOWN, CLAIM_UNKNOWN = 13, 20, 10
ATTRIBUTED = ("claimed", "confirmed", "accused", "suspected")


def _date(row: ExportRow) -> tuple[int | None, int, int, str | None]:
    """(iyear, imonth, iday, approxdate): Codebook I "GTD ID and Date": 0 for an unknown month or
    day, and approxdate when the exact date is not known."""
    start, end, precision = row.date_start, row.date_end, row.date_precision
    if not start or precision == "unknown":
        return None, 0, 0, None
    y, m, d = int(start[:4]), int(start[5:7]), int(start[8:10])
    if precision == "day":
        return y, m, d, None
    if precision == "month":
        return y, m, 0, start[:7]
    if precision == "year":
        return y, 0, 0, start[:4]
    same_month = end is not None and end[:7] == start[:7]
    return y, m if same_month else 0, 0, f"{start} to {end}"


def _cite(src: SourceRef) -> str:
    """Codebook "Additional Information and Sources": a citation of the report (headline, publisher, date, address)."""
    parts = [f'"{src.title}"' if src.title else None, src.source, src.published, src.url]
    return ", ".join(p for p in parts if p) or src.report_id


def _perpetrator(row: ExportRow) -> tuple[str, int | None, int, int | None]:
    """(gname, guncertain1, claimed, claimmode): Codebook VII "Perpetrator Information"."""
    named = [p for p in row.perpetrators if p.status in ATTRIBUTED]
    if not named:
        return "Unknown", None, -9, None
    first = next((p for p in named if p.status in ("claimed", "confirmed")), named[0])
    uncertain = 0 if first.status in ("claimed", "confirmed") else 1
    claimed = any(p.status == "claimed" for p in named)
    return first.name, uncertain, int(claimed), CLAIM_UNKNOWN if claimed else None


def gtd_row(row: ExportRow) -> dict[str, Any] | str:
    if skip := coded_skip(row):
        return skip
    attack = gtd_code("attacktype", type_crosswalk(row.type_code, "gtd_attack_type"))
    if attack is None:
        return NOT_GTD
    weapon = next(filter(None, (gtd_code("weaptype", w) for w in row.weapon_types)), None)
    weapon = weapon or gtd_code_by_number("weaptype", WEAPON_UNKNOWN)
    target = next(filter(None, (gtd_code("targtype", t) for t in row.target_kinds)), None)
    target = target or gtd_code_by_number("targtype", TARGET_UNKNOWN)
    year, month, day, approx = _date(row)
    gname, uncertain, claimed, mode = _perpetrator(row)
    cites = [_cite(s) for s in row.sources[:3]] + ["", "", ""]
    return {
        "iyear": year,
        "imonth": month,
        "iday": day,
        "approxdate": approx,
        "country": None,  # GTD's own numeric country codes are not shipped (docs/exports.md)
        "country_txt": row.country,
        "provstate": row.admin1,
        "city": row.place if row.place_precision in ("exact", "city") else None,
        "latitude": row.lat,
        "longitude": row.lon,
        "specificity": SPECIFICITY.get(row.place_precision),
        "summary": row.summary,
        "multiple": int(row.attacks > 1),
        "related": None,
        "attacktype1": attack.code,
        "attacktype1_txt": attack.text,
        "weaptype1": weapon.code,
        "weaptype1_txt": weapon.text,
        "targtype1": target.code,
        "targtype1_txt": target.text,
        "gname": gname,
        "guncertain1": uncertain,
        "claimed": claimed,
        "claimmode": mode,
        "claimmode_txt": "Unknown" if mode else None,
        # Codebook VIII "Casualties and Consequences": nkill counts victims and perpetrators who
        # died, from the most recent source (our best: the latest word); blank when too vague
        "nkill": row.killed.best,
        "nkillter": row.killed.perpetrators,
        "nwound": row.injured.best,
        "scite1": cites[0],
        "scite2": cites[1],
        "scite3": cites[2],
        "eventdesk_id": row.id,
    }


def write_incidents(incidents: Iterable[Incident], out: IO[str]) -> ExportCount:
    return write_table(COLUMNS, gtd_row, rows_from_incidents(incidents), out)


def write_results(results: Iterable[ReportResult], out: IO[str]) -> ExportCount:
    return write_table(COLUMNS, gtd_row, rows_from_results(results), out)
