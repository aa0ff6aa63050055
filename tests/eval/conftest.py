"""Fixtures for the evaluation tests.

* ``data_root``: the real evaluation data (``$EVENTDESK_DATA`` or ``../shared/data``); tests that use
  it skip when it is absent.
* ``synthetic_root``: a tiny data root in the same formats, with texts written for these tests.
* ``make_event`` / ``fake_predictor``: hand-built events and a predictor that returns them, so the
  scorers are tested without the NLP pipeline.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from eventdesk.records import (
    Count,
    DateValue,
    Event,
    EventType,
    Evidence,
    Location,
    Perpetrator,
    Report,
    ReportResult,
    Target,
    Victim,
    Weapon,
)

EventsFor = Callable[[Report], Sequence[Event]]


@pytest.fixture
def data_root() -> Path:
    env = os.environ.get("EVENTDESK_DATA")
    root = Path(env) if env else Path(__file__).parents[2].parent / "shared" / "data"
    if not root.is_dir():
        pytest.skip(f"evaluation data not found at {root}")
    return root


def build_event(
    *,
    role: str = "main",
    code: str = "shooting",
    muc4: str | None = "attack",
    acled: str | None = "Attack",
    violent: bool = True,
    day: str | None = None,
    place: str | None = None,
    admin1: str | None = None,
    country: str | None = None,
    country_code: str | None = None,
    lat: float | None = None,
    lon: float | None = None,
    precision: str = "city",
    killed: int | None = None,
    injured: int | None = None,
    perps: Sequence[tuple[str, str]] = (),  # (name, kind)
    perp_status: str = "suspected",
    targets: Sequence[str] = (),
    victims: Sequence[str] = (),
    weapons: Sequence[str] = (),
    trigger: tuple[int, int] | None = None,
) -> Event:
    def count(n: int | None) -> Count | None:
        return None if n is None else Count(low=n, best=n, text=str(n))

    return Event(
        event_id=f"ev-{code}-{role}",
        role=role,
        type=EventType(
            code=code,
            label=code,
            acled_sub_event_type=acled,
            muc4_incident_type=muc4,
            violent_attack=violent,
            evidence=(Evidence(trigger[0], trigger[1], ""),) if trigger else (),
        ),
        date=DateValue(start=day, end=day, precision="day" if day else "unknown"),
        location=Location(
            name=place,
            admin1=admin1,
            country=country,
            country_code=country_code,
            lat=lat,
            lon=lon,
            precision=precision,
        ),
        killed=count(killed),
        injured=count(injured),
        perpetrators=tuple(Perpetrator(name=n, kind=k, status=perp_status) for n, k in perps),
        targets=tuple(Target(text=t) for t in targets),
        victims=tuple(Victim(text=v, named=True) for v in victims),
        weapons=tuple(Weapon(text=w) for w in weapons),
    )


@pytest.fixture
def make_event() -> Callable[..., Event]:
    return build_event


def predictor_from(events_for: EventsFor) -> Callable[[Sequence[Report]], Iterator[ReportResult]]:
    def predict(reports: Sequence[Report]) -> Iterator[ReportResult]:
        for report in reports:
            yield ReportResult(id=report.id, events=tuple(events_for(report)), report=report)

    return predict


@pytest.fixture
def fake_predictor() -> Callable[[EventsFor], Callable[[Sequence[Report]], Iterator[ReportResult]]]:
    return predictor_from


@pytest.fixture
def no_events() -> Callable[[Sequence[Report]], Iterator[ReportResult]]:
    return predictor_from(lambda report: ())


def _write_jsonl(path: Path, rows: Sequence[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def _muc4(root: Path) -> None:
    texts = {
        "TST1-MUC3-0001": "   NOWHERE CITY, 3 MAR 90 (XYZ) -- [TEXT] MASKED GUNMEN OF THE RED FRONT\n"
        "ATTACKED A POLICE POST WITH RIFLES YESTERDAY, KILLING TWO GUARDS.",
        "TST2-MUC4-0002": "   SOMEWHERE, 9 APR 90 (XYZ) -- [TEXT] THE MINISTER SPOKE ABOUT TRADE.",
    }
    key = {
        "slots": {
            "INCIDENT: DATE": ["02 MAR 90"],
            "INCIDENT: LOCATION": ["NARNIA: NOWHERE CITY (CITY)"],
            "PERP: ORGANIZATION CONFIDENCE": ['CLAIMED OR ADMITTED: "RED FRONT"'],
        },
        "derived": {"relevant": True, "incident_type": "ATTACK", "claimed": True},
    }
    irrelevant = {"slots": {}, "derived": {"relevant": False, "incident_type": "*", "claimed": None}}
    _write_jsonl(
        root / "muc4/full_templates/tst1.jsonl",
        [{"docid": "TST1-MUC3-0001", "split": "tst1", "text": texts["TST1-MUC3-0001"], "templates": [key]}],
    )
    _write_jsonl(
        root / "muc4/full_templates/tst2.jsonl",
        [
            {
                "docid": "TST2-MUC4-0002",
                "split": "tst2",
                "text": texts["TST2-MUC4-0002"],
                "templates": [irrelevant],
            }
        ],
    )
    gold = {
        "incident_type": "attack",
        "PerpInd": [[["masked gunmen", 40], ["gunmen", 47]]],
        "PerpOrg": [[["red front", 61]]],
        "Target": [[["police post", 80]]],
        "Victim": [[["guards", 130]]],
        "Weapon": [[["rifles", 97]]],
    }
    _write_jsonl(
        root / "muc4/gtt/dev.jsonl",
        [
            {"docid": "TST1-MUC3-0001", "doctext": texts["TST1-MUC3-0001"].lower(), "templates": [gold]},
            {"docid": "TST2-MUC4-0002", "doctext": texts["TST2-MUC4-0002"].lower(), "templates": []},
        ],
    )


def _gva(root: Path) -> None:
    incidents = [
        {
            "incident_uri": "1001",
            "date": "May 2, 2016",
            "state": "Ohio",
            "city_or_county": "Springfield",
            "num_killed": 1,
            "num_injured": 2,
            "latitude": 39.92,
            "longitude": -83.81,
        },
        {
            "incident_uri": "1002",
            "date": "June 5, 2016",
            "state": "Texas",
            "city_or_county": "Harris (county)",
            "num_killed": 0,
            "num_injured": 1,
            "latitude": None,
            "longitude": None,
        },
    ]
    docs = [
        {
            "incident_id": "1001",
            "doc_id": "d1",
            "title": "Man killed in shooting",
            "dct": "2016-05-03",
            "content": "A man was shot dead and two people were wounded in Springfield on Monday.",
        },
        {
            "incident_id": "1001",
            "doc_id": "d2",
            "title": "Police name victim",
            "dct": "2016-05-04",
            "content": "Police named the man killed in Monday's shooting in Springfield.",
        },
        {
            "incident_id": "1002",
            "doc_id": "d3",
            "title": "Teen wounded",
            "dct": "2016-06-06",
            "content": "A teenager was wounded by gunfire on Sunday night, deputies said.",
        },
        {"incident_id": "1002", "doc_id": "d4", "title": "Empty", "dct": "2016-06-06", "content": ""},
        {
            "incident_id": "9999",
            "doc_id": "d5",
            "title": "Unlabelled",
            "dct": "2016-06-07",
            "content": "A shooting happened somewhere else.",
        },
    ]
    _write_jsonl(root / "gva/incidents.jsonl", incidents)
    _write_jsonl(root / "gva/documents.jsonl", docs)


def _isaf(root: Path) -> None:
    rows = [
        {
            "id": "isaf-a",
            "text": "2012-05-S-001\n\nKABUL, Afghanistan (May 4)\nIn Nawa district, Helmand province, "
            "a security force killed two insurgents yesterday.",
            "labels": {"start_date": "2012-05-03", "province": ["helmand"], "min_killed": 2},
        },
        {
            "id": "isaf-b",
            "text": "KABUL, Afghanistan (Jan. 9, 2011)\nA security force detained a suspect in "
            "Paktiya province today.",
            "labels": {"start_date": "2011-01-09", "province": ["paktya"], "min_killed": 0},
        },
    ]
    _write_jsonl(root / "isaf/isaf_shared.jsonl", rows)


def _case(root: Path) -> None:
    path = root / "case2021_task2/test_shared_half.tsv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "id\tEventSnippet\tSubType\n"
        "1\tA car bomb exploded near the market.\tREM_EXPLOS\n"
        "2\tThousands marched peacefully in the capital.\tPEACE_PROTEST\n"
        "3\tRioters smashed shop windows.\tVIOL_DEMONSTR\n",
        encoding="utf-8",
    )


def _giveme5w1h(root: Path) -> None:
    arts = [
        (
            "g1",
            "consulate attack",
            "A truck bomb hit the consulate in Northtown late on Thursday.",
            "Northtown",
            "2016-11-10",
        ),
        (
            "g2",
            "consulate attack",
            "Attackers bombed the consulate in Northtown, officials said.",
            "Northtown",
            "2016-11-10",
        ),
        ("g3", "match", "The home team won the final on Wednesday.", "the stadium", "2016-11-02"),
    ]
    for did, cat, text, where, day in arts:
        path = root / "giveme5w1h/data" / f"{did}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        five = {
            "who": {"annotated": [{"text": "Attackers", "coderPhraseCount": 2}]},
            "when": {"annotated": [{"text": "Thursday", "parsed": day}]},
            "where": {"annotated": [{"text": where}]},
        }
        path.write_text(
            json.dumps(
                {
                    "category": cat,
                    "dId": did,
                    "date_publish": f"{day} 10:00:00",
                    "title": text[:20],
                    "text": text,
                    "fiveWoneH": five,
                }
            )
        )


@pytest.fixture
def synthetic_root(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    _muc4(root)
    _gva(root)
    _isaf(root)
    _case(root)
    _giveme5w1h(root)
    return root
