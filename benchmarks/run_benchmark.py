"""Measure tocsin end to end and per stage on the benchmark corpus.

Each configuration (pre-filter on/off × where spaCy parses × batch size × spaCy
processes) runs in a
fresh Python subprocess, so model loading and peak memory are measured per
configuration. Inside it, ``--runs`` repetitions are made and the medians
reported. One repetition is

1. **end to end**: ``Engine.code`` over every article, each article and its
   events saved into a temporary DuckDB database, with the stages timed in place:
   sentence split + pre-filter (``Engine._plan``), spaCy parsing (the
   ``Pipelines.pipe`` generators), coder + resolver (``Coder.code_article``) and
   the store write (``StoreWriter``: one transaction per 64 articles, as ``tocsin code``);
2. **spaCy alone on the same sentences**: the sentences the pipeline parsed, in
   the same article batches, through ``nlp.pipe`` with the same batch size (and
   ``--n-process`` processes, one ``pipe`` call per language when above 1);
3. **bare spaCy reference**: the full article texts, no segmentation and no
   pre-filter, through ``nlp.pipe`` with the same settings.

The coder overhead ratio is (coder + resolver time) / (spaCy time on the same
sentences, step 1). spaCy parses while the coder works (in a child process, where the
engine's "auto" puts it on two cores, or in a worker thread), so the two overlap; in a
child process, spaCy's time is not seen by this process at all. "Added wall" is then
the measure of what the coder costs: (end-to-end time − split/pre-filter − store −
spaCy alone) / spaCy alone; and "spaCy alone" is measured in this process. Peak RSS is ``getrusage(RUSAGE_SELF).ru_maxrss`` of the
configuration's process: "RSS coding" right after the first end-to-end run (model
load + coding + store; with a parsing process, plus that process's own peak), "RSS" at the end (including the spaCy-alone and bare-text
parses; the largest forked child when ``--n-process`` is above 1).

    .venv/bin/python benchmarks/generate_corpus.py
    .venv/bin/python benchmarks/run_benchmark.py                       # both pre-filter settings, batch 16
    .venv/bin/python benchmarks/run_benchmark.py --prefilter --batch-size 16 32 64 --n-process 1 2
    .venv/bin/python benchmarks/run_benchmark.py --prefilter --batch-size 64 --parse-in process thread serial

Results: a table on standard output and ``benchmarks/out/results.json``.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE / "out" / "corpus.jsonl"
DEFAULT_RESULTS = HERE / "out" / "results.json"


@dataclass
class Timer:
    """Accumulated seconds and calls of one stage."""

    seconds: float = 0.0
    calls: int = 0

    def wrap(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start
                self.calls += 1

        return timed

    def wrap_iter(self, fn: Callable[..., Iterable[Any]]) -> Callable[..., Iterator[Any]]:
        """Time every ``next`` of the iterables ``fn`` returns."""

        def timed(*args: Any, **kwargs: Any) -> Iterator[Any]:
            start = time.perf_counter()
            it = iter(fn(*args, **kwargs))
            self.seconds += time.perf_counter() - start
            while True:
                start = time.perf_counter()
                try:
                    item = next(it)
                except StopIteration:
                    self.seconds += time.perf_counter() - start
                    return
                self.seconds += time.perf_counter() - start
                yield item

        return timed


@dataclass
class RunResult:
    total_s: float
    split_prefilter_s: float
    spacy_s: float
    coder_s: float
    store_s: float
    other_s: float
    spacy_alone_s: float
    spacy_bare_s: float | None
    sentences: int
    sentences_parsed: int
    events: int
    #: CPU seconds (user + system) of the end-to-end run, this process and the parsing process together
    total_cpu_s: float | None = None
    #: CPU seconds of the bare spaCy reference
    spacy_bare_cpu_s: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _articles(corpus: Path) -> list[Any]:
    from tocsin.ingest import read_inputs
    from tocsin.records import Article

    items = list(read_inputs([corpus]))
    bad = [i for i in items if not isinstance(i, Article)]
    if bad:
        raise SystemExit(f"{len(bad)} unreadable records in {corpus}: {bad[0]}")
    return items


def _batches(seq: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for i in range(0, len(seq), size):
        yield seq[i:i + size]


def _parse(nlp: Any, groups: Sequence[Sequence[str]], batch_size: int, n_process: int) -> float:
    """Seconds to parse ``groups`` of texts (one ``pipe`` per group, or all at once when forking)."""
    start = time.perf_counter()
    if n_process > 1:
        texts = [t for g in groups for t in g]
        for _ in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
            pass
    else:
        for group in groups:
            for _ in nlp.pipe(group, batch_size=batch_size):
                pass
    return time.perf_counter() - start


def _parse_whole(nlp: Any, groups: Sequence[Sequence[str]], batch_size: int, n_process: int) -> float:
    """``_parse`` of whole articles: the rule that keeps one sentence in one tree is left out,
    since these texts are not cut into sentences first."""
    from tocsin.nlp.pipelines import ONE_SENTENCE_COMPONENT

    if ONE_SENTENCE_COMPONENT not in nlp.pipe_names:
        return _parse(nlp, groups, batch_size, n_process)
    with nlp.select_pipes(disable=[ONE_SENTENCE_COMPONENT]):
        return _parse(nlp, groups, batch_size, n_process)


def _cpu_seconds(engine: Any) -> float:
    """CPU time used so far by this process and by the engine's parsing process, if any."""
    used = time.process_time()
    parse_process = getattr(engine, "_parse_process", None)
    pid = getattr(getattr(parse_process, "_process", None), "pid", None)
    if pid is not None:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            used += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime
        except (OSError, ValueError, IndexError):
            pass
    return used


