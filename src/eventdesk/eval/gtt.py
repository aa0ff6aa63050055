"""The GTT template-filling metric (Du, Rush & Cardie 2021), re-implemented from its description and
checked against the behaviour of ``eval.py`` in github.com/xinyadu/gtt (see docs/evaluation.md).

A template is ``{"incident_type": str, "PerpInd": [entity, ...], ..., "Weapon": [...]}``; an entity is a
list of mention strings. Per document, predicted templates are aligned one-to-one with gold templates
(or left unaligned) so that the document's micro F1 is highest; an aligned pair only counts when the
predicted incident type is a substring of the gold one (gold may read ``"bombing / attack"``).
Within an aligned pair a predicted entity is correct when *all* its mentions are among the mentions of
some gold entity of the same role (after normalisation), and a gold entity is found when some
predicted entity is correct for it. The incident type is scored like a role with one filler per
template. Unaligned predicted templates are spurious, unaligned gold templates missing.

Behaviours kept on purpose so that published prediction files score as they did (quirks of the
reference script, documented): a non-string predicted type is read as ``"attack"``; the type test is a
substring test; identical gold templates are scored once; among alignments with equal document F1 the
first in ``itertools.product`` order wins. For documents with very many templates, where exhaustive
search is too slow, the alignment maximising P + R is used instead (counted in ``approximate``).
"""

from __future__ import annotations

import json
import math
import re
import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventdesk.eval.metrics import PRF, f1_score

ROLES: tuple[str, ...] = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
KEYS: tuple[str, ...] = ("incident_type", *ROLES)
EXHAUSTIVE_LIMIT = 200_000  # alignments searched exhaustively per document

Template = dict[str, Any]  # incident_type: str; each role: list[list[str]]

_ARTICLES = re.compile(r"\b(a|an|the)\b", re.UNICODE)
_PUNCT = frozenset(string.punctuation)


def normalize_mention(s: str) -> str:
    """GTT's normalisation: lower-case, drop ASCII punctuation, then articles, squeeze white space."""
    s = "".join(ch for ch in s.lower() if ch not in _PUNCT)
    return " ".join(_ARTICLES.sub(" ", s).split())


def gtt_numeric_id(docid: str) -> str | None:
    """The key GTT's script uses for a gold docid: ``TST3-MUC4-0012`` -> ``"30012"``."""
    m = re.fullmatch(r"TST(\d)-MUC\d-(\d+)", docid)
    return str(int(m.group(1)) * 10000 + int(m.group(2))) if m else None


@dataclass
class GoldDoc:
    templates: list[Template]
    source_index: list[int]  # position of each (deduplicated) template in the original gold list


def _plain_template(raw: Mapping[str, Any], *, with_offsets: bool) -> Template:
    template: Template = {"incident_type": raw.get("incident_type")}
    for role in ROLES:
        entities = []
        for entity in raw.get(role) or []:
            mentions = [m[0] if with_offsets else m for m in entity]
            if mentions or not with_offsets:
                entities.append(mentions)
        template[role] = entities
    return template


def load_gold(path: Path) -> dict[str, GoldDoc]:
    """Read GTT gold (``{"docid", "templates": [{role: [[[mention, offset], ...], ...]}]}`` per line)."""
    golds: dict[str, GoldDoc] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            doc = GoldDoc([], [])
            for i, raw in enumerate(row["templates"]):
                template = _plain_template(raw, with_offsets=True)
                if template not in doc.templates:  # the reference script scores duplicates once
                    doc.templates.append(template)
                    doc.source_index.append(i)
            golds[row["docid"]] = doc
    return golds


def load_predictions(path: Path) -> dict[str, list[Template]]:
    """Read ``{docid: {"pred_templates": [...]}}`` (GTT's prediction format; extra keys ignored)."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return {
        str(docid): [_plain_template(t, with_offsets=False) for t in entry.get("pred_templates", [])]
        for docid, entry in data.items()
    }


def align_keys(preds: Mapping[str, list[Template]], gold_ids: Iterable[str]) -> dict[str, list[Template]]:
    """Re-key predictions by gold docid, accepting GTT's numeric keys (``"30012"``) as well."""
    out: dict[str, list[Template]] = {}
    for docid in gold_ids:
        if docid in preds:
            out[docid] = preds[docid]
        else:
            numeric = gtt_numeric_id(docid)
            if numeric is not None and numeric in preds:
                out[docid] = preds[numeric]
    return out


@dataclass
class GttScore:
    roles: dict[str, PRF] = field(default_factory=lambda: {k: PRF() for k in KEYS})
    mappings: dict[str, dict[int, int]] = field(default_factory=dict)  # docid -> {pred idx: gold idx}
    approximate: list[str] = field(default_factory=list)
    docs: int = 0

    @property
    def micro(self) -> PRF:
        total = PRF()
        for prf in self.roles.values():
            total += prf
        return total


def _normalized(template: Template) -> Template:
    out: Template = {"incident_type": template.get("incident_type")}
    if not isinstance(out["incident_type"], str):
        out["incident_type"] = "attack"  # as the reference script does
    for role in ROLES:
        out[role] = [[normalize_mention(m) for m in entity] for entity in template.get(role) or []]
    return out


def _entity_correct(gold_entity: list[str], pred_entity: list[str]) -> bool:
    return all(m in gold_entity for m in pred_entity)


