"""Scoring event deduplication: clusters of mentions against labelled clusters.

The labelled set (``tests/data/event_clusters.jsonl``) has one mention per
line: a sentence with its language, outlet and publication date, the event it
reports (type, source, target, date, place, negation, as an annotator reads
it) and the ``cluster`` of the real-world event it belongs to.

Two ways to score :func:`tocsin.dedup.events.cluster_mentions` on it:

* ``gold`` — mentions built from the labelled fields: measures the clustering
  alone (perfect actors, types and dates);
* ``coded`` — every sentence is coded as an article (its publication date,
  language and outlet) and the coder's events are clustered: measures what an
  analyst gets. A labelled mention is matched to the first event of its
  sentence with the labelled type; a mention the coder missed counts as a
  cluster of its own (it hurts recall), and ``coverage`` says how many matched.

Metrics, both over the labelled mentions:

* **pairwise**: precision = share of predicted same-cluster pairs that are
  labelled same-cluster; recall = share of labelled same-cluster pairs that are
  predicted together;
* **B-cubed** (Bagga & Baldwin): for each mention, precision = share of its
  predicted cluster that shares its label, recall = share of its labelled cluster
  that shares its predicted cluster; averaged over mentions.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tocsin.dedup.events import ClusterOptions, Mention, cluster_mentions
from tocsin.errors import DataFileError
from tocsin.records import Article

if TYPE_CHECKING:
    from tocsin.pipeline import Engine

__all__ = [
    "ClusterScores", "LabelledMention", "bcubed", "coded_assignment", "gold_assignment",
    "load_labelled_mentions", "pairwise", "score",
]


@dataclass(frozen=True, slots=True)
class LabelledMention:
    id: str
    cluster: str
    language: str
    outlet: str
    published: date
    text: str
    type: str
    source: str | None
    target: str | None
    date: date | None
    place: str | None
    negated: bool


@dataclass(frozen=True, slots=True)
class ClusterScores:
    mentions: int
    clusters: int
    predicted_clusters: int
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    coverage: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {k: (round(v, 4) if isinstance(v, float) else v)
                for k, v in ((f, getattr(self, f)) for f in self.__slots__)}


def load_labelled_mentions(path: str | Path) -> list[LabelledMention]:
    out = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            out.append(LabelledMention(
                id=d["id"], cluster=d["cluster"], language=d["language"], outlet=d["outlet"],
                published=date.fromisoformat(d["published"]), text=d["text"], type=d["type"],
                source=d.get("source"), target=d.get("target"),
                date=date.fromisoformat(d["date"]) if d.get("date") else None,
                place=d.get("place"), negated=bool(d.get("negated")),
            ))
        except (KeyError, ValueError, TypeError) as exc:
            raise DataFileError(f"not a labelled mention: {exc}", source=str(path), line=number) from None
    return out


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def pairwise(gold: Mapping[str, str], predicted: Mapping[str, str]) -> tuple[float, float, float]:
    items = sorted(gold)
    same_gold = {(a, b) for a, b in combinations(items, 2) if gold[a] == gold[b]}
    same_pred = {(a, b) for a, b in combinations(items, 2) if predicted[a] == predicted[b]}
    both = len(same_gold & same_pred)
    p = both / len(same_pred) if same_pred else 1.0
    r = both / len(same_gold) if same_gold else 1.0
    return p, r, _f1(p, r)


def bcubed(gold: Mapping[str, str], predicted: Mapping[str, str]) -> tuple[float, float, float]:
    by_gold: dict[str, set[str]] = {}
    by_pred: dict[str, set[str]] = {}
    for item in gold:
        by_gold.setdefault(gold[item], set()).add(item)
        by_pred.setdefault(predicted[item], set()).add(item)
    p = r = 0.0
    for item in gold:
        g, q = by_gold[gold[item]], by_pred[predicted[item]]
        common = len(g & q)
        p += common / len(q)
        r += common / len(g)
    n = len(gold) or 1
    return p / n, r / n, _f1(p / n, r / n)


def score(gold: Mapping[str, str], predicted: Mapping[str, str], coverage: float = 1.0) -> ClusterScores:
    pp, pr, pf = pairwise(gold, predicted)
    bp, br, bf = bcubed(gold, predicted)
    return ClusterScores(
        mentions=len(gold), clusters=len(set(gold.values())),
        predicted_clusters=len(set(predicted.values())),
        pairwise_precision=pp, pairwise_recall=pr, pairwise_f1=pf,
        bcubed_precision=bp, bcubed_recall=br, bcubed_f1=bf, coverage=coverage,
    )


def gold_assignment(items: Iterable[LabelledMention],
                    options: ClusterOptions | None = None) -> dict[str, str]:
    """Predicted cluster of each labelled mention, clustering the labelled event fields."""
    mentions = [
        Mention(event_id=m.id, article_id=m.id, type=m.type, source=m.source, target=m.target,
                date=m.date or m.published, sentence=m.text, negated=m.negated, place=m.place,
                outlets=(m.outlet,), language=m.language)
        for m in items
    ]
    return {mention.event_id: c.canonical_id
            for c in cluster_mentions(mentions, options) for mention in c.mentions}


def coded_assignment(items: list[LabelledMention], engine: Engine,
                     options: ClusterOptions | None = None) -> tuple[dict[str, str], float]:
    """Code every sentence, cluster the events; the predicted cluster of each labelled
    mention and the share of mentions the coder found (with the labelled type)."""
    articles = [Article(id=m.id, text=m.text, published=m.published, language=m.language,
                        outlet=m.outlet, origin=m.id) for m in items]
    events = []
    for outcome in engine.code(articles):
        events.extend(outcome.events)
    mentions = []
    for e in events:
        place = e.location.name if e.location else None
        mentions.append(Mention(
            event_id=e.event_id, article_id=e.article_id, type=e.type,
            source=(e.source.country or e.source.code) if e.source else None,
            target=(e.target.country or e.target.code) if e.target else None,
            date=e.date or next(m.published for m in items if m.id == e.article_id),
            sentence=e.sentence, negated=e.negated, place=place, language=e.language,
        ))
    cluster_of = {m.event_id: c.canonical_id for c in cluster_mentions(mentions, options)
                  for m in c.mentions}
    by_article: dict[str, list[Any]] = {}
    for e in events:
        by_article.setdefault(e.article_id, []).append(e)
    predicted: dict[str, str] = {}
    found = 0
    for m in items:
        match = next((e for e in by_article.get(m.id, []) if e.type == m.type), None)
        if match is None:
            predicted[m.id] = f"missed:{m.id}"
        else:
            found += 1
            predicted[m.id] = cluster_of[match.event_id]
    return predicted, found / len(items) if items else 1.0
