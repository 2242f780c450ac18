"""Speed of article identity (hash, MinHash, LSH), of storing articles before coding,
and of event clustering.

    .venv/bin/python benchmarks/generate_corpus.py      # once: benchmarks/out/corpus.jsonl
    .venv/bin/python benchmarks/dedup_speed.py [--corpus benchmarks/out/corpus.jsonl]
                                               [--mentions 2000 10000] [--json FILE]

1. For every article of the corpus: content hash, MinHash signature (128
   permutations of word 5-shingles), LSH query and insert — articles/s.
2. Storing every article before coding into a fresh DuckDB file: one
   transaction per article (``Ingestor.add``, as ``tocsin watch`` stores them)
   and batches of 256 (``Ingestor.add_all``, as ``tocsin ingest`` reads files) —
   articles/s.
3. ``cluster_mentions`` on synthetic mentions: one dyad and type (the worst
   case: one block), one event a day reported 5 times — mentions/s.

4. ``Store.save_coded`` of one article whose event joins a (type, negation)
   family of N stored events: the family is reclustered and rewritten in the
   coding transaction — seconds per coding batch.

Prints one line per measurement; no coding (the spaCy models are not loaded).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    from tocsin.dedup.articles import NearDuplicateIndex, content_hash, minhash_signature
    from tocsin.dedup.events import Mention, cluster_mentions
    from tocsin.ingest.readers import parse_article
    from tocsin.ingest.service import Ingestor
    from tocsin.store import open_store

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "benchmarks" / "out" / "corpus.jsonl")
    parser.add_argument("--mentions", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"{args.corpus}: missing; run benchmarks/generate_corpus.py first", file=sys.stderr)
        return 2
    lines = [json.loads(x) for x in args.corpus.read_text(encoding="utf-8").splitlines() if x.strip()]
    articles = [parse_article(d, source=str(args.corpus), line=i) for i, d in enumerate(lines, 1)]
    words = sum(len(a.text.split()) for a in articles)
    results: dict[str, float] = {}

    started = time.perf_counter()
    index = NearDuplicateIndex()
    for a in articles:
        content_hash(a.full_text)
        sig = minhash_signature(a.text)
        index.best_match(sig)
        index.add(a.id, sig)
    elapsed = time.perf_counter() - started
    results["identity_articles_per_s"] = len(articles) / elapsed
    print(f"identity (hash + MinHash + LSH): {len(articles)} articles, {words} words: "
          f"{elapsed:.2f} s, {len(articles) / elapsed:.0f} articles/s")

    for label, batched in (("one transaction per article (tocsin watch)", False),
                           ("batches of 256 (tocsin ingest FILE)", True)):
        with tempfile.TemporaryDirectory() as tmp:
            with open_store(Path(tmp) / "bench.duckdb") as store:
                ingestor = Ingestor(store)
                started = time.perf_counter()
                if batched:
                    ingestor.add_all(articles, source_name="bench")
                else:
                    for a in articles:
                        ingestor.add(a, source_name="bench")
                elapsed = time.perf_counter() - started
        results[f"store_{'batched' if batched else 'single'}_articles_per_s"] = len(articles) / elapsed
        print(f"store before coding, {label}: {elapsed:.2f} s, {len(articles) / elapsed:.0f} articles/s")

    rng = random.Random(7)
    places = ["Kharkiv", "Odesa", "Kherson", "Dnipro", "Zaporizhzhia"]
    for n in args.mentions:
        mentions = []
        for i in range(n):
            day = i // 5
            place = places[day % len(places)]
            mentions.append(Mention(
                event_id=f"m{i}", article_id=f"a{i}", type="ASSAULT", source="RUS", target="UKR",
                date=date(2024, 1, 1) + timedelta(days=day + rng.choice((0, 0, 1))),
                sentence=f"Russian forces shelled {place} on day {day}, officials said.",
                outlets=(f"outlet{i % 7}",), language="en"))
        started = time.perf_counter()
        clusters = cluster_mentions(mentions)
        elapsed = time.perf_counter() - started
        results[f"cluster_{n}_mentions_per_s"] = n / elapsed
        print(f"cluster_mentions, one block of {n} mentions: {elapsed:.2f} s, {n / elapsed:.0f} mentions/s, "
              f"{len(clusters)} canonical events")
    # 4. the store: one coded article joining a family of N stored events (what every
    #    coding batch of tocsin watch pays: the family is reclustered whole)
    from tocsin.records import Actor, Article, Event
    from tocsin.version import CODER_NAME

    def event(i: int, article_id: str) -> Event:
        return Event(event_id=f"e{i}", article_id=article_id, sentence_index=i, sentence=f"Russian forces shelled the city, day {i // 5}.",
                     trigger="shelled", trigger_span=(15, 22), type="ASSAULT", mode=None, context=[],
                     cameo="190", quad_class=4, goldstein=-10.0, source=Actor("Russian forces", "RUSMIL", "RUS", "MIL"),
                     target=Actor("Ukraine", "UKR", "UKR"), date=date(2024, 1, 1) + timedelta(days=i // 5),
                     coder=CODER_NAME, language="en")

    for n in args.mentions:
        with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "family.duckdb") as store:
            run = store.begin_run({}, CODER_NAME)
            bulk = Article(id="bulk", text="x", published=date(2024, 1, 1))
            store.save_coded([(bulk, [event(i, "bulk") for i in range(n)])], coder=CODER_NAME, run_id=run)
            new = Article(id="new", text="y", published=date(2024, 1, 1))
            started = time.perf_counter()
            store.save_coded([(new, [event(n, "new")])], coder=CODER_NAME, run_id=run)
            elapsed = time.perf_counter() - started
        results[f"save_coded_family_{n}_s"] = elapsed
        print(f"save_coded of one article into a family of {n} stored events: {elapsed:.2f} s")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
