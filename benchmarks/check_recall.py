"""Check that the sentence pre-filter loses no event: code corpora with and without it.

For every JSONL file given (gold corpora, the bundled sample, the benchmark
corpus), the articles are coded twice — ``PipelineOptions(prefilter=True)`` and
``prefilter=False`` — and the two event lists are compared record by record.
The report gives sentences parsed, events found and the events that differ.

    .venv/bin/python benchmarks/check_recall.py tests/gold/*.jsonl src/tocsin/data/sample/*.jsonl
    .venv/bin/python benchmarks/check_recall.py benchmarks/out/corpus.jsonl --limit 100

With ``--gold FILE…`` the gold corpora are also scored with ``tocsin.evaluation``
(the scorer of ``tocsin eval``) under both settings: full-event precision, recall and F1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from tocsin.ingest import read_inputs
from tocsin.nlp.segment import split_sentences
from tocsin.pipeline import Engine, PipelineOptions
from tocsin.records import Article, Event


def _key(event: Event) -> str:
    return json.dumps(asdict(event), sort_keys=True, default=str, ensure_ascii=False)


def code_file(engine: Engine, path: Path, limit: int | None) -> tuple[list[Event], int, int]:
    """Events of the articles in ``path``, sentences in total and sentences parsed."""
    articles = [item for item in read_inputs([path]) if isinstance(item, Article)]
    if limit is not None:
        articles = articles[:limit]
    total = parsed = 0
    for article in articles:
        lang = engine.language_of(article)
        text = article.full_text
        _, pieces, _ = engine._plan(article, lang)
        total += len(split_sentences(text))
        parsed += len(pieces)
    events = [e for outcome in engine.code(articles) for e in outcome.events]
    return events, total, parsed


def score_gold(engines: dict[str, Engine], gold: Sequence[Path]) -> dict[str, dict[str, float | None]]:
    """Full-event precision, recall and F1 of each engine on the gold files."""
    from tocsin.evaluation import evaluate_items, load_gold, score

    items = load_gold(gold)
    out: dict[str, dict[str, float | None]] = {}
    for name, engine in engines.items():
        metrics = score(evaluate_items(items, engine))
        out[name] = {k: metrics[k] for k in ("event_precision", "event_recall", "event_f1", "event_tp",
                                             "event_fp", "event_fn", "predicted_events")}
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="first N articles of each file")
    parser.add_argument("--gold", type=Path, nargs="*", default=[], help="gold files to score both ways")
    parser.add_argument("--json", type=Path, default=None, help="write the report as JSON here")
    args = parser.parse_args(argv)
    with_pf = Engine(PipelineOptions(prefilter=True))
    without = Engine(PipelineOptions(prefilter=False))
    without.pipelines = with_pf.pipelines  # the same loaded spaCy models
    report = []
    ok = True
    for path in args.files:
        ev_on, total, parsed = code_file(with_pf, path, args.limit)
        ev_off, _, _ = code_file(without, path, args.limit)
        on, off = {_key(e) for e in ev_on}, {_key(e) for e in ev_off}
        lost, gained = sorted(off - on), sorted(on - off)
        ok = ok and not lost and not gained
        row = {"file": str(path), "sentences": total, "parsed_with_prefilter": parsed,
               "events_with_prefilter": len(ev_on), "events_without_prefilter": len(ev_off),
               "lost": len(lost), "gained": len(gained)}
        report.append(row)
        sys.stdout.write(f"{path}: {total} sentences, {parsed} parsed with the pre-filter "
                         f"({parsed / max(total, 1):.0%}); events {len(ev_off)} without, {len(ev_on)} with; "
                         f"lost {len(lost)}, gained {len(gained)}\n")
        for item in lost[:10]:
            event = json.loads(item)
            sys.stdout.write(f"  LOST  [{event['type']}] {event['sentence']}\n")
        for item in gained[:10]:
            event = json.loads(item)
            sys.stdout.write(f"  GAINED [{event['type']}] {event['sentence']}\n")
    scores = score_gold({"with_prefilter": with_pf, "without_prefilter": without}, args.gold) if args.gold else {}
    for name, metrics in scores.items():
        sys.stdout.write(f"gold {name}: " + ", ".join(f"{k} {v:.4f}" if isinstance(v, float) else f"{k} {v}"
                                                     for k, v in metrics.items()) + "\n")
    if scores:
        gap = abs((scores["with_prefilter"]["event_f1"] or 0.0) - (scores["without_prefilter"]["event_f1"] or 0.0))
        sys.stdout.write(f"full-event F1 difference: {gap:.4f}\n")
        ok = ok and gap <= 0.005
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"files": report, "gold": scores}, indent=2), encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
