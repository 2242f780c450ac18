"""Write throughput of the two store backends, and of two writers sharing PostgreSQL.

Synthetic coded articles (``--articles`` of them, ``--events`` events each, the
fields of real events) are saved as ``tocsin code`` saves them: ``save_articles``
in batches of 64 articles, one transaction per batch. Configurations:

* ``duckdb``: one writer into a new DuckDB file;
* ``postgresql``: one writer into a new PostgreSQL schema;
* ``postgresql x2 disjoint``: two processes at once, each half of the articles;
* ``postgresql x2 overlapping``: two processes at once, each all of the articles
  (so every article is written twice, concurrently, and must end up once).

Each run checks the end state (every article once, ``articles × events`` events,
no (event_id, coder) twice). Times are wall-clock from the first write to the
last commit, medians of ``--runs``.

    export TOCSIN_TEST_POSTGRES="$(tools/pg_test_server.sh start)"
    .venv/bin/python benchmarks/store_writes.py --articles 2000 --events 10 --runs 3

Results: a table on standard output and ``benchmarks/out/results_store.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from tocsin.records import Actor, Article, Event, Location
from tocsin.store import open_store

HERE = Path(__file__).resolve().parent
DEFAULT_RESULTS = HERE / "out" / "results_store.json"
CODER = "tocsin.patterns.v1"
BATCH = 64


def make_items(ids: list[str], n_events: int) -> list[tuple[Article, list[Event]]]:
    """Articles with ``n_events`` plausible events each (deterministic from the ids)."""
    items = []
    for article_id in ids:
        number = int(article_id[1:])
        day = date(2024, 1, 1) + timedelta(days=number % 365)
        article = Article(id=article_id, text="Moscou et Pékin ont signé un accord. " * 20,
                          title=f"Dépêche {number}", published=day, language="fr",
                          outlet="Exemple", url=f"https://example.org/{article_id}")
        events = [
            Event(event_id=f"{article_id}-{i}", article_id=article_id, sentence_index=i,
                  sentence="Moscou et Pékin ont signé un accord de coopération militaire.",
                  trigger="ont signé", trigger_span=(17, 26), type="AGREE", mode=None,
                  context=["military"], cameo="057", quad_class=1, goldstein=8.0,
                  source=Actor("Moscou", "RUSGOV", "RUS", "GOV", "Russia", "Q159"),
                  target=Actor("Pékin", "CHNGOV", "CHN", "GOV", "China", "Q148"),
                  attribution=Actor("TASS", "RUSMED", "RUS", "MED", "TASS", None),
                  date=day, date_precision="day", date_text="mardi",
                  location=Location("Moscou", "RUS", "Moscow", 55.75, 37.62),
                  language="fr", confidence=0.8, coder=CODER, pattern="fr.v.signer")
            for i in range(n_events)
        ]
        items.append((article, events))
    return items


def write(url: str, ids: list[str], n_events: int) -> float:
    """Save the articles in batches; seconds from the first write to the last commit."""
    items = make_items(ids, n_events)
    with open_store(url) as store:
        run = store.begin_run({"benchmark": "store_writes"}, CODER)
        started = time.perf_counter()
        for start in range(0, len(items), BATCH):
            store.save_articles(items[start:start + BATCH], coder=CODER, run_id=run)
        elapsed = time.perf_counter() - started
        store.finish_run(run, len(items), len(items) * n_events, 0)
    return elapsed


def _fresh_schema(server: str) -> str:
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server, autocommit=True) as con:
        con.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in server else "?"
    return f"{server}{sep}options=-csearch_path%3D{schema}"


def _drop_schema(server: str, url: str) -> None:
    import psycopg

    schema = url.rsplit("%3D", 1)[1]
    with psycopg.connect(server, autocommit=True) as con:
        con.execute(f'DROP SCHEMA "{schema}" CASCADE')


def _check(url: str, n_articles: int, n_events: int) -> None:
    with open_store(url, read_only=True) as store:
        status = store.schema_status()
        events = store.query()
    keys = {(e.event_id, e.coder) for e in events}
    if status.n_articles != n_articles or len(events) != n_articles * n_events or len(keys) != len(events):
        raise SystemExit(f"wrong end state: {status.n_articles} articles, {len(events)} events, "
                         f"{len(keys)} distinct (expected {n_articles}, {n_articles * n_events})")


def two_writers(url: str, ids_a: list[str], ids_b: list[str], n_events: int) -> float:
    """Two processes writing at once; wall time from their common start to the last commit."""
    procs = [subprocess.Popen([sys.executable, __file__, "--child", url, ",".join(ids), str(n_events)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
             for ids in (ids_a, ids_b)]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    started = time.perf_counter()
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in procs:
        proc.communicate(timeout=600)
        if proc.returncode != 0:
            raise SystemExit("a writer failed")
    return time.perf_counter() - started


def child(url: str, ids: str, n_events: int) -> None:
    items_ids = ids.split(",")
    make_items(items_ids[:1], 1)  # warm imports before the start signal
    with open_store(url):
        pass  # the schema exists before the clock starts
    print("ready", flush=True)
    sys.stdin.readline()
    write(url, items_ids, n_events)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--events", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--postgres", default=os.environ.get("TOCSIN_TEST_POSTGRES"),
                        help="server URL (default: $TOCSIN_TEST_POSTGRES); each run uses a new schema")
    parser.add_argument("--results", type=Path, default=DEFAULT_RESULTS)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], int(args.child[2]))
        return

    ids = [f"a{i:07d}" for i in range(args.articles)]
    half = len(ids) // 2
    n_events = args.events
    results: dict[str, list[float]] = {}

    def record(name: str, seconds: float) -> None:
        results.setdefault(name, []).append(seconds)

    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            path = str(Path(tmp) / "bench.duckdb")
            record("duckdb", write(path, ids, n_events))
            _check(path, len(ids), n_events)
        if args.postgres:
            for name, job in (
                ("postgresql", lambda url: write(url, ids, n_events)),
                ("postgresql x2 disjoint", lambda url: two_writers(url, ids[:half], ids[half:], n_events)),
                ("postgresql x2 overlapping", lambda url: two_writers(url, ids, list(reversed(ids)), n_events)),
            ):
                url = _fresh_schema(args.postgres)
                try:
                    open_store(url).close()
                    record(name, job(url))
                    _check(url, len(ids), n_events)
                finally:
                    _drop_schema(args.postgres, url)

    rows: list[dict[str, Any]] = []
    print(f"{args.articles} articles × {n_events} events, batches of {BATCH}, median of {args.runs} runs")
    print(f"{'configuration':28} {'seconds':>8} {'events/s':>10} {'articles/s':>11}")
    for name, times in results.items():
        seconds = statistics.median(times)
        written = len(ids) * (2 if name.endswith("overlapping") else 1)
        row = {"configuration": name, "seconds": round(seconds, 3), "articles_written": written,
               "events_per_s": round(written * n_events / seconds), "articles_per_s": round(written / seconds),
               "runs": [round(t, 3) for t in times]}
        rows.append(row)
        print(f"{name:28} {seconds:8.2f} {row['events_per_s']:10,} {row['articles_per_s']:11,}")
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps({"articles": args.articles, "events_per_article": n_events,
                                        "batch": BATCH, "results": rows}, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