def run_once(engine: Any, articles: Sequence[Any], batch_size: int, n_process: int,
             reference: bool, events_out: list[Any] | None = None) -> RunResult:
    from tocsin.nlp.segment import split_sentences
    from tocsin.pipeline import StoreWriter
    from tocsin.store import open_store

    plan_t, spacy_t, coder_t, store_t = Timer(), Timer(), Timer(), Timer()
    originals = (engine._plan, engine.pipelines.pipe, engine.coder.code_article)
    engine._plan = plan_t.wrap(originals[0])
    engine.pipelines.pipe = spacy_t.wrap_iter(originals[1])
    engine.coder.code_article = coder_t.wrap(originals[2])
    n_events = 0
    gc.collect()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            store = open_store(Path(tmp) / "bench.duckdb")
            coder_name = engine.coder.options.coder
            cpu_start = _cpu_seconds(engine)
            start = time.perf_counter()
            run_id = store.begin_run({"benchmark": True}, coder_name)
            writer = StoreWriter(store, coder_name, run_id)  # batched, as `tocsin code` saves
            for outcome in engine.code(articles):
                if outcome.problem is not None:
                    raise SystemExit(f"problem: {outcome.problem}")
                t0 = time.perf_counter()
                writer.add(outcome.article, outcome.events)
                store_t.seconds += time.perf_counter() - t0
                n_events += len(outcome.events)
                if events_out is not None:
                    events_out.extend(outcome.events)
            t0 = time.perf_counter()
            writer.flush()
            store_t.seconds += time.perf_counter() - t0
            store.finish_run(run_id, len(articles), n_events, 0)
            total = time.perf_counter() - start
            total_cpu = _cpu_seconds(engine) - cpu_start
            store.close()
    finally:
        engine._plan, engine.pipelines.pipe, engine.coder.code_article = originals
    rss_after_e2e = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    # the sentences the pipeline parsed, grouped as the engine groups them (article batch, language)
    groups: dict[str, list[list[str]]] = {"fr": [], "en": []}
    full: dict[str, list[str]] = {"fr": [], "en": []}
    n_sent = n_parsed = 0
    for batch in _batches(articles, batch_size):
        by_lang: dict[str, list[str]] = {}
        for article in batch:
            lang = engine.language_of(article)
            text, pieces, _ = engine._plan(article, lang)
            n_sent += len(split_sentences(text))
            n_parsed += len(pieces)
            by_lang.setdefault(lang, []).extend(p for _, p in pieces)
            full.setdefault(lang, []).append(text)
        for lang, texts in by_lang.items():
            groups.setdefault(lang, []).append(texts)
    gc.collect()
    # spaCy's own batch size, as the engine parses (older versions used the article batch size)
    spacy_batch = getattr(engine.pipelines, "sentence_batch_size", batch_size)
    alone = sum(_parse(engine.pipelines.get(lang), g, spacy_batch, n_process) for lang, g in groups.items() if g)
    bare = bare_cpu = None
    if reference:
        gc.collect()
        cpu_start = time.process_time()
        bare = sum(_parse_whole(engine.pipelines.get(lang), list(_batches(texts, batch_size)), batch_size, n_process)
                   for lang, texts in full.items() if texts)
        bare_cpu = time.process_time() - cpu_start
    other = total - plan_t.seconds - spacy_t.seconds - coder_t.seconds - store_t.seconds
    return RunResult(total, plan_t.seconds, spacy_t.seconds, coder_t.seconds, store_t.seconds, other,
                     alone, bare, n_sent, n_parsed, n_events, total_cpu, bare_cpu, {"rss_after_e2e": rss_after_e2e})


