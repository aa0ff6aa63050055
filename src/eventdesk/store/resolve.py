"""Incident resolution: link mentions of the same real-world incident, across reports.

The method (documented in ``docs/incidents.md``):

1. **Blocking.** Each mention is filed under keys (:func:`~eventdesk.store.features.blocking_keys`):
   ``t:<country>:<day>`` for every day of a narrow date, ``p:<place>:<year>`` for a known place,
   ``n:<name>`` for every victim name and proper-noun phrase, ``s:<street>`` for every street name.
   A new mention is compared only with the mentions under its query keys (±3 days in its country,
   or its place and year for a coarse date, or a shared name or street). Name keys with more than
   ``max_block`` earlier members are ignored as uninformative ("new york"), so cost grows with the
   size of the blocks, not with the store.
2. **Scoring.** :func:`score_pair` adds evidence for and against: date distance, place distance,
   type, toll compatibility, shared names, streets and phrases, title words, and the idf-weighted
   similarity of the lead's wording. Strong contradictions (another country, another admin1, dates
   days apart) are large negative terms.
3. **Clustering.** Mentions are taken in canonical order (:func:`mention_order`: publication day,
   event day, key); each joins the incident it scores best with, when that score reaches
   ``threshold``. A decision sees only earlier mentions (candidates and key frequencies alike), so
   the incidents depend on the set of mentions, never on the order or batches they came in. An incident's score blends
   the best pair score with the mean over the closer half of its candidate members; an incident
   whose (lower) median candidate contradicts the mention (score <= ``veto``) is not joined, which
   stops chains (A~B, B~C, but A contradicts C) without letting one odd member (say, one merged in
   by hand) lock an incident. Two events of one report never share an incident. A mention that
   joins nothing starts a new incident whose id is derived from its key, so ids are stable: an
   incident keeps the id of the mention that started it.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from eventdesk.records import Report, ReportResult
from eventdesk.store.features import Mention, blocking_keys, build_mention, query_keys


@dataclass(frozen=True, slots=True)
class ResolveConfig:
    window: int = 3  # days either side of a narrow date
    threshold: float = 2.0  # the score a pair needs to link
    veto: float = -3.0  # when half the candidates of an incident score this low, it is not joined
    max_block: int = 200  # name/place keys with more earlier members than this are ignored
    phrase_weight: float = 1.0  # a shared proper-noun phrase (0.2 when it is the place's name)
    phrase_cap: float = 4.0  # shared phrases count for at most this much
    strong_text: float = 2.0  # text evidence from here on ...
    text_discount: float = 0.2  # ... scales negative date/place/type/toll evidence by this
    linkage: float = 0.5  # incident score = linkage * best pair + (1 - linkage) * mean of the top half
    rare: int = 8  # a name or phrase in more mentions than this counts for rare/df of a rare one
    name_weight: float = 2.5  # a shared victim's or perpetrator's name
    street_weight: float = 1.5  # a shared street name ("500 block of Prouty Avenue")
    street_cap: float = 2.0
    half_name_weight: float = 2.0  # a name one report gives as a victim's, the other only in its text
    title_weight: float = 2.0  # times the Jaccard overlap of the headline words
    similarity_weight: float = 3.0  # times the idf-weighted cosine of the lead's content words
    template: float = 0.9  # a cosine from here on, headlines unlike: one page template, ignored
    similar: float = 0.08  # a cosine from here on corroborates (see _corroborated)


DEFAULT_CONFIG = ResolveConfig()


def incident_id_for(mention_key: str) -> str:
    """The stable id of an incident started by the mention ``mention_key``."""
    return "inc-" + hashlib.sha1(mention_key.encode("utf-8")).hexdigest()[:12]


def _km(a: Mention, b: Mention) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


_FINE = {"exact", "city", "admin2"}
FAR_DAYS = 30
SIMILAR_MIN_SHARED = 3


def _gap(a: Mention, b: Mention) -> int:
    """Days between the two date intervals (0 when they overlap or a date is unknown)."""
    if a.lo is None or b.lo is None or a.hi is None or b.hi is None:
        return 0
    return max(0, max(a.lo, b.lo) - min(a.hi, b.hi))


def _date_score(a: Mention, b: Mention, window: int) -> float:
    if a.lo is None or b.lo is None or a.hi is None or b.hi is None:
        return 0.0
    gap = _gap(a, b)
    if not (a.narrow and b.narrow):
        return 0.0 if gap == 0 else -4.0
    far = -4.0 if gap > FAR_DAYS else 0.0  # months apart: another incident unless names say otherwise
    if a.dated == "event" and b.dated == "event":
        return far or {0: 1.0, 1: 0.3, 2: -0.3}.get(gap, -1.0 if gap <= window else -2.5)
    # one date is only the publication date: the event may lie days before it
    return far or (0.3 if gap == 0 else 0.0 if gap <= window else -1.0 if gap <= 10 else -2.0)


def _place_score(a: Mention, b: Mention) -> float:
    if a.country and b.country and a.country != b.country:
        return -6.0
    score = 0.0
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        score -= 1.5
    km = _km(a, b)
    if km is not None and a.loc_precision in _FINE and b.loc_precision in _FINE:
        if km <= 2:  # the same spot, or only the same town when the places are towns
            score += 1.5 if a.loc_precision == b.loc_precision == "exact" else 1.0
        else:
            score += 0.5 if km <= 15 else 0.0 if km <= 50 else -0.5 if km <= 150 else -1.5
    elif a.place and b.place:
        if a.place == b.place:
            score += 1.0
        elif a.loc_precision in _FINE and b.loc_precision in _FINE:
            score -= 1.0
    # the part of a town ("the Brighton Park neighborhood"): two different ones are as far apart as two
    # towns; a report whose headline and lead never name the other's district is likely another shooting
    if a.district and b.district:
        score += 0.5 if a.district == b.district else -2.0
    elif a.district or b.district:
        known, other = (a, b) if a.district else (b, a)
        score += 0.5 if known.district in other.phrases else -1.5
    return score


def _corroborated(a: Mention, b: Mention, names: float, jaccard: float) -> bool:
    """Something beyond "same town, same days, same kind": a shared rare name, a similar headline,
    the same exact spot, or the same (or a mass-casualty) toll. Busy cities have several shootings
    a day, so date and town alone never link two reports."""
    if names >= 0.5 or jaccard >= 0.25:
        return True
    km = _km(a, b)
    if km is not None and km <= 1 and a.loc_precision == b.loc_precision == "exact":
        return True
    for x, y in ((a.killed, b.killed), (a.injured, b.injured)):
        if x is None or y is None:
            continue
        u, v = x[1] if x[1] is not None else x[0], y[1] if y[1] is not None else y[0]
        if u is not None and v is not None and ((u == v and u >= 2) or (min(u, v) >= 5 and _toll_score(x, y) >= 0)):
            return True
    return False


def _toll_score(a: tuple[int | None, ...] | None, b: tuple[int | None, ...] | None) -> float:
    if a is None or b is None:
        return 0.0
    x, y = a[1] if a[1] is not None else a[0], b[1] if b[1] is not None else b[0]
    if x is None or y is None:
        return 0.0
    if x == y:
        return 0.4 if x > 0 else 0.1
    if abs(x - y) <= max(2, 0.5 * max(x, y)):
        return 0.0
    return -1.5


def _text_evidence(
    a: Mention, b: Mention, config: ResolveConfig, w: Callable[[str], float]
) -> tuple[float, float, float]:
    """Shared people's names and streets, shared other phrases (each scaled by its rarity ``w``), and
    the Jaccard overlap of the headline words (the town left out: it is scored with the place)."""
    both = a.names & b.names  # a victim or perpetrator in both
    one = (a.names & b.phrases) | (a.phrases & b.names)  # a victim in one, a phrase in the other
    places = {p for p in (a.place, a.admin1, b.place, b.admin1) if p}
    phrases = (a.phrases & b.phrases) - both - one
    people = min(5.0, sum(config.name_weight * w("n:" + n) for n in both))
    people += min(5.0, sum(config.half_name_weight * w("n:" + n) for n in one - both))
    people += min(config.street_cap, sum(config.street_weight * w("s:" + s) for s in a.streets & b.streets))
    other = min(config.phrase_cap, sum(0.2 if p in places else config.phrase_weight * w("n:" + p) for p in phrases))
    place_words = {x for p in places for x in p.split()}
    wa, wb = a.words - place_words, b.words - place_words
    jaccard = len(wa & wb) / len(wa | wb) if len(wa & wb) >= 2 else 0.0
    return people, other, jaccard


def similarity(a: Mention, b: Mention, idf: Callable[[str], float]) -> float:
    """Cosine similarity of the two mentions' content words, each weighted by ``idf``; the words of
    their places are left out (the place is scored on its own)."""
    places = {x for p in (a.place, a.admin1, b.place, b.admin1) if p for x in p.split()}
    ta, tb = a.terms - places, b.terms - places
    shared = ta & tb
    if len(shared) < SIMILAR_MIN_SHARED:
        return 0.0  # one or two words in common are chance, however rare
    num = sum(idf(t) ** 2 for t in shared)
    den = math.sqrt(sum(idf(t) ** 2 for t in ta) * sum(idf(t) ** 2 for t in tb))
    return num / den if den else 0.0


def score_pair(
    a: Mention,
    b: Mention,
    config: ResolveConfig = DEFAULT_CONFIG,
    weight: Callable[[str], float] | None = None,
    idf: Callable[[str], float] | None = None,
) -> float:
    """Evidence that ``a`` and ``b`` describe the same incident (>= ``threshold``: link).
    ``weight`` scales a shared name, phrase or street (its blocking key: ``n:<name>``,
    ``s:<street>``) by how rare it is (1.0 when not given); ``idf`` weighs content words for the text
    similarity (no similarity when not given)."""
    w = weight or (lambda _: 1.0)
    score = _date_score(a, b, config.window) + _place_score(a, b)
    if a.type_code and b.type_code:
        if a.violent is not None and b.violent is not None and a.violent != b.violent:
            score -= 2.0
        score += 0.5 if a.type_code == b.type_code else -0.7
    score += _toll_score(a.killed, b.killed) + 0.5 * _toll_score(a.injured, b.injured)
    people, phrases, jaccard = _text_evidence(a, b, config, w)
    names = people + phrases
    sim = similarity(a, b, idf) if idf is not None else 0.0
    if sim >= config.template and jaccard < 0.5:
        sim = 0.0  # the same body under other headlines: a page template (a paywall notice), not news
    text = names + config.title_weight * jaccard
    # strong text outweighs a misread place or date; months apart, only people and streets do
    excuse = people if _gap(a, b) > FAR_DAYS else text
    if excuse >= config.strong_text and score < 0:
        score *= config.text_discount  # several rare names in common outweigh a misread place or date
    score += text + config.similarity_weight * sim  # similar wording alone does not excuse them
    if sim < config.similar and not _corroborated(a, b, names, jaccard):
        score = min(score, config.threshold - 0.5)
    return score


def _pool_idf(pool: Sequence[Mention]) -> Callable[[str], float]:
    """Inverse document frequency of content words among a mention and its candidates (the reports
    of the same days and places, or sharing a name): a word they all use says little. It depends
    only on the candidates, so a store resolving batch by batch gets what one pass in memory gets."""
    counts: Counter[str] = Counter(t for m in pool for t in m.terms)
    total = len(pool)
    return lambda term: math.log((1 + total) / (1 + counts.get(term, 0)))


class Resolver:
    """Clustering of mentions into incidents in canonical order (blocking + scoring + best link).

    Every decision depends only on the mentions before it in :func:`mention_order`: its candidates
    are earlier mentions, and the document frequency of a key (``df``: rarity weights and the
    ``max_block`` cut) counts earlier mentions only. So the result is a function of the set of
    mentions, whatever order or batches they arrive in, and a store can extend it exactly
    (:func:`resolve_suffix`)."""

    def __init__(self, config: ResolveConfig = DEFAULT_CONFIG) -> None:
        self.config = config
        self.mentions: dict[str, Mention] = {}
        self.incident_of: dict[str, str] = {}
        self.index: dict[str, list[str]] = defaultdict(list)
        self.df: Counter[str] = Counter()  # key -> mentions before the current one filed under it
        self.new_label: Callable[[Mention], str] = lambda m: incident_id_for(m.key)  # a new incident's id

    def weight(self, key: str) -> float:
        """How much a shared name, phrase or street counts: 1.0 when rare, ``rare / df`` beyond."""
        df = self.df.get(key, 0)
        return 1.0 if df <= self.config.rare else self.config.rare / df

    def add_known(self, mention: Mention, incident_id: str, *, counted: bool = True) -> None:
        """Seed a resolved mention: ``counted`` adds it to ``df`` (leave it out for mentions
        loaded from a store whose frequencies ``df`` already holds)."""
        if mention.key in self.mentions:
            return
        self.mentions[mention.key] = mention
        self.incident_of[mention.key] = incident_id
        for k in blocking_keys(mention):
            self.index[k].append(mention.key)
            if counted:
                self.df[k] += 1

    def candidates(self, mention: Mention) -> list[str]:
        seen: dict[str, None] = {}
        for k in query_keys(mention, self.config.window):
            members = self.index.get(k)
            if not members or (k[0] != "t" and self.df.get(k, 0) > self.config.max_block):
                continue
            for key in members:
                seen.setdefault(key, None)
        return list(seen)

    def best_incident(self, mention: Mention, exclude: Iterable[str] = ()) -> tuple[str | None, float]:
        """The incident ``mention`` should join (or ``None``) and its score. Ties go to the incident
        whose earliest candidate comes first, so the choice never depends on incident ids."""
        excluded = set(exclude)
        by_incident: dict[str, list[Mention]] = defaultdict(list)
        for key in self.candidates(mention):
            if key != mention.key:
                by_incident[self.incident_of[key]].append(self.mentions[key])
        best: tuple[str | None, float] = (None, float("-inf"))
        idf = _pool_idf([mention, *(m for ms in by_incident.values() for m in ms)])
        ordered = sorted(by_incident.items(), key=lambda kv: min(mention_order(m) for m in kv[1]))
        for incident, members in ordered:
            if incident in excluded or any(m.report == mention.report for m in members):
                continue
            scores = [score_pair(mention, m, self.config, self.weight, idf) for m in members]
            scores.sort(reverse=True)
            if scores[len(scores) // 2] <= self.config.veto:  # (lower) median member contradicts it
                continue
            close = scores[: (len(scores) + 1) // 2]  # the half of the candidates most like it
            value = self.config.linkage * scores[0] + (1 - self.config.linkage) * sum(close) / len(close)
            if value >= self.config.threshold and value > best[1]:
                best = (incident, value)
        return best

    def assign(self, mention: Mention) -> str:
        """Link ``mention`` to an incident (an existing one or a new one) and return its id."""
        incident, _ = self.best_incident(mention)
        self.add_known(mention, incident or self.new_label(mention))
        return self.incident_of[mention.key]


def mention_order(m: Mention) -> tuple[str, int, str]:
    """The canonical order of resolution: publication day, first day of the event, key."""
    return (m.published or "9999", m.lo if m.lo is not None else 10**9, m.key)


def resolve_suffix(
    resolver: Resolver,
    suffix: Sequence[Mention],
    *,
    current: dict[str, str],
    pinned: Iterable[str] = (),
) -> dict[str, str]:
    """Resolve ``suffix`` in canonical order on top of ``resolver`` (seeded with every earlier
    mention a suffix mention can see, and their frequencies in ``df``). ``current`` holds the
    incidents of suffix mentions already linked (a store's); ``pinned`` ones (moved by a person's
    merge or split) keep theirs. Returns mention key -> incident id for the whole suffix.

    A linked mention is decided again only when something it depends on changed: a mention under
    one of its query keys that is new or now in another incident (its candidates, their incidents
    and the keys' frequencies are all it sees). Otherwise its decision would be the same, so it
    keeps its incident."""
    keep = set(pinned)
    touched: set[str] = set()  # blocking keys of the new mentions and of those that changed incident
    window = resolver.config.window
    for m in sorted(suffix, key=mention_order):
        old = current.get(m.key)
        if old is not None and (m.key in keep or touched.isdisjoint(query_keys(m, window))):
            resolver.add_known(m, old)
            continue
        if resolver.assign(m) != old:
            touched.update(blocking_keys(m))
    return {m.key: resolver.incident_of[m.key] for m in suffix}


def resolve_mentions(mentions: Sequence[Mention], config: ResolveConfig = DEFAULT_CONFIG) -> dict[str, str]:
    """Mention key -> incident id for a whole collection (in memory)."""
    return resolve_suffix(Resolver(config), mentions, current={})


def results_mentions(results: Sequence[ReportResult]) -> list[tuple[int, Mention | None]]:
    """The main mention of each result: its first ``main`` event (else its first event), or a
    stand-in from the report alone when extraction found no event; ``None`` for failed reports."""
    out: list[tuple[int, Mention | None]] = []
    seen: set[str] = set()
    for i, result in enumerate(results):
        report = result.report or Report(text="", id=result.id)
        if result.error is not None and not result.events:
            out.append((i, None))
            continue
        events = [e for e in result.events if e.role == "main"] or list(result.events)
        event = events[0] if events else None
        if event is None and not (report.text or report.title):
            out.append((i, None))
            continue
        key = f"{result.id}/{event.event_id if event else ''}"
        key = key if key not in seen else f"{key}#{i}"  # the same id twice in one input
        seen.add(key)
        out.append((i, build_mention(event, report, key=key, report_key=key)))
    return out


def cluster_results(results: Sequence[ReportResult], config: ResolveConfig = DEFAULT_CONFIG) -> list[str]:
    """One incident key per result (its main event's incident; failed reports get their own key),
    for evaluating resolution against gold clusters (``eventdesk eval gva-dedup``)."""
    pairs = results_mentions(results)
    assigned = resolve_mentions([m for _, m in pairs if m is not None], config)
    return [assigned[m.key] if m is not None else f"single-{i}" for i, m in pairs]
