"""spaCy's share of coding: the attribute ruler and the batch size, on the sentences the engine parses.

The sentences are those of the benchmark corpus (``out/corpus.jsonl``) that the engine parses
(pre-filter on), prepared as ``Engine`` prepares them, in the engine's groups (one group per
language and batch of 64 articles); ``--gold`` adds the dev texts of ``tests/gold``.

    .venv/bin/python benchmarks/spacy_parse.py --ruler
    .venv/bin/python benchmarks/spacy_parse.py --batch-size 64 128 256 512 --rounds 2

``--ruler`` parses every sentence up to the attribute ruler, then runs spaCy's
``AttributeRuler`` and tocsin's table look-up (``tocsin.nlp.fast_attributes``) on copies of the
same documents, twice, timed in CPU seconds, and checks that every word gets the same part of
speech, tag, morphology, lemma, label and head (after the lemmatizer too).

``--batch-size`` parses the groups with ``nlp.pipe(batch_size=N)``, one fresh process per size
and round (sizes alternated), and prints the CPU seconds per language and how much the
process's peak RSS grew while parsing.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _groups(engine: Any, corpus: Path, gold: bool) -> dict[str, list[list[str]]]:
    from dataclasses import replace

    from tocsin.evaluation.gold import load_gold
    from tocsin.evaluation.runner import articles_for
    from tocsin.ingest import read_inputs
    from tocsin.nlp.headline import sentence_case
    from tocsin.pipeline import _PLAIN_SPACES
    from tocsin.places import blank_dateline
    from tocsin.records import Article

    articles = [a for a in read_inputs([corpus]) if isinstance(a, Article)]
    if gold:
        articles += articles_for(load_gold([ROOT / "tests" / "gold"], split="dev"))
    groups: dict[str, list[list[str]]] = {"fr": [], "en": []}
    for start in range(0, len(articles), 64):
        by_lang: dict[str, list[str]] = {}
        for article in articles[start:start + 64]:
            lang = engine.language_of(article)
            _, pieces, _ = engine._plan(replace(article, language=lang), lang)
            by_lang.setdefault(lang, []).extend(
                sentence_case(blank_dateline(piece.translate(_PLAIN_SPACES), engine.coder.gazetteer), engine._is_name)
                for _, piece in pieces)
        for lang, texts in by_lang.items():
            groups[lang].append(texts)
    return groups


def ruler(corpus: Path, gold: bool) -> None:
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, NORM, POS, TAG
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

    from tocsin.nlp.fast_attributes import FastAttributeRuler
    from tocsin.pipeline import Engine

    columns = [POS, TAG, MORPH, LEMMA, DEP, HEAD, NORM]
    engine = Engine()
    groups = _groups(engine, corpus, gold)
    for lang in ("en", "fr"):
        nlp = engine.pipelines.get(lang)
        fast = nlp.get_pipe("attribute_ruler")
        assert isinstance(fast, FastAttributeRuler)
        plain = AttributeRuler(nlp.vocab)
        plain.add_patterns(fast.patterns)
        after = nlp.pipe_names[nlp.pipe_names.index("attribute_ruler") + 1:]
        texts = [t for g in groups[lang] for t in g]
        with nlp.select_pipes(disable=["attribute_ruler", *after]):
            parsed = [doc.to_bytes() for doc in nlp.pipe(texts, batch_size=128)]
        words = 0
        for round_ in (1, 2):
            a = [Doc(nlp.vocab).from_bytes(b) for b in parsed]
            b = [Doc(nlp.vocab).from_bytes(b) for b in parsed]
            gc.collect()
            start = time.process_time()
            for doc in a:
                plain(doc)
            plain_s = time.process_time() - start
            start = time.process_time()
            for _ in fast.pipe(b, batch_size=128):
                pass
            fast_s = time.process_time() - start
            for name in after:
                a = list(nlp.get_pipe(name).pipe(a))
                b = list(nlp.get_pipe(name).pipe(b))
            differ = sum(not (x.to_array(columns) == y.to_array(columns)).all() for x, y in zip(a, b, strict=True))
            words = sum(len(doc) for doc in a)
            print(f"{lang} round {round_}: {len(a)} sentences, {words} words; CPU s: spaCy's ruler "
                  f"{plain_s:.3f}, table look-up {fast_s:.3f}; sentences annotated differently: {differ}")
            if differ:
                raise SystemExit("the two rulers disagree")
        print(f"{lang}: {len(fast.table.looked_up)} patterns looked up, {fast.table.matched} left to the matcher")


def _peak_rss_kb() -> int:
    """The process's peak resident set (``VmHWM``: unlike ``ru_maxrss``, not inherited from the
    process that started this one)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def one_size(corpus: Path, gold: bool, size: int) -> dict[str, Any]:
    from tocsin.pipeline import Engine

    engine = Engine()
    groups = _groups(engine, corpus, gold)
    out: dict[str, Any] = {"batch_size": size}
    for lang in ("fr", "en"):
        nlp = engine.pipelines.get(lang)
        list(nlp.pipe(groups[lang][0][:50]))  # warm
        gc.collect()
        rss = _peak_rss_kb()
        start = time.process_time()
        for group in groups[lang]:
            for _ in nlp.pipe(group, batch_size=size):
                pass
        out[f"{lang}_cpu_s"] = round(time.process_time() - start, 2)
        out[f"{lang}_rss_growth_mb"] = round((_peak_rss_kb() - rss) / 1024)
        out[f"{lang}_sentences"] = sum(len(g) for g in groups[lang])
    out["peak_rss_mb"] = round(_peak_rss_kb() / 1024)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=HERE / "out" / "corpus.jsonl")
    parser.add_argument("--gold", action="store_true", help="add the dev texts of tests/gold")
    parser.add_argument("--ruler", action="store_true", help="spaCy's attribute ruler against the table look-up")
    parser.add_argument("--batch-size", type=int, nargs="+", default=[], help="spaCy batch sizes to time")
    parser.add_argument("--rounds", type=int, default=1, help="rounds of the batch sizes, alternated")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        raise SystemExit(f"{args.corpus} missing: run benchmarks/generate_corpus.py first")
    if args.one is not None:
        print(json.dumps(one_size(args.corpus, args.gold, args.one)))
        return 0
    if args.ruler:
        ruler(args.corpus, args.gold)
    for round_ in range(args.rounds):
        for size in args.batch_size:
            cmd = [sys.executable, __file__, "--corpus", str(args.corpus), "--one", str(size)] + (["--gold"] if args.gold else [])
            line = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
            result = json.loads(line)
            print(f"round {round_ + 1}, batch {size}: CPU s fr {result['fr_cpu_s']}, en {result['en_cpu_s']}, "
                  f"total {result['fr_cpu_s'] + result['en_cpu_s']:.2f}; peak RSS growth while parsing "
                  f"fr {result['fr_rss_growth_mb']} MB, en {result['en_rss_growth_mb']} MB; "
                  f"process peak {result['peak_rss_mb']} MB ({result['fr_sentences']} + {result['en_sentences']} sentences)",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
