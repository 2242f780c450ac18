"""The bundled sample corpus: each article yields the events an analyst expects."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tocsin.ingest import read_inputs
from tocsin.records import Actor, Event

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "tocsin" / "data" / "sample"
EXPECTED = Path(__file__).resolve().parent / "data"
SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}


def _expected() -> list[tuple[str, dict]]:
    cases = []
    for path in sorted(EXPECTED.glob("sample_expected_*.json")):
        for article_id, events in json.loads(path.read_text(encoding="utf-8")).items():
            cases.extend((article_id, e) for e in events)
    return cases


@pytest.fixture(scope="module")
def coded(engine) -> dict[str, list[Event]]:
    articles = [a for a in read_inputs(sorted(SAMPLE.glob("*.jsonl")))]
    out: dict[str, list[Event]] = {}
    for outcome in engine.code(articles):
        assert outcome.problem is None, outcome.problem
        out[outcome.article.id] = list(outcome.events)
    return out


def _side(actor: Actor | None) -> str | None:
    if actor is None or not actor.resolved:
        return None
    return actor.country or actor.code


def _matches(event: Event, want: dict) -> bool:
    if event.type not in want["type"]:
        return False
    pair = (_side(event.source), _side(event.target))
    expected = (want.get("source_country"), want.get("target_country"))
    ok = pair == expected or (event.type in SYMMETRIC and pair == expected[::-1])
    if expected[1] is None:
        ok = pair[0] == expected[0]
    if not ok or bool(want.get("negated")) != event.negated:
        return False
    if want.get("date"):
        return event.date == date.fromisoformat(want["date"])
    return True


def test_every_sample_article_has_expectations() -> None:
    ids = {json.loads(line)["id"] for p in SAMPLE.glob("*.jsonl") for line in p.read_text(encoding="utf-8").splitlines() if line.strip()}
    assert ids == {article_id for article_id, _ in _expected()}
    assert len(ids) >= 12


@pytest.mark.parametrize(("article_id", "want"), _expected(), ids=lambda v: v if isinstance(v, str) else "")
def test_expected_event_is_found(coded: dict[str, list[Event]], article_id: str, want: dict) -> None:
    events = coded[article_id]
    assert any(_matches(e, want) for e in events), (
        f"{article_id}: no {want} among "
        + "; ".join(f"{e.type} {_side(e.source)}->{_side(e.target)} neg={e.negated} {e.date} [{e.pattern}]" for e in events)
    )
