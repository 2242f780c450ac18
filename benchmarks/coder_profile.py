"""Time and profile the coder alone, on documents parsed once and kept in memory.

The articles of a corpus (the benchmark corpus by default, plus the gold texts of
``tests/gold``) are planned and parsed exactly as ``Engine`` does it; the parsed
sentences stay in memory and ``Coder.code_article`` is then run over all of them
``--runs`` times. Each run starts from the state of a fresh process for the
coder's caches (phrase memo in ``Doc.user_data``, ``lru_cache``\\ s of the resolver,
text folding and dates), and is timed with ``time.process_time`` (CPU time of this
process, steadier than wall time on a shared machine).

    .venv/bin/python benchmarks/coder_profile.py --runs 5
    .venv/bin/python benchmarks/coder_profile.py --runs 1 --profile benchmarks/out/coder.prof
    .venv/bin/python benchmarks/coder_profile.py --runs 1 --dump benchmarks/out/events.jsonl
    .venv/bin/python benchmarks/coder_profile.py --runs 0 --sample 25

``--sample N`` samples the call stack of one extra pass every millisecond of CPU time
and prints the N functions found most often on it (own time and time with callees, as
shares of the samples). Unlike cProfile it adds no cost per call, so code that makes
many small calls (spaCy ``Token`` objects) is not inflated.

``--dump`` writes every event of the first run as one JSON line, sorted, so two
versions of the coder can be compared with ``cmp``/``diff``: identical files mean
identical event records.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import pstats
import statistics
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_CORPUS = HERE / "out" / "corpus.jsonl"


def _load(corpus: Path | None, gold: bool) -> list[Any]:
    from tocsin.evaluation.gold import load_gold
    from tocsin.evaluation.runner import articles_for
    from tocsin.ingest import read_inputs
    from tocsin.records import Article

    articles: list[Any] = []
    if corpus is not None:
        articles.extend(a for a in read_inputs([corpus]) if isinstance(a, Article))
    if gold:
        articles.extend(articles_for(load_gold([ROOT / "tests" / "gold"])))
    return articles


def _parse_all(engine: Any, articles: list[Any]) -> list[tuple[Any, str, str, list[tuple[int, Any]], dict[int, int], dict[int, str]]]:
    """Plan and parse every article as ``Engine._code_batch`` does (one ``pipe`` per language)."""
    from dataclasses import replace

    from tocsin.nlp.headline import sentence_case
    from tocsin.places import blank_dateline

    plans = []
    for article in articles:
        lang = engine.language_of(article)
        article = replace(article, language=lang)
        plans.append((article, lang, engine._plan(article, lang)))
    parsed_all = []
    for lang in sorted({p[1] for p in plans}):
        group = [p for p in plans if p[1] == lang]
        texts = (sentence_case(blank_dateline(piece, engine.coder.gazetteer), engine._is_name)
                 for _, _, plan in group for _, piece in plan[1])
        docs = iter(engine.pipelines.pipe(lang, texts))
        for article, _, (full_text, pieces, offsets) in group:
            parsed = [(index, next(docs)) for index, _ in pieces]
            parsed_all.append((article, lang, full_text, parsed, offsets, dict(pieces)))
    return parsed_all


def _reset_caches(engine: Any, parsed: list[Any]) -> None:
    """Put the coder's caches back in the state of a fresh process."""
    from tocsin.actors import resolver
    from tocsin.coding import coder

    clear = getattr(engine.resolver, "clear_caches", None)
    if clear is not None:
        clear()  # phrase analyses and fuzzy matches
    else:
        engine.resolver._analyses.clear()
    for memo in ("_lexicon_memo", "_cameo_memo"):  # the coder's own memos (newer code only)
        getattr(engine.coder, memo, {}).clear()
    for _, _, _, sentences, _, _ in parsed:
        for _, doc in sentences:
            doc.user_data.clear()
    # text.fold keeps its entries: a fresh engine has it filled by the knowledge base load
    from tocsin.places import match

    try:  # fuzzy matching has its own module since the resolver was split; older code in resolver
        from tocsin.actors import fuzzy as names
    except ImportError:
        names = resolver
    for fn in (coder._event_date, names._metaphone, getattr(match, "_key", None)):
        if fn is not None:
            fn.cache_clear()
    gc.collect()


def _code_all(engine: Any, parsed: list[Any]) -> list[Any]:
    from tocsin.pipeline import _restore_case

    out = []
    code = engine.coder.code_article
    for article, lang, full_text, sentences, offsets, pieces in parsed:
        events = code(article, lang, full_text, sentences, offsets)
        _restore_case(events, pieces)
        out.extend(events)
    return out


