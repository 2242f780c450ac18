"""Throughput of ``--engine dask`` with 1 and 2 workers on the benchmark corpus.

For each worker count, a fresh local cluster (one thread per worker process) is
started, then ``--runs`` repetitions of ``run_dask`` over the corpus are timed:
partitions coded on the workers, written as Parquet, loaded into a temporary
DuckDB store by the driver. The first repetition after the cluster starts
includes the workers' model loading (reported apart as ``first_s``); the
medians of the later repetitions are the steady-state rate. Memory per worker
is the peak RSS of each worker process (``getrusage`` inside the worker).

The sizes of the Parquet dataset and of the DuckDB file written by the first
repetition are reported too (for capacity planning). A single-process run
(``Engine.code`` in this process) is made once for the event-id comparison: the script checks that the distributed run gives the same
event ids and count.

    .venv/bin/python benchmarks/generate_corpus.py
    .venv/bin/python benchmarks/run_dask_benchmark.py --workers 1 2 --runs 3

Results: a table on standard output and ``benchmarks/out/results_dask.json``.
"""

from __future__ import annotations

import argparse
import json
import logging
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE / "out" / "corpus.jsonl"
DEFAULT_RESULTS = HERE / "out" / "results_dask.json"


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(corpus: Path, workers: int, runs: int, partition_size: int) -> dict[str, Any]:
    from distributed import Client, LocalCluster

    from tocsin.ingest import read_inputs
    from tocsin.scale.dask_engine import DaskOptions, run_dask
    from tocsin.store import EventFilter, open_store

    times: list[float] = []
    ids: list[str] = []
    n_articles = 0
    parquet_bytes = duckdb_bytes = 0
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        options = DaskOptions(scheduler=cluster.scheduler_address, partition_size=partition_size)
        for k in range(runs + 1):
            with tempfile.TemporaryDirectory() as tmp:
                store = open_store(Path(tmp) / "bench.duckdb")
                start = time.perf_counter()
                result = run_dask(read_inputs([corpus]), Path(tmp) / "pq", options=options, store=store)
                times.append(time.perf_counter() - start)
                if k == 0:
                    ids = sorted(e.event_id for e in store.query(EventFilter()))
                    n_articles = result.n_articles
                store.close()
                if k == 0:
                    parquet_bytes = sum(p.stat().st_size for p in (Path(tmp) / "pq").rglob("*.parquet"))
                    duckdb_bytes = (Path(tmp) / "bench.duckdb").stat().st_size
            print(f"  workers={workers} run {k}: {times[-1]:.1f} s ({result.n_articles} articles, "
                  f"{result.n_events} events, {len(result.failures)} failed)", file=sys.stderr)
        worker_rss = client.run(_peak_rss_mb)
    steady = statistics.median(times[1:]) if runs else times[0]
    return {
        "workers": workers,
        "partition_size": partition_size,
        "first_s": times[0],
        "runs_s": times[1:],
        "median_s": steady,
        "articles": n_articles,
        "articles_per_s": n_articles / steady,
        "events": len(ids),
        "event_ids": ids,
        "worker_peak_rss_mb": sorted(worker_rss.values()),
        "parquet_bytes": parquet_bytes,
        "duckdb_bytes": duckdb_bytes,
    }


def single_process_ids(corpus: Path) -> tuple[list[str], float]:
    from tocsin.ingest import read_inputs
    from tocsin.pipeline import Engine

    engine = Engine()
    start = time.perf_counter()
    ids = sorted(e.event_id for o in engine.code(read_inputs([corpus])) for e in o.events)
    return ids, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--runs", type=int, default=3, help="timed repetitions after the first (warm-up) one")
    parser.add_argument("--partition-size", type=int, default=32)
    parser.add_argument("--output", type=Path, default=DEFAULT_RESULTS)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        parser.error(f"{args.corpus} is missing: run benchmarks/generate_corpus.py first")

    local_ids, local_s = single_process_ids(args.corpus)
    print(f"single process (models already loaded, includes model warm-up): {local_s:.1f} s, "
          f"{len(local_ids)} events", file=sys.stderr)
    results = [measure(args.corpus, w, args.runs, args.partition_size) for w in args.workers]
    base = results[0]["articles_per_s"] / results[0]["workers"]
    print("| workers | first run s (model load incl.) | median s | articles/s | speed-up | scaling efficiency "
          "| peak RSS per worker MB | same event ids as one process |")
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        speedup = r["articles_per_s"] / results[0]["articles_per_s"]
        r["scaling_efficiency"] = r["articles_per_s"] / (base * r["workers"])
        r["same_events_as_single_process"] = r["event_ids"] == local_ids
        print(f"| {r['workers']} | {r['first_s']:.1f} | {r['median_s']:.1f} | {r['articles_per_s']:.1f} | "
              f"{speedup:.2f} | {r['scaling_efficiency']:.2f} | "
              f"{', '.join(f'{v:.0f}' for v in r['worker_peak_rss_mb'])} | "
              f"{'yes' if r['same_events_as_single_process'] else 'NO'} ({r['events']} events) |")
    for r in results:
        print(f"storage, {r['workers']} worker(s): Parquet {r['parquet_bytes'] / 1e6:.1f} MB, "
              f"DuckDB {r['duckdb_bytes'] / 1e6:.1f} MB for {r['articles']} articles and {r['events']} events")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    for r in results:
        r.pop("event_ids")
    args.output.write_text(json.dumps({"corpus": str(args.corpus), "single_process_events": len(local_ids),
                                       "results": results}, indent=2))
    return 0 if all(r["same_events_as_single_process"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
