"""Check that the sentence pre-filter loses no event: code corpora with and without it.

For every JSONL file given (gold corpora, the bundled sample, the benchmark
corpus), the articles are coded twice — ``PipelineOptions(prefilter=True)`` and
``prefilter=False`` — and the two event lists are compared record by record.
The report gives sentences parsed, events found and the events that differ.

    .venv/bin/python benchmarks/check_recall.py tests/gold/*.jsonl src/tocsin/data/sample/*.jsonl
    .venv/bin/python benchmarks/check_recall.py benchmarks/out/corpus.jsonl --limit 100

When ``tocsin.evaluation`` provides a scorer, ``tocsin eval`` gives the full-event
F1 of each setting (see docs/benchmarks.md for the commands).
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
        _, pieces = engine._plan(article, lang)
        total += len(split_sentences(text))
        parsed += len(pieces)
    events = [e for outcome in engine.code(articles) for e in outcome.events]
    return events, total, parsed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="first N articles of each file")
    parser.add_argument("--json", type=Path, default=None, help="write the report as JSON here")
    args = parser.parse_args(argv)
    with_pf = Engine(PipelineOptions(prefilter=True))
    without = Engine(PipelineOptions(prefilter=False))
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
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
