"""Measuring the coder against gold events.

    gold files ──load_gold──▶ GoldItem ──Engine.code──▶ predicted Events
               ──match_text──▶ TextMatch ──score / build_report──▶ report ──check_gate──▶ violations

* :mod:`~tocsin.evaluation.gold` — readers of the tocsin gold JSONL, PETRARCH
  validation XML and PLOVER gold-standard JSON, into one record;
* :mod:`~tocsin.evaluation.match` — the matching rules (type, actors at country
  level, symmetry, negation, acceptable events);
* :mod:`~tocsin.evaluation.metrics` — precision, recall, F1, actor and negation scores;
* :mod:`~tocsin.evaluation.report` — the JSON report and its tables;
* :mod:`~tocsin.evaluation.gate` — the quality floors pinned in ``tests/quality_baseline.json``.
"""

from __future__ import annotations

from tocsin.evaluation.gate import check_gate, load_baseline, update_baseline
from tocsin.evaluation.gold import GoldEvent, GoldItem, gold_digest, load_gold
from tocsin.evaluation.match import TextMatch, event_matches, match_text
from tocsin.evaluation.metrics import score
from tocsin.evaluation.report import build_report
from tocsin.evaluation.runner import evaluate_items, match_items

__all__ = [
    "GoldEvent",
    "GoldItem",
    "TextMatch",
    "build_report",
    "check_gate",
    "evaluate_items",
    "event_matches",
    "gold_digest",
    "load_baseline",
    "load_gold",
    "match_items",
    "match_text",
    "score",
    "update_baseline",
]
