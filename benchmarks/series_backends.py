"""Dyad series on DuckDB and PostgreSQL from one synthetic corpus: the same points, and how long.

``--articles`` synthetic articles (10 events each, 8 actors, 4 event types, dates
over 500 days, one event in four coded by two coder versions) are stored in a new
DuckDB file and a new PostgreSQL schema (``save_articles_bulk``, as the
importers do). Three series queries run on both (every pair per week, one dyad
per day, every directed pair per month); the script fails unless both backends
give the same points, and prints the best of ``--runs`` timings of each.

    export TOCSIN_TEST_POSTGRES="$(tools/pg_test_server.sh start)"
    .venv/bin/python benchmarks/series_backends.py --articles 2000 --runs 5
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

from tocsin.records import Actor, Article, Event, SeriesPoint
from tocsin.store import open_store
from tocsin.store.series_sql import SeriesQuery

CODES = ["RUSGOV", "CHNMIL", "UKRGOV", "USAGOV", "FRAGOV", "IGONATO", "DEUGOV", "IRNMIL"]
TYPES = [("CONSULT", "040", 1, 1.0), ("ASSAULT", "190", 4, -10.0), ("THREATEN", "130", 3, -4.4),
         ("AGREE", "030", 1, 4.8)]
QUERIES = (SeriesQuery(pair=None, by="week"), SeriesQuery(pair=("RUS", "CHN"), by="day"),
           SeriesQuery(pair=None, by="month", directed=True))


def actor(code: str) -> Actor:
    country = None if code.startswith("IGO") else code[:3]
    return Actor(text=code, code=code, country=country, sector=code[3:] or None)


def corpus(n_articles: int, seed: int = 7) -> dict[str, list[tuple[Article, list[Event]]]]:
    """Items per coder version."""
    rng = random.Random(seed)
    by_coder: dict[str, list[tuple[Article, list[Event]]]] = {"c1": [], "c2": []}
    for a in range(n_articles):
        day = date(2023, 1, 1) + timedelta(days=rng.randrange(500))
        article = Article(id=f"a{a:06d}", text="…", published=day, outlet=f"outlet {a % 9}", language="en")
        events: dict[str, list[Event]] = {"c1": [], "c2": []}
        for i in range(10):
            source, target = rng.sample(CODES, 2)
            type_, cameo, quad, goldstein = rng.choice(TYPES)
            for coder in ("c1", "c2") if i % 4 == 0 else ("c1",):
                events[coder].append(Event(
                    event_id=f"{article.id}-{i}-{coder}", article_id=article.id, sentence_index=i,
                    sentence="…", trigger="…", trigger_span=(0, 1), type=type_, mode=None, context=[],
                    cameo=cameo, quad_class=quad, goldstein=goldstein,
                    source=actor(source), target=actor(target),
                    negated=False, modality="asserted", attribution=None, date=day, date_precision="day",
                    date_text=None, location=None, language="en", confidence=0.9, coder=coder, pattern="p",
                ))
        for coder in by_coder:
            by_coder[coder].append((article, events[coder]))
    return by_coder


def comparable(points: list[SeriesPoint]) -> list[tuple]:
    return [(p.period, p.source, p.target, p.n_events, p.n_mentions, p.type_counts, p.quad_counts,
             round(p.goldstein_sum, 6), round(p.intensity_sum, 6), p.n_sources, p.n_negated) for p in points]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    server = os.environ.get("TOCSIN_TEST_POSTGRES")
    if not server:
        parser.error("set TOCSIN_TEST_POSTGRES to a PostgreSQL server URL (tools/pg_test_server.sh start)")
    import psycopg

    items = corpus(args.articles)
    schema = f"tocsin_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server, autocommit=True) as con:
        con.execute(f'CREATE SCHEMA "{schema}"')
    try:
        with tempfile.TemporaryDirectory() as folder:
            urls = {"duckdb": str(Path(folder) / "series.duckdb"),
                    "postgresql": f"{server}{'&' if '?' in server else '?'}options=-csearch_path%3D{schema}"}
            stores = {name: open_store(url) for name, url in urls.items()}
            try:
                for store in stores.values():
                    for coder, coded in items.items():
                        store.save_articles_bulk(coded, coder=coder, run_id="bench")
                n = stores["duckdb"].count_events()
                print(f"{args.articles} articles, {n} events (best of {args.runs})\n")
                print("| series | points | DuckDB ms | PostgreSQL ms |\n|---|---|---|---|")
                for q in QUERIES:
                    best, found = {}, {}
                    for name, store in stores.items():
                        times = []
                        for _ in range(args.runs):
                            start = time.perf_counter()
                            found[name] = store.series_points(q)
                            times.append(time.perf_counter() - start)
                        best[name] = min(times) * 1000
                    if comparable(found["duckdb"]) != comparable(found["postgresql"]):
                        print(f"the backends disagree on {q}", file=sys.stderr)
                        return 1
                    label = f"{'-'.join(q.pair) if q.pair else 'every pair'}{' directed' if q.directed else ''}, per {q.by}"
                    print(f"| {label} | {len(found['duckdb'])} | {best['duckdb']:.0f} | {best['postgresql']:.0f} |")
            finally:
                for store in stores.values():
                    store.close()
    finally:
        with psycopg.connect(server, autocommit=True) as con:
            con.execute(f'DROP SCHEMA "{schema}" CASCADE')
    print("\nsame points from both backends")
    return 0


if __name__ == "__main__":
    sys.exit(main())