def worker(config: dict[str, Any]) -> dict[str, Any]:
    """Run one configuration in this process and return its measurements."""
    start = time.perf_counter()
    from tocsin.pipeline import Engine, PipelineOptions

    import_s = time.perf_counter() - start
    start = time.perf_counter()
    engine = Engine(PipelineOptions(batch_size=config["batch_size"], prefilter=config["prefilter"],
                                    parse_in=config.get("parse_in", "auto")))
    if getattr(engine, "parse_in", "serial") != "process":
        for lang in ("fr", "en"):
            engine.pipelines.get(lang)
    # else the parsing process loads them; this process loads its own copy only for the
    # spaCy-alone measurement, after the first run's memory is read
    if engine.prefilter is not None:
        for lang in ("fr", "en"):
            engine.prefilter.for_language(lang)
    if hasattr(engine, "parse_in"):  # every model loaded before the clock starts
        from tocsin.records import Article

        warm = [Article(id="warm-fr", text="La France a condamné l'attaque.", language="fr"),
                Article(id="warm-en", text="France condemned the attack.", language="en")]
        for _ in engine.code(warm):
            pass
    load_s = time.perf_counter() - start
    articles = _articles(Path(config["corpus"]))
    words = sum(len(a.full_text.split()) for a in articles)
    runs = []
    rss_e2e = 0
    dump = config.get("dump")
    for k in range(config["runs"]):
        events: list[Any] | None = [] if dump and k == 0 else None
        runs.append(run_once(engine, articles, config["batch_size"], config["n_process"], config["reference"], events))
        if events is not None:  # the first run's events, to compare two versions of tocsin
            lines = sorted(json.dumps(e.to_dict(), sort_keys=True, ensure_ascii=False, default=str) for e in events)
            Path(dump).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        if not rss_e2e:  # after the first coding run, before any parsing of whole texts
            rss_e2e = runs[-1].extra["rss_after_e2e"]
    rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    parse_process = getattr(engine, "_parse_process", None)
    rss_parser_kb = _peak_rss_kb(parse_process._process.pid) if parse_process is not None else 0
    engine_close = getattr(engine, "close", None)
    if engine_close is not None:
        engine_close()
    rss_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss

    def med(name: str) -> float | None:
        values = [getattr(r, name) for r in runs if getattr(r, name) is not None]
        return statistics.median(values) if values else None

    total = med("total_s") or 0.0
    spacy_s = med("spacy_s") or 0.0
    coder_ratios = [r.coder_s / r.spacy_s for r in runs if r.spacy_s]
    return {
        "config": config,
        "articles": len(articles),
        "words": words,
        "sentences": runs[0].sentences,
        "sentences_parsed": runs[0].sentences_parsed,
        "events": runs[0].events,
        "import_s": import_s,
        "model_load_s": load_s,
        "median": {name: med(name) for name in (
            "total_s", "split_prefilter_s", "spacy_s", "coder_s", "store_s", "other_s",
            "spacy_alone_s", "spacy_bare_s", "total_cpu_s", "spacy_bare_cpu_s")},
        "articles_per_s": len(articles) / total if total else None,
        "words_per_s": words / total if total else None,
        "coder_overhead_ratio": statistics.median(coder_ratios) if coder_ratios else None,
        "coder_overhead_ratio_of_medians": (med("coder_s") or 0.0) / spacy_s if spacy_s else None,
        # wall time the run takes beyond parsing the same sentences alone, split, pre-filter and
        # store left out: the coder's cost as the user waits for it (with parse-ahead, the coder
        # works while spaCy parses, so coder s and spaCy s overlap)
        "added_wall_ratio": ((total - (med("split_prefilter_s") or 0.0) - (med("store_s") or 0.0)
                              - med("spacy_alone_s")) / med("spacy_alone_s")) if med("spacy_alone_s") else None,
        # the whole run's CPU time (split, pre-filter, parse, coder, resolver, store) over the CPU
        # time of bare spaCy on the same full texts: what coding with tocsin costs beyond parsing
        "cpu_vs_bare_ratio": ((med("total_cpu_s") or 0.0) / med("spacy_bare_cpu_s")
                              if med("spacy_bare_cpu_s") else None),
        "bare_spacy_words_per_s": words / med("spacy_bare_s") if med("spacy_bare_s") else None,
        "peak_rss_mb": rss_self / 1024,
        "peak_rss_coding_mb": rss_e2e / 1024,
        # the parsing process's own peak (VmHWM), when spaCy parsed in one
        "peak_rss_parse_process_mb": rss_parser_kb / 1024,
        # both processes while coding: this one after the first run plus the parser's peak
        "peak_rss_coding_total_mb": (rss_e2e + rss_parser_kb) / 1024,
        "peak_rss_children_mb": rss_children / 1024,
        "runs": [r.__dict__ for r in runs],
    }