def _sampled(engine: Any, parsed: list[Any], top: int) -> None:
    """Code every document once while sampling the stack each millisecond of CPU time."""
    import collections
    import signal

    own: collections.Counter[str] = collections.Counter()
    inclusive: collections.Counter[str] = collections.Counter()
    samples = 0

    def name(code: Any) -> str:
        path = code.co_filename
        for marker in ("/tocsin/", "/spacy/", "site-packages/"):
            if marker in path:
                path = path[path.index(marker) + 1:]
                break
        return f"{path}:{code.co_firstlineno}({code.co_name})"

    def handler(signum: int, frame: Any) -> None:
        nonlocal samples
        samples += 1
        seen = set()
        first = True
        while frame is not None:
            label = name(frame.f_code)
            if first:
                own[label] += 1
                first = False
            if label not in seen:
                inclusive[label] += 1
                seen.add(label)
            frame = frame.f_back

    _reset_caches(engine, parsed)
    signal.signal(signal.SIGPROF, handler)
    signal.setitimer(signal.ITIMER_PROF, 0.001, 0.001)
    try:
        _code_all(engine, parsed)
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, signal.SIG_DFL)
    print(f"{samples} samples (1 ms of CPU time each)")
    for title, counts in (("own time", own), ("with callees", inclusive)):
        print(f"-- {title}")
        for label, count in counts.most_common(top):
            print(f"{100 * count / max(samples, 1):6.1f} %  {label}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="article JSONL (default: %(default)s)")
    ap.add_argument("--no-corpus", action="store_true", help="only the gold texts")
    ap.add_argument("--no-gold", action="store_true", help="leave out the gold texts of tests/gold")
    ap.add_argument("--runs", type=int, default=3, help="timed passes over the parsed documents")
    ap.add_argument("--profile", type=Path, help="cProfile one extra pass and save the stats here")
    ap.add_argument("--top", type=int, default=35, help="functions shown from the profile")
    ap.add_argument("--sample", type=int, metavar="N", help="sample the stack of one extra pass, show N functions")
    ap.add_argument("--dump", type=Path, help="write the events of the first pass, sorted, one JSON per line")
    ap.add_argument("--warm", action="store_true",
                    help="after the first pass keep the resolver's and coder's memos (as the repeated runs of "
                         "run_benchmark.py do in one process); the documents' own memos are still emptied")
    args = ap.parse_args(argv)

    from tocsin.pipeline import Engine

    corpus = None if args.no_corpus else args.corpus
    if corpus is not None and not corpus.exists():
        raise SystemExit(f"{corpus} is missing: run benchmarks/generate_corpus.py first")
    engine = Engine()
    articles = _load(corpus, not args.no_gold)
    t0 = time.process_time()
    parsed = _parse_all(engine, articles)
    parse_s = time.process_time() - t0
    n_sent = sum(len(p[3]) for p in parsed)
    print(f"{len(parsed)} articles, {n_sent} parsed sentences, parse {parse_s:.2f} s CPU", file=sys.stderr)

    times = []
    events: list[Any] = []
    for run in range(args.runs):
        if args.warm and run:
            for _, _, _, sentences, _, _ in parsed:
                for _, doc in sentences:
                    doc.user_data.clear()
            gc.collect()
        else:
            _reset_caches(engine, parsed)
        t0 = time.process_time()
        found = _code_all(engine, parsed)
        times.append(time.process_time() - t0)
        if run == 0:
            events = found
        print(f"run {run + 1}: coder {times[-1]:.3f} s CPU, {len(found)} events", file=sys.stderr)
    if times:
        print(f"coder CPU seconds: median {statistics.median(times):.3f}, min {min(times):.3f} "
              f"({len(times)} runs); parse {parse_s:.2f} s; ratio (median) "
              f"{statistics.median(times) / parse_s:.3f}")
    if args.dump:
        if not events:
            _reset_caches(engine, parsed)
            events = _code_all(engine, parsed)
        lines = sorted(json.dumps(e.to_dict(), sort_keys=True, ensure_ascii=False, default=str) for e in events)
        args.dump.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        print(f"{len(lines)} events written to {args.dump}", file=sys.stderr)
    if args.sample:
        _sampled(engine, parsed, args.sample)
    if args.profile:
        _reset_caches(engine, parsed)
        prof = cProfile.Profile()
        prof.enable()
        _code_all(engine, parsed)
        prof.disable()
        prof.dump_stats(str(args.profile))
        stats = pstats.Stats(prof)
        stats.sort_stats("tottime").print_stats(args.top)
        stats.sort_stats("cumulative").print_stats(args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
