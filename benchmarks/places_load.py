"""Gazetteer cost: load time and memory of the place index, and the cost of a look-up.

Each run is a fresh Python process that imports tocsin's places package, then
loads the bundled gazetteer (``load_gazetteer``) and reports

* ``load_s``: wall time of the load (reading the gzip file, building the index);
* ``rss_mb``: growth of the process's peak resident memory during the load;
* ``traced_mb``: peak of the Python allocations during the load (tracemalloc);
* ``lookup_us``: mean time of one ``Gazetteer.lookup`` over a list of names.

Usage::

    .venv/bin/python benchmarks/places_load.py --runs 5

Prints one line per run and the medians; ``--json FILE`` writes them too.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

_CHILD = r"""
import json, resource, time, tracemalloc
import tocsin.places.gazetteer as g
names = ["Paris", "Kiev", "Kharkiv", "Pékin", "Varsovie", "Koursk", "Washington", "Tripoli",
         "Saint-Pétersbourg", "Nowhere-on-Sea"] * 1000
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
traced = "--traced" in __import__("sys").argv
if traced:
    tracemalloc.start()
start = time.perf_counter()
gaz = g.load_gazetteer()
load_s = time.perf_counter() - start
peak = tracemalloc.get_traced_memory()[1] if traced else 0
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
for name in names:
    gaz.lookup(name)
lookup_us = (time.perf_counter() - start) / len(names) * 1e6
print(json.dumps({"load_s": load_s, "rss_mb": (after - before) / 1024, "traced_mb": peak / 2**20,
                  "lookup_us": lookup_us, "entries": len(gaz), "names": len(gaz.index)}))
"""


def run_once(traced: bool) -> dict[str, float]:
    args = [sys.executable, "-c", _CHILD] + (["--traced"] if traced else [])
    out = subprocess.run(args, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, default=None)
    opts = parser.parse_args()
    runs = [run_once(traced=False) for _ in range(opts.runs)]
    traced = run_once(traced=True)  # tracemalloc slows the load: measured apart
    for r in runs:
        print(f"load {r['load_s']:.3f} s  rss +{r['rss_mb']:.1f} MB  lookup {r['lookup_us']:.2f} µs")
    summary = {
        "runs": opts.runs,
        "entries": runs[0]["entries"],
        "names": runs[0]["names"],
        "load_s_median": statistics.median(r["load_s"] for r in runs),
        "load_s_max": max(r["load_s"] for r in runs),
        "rss_mb_median": statistics.median(r["rss_mb"] for r in runs),
        "traced_mb": traced["traced_mb"],
        "lookup_us_median": statistics.median(r["lookup_us"] for r in runs),
    }
    print(json.dumps(summary, indent=2))
    if opts.json:
        opts.json.write_text(json.dumps(summary, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
