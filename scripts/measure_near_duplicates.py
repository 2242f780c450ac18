"""Measure the near-duplicate threshold of article dedup on edited reprints.

    .venv/bin/python scripts/measure_near_duplicates.py [--seed 7] [--json FILE]

Takes the articles of the bundled sample corpus (12 articles, French and
English, ~150-190 words each) and makes, for each, variants an outlet could
publish (positives: the same story) and look-alikes (negatives: another story):

* ``reprint``   another headline line, an agency line in front, "read also" and
                copyright lines at the end;
* ``trimmed``   the last quarter of the sentences cut;
* ``edited``    one word in twenty replaced;
* ``lead``      only the first half (a feed summary against the full page);
* ``combined``  reprint + trimmed + edited;
* ``other``     (negative) every other sample article;
* ``recap``     (negative) a story that reuses the first quarter of this one as
                background, then goes on with another story's text.

For each kind it prints the exact Jaccard similarity of word 5-shingles
(min/mean/max), and for thresholds 0.3…0.8 the precision and recall of
:class:`tocsin.dedup.articles.NearDuplicateIndex` (MinHash, 128 permutations,
LSH): a positive is found when the index returns its original, a negative is
a false alarm when it returns the article. The numbers in docs/ingest.md come
from this script.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from importlib import resources
from pathlib import Path

POSITIVE = ("reprint", "trimmed", "edited", "lead", "combined")
NEGATIVE = ("other", "recap")
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def sample_articles() -> list[dict]:
    folder = resources.files("tocsin") / "data" / "sample"
    out = []
    for name in ("fr.jsonl", "en.jsonl"):
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line))
    return out


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?»])\s+", text.strip()) if s]


def variants(article: dict, others: list[dict], rng: random.Random) -> list[tuple[str, str]]:
    text = article["text"]
    french = article.get("language") == "fr"
    parts = sentences(text)
    words = text.split()
    reprint = "\n".join([
        ("DÉPÊCHE — " if french else "WIRE — ") + (article.get("title") or ""),
        ("(Agence) " if french else "(Agency) ") + text,
        "Lire aussi : notre dossier complet sur ce sujet." if french else "Read more: our full coverage of this story.",
        "© Tous droits réservés." if french else "© All rights reserved.",
    ])
    trimmed = " ".join(parts[: max(1, (len(parts) * 3) // 4)])
    vocabulary = [w for o in others for w in o["text"].split()]
    edited = " ".join(rng.choice(vocabulary) if i % 20 == 10 else w for i, w in enumerate(words))
    lead = " ".join(words[: len(words) // 2])
    combined_words = " ".join(sentences(reprint)[: max(1, (len(sentences(reprint)) * 3) // 4)]).split()
    combined = " ".join(rng.choice(vocabulary) if i % 20 == 10 else w for i, w in enumerate(combined_words))
    other = rng.choice(others)
    recap = " ".join(words[: len(words) // 4] + other["text"].split()[len(other["text"].split()) // 4:])
    return [("reprint", reprint), ("trimmed", trimmed), ("edited", edited), ("lead", lead),
            ("combined", combined), ("recap", recap)]


def main(argv: list[str] | None = None) -> int:
    from tocsin.dedup.articles import NearDuplicateIndex, minhash_signature, shingles

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    articles = sample_articles()

    cases: list[tuple[str, str, str]] = []  # (kind, original id, text)
    for article in articles:
        others = [a for a in articles if a["id"] != article["id"]]
        cases.extend((kind, article["id"], text) for kind, text in variants(article, others, rng))
        cases.extend(("other", article["id"], o["text"]) for o in others)

    def jaccard(a: str, b: str) -> float:
        sa, sb = shingles(a), shingles(b)
        return len(sa & sb) / len(sa | sb) if sa | sb else 0.0

    by_id = {a["id"]: a["text"] for a in articles}
    report: dict[str, dict] = {"kinds": {}, "thresholds": {}}
    print(f"{len(articles)} articles, {len(cases)} comparisons")
    print(f"{'kind':9} {'n':>4} {'J min':>6} {'J mean':>6} {'J max':>6}")
    for kind in POSITIVE + NEGATIVE:
        values = [jaccard(by_id[i], t) for k, i, t in cases if k == kind]
        report["kinds"][kind] = {"n": len(values), "min": min(values), "mean": sum(values) / len(values),
                                 "max": max(values)}
        print(f"{kind:9} {len(values):4} {min(values):6.3f} {sum(values) / len(values):6.3f} {max(values):6.3f}")

    print(f"\n{'threshold':>9} {'precision':>9} {'recall':>7} " + " ".join(f"{k:>8}" for k in POSITIVE + NEGATIVE))
    for threshold in THRESHOLDS:
        found: dict[str, int] = dict.fromkeys(POSITIVE + NEGATIVE, 0)
        for kind, original, text in cases:
            index = NearDuplicateIndex(threshold)
            index.add(original, minhash_signature(by_id[original]))
            match = index.best_match(minhash_signature(text))
            if match is not None and match.key == original:
                found[kind] += 1
        counts = {k: sum(1 for c in cases if c[0] == k) for k in found}
        tp = sum(found[k] for k in POSITIVE)
        fp = sum(found[k] for k in NEGATIVE)
        recall = tp / sum(counts[k] for k in POSITIVE)
        precision = tp / (tp + fp) if tp + fp else 1.0
        report["thresholds"][str(threshold)] = {"precision": precision, "recall": recall,
                                                "found": found, "n": counts}
        print(f"{threshold:9.1f} {precision:9.3f} {recall:7.3f} " +
              " ".join(f"{found[k]:>4}/{counts[k]:<3}" for k in POSITIVE + NEGATIVE))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
