"""Score the coder on the public development sets in ../shared/dev-data, when present.

    .venv/bin/python scripts/eval_dev_sets.py [--data DIR] [--out FILE] [--errors]

Runs the same evaluation as ``tocsin eval`` on

* PETR.UnitTest.records.xml (PETRARCH validation records; CAMEO roots 01–20;
  fictional countries never resolve, so it is also run with unresolved actors kept,
  which measures event types alone), and
* PLOVER_GSR_CAMEO.txt (PLOVER gold-standard records, 0.5b1 labels mapped),

prints one line of scores per set and writes the full reports as one JSON file
(default ``out/dev-sets-report.json``, git-ignored). Exits 0 with a note when the data is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "dev-data"

SETS = (
    ("petrarch", "PETR.UnitTest.records.xml", False),
    ("petrarch-keep-unresolved", "PETR.UnitTest.records.xml", True),
    ("plover-gsr", "PLOVER_GSR_CAMEO.txt", False),
)


def _fmt(value: float | None) -> str:
    return "  —  " if value is None else f"{value:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with the dev sets")
    parser.add_argument("--out", type=Path, default=Path("out/dev-sets-report.json"), help="JSON report to write")
    parser.add_argument("--errors", action="store_true", help="include false positives and misses in the JSON")
    args = parser.parse_args(argv)

    if not args.data.is_dir():
        print(f"no dev data at {args.data}: nothing to score")
        return 0

    from tocsin.coding.coder import CoderOptions
    from tocsin.evaluation.gold import gold_digest, load_gold
    from tocsin.evaluation.report import build_report
    from tocsin.evaluation.runner import evaluate_items
    from tocsin.pipeline import Engine, PipelineOptions

    engines: dict[bool, Engine] = {}
    reports: dict[str, Any] = {}
    header = (f"{'set':26} {'texts':>5} {'gold':>5} {'pred':>5} {'ev P':>6} {'ev R':>6} {'ev F1':>6} "
              f"{'ty P':>6} {'ty R':>6} {'ty F1':>6} {'src':>6} {'tgt':>6} skipped")
    print(header)
    for name, filename, keep in SETS:
        path = args.data / filename
        if not path.exists():
            print(f"{name:26} (missing: {path})")
            continue
        if keep not in engines:
            engines[keep] = Engine(PipelineOptions(coder=CoderOptions(keep_unresolved=keep)))
        engine = engines[keep]
        items = load_gold([path])
        started = time.perf_counter()
        matches = evaluate_items(items, engine)
        report = build_report(matches, files=[path], digest=gold_digest([path]), split="all",
                              elapsed_s=time.perf_counter() - started, errors=args.errors,
                              coder=engine.coder.options.coder)
        command = f"tocsin eval {path}" + (" --keep-unresolved" if keep else "")
        report["command"] = command
        reports[name] = report
        o = report["overall"]
        print(f"{name:26} {o['texts']:>5} {o['gold_events']:>5} {o['predicted_events']:>5} "
              f"{_fmt(o['event_precision']):>6} {_fmt(o['event_recall']):>6} {_fmt(o['event_f1']):>6} "
              f"{_fmt(o['type_precision']):>6} {_fmt(o['type_recall']):>6} {_fmt(o['type_f1']):>6} "
              f"{_fmt(o['source_country_accuracy']):>6} {_fmt(o['target_country_accuracy']):>6} "
              f"{o['skipped_gold_events']}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"date": date.today().isoformat(), "reports": reports}, indent=2,
                                   ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"reports written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
