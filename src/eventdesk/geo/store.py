"""Load the gazetteer's package data files into one compact in-memory index.

Every place (city, admin2, admin1, country, region) gets an integer id. ``keys`` maps a normalised
name to the ids carrying it, best first: cities come from ``geo_places.tsv`` already sorted by
population, and the few keys that also name an area are re-sorted once by :func:`_rank`. City
rows are kept as raw strings and parsed on first use, which keeps the build under a second.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import IO

from eventdesk.geo.normalize import normalize_key

CITY, ADMIN2, ADMIN1, COUNTRY, REGION = "city", "admin2", "admin1", "country", "region"
# How much of an area's summed city population counts when it competes with a city of the same
# name: "Kerman" is the city (577k) before the province (0.1 x its cities), "Montana" the state.
_AREA_WEIGHT = {ADMIN1: 0.1, ADMIN2: 0.05}
_TIER = {REGION: 0, COUNTRY: 1}
# A city found by one of its alternate names counts a tenth of its population: "Victoria" is the
# Australian state and Victoria (Hong Kong) before Hong Kong itself, whose old name it is.
_ALT_WEIGHT = 0.1


@dataclass(frozen=True, slots=True)
class Entry:
    """One parsed gazetteer row (internal; the public face is :class:`gazetteer.Place`)."""

    kind: str
    name: str
    cc: str | None
    admin1: str | None  # GeoNames admin1 code
    lat: float | None
    lon: float | None
    geonames_id: int | None
    population: int
    precision: str


def _open(data_dir: Path | None, name: str) -> IO[str]:
    if data_dir is not None:
        return (data_dir / name).open(encoding="utf-8")
    return (resources.files("eventdesk") / "data" / name).open(encoding="utf-8")


def _rows(data_dir: Path | None, name: str) -> list[list[str]]:
    with _open(data_dir, name) as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]


def _num(s: str) -> float | None:
    return float(s) if s else None


class GeoIndex:
    """The loaded data. Built by :func:`load_index`; read by ``Gazetteer`` and the scanner."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.rows: list[str | Entry] = []  # a city's raw "gid\tcc\tadmin1\tlat\tlon\tpop" until parsed
        self.keys: dict[str, int | list[int]] = {}
        self.bare_admin2: dict[str, list[int]] = {}  # "harris" -> Harris County (only with a suffix)
        self.n_cities = 0
        self.admin1_ids: dict[tuple[str, str], int] = {}
        self.country_ids: dict[str, int] = {}
        self.admin1_hint: dict[str, list[tuple[str, str]]] = {}
        self.demonyms: dict[str, str] = {}
        self.stoplist: frozenset[str] = frozenset()
        self.unresolved_aliases: list[str] = []
        self.us_state_abbrs: list[str] = []  # "Pa.", "Ill.", ... as written in news copy
        self.populations: list[int] = []  # of cities, by id
        self.primary_keys: list[str] = []  # key of each city's own name, by id
        self._hand: set[tuple[str, int]] = set()

    # ---- ids -----------------------------------------------------------------------------------
    def entry(self, i: int) -> Entry:
        row = self.rows[i]
        if isinstance(row, Entry):
            return row
        gid, cc, a1, lat, lon, pop = row.split("\t")
        e = Entry(CITY, self.names[i], cc, a1 or None, float(lat), float(lon), int(gid), int(pop or 0), "city")
        self.rows[i] = e
        return e

    def ids(self, key: str) -> list[int]:
        v = self.keys.get(key)
        if v is None:
            return []
        return [v] if isinstance(v, int) else v

    def _add(self, key: str, i: int) -> None:
        keys = self.keys
        cur = keys.get(key)
        if cur is None:
            keys[key] = i
        elif isinstance(cur, int):
            if cur != i:
                keys[key] = [cur, i]
        elif i not in cur:
            cur.append(i)

    def _add_entry(self, e: Entry, keys: list[str]) -> int:
        i = len(self.names)
        self.names.append(e.name)
        self.rows.append(e)
        for k in dict.fromkeys([normalize_key(e.name), *keys]):
            if k:
                self._add(k, i)
        return i

    def rank(self, i: int, key: str) -> tuple[int, float, int]:
        """Sort key of place ``i`` among those named ``key``: tier, weighted population, id."""
        if i < self.n_cities:
            pop = self.populations[i]
            full = self.primary_keys[i] == key or (key, i) in self._hand
            return (2, -pop if full else -pop * _ALT_WEIGHT, i)
        e = self.entry(i)
        return (_TIER.get(e.kind, 2), -e.population * _AREA_WEIGHT.get(e.kind, 1.0), i)

    # ---- loading -------------------------------------------------------------------------------
    def _load_places(self, data_dir: Path | None) -> None:
        names, rows, keys = self.names, self.rows, self.keys
        pops, primary = self.populations, self.primary_keys
        with _open(data_dir, "geo_places.tsv") as f:
            for line in f:
                if line[0] == "#":
                    continue
                name, alts, tail = line.rstrip("\n").split("\t", 2)
                i = len(names)
                names.append(name)
                rows.append(tail)
                pops.append(int(tail[tail.rfind("\t") + 1 :] or 0))
                pk = normalize_key(name)
                primary.append(pk)
                for k in (pk, *alts.split("|")) if alts else (pk,):
                    cur = keys.get(k)
                    if cur is None:
                        keys[k] = i
                    elif isinstance(cur, int):
                        if cur != i:
                            keys[k] = [cur, i]
                    elif cur[-1] != i:
                        cur.append(i)
        self.n_cities = len(names)

    def _load_areas(self, data_dir: Path | None) -> None:
        for cc, name, alts, gid, lat, lon, pop in _rows(data_dir, "geo_countries.tsv"):
            e = Entry(
                COUNTRY,
                name,
                cc,
                None,
                _num(lat),
                _num(lon),
                int(gid) if gid else None,
                int(pop or 0),
                "country",
            )
            self.country_ids[cc] = self._add_entry(e, alts.split("|") if alts else [])
        for cc, code, name, alts, lat, lon, pop, gid in _rows(data_dir, "geo_admin1.tsv"):
            e = Entry(
                ADMIN1,
                name,
                cc,
                code,
                _num(lat),
                _num(lon),
                int(gid) if gid else None,
                int(pop or 0),
                "admin1",
            )
            akeys = [normalize_key(name), *(alts.split("|") if alts else [])]
            self.admin1_ids[(cc, code)] = self._add_entry(e, akeys)
            for k in akeys:
                self._hint(k, cc, code)
            self._hint(normalize_key(f"{cc}.{code}"), cc, code)
        for cc, code, name, alts, lat, lon, pop in _rows(data_dir, "geo_admin2.tsv"):
            e = Entry(ADMIN2, name, cc, code, _num(lat), _num(lon), None, int(pop or 0), "admin2")
            i = self._add_entry(e, [])
            for k in alts.split("|") if alts else []:
                self.bare_admin2.setdefault(k, []).append(i)

    def _hint(self, key: str, cc: str, code: str) -> None:
        lst = self.admin1_hint.setdefault(key, [])
        if (cc, code) not in lst:
            lst.append((cc, code))

    def _load_hand(self, data_dir: Path | None) -> None:
        for name, alts, cc, code, precision, lat, lon in _rows(data_dir, "geo_regions.tsv"):
            aliases = [name, *(alts.split("|") if alts else [])]
            keys = [normalize_key(a) for a in aliases]
            if code and (cc, code) in self.admin1_ids:
                i = self.admin1_ids[(cc, code)]
                for k in keys:
                    self._add(k, i)
                    self._hint(k, cc, code)
                continue
            e = Entry(REGION, name, cc or None, code or None, _num(lat), _num(lon), None, 0, precision)
            self._add_entry(e, keys[1:])
        for code, abbrs in _rows(data_dir, "geo_us_states.tsv"):
            state = self.admin1_ids.get(("US", code))
            if state is None:
                continue
            self.us_state_abbrs.extend(a for a in abbrs.split("|") if a)
            for a in [code, *(abbrs.split("|") if abbrs else [])]:
                k = normalize_key(a)
                self._add(k, state)
                self._hint(k, "US", code)
        for alias, kind, cc, target in _rows(data_dir, "geo_aliases.tsv"):
            found = self._alias_target(kind, cc, target)
            if found is None:
                self.unresolved_aliases.append(f"{alias} -> {kind} {cc} {target}")
                continue
            i = found
            k = normalize_key(alias)
            self._add(k, i)
            self._hand.add((k, i))  # a hand alias counts like a primary name
            if kind == ADMIN1:
                e = self.entry(i)
                if e.cc and e.admin1:
                    self._hint(k, e.cc, e.admin1)
        for demonym, cc in _rows(data_dir, "geo_demonyms.tsv"):
            self.demonyms[normalize_key(demonym)] = cc
        with _open(data_dir, "geo_stoplist.txt") as f:
            self.stoplist = frozenset(normalize_key(w) for w in (line.split("#", 1)[0].strip() for line in f) if w)

    def _alias_target(self, kind: str, cc: str, target: str) -> int | None:
        if kind == COUNTRY:
            return self.country_ids.get(cc)
        for i in self.ids(normalize_key(target)):
            e = self.entry(i)
            if e.kind == kind and e.cc == cc:
                return i
        return None

    def _sort(self) -> None:
        rank = self.rank
        for k, v in self.keys.items():
            if isinstance(v, list):
                v.sort(key=lambda i, k=k: rank(i, k))  # type: ignore[misc]


def load_index(data_dir: Path | None = None) -> GeoIndex:
    """Read the ``geo_*`` data files (from the installed package unless ``data_dir`` is given)."""
    idx = GeoIndex()
    idx._load_places(data_dir)
    idx._load_areas(data_dir)
    idx._load_hand(data_dir)
    idx._sort()
    return idx


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))