def _pair_counts(pred: Template, gold: Template) -> dict[str, tuple[int, int]] | None:
    """Per key (p_num, r_num) when ``pred`` is aligned with ``gold``; None if types do not match."""
    if pred["incident_type"] not in gold["incident_type"]:
        return None
    counts: dict[str, tuple[int, int]] = {"incident_type": (1, 1)}
    for role in ROLES:
        p_num = sum(any(_entity_correct(g, p) for g in gold[role]) for p in pred[role])
        r_num = sum(any(_entity_correct(g, p) for p in pred[role]) for g in gold[role])
        counts[role] = (p_num, r_num)
    return counts


def _total(counts: dict[str, tuple[int, int]] | None) -> tuple[int, int] | None:
    if counts is None:
        return None
    return sum(c[0] for c in counts.values()), sum(c[1] for c in counts.values())


def _count_alignments(k: int, n: int) -> int:
    return sum(math.comb(k, m) * math.perm(n, m) for m in range(min(k, n) + 1))


def _search_exhaustive(
    pair: list[list[tuple[int, int] | None]], k: int, n: int, p_den: int, r_den: int
) -> dict[int, int]:
    """First alignment (in ``itertools.product`` order over gold indices then -1) with the highest F1."""
    best: list[Any] = [None, -1.0]  # mapping, f1
    current: dict[int, int] = {}
    used = [False] * n

    def visit(i: int, p_num: int, r_num: int) -> None:
        if i == k:
            f1 = f1_score(p_num, p_den, r_num, r_den)
            if best[0] is None or f1 > best[1]:
                best[0], best[1] = dict(current), f1
            return
        for j in range(n):
            if used[j]:
                continue
            used[j] = True
            current[i] = j
            gain = pair[i][j]
            visit(i + 1, p_num + (gain[0] if gain else 0), r_num + (gain[1] if gain else 0))
            used[j] = False
        current[i] = -1
        visit(i + 1, p_num, r_num)
        del current[i]

    visit(0, 0, 0)
    return {i: j for i, j in best[0].items() if j != -1 and pair[i][j] is not None}


def _search_assignment(
    pair: list[list[tuple[int, int] | None]], k: int, n: int, p_den: int, r_den: int
) -> dict[int, int]:
    """Alignment maximising P + R of the document (Hungarian algorithm), for large documents."""
    weights = [
        [(c[0] / p_den if p_den else 0.0) + (c[1] / r_den if r_den else 0.0) if c else 0.0 for c in row]
        for row in pair
    ]
    assignment = max_weight_assignment(weights, k, n)
    return {i: j for i, j in assignment.items() if pair[i][j] is not None}


def max_weight_assignment(weights: Sequence[Sequence[float]], rows: int, cols: int) -> dict[int, int]:
    """Maximum-weight one-to-one assignment of rows to columns (Kuhn-Munkres, O(n^3))."""
    size = max(rows, cols)
    if size == 0:
        return {}
    top = max((w for row in weights for w in row), default=0.0)
    cost = [
        [top - (weights[i][j] if i < rows and j < cols else 0.0) for j in range(size)] for i in range(size)
    ]
    inf = float("inf")
    u = [0.0] * (size + 1)
    v = [0.0] * (size + 1)
    match = [0] * (size + 1)  # match[col] = row, 1-based; 0 = free
    way = [0] * (size + 1)
    for i in range(1, size + 1):
        match[0] = i
        j0 = 0
        minv = [inf] * (size + 1)
        used = [False] * (size + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], inf, 0
            for j in range(1, size + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(size + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    return {match[j] - 1: j - 1 for j in range(1, size + 1) if match[j] - 1 < rows and j - 1 < cols}


def score_document(
    pred: Sequence[Template], gold: Sequence[Template]
) -> tuple[dict[str, PRF], dict[int, int], bool]:
    """Score one document: per-key counts, the alignment used, and whether it was approximate."""
    preds = [_normalized(t) for t in pred]
    golds = [_normalized(t) for t in gold]
    k, n = len(preds), len(golds)
    counts = [[_pair_counts(p, g) for g in golds] for p in preds]
    pair = [[_total(c) for c in row] for row in counts]
    den = {key: PRF() for key in KEYS}
    for t in preds:
        den["incident_type"].p_den += 1
        for role in ROLES:
            den[role].p_den += len(t[role])
    for t in golds:
        den["incident_type"].r_den += 1
        for role in ROLES:
            den[role].r_den += len(t[role])
    p_den = sum(d.p_den for d in den.values())
    r_den = sum(d.r_den for d in den.values())
    approximate = _count_alignments(k, n) > EXHAUSTIVE_LIMIT
    search = _search_assignment if approximate else _search_exhaustive
    mapping = search(pair, k, n, p_den, r_den)
    for i, j in mapping.items():
        aligned = counts[i][j]
        assert aligned is not None
        for key, (p_num, r_num) in aligned.items():
            den[key].p_num += p_num
            den[key].r_num += r_num
    return den, mapping, approximate


def score_gtt(
    preds: Mapping[str, Sequence[Template]], golds: Mapping[str, GoldDoc], docids: Iterable[str] | None = None
) -> GttScore:
    """Score predictions against gold over ``docids`` (default: every gold document; a document
    without predictions scores as if it had no templates)."""
    result = GttScore()
    for docid in docids if docids is not None else golds:
        counts, mapping, approximate = score_document(preds.get(docid, []), golds[docid].templates)
        for key in KEYS:
            result.roles[key] += counts[key]
        result.mappings[docid] = mapping
        if approximate:
            result.approximate.append(docid)
        result.docs += 1
    return result
