"""Load test of ``tocsin serve`` on loopback: latency percentiles and throughput.

1. Builds (once) a database of synthetic events (``--events``, default 100 000):
   40 countries with sectors, 16 PLOVER types, two years of dates, one to six
   events per article, and stores the alerts the detector raises on it.
2. Starts ``tocsin serve --read-only`` on 127.0.0.1 (one uvicorn process).
3. For each endpoint and each concurrency level, ``C`` asyncio clients send
   requests back to back for ``--seconds`` seconds (after a short warm-up); each
   request's wall time is recorded.

Endpoints: the event list (``/api/events?limit=50``, one in three requests
filtered by an actor pair or a type), a dyad's weekly series
(``/api/dyads/A/B/series``, random pairs among the busiest dyads) and the
alerts list (``/api/alerts?limit=50``). The client runs on the same machine as
the server and shares its cores.

    .venv/bin/python benchmarks/serve_load.py --events 100000 --concurrency 1 10 50 --seconds 15
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

from tocsin.records import Actor, Article, Event, stable_id
from tocsin.store import open_store
from tocsin.version import CODER_NAME

OUT = Path(__file__).parent / "out"
COUNTRIES = ["RUS", "CHN", "USA", "UKR", "FRA", "DEU", "GBR", "IND", "PAK", "IRN", "ISR", "TUR", "SYR",
             "IRQ", "SAU", "EGY", "JPN", "KOR", "PRK", "TWN", "BRA", "MEX", "NGA", "ETH", "SDN", "MLI",
             "NER", "DZA", "MAR", "POL", "BLR", "GEO", "ARM", "AZE", "KAZ", "AFG", "VEN", "COL", "CAN", "AUS"]
SECTORS = ["", "GOV", "MIL", "COP", "OPP", "REB", "BUS", "MED"]
TYPES = [("AGREE", 1, "030", 4.0), ("CONSULT", 1, "040", 1.0), ("SUPPORT", 1, "050", 3.5),
         ("CONCEDE", 2, "080", 5.0), ("COOPERATE", 2, "060", 6.0), ("AID", 2, "070", 7.0),
         ("RETREAT", 2, "087", 9.0), ("REQUEST", 1, "020", 3.0), ("ACCUSE", 3, "112", -2.0),
         ("REJECT", 3, "120", -4.0), ("THREATEN", 3, "138", -7.0), ("PROTEST", 3, "141", -6.5),
         ("SANCTION", 3, "163", -8.0), ("MOBILIZE", 4, "154", -7.2), ("COERCE", 4, "170", -7.0),
         ("ASSAULT", 4, "190", -10.0)]
VERBS = {"AGREE": "agreed with", "CONSULT": "met", "SUPPORT": "praised", "CONCEDE": "eased curbs on",
         "COOPERATE": "trained with", "AID": "sent aid to", "RETREAT": "withdrew from", "REQUEST": "asked",
         "ACCUSE": "accused", "REJECT": "rejected", "THREATEN": "threatened", "PROTEST": "protested to",
         "SANCTION": "sanctioned", "MOBILIZE": "massed troops near", "COERCE": "seized ships of",
         "ASSAULT": "shelled"}


def _actor(rng: random.Random, country: str) -> Actor:
    sector = rng.choice(SECTORS)
    return Actor(text=f"{country} {sector or 'state'}", code=country + sector, country=country,
                 sector=sector or None, name=country)


def make_database(path: Path, n_events: int, *, shuffled: bool = False, seed: int = 7) -> None:
    """Write ``n_events`` synthetic events into a new database at ``path``, then raise alerts.

    Articles are stored in publication order, as a news feed coded day by day
    fills the database; ``shuffled`` stores them in random order instead (a
    back-catalogue imported in no order, the slow case for the event list).
    """
    rng = random.Random(seed)
    weights = [1.0 / (i + 1) for i in range(len(COUNTRIES))]  # a few busy countries, a long tail
    start = date(2023, 1, 1)
    items: list[tuple[Article, list[Event]]] = []
    done, article_no = 0, 0
    while done < n_events:
        article_no += 1
        article_id = f"bench-{article_no:07d}"
        day = start + timedelta(days=rng.randrange(730))
        events = []
        for i in range(min(rng.randint(1, 6), n_events - done)):
            a, b = rng.choices(COUNTRIES, weights, k=2)
            if a == b:
                b = COUNTRIES[(COUNTRIES.index(a) + 1) % len(COUNTRIES)]
            kind, quad, cameo, goldstein = rng.choice(TYPES)
            src, tgt = _actor(rng, a), _actor(rng, b)
            verb = VERBS[kind]
            sentence = f"Officials said {src.text} {verb} {tgt.text} on {day:%A}, according to the report."
            t0 = sentence.index(verb)
            events.append(Event(
                event_id=stable_id(article_id, i, kind), article_id=article_id, sentence_index=i,
                sentence=sentence, trigger=verb, trigger_span=(t0, t0 + len(verb)), type=kind, mode=None,
                context=[], cameo=cameo, quad_class=quad, goldstein=goldstein, source=src, target=tgt,
                negated=rng.random() < 0.05, date=day, date_precision="day", language="en",
                confidence=0.8, coder=CODER_NAME, pattern=f"en.v.{kind.lower()}",
            ))
        done += len(events)
        items.append((Article(id=article_id, text=" ".join(e.sentence for e in events), title=None,
                              published=day, outlet=f"Outlet {article_no % 25}", language="en"), events))
    if not shuffled:
        items.sort(key=lambda item: (item[0].published, item[0].id))
    with open_store(path) as store:
        run = store.begin_run({"via": "benchmarks/serve_load.py", "shuffled": shuffled}, CODER_NAME)
        for i in range(0, len(items), 2000):
            store.save_articles(items[i:i + 2000], coder=CODER_NAME, run_id=run)
        store.finish_run(run, article_no, done, 0)
        from tocsin.analysis.alerts import AlertOptions, detect_alerts

        found = []
        for as_of in (date(2024, 3, 31), date(2024, 9, 30), date(2024, 12, 30)):
            found += detect_alerts(store, as_of=as_of, options=AlertOptions(threshold=2.0, min_events=3))
        store.save_alerts(found)
        print(f"{path}: {done} events in {article_no} articles, {len(store.alerts())} alerts", file=sys.stderr)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


def _percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, round(q / 100 * (len(sorted_values) - 1))))
    return sorted_values[k]


class _Connection:
    """A minimal HTTP/1.1 keep-alive client: GET only, bodies read by Content-Length.

    Written for the load test so that the client, which shares the machine's
    cores with the server, costs as little CPU as possible.
    """

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        length = next(int(v) for k, _, v in (line.partition(":") for line in lines[1:])
                      if k.lower() == "content-length")
        await self.reader.readexactly(length)
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            await self.writer.wait_closed()


async def _client(host: str, port: int, urls, stop: float, times: list[float], errors: list[int],
                  rng: random.Random) -> None:
    connection = _Connection(host, port)
    try:
        while time.perf_counter() < stop:
            url = urls(rng)
            t0 = time.perf_counter()
            status = await connection.get(url)
            times.append(time.perf_counter() - t0)
            if status != 200:
                errors.append(status)
    finally:
        await connection.close()


async def measure(host: str, port: int, urls, concurrency: int, seconds: float, warmup: float = 1.0,
                  server_cpu=None) -> dict:
    """Latency and throughput of ``concurrency`` clients for ``seconds`` after a warm-up;
    with ``server_cpu`` (a function giving the server's CPU seconds), its CPU per request."""
    rngs = [random.Random(i) for i in range(concurrency)]
    await asyncio.gather(*[_client(host, port, urls, time.perf_counter() + warmup, [], [], r) for r in rngs])
    times: list[float] = []
    errors: list[int] = []
    cpu_before = server_cpu() if server_cpu else 0.0
    started = time.perf_counter()
    stop = started + seconds
    await asyncio.gather(*[_client(host, port, urls, stop, times, errors, r) for r in rngs])
    elapsed = time.perf_counter() - started
    cpu_used = server_cpu() - cpu_before if server_cpu else float("nan")
    ordered = sorted(times)
    return {"concurrency": concurrency, "requests": len(times), "errors": len(errors),
            "throughput_rps": len(times) / elapsed,
            "p50_ms": 1000 * _percentile(ordered, 50), "p95_ms": 1000 * _percentile(ordered, 95),
            "p99_ms": 1000 * _percentile(ordered, 99), "mean_ms": 1000 * statistics.fmean(ordered),
            "server_cpu_ms": 1000 * cpu_used / max(len(times), 1)}


def endpoints(base: str) -> dict:
    top = _get_json(f"{base}/api/dyads/top?limit=20&since=2023-01-01&until=2024-12-31")
    pairs = [(d["source"], d["target"]) for d in top["dyads"]] or [("RUS", "CHN")]

    def events(rng: random.Random) -> str:
        pick = rng.random()
        if pick < 1 / 6:
            a, b = rng.choice(pairs)
            return f"/api/events?limit=50&actor={a}&actor={b}"
        if pick < 1 / 3:
            return f"/api/events?limit=50&type={rng.choice(TYPES)[0]}"
        return "/api/events?limit=50"

    def series(rng: random.Random) -> str:
        a, b = rng.choice(pairs)
        return f"/api/dyads/{a}/{b}/series?by=week"

    def alerts(rng: random.Random) -> str:
        return "/api/alerts?limit=50"

    return {"event list": events, "dyad series": series, "alerts": alerts}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=OUT / "serve_load.duckdb")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--rebuild", action="store_true", help="build the database again")
    parser.add_argument("--shuffled", action="store_true",
                        help="store the articles in random order, not publication order")
    parser.add_argument("--endpoint", action="append", choices=["event list", "dyad series", "alerts"],
                        help="only these endpoints (repeatable; default: all three)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if args.rebuild and args.db.exists():
        args.db.unlink()
    if not args.db.exists():
        t0 = time.perf_counter()
        make_database(args.db, args.events, shuffled=args.shuffled)
        print(f"built in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-c", "from tocsin.cli import main; main()", "serve", "--db", str(args.db),
         "--read-only", "--port", str(port), "--log-level", "error"],
        env={**os.environ, "TOCSIN_TOKEN": ""},
    )
    try:
        for _ in range(150):
            try:
                health = _get_json(f"{base}/api/health")
                break
            except OSError:
                time.sleep(0.2)
        results = []
        for name, urls in endpoints(base).items():
            if args.endpoint and name not in args.endpoint:
                continue
            for c in args.concurrency:
                row = {"endpoint": name, **asyncio.run(measure(
                    "127.0.0.1", port, urls, c, args.seconds, server_cpu=lambda: _cpu_seconds(server.pid)))}
                results.append(row)
                print(f"{name:12s} c={c:<3d} n={row['requests']:<6d} err={row['errors']:<3d} "
                      f"{row['throughput_rps']:7.1f} req/s  p50 {row['p50_ms']:7.1f}  p95 {row['p95_ms']:7.1f}  "
                      f"p99 {row['p99_ms']:7.1f} ms  server CPU {row['server_cpu_ms']:5.1f} ms/req", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=10)
    (OUT / "serve_load.json").write_text(json.dumps({"database": health["database"], "results": results},
                                                    indent=2), encoding="utf-8")
    print("\n| endpoint | clients | requests | req/s | p50 ms | p95 ms | p99 ms | server CPU ms/req | errors |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(f"| {r['endpoint']} | {r['concurrency']} | {r['requests']} | {r['throughput_rps']:.0f} | "
              f"{r['p50_ms']:.1f} | {r['p95_ms']:.1f} | {r['p99_ms']:.1f} | {r['server_cpu_ms']:.1f} | "
              f"{r['errors']} |")


if __name__ == "__main__":
    main()
