"""Measure event deduplication (clustering of mentions) on the labelled set.

    .venv/bin/python scripts/eval_event_dedup.py [--data tests/data/event_clusters.jsonl]
                                                  [--mode gold|coded|both] [--json FILE]

Prints pairwise and B-cubed precision, recall and F1 (see
tocsin.evaluation.clusters for the definitions) for the clustering of the
labelled event fields (``gold``) and of the coder's own events (``coded``,
loads the spaCy models). The numbers in docs/ingest.md come from this script.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT / "tests" / "data" / "event_clusters.jsonl"


def main(argv: list[str] | None = None) -> int:
    from tocsin.dedup.events import ClusterOptions
    from tocsin.evaluation.clusters import (
        coded_assignment,
        gold_assignment,
        load_labelled_mentions,
        score,
    )

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--mode", choices=("gold", "coded", "both"), default="both")
    parser.add_argument("--window", type=int, default=ClusterOptions().window_days)
    parser.add_argument("--min-score", type=float, default=ClusterOptions().min_score)
    parser.add_argument("--json", type=Path, help="write the scores to this file")
    parser.add_argument("--grid", action="store_true",
                        help="also print B-cubed F1 for other windows and min_score values")
    args = parser.parse_args(argv)

    items = load_labelled_mentions(args.data)
    gold = {m.id: m.cluster for m in items}
    options = ClusterOptions(window_days=args.window, min_score=args.min_score)
    languages = sorted({m.language for m in items})
    print(f"{args.data}: {len(items)} mentions, {len(set(gold.values()))} clusters, "
          f"languages {', '.join(languages)}; window {options.window_days} days, "
          f"min_score {options.min_score}")
    results = {}
    if args.mode in ("gold", "both"):
        results["gold"] = score(gold, gold_assignment(items, options))
    if args.mode in ("coded", "both"):
        from tocsin.pipeline import Engine

        predicted, coverage = coded_assignment(items, Engine(), options)
        results["coded"] = score(gold, predicted, coverage)
    print(f"{'mode':6} {'pairs P':>8} {'pairs R':>8} {'pairs F1':>8} {'B3 P':>6} {'B3 R':>6} "
          f"{'B3 F1':>6} {'clusters':>8} {'coverage':>8}")
    for mode, s in results.items():
        print(f"{mode:6} {s.pairwise_precision:8.3f} {s.pairwise_recall:8.3f} {s.pairwise_f1:8.3f} "
              f"{s.bcubed_precision:6.3f} {s.bcubed_recall:6.3f} {s.bcubed_f1:6.3f} "
              f"{s.predicted_clusters:>8} {s.coverage:8.3f}")
    if args.grid:
        print("\nB-cubed F1 (gold mode) by window (rows) and min_score (columns):")
        scores = (0.45, 0.55, 0.65, 0.75)
        print("window " + " ".join(f"{v:>6}" for v in scores))
        for window in (1, 2, 3, 5):
            row = [score(gold, gold_assignment(items, ClusterOptions(window_days=window, min_score=v))).bcubed_f1
                   for v in scores]
            print(f"{window:>6} " + " ".join(f"{v:6.3f}" for v in row))
    if args.json:
        args.json.write_text(json.dumps({k: v.to_dict() for k, v in results.items()}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