def _peak_rss_kb(pid: int) -> int:
    """The peak resident size (VmHWM) of a running process, in KiB (0 when unreadable)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def machine() -> dict[str, Any]:
    import spacy

    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "mem_gb": mem_gb, "python": platform.python_version(),
            "spacy": spacy.__version__, "platform": platform.platform()}


def _fmt(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def table(results: Sequence[dict[str, Any]]) -> str:
    head = ("prefilter", "parse in", "batch", "nproc", "parsed", "load s", "total s", "split+pf s", "spaCy s",
            "coder s", "store s", "spaCy alone s", "bare spaCy s", "CPU s", "bare CPU s", "CPU vs bare",
            "art/s", "words/s", "overhead", "added wall", "RSS coding MB", "RSS MB")
    rows = [head]
    for r in results:
        c, m = r["config"], r["median"]
        rows.append((
            "on" if c["prefilter"] else "off", c.get("parse_in", "auto"),
            str(c["batch_size"]), str(c["n_process"]),
            f"{r['sentences_parsed']}/{r['sentences']}", _fmt(r["model_load_s"]), _fmt(m["total_s"]),
            _fmt(m["split_prefilter_s"]), _fmt(m["spacy_s"]), _fmt(m["coder_s"]), _fmt(m["store_s"]),
            _fmt(m["spacy_alone_s"]), _fmt(m["spacy_bare_s"]), _fmt(m.get("total_cpu_s")),
            _fmt(m.get("spacy_bare_cpu_s")), _fmt(r.get("cpu_vs_bare_ratio"), 3), _fmt(r["articles_per_s"], 1),
            _fmt(r["words_per_s"], 0), _fmt(r["coder_overhead_ratio"], 3), _fmt(r.get("added_wall_ratio"), 3),
            _fmt(r.get("peak_rss_coding_total_mb", r.get("peak_rss_coding_mb")), 0),
            _fmt(max(r["peak_rss_mb"], r["peak_rss_children_mb"]), 0),
        ))
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = [" | ".join(cell.rjust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=3, help="repetitions per configuration (medians reported)")
    parser.add_argument("--prefilter", dest="prefilter", action="append_const", const=True,
                        help="measure with the sentence pre-filter (default: with and without)")
    parser.add_argument("--no-prefilter", dest="prefilter", action="append_const", const=False,
                        help="measure without the sentence pre-filter")
    parser.add_argument("--parse-in", nargs="+", default=["auto"], choices=["auto", "process", "thread", "serial"],
                        help="where spaCy parses while the coder works (PipelineOptions.parse_in); "
                             "several to measure each")
    parser.add_argument("--batch-size", type=int, nargs="+", default=[16], help="batch sizes to try")
    parser.add_argument("--n-process", type=int, nargs="+", default=[1],
                        help="spaCy processes for the spaCy-alone measurements (the engine parses in-process)")
    parser.add_argument("--no-reference", dest="reference", action="store_false",
                        help="skip the bare spaCy reference on full texts")
    parser.add_argument("--output", type=Path, default=DEFAULT_RESULTS)
    parser.add_argument("--dump", type=Path, metavar="FILE",
                        help="write the events of each configuration's first run, sorted, one JSON per line "
                             "(FILE, or FILE.<pre-filter>-<batch>-<processes> when several configurations)")
    parser.add_argument("--worker", type=str, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker is not None:
        sys.stdout.write(json.dumps(worker(json.loads(args.worker))) + "\n")
        return 0
    if not args.corpus.exists():
        raise SystemExit(f"{args.corpus} not found: run benchmarks/generate_corpus.py first")
    prefilters = list(dict.fromkeys(args.prefilter)) if args.prefilter else [True, False]
    results = []
    several = len(prefilters) * len(args.batch_size) * len(args.n_process) > 1
    modes = list(dict.fromkeys(args.parse_in))
    several = several or len(modes) > 1
    for pf, mode, bs, nproc in itertools.product(prefilters, modes, args.batch_size, args.n_process):
        config = {"corpus": str(args.corpus), "prefilter": pf, "parse_in": mode, "batch_size": bs,
                  "n_process": nproc, "runs": args.runs, "reference": args.reference}
        if args.dump is not None:
            suffix = f".{'on' if pf else 'off'}-{mode}-{bs}-{nproc}" if several else ""
            config["dump"] = str(args.dump) + suffix
        sys.stderr.write(f"running {config} …\n")
        out = subprocess.run([sys.executable, __file__, "--worker", json.dumps(config)],
                             check=True, capture_output=True, text=True)
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        sys.stderr.write(table(results[-1:]) + "\n")
    report = {"machine": machine(), "results": results}
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2), encoding="utf-8")
    sys.stdout.write(table(results) + "\n")
    sys.stdout.write(f"results written to {args.output}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
