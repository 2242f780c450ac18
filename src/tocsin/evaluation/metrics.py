"""Scores from matched texts: precision, recall, F1, actor and negation accuracy.

:func:`score` turns a list of :class:`~tocsin.evaluation.match.TextMatch` into a
flat dictionary of metrics (the same keys for the whole run and for every
group); :func:`score_by` groups texts by language, source format or split;
:func:`score_by_type` attributes each gold event and each prediction to a type.
A ratio whose denominator is zero is ``None`` (no evidence), never 0 or 1.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from tocsin.evaluation.match import NONE_LABEL, TextMatch

__all__ = ["PRF", "confusion_matrix", "ratio", "score", "score_by", "score_by_type"]

#: Metric names the quality gate may pin.
GATED_METRICS = ("event_f1", "type_f1", "negation_accuracy")


def ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


@dataclass(frozen=True, slots=True)
class PRF:
    """True positives, false positives and misses, with precision, recall and F1."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float | None:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        return ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def as_dict(self, prefix: str) -> dict[str, Any]:
        return {
            f"{prefix}_tp": self.tp, f"{prefix}_fp": self.fp, f"{prefix}_fn": self.fn,
            f"{prefix}_precision": self.precision, f"{prefix}_recall": self.recall,
            f"{prefix}_f1": self.f1,
        }


def score(matches: Sequence[TextMatch]) -> dict[str, Any]:
    """All metrics over ``matches`` (one flat dictionary)."""
    full = PRF(
        tp=sum(len(m.full) for m in matches),
        fp=sum(len(m.false_positives) for m in matches),
        fn=sum(len(m.misses) for m in matches),
    )
    typed = PRF(
        tp=sum(len(m.type_pairs) for m in matches),
        fp=sum(len(m.type_false_positives) for m in matches),
        fn=sum(len(m.type_misses) for m in matches),
    )
    out: dict[str, Any] = {
        "texts": len(matches),
        "texts_failed": sum(1 for m in matches if m.problem),
        "gold_events": sum(len(m.item.events) for m in matches),
        "predicted_events": sum(len(m.predictions) for m in matches),
        "ignored_acceptable": sum(len(m.ignored) for m in matches),
        "skipped_gold_events": sum(m.item.skipped_events for m in matches),
    }
    out.update(full.as_dict("event"))
    out.update(typed.as_dict("type"))

    # actor resolution over type-aligned pairs
    for slot in ("source", "target"):
        checks = [c for m in matches for c in m.actor_checks if c.slot == slot]
        country = [c.country_ok for c in checks if c.country_ok is not None]
        sector = [c.sector_ok for c in checks if c.sector_ok is not None]
        out[f"{slot}_country_accuracy"] = ratio(sum(country), len(country))
        out[f"{slot}_country_n"] = len(country)
        out[f"{slot}_sector_accuracy"] = ratio(sum(sector), len(sector))
        out[f"{slot}_sector_n"] = len(sector)

    # negation over pairs that agree on type and actors
    agree = total = neg_tp = neg_fp = neg_fn = 0
    for m in matches:
        for g, p in m.negation_pairs.items():
            gold_neg = m.item.events[g].negated
            if gold_neg is None:
                continue
            pred_neg = bool(m.predictions[p].negated)
            total += 1
            agree += gold_neg == pred_neg
            neg_tp += gold_neg and pred_neg
            neg_fp += (not gold_neg) and pred_neg
            neg_fn += gold_neg and not pred_neg
    negation = PRF(neg_tp, neg_fp, neg_fn)
    out["negation_accuracy"] = ratio(agree, total)
    out["negation_n"] = total
    out["negation_precision"] = negation.precision
    out["negation_recall"] = negation.recall
    out["negation_gold_true"] = neg_tp + neg_fn
    return out


def score_by(matches: Iterable[TextMatch], key: Callable[[TextMatch], str]) -> dict[str, dict[str, Any]]:
    """Metrics per group of texts (sorted by group name)."""
    groups: dict[str, list[TextMatch]] = defaultdict(list)
    for m in matches:
        groups[key(m)].append(m)
    return {name: score(groups[name]) for name in sorted(groups)}


def score_by_type(matches: Iterable[TextMatch]) -> dict[str, dict[str, Any]]:
    """Full-event and type-level P/R/F1 per label (PLOVER type or CAMEO root).

    A gold event counts under the type it was matched as (its first type when
    missed); a false positive under its predicted type.
    """
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for m in matches:
        for g, p in m.full.items():
            counts[m.gold_label(g, p)]["event_tp"] += 1
        for g in m.misses:
            counts[m.gold_label(g)]["event_fn"] += 1
        for p in m.false_positives:
            counts[m.pred_label(p)]["event_fp"] += 1
        for g, p in m.type_pairs.items():
            counts[m.gold_label(g, p)]["type_tp"] += 1
        for g in m.type_misses:
            counts[m.gold_label(g)]["type_fn"] += 1
        for p in m.type_false_positives:
            counts[m.pred_label(p)]["type_fp"] += 1
    out: dict[str, dict[str, Any]] = {}
    for label in sorted(counts):
        c = counts[label]
        row: dict[str, Any] = {"gold_events": c["event_tp"] + c["event_fn"]}
        row.update(PRF(c["event_tp"], c["event_fp"], c["event_fn"]).as_dict("event"))
        row.update(PRF(c["type_tp"], c["type_fp"], c["type_fn"]).as_dict("type"))
        out[label] = row
    return out


def confusion_matrix(matches: Iterable[TextMatch]) -> dict[str, dict[str, int]]:
    """``{gold label: {predicted label: count}}`` over events aligned by actors.

    ``∅`` stands for "no event": a gold event no prediction aligned with (row
    label, ``∅`` column), or a prediction with no gold event (``∅`` row).
    """
    cells: dict[str, Counter[str]] = defaultdict(Counter)
    for m in matches:
        for gold, pred in m.confusion:
            cells[gold][pred] += 1
    order = sorted(cells, key=lambda k: (k == NONE_LABEL, k))
    return {g: dict(sorted(cells[g].items(), key=lambda kv: (kv[0] == NONE_LABEL, kv[0]))) for g in order}
