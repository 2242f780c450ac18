"""Article identity beyond the URL: exact content hashes and near-duplicates.

A wire story reprinted by ten outlets arrives as ten URLs with ten slightly
different texts (another headline, a byline, a "read also" line, a paragraph
cut). :func:`content_hash` catches exact copies (after case, spacing and
punctuation are normalised); :class:`NearDuplicateIndex` catches the rest with
MinHash signatures over word 5-shingles and an LSH index (datasketch): a new
article whose estimated Jaccard similarity with a stored one is at least
``threshold`` belongs to that article's story.

The default threshold (:data:`NEAR_DUPLICATE_THRESHOLD`) was chosen on the
measurements of ``scripts/measure_near_duplicates.py`` (docs/ingest.md gives
the figures): edited reprints of one story sit far above it, other stories and
backgrounders that reuse a paragraph far below.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

__all__ = [
    "NEAR_DUPLICATE_THRESHOLD", "NUM_PERM", "SHINGLE_WORDS", "NearDuplicateIndex",
    "content_hash", "minhash_signature", "shingles", "signature_from_bytes",
    "signature_similarity", "signature_to_bytes",
]

#: Estimated Jaccard similarity of 5-shingles from which two texts are one story.
#: Measured (scripts/measure_near_duplicates.py): edited reprints, trimmed copies and
#: half-length leads score 0.48-0.89; other stories 0-0.003; a story reusing a quarter
#: of another as background 0.12-0.15. 0.3 keeps every reprint and no false alarm.
NEAR_DUPLICATE_THRESHOLD = 0.3
#: MinHash permutations (signature length); 128 gives a standard error of about 0.04.
NUM_PERM = 128
#: Words per shingle.
SHINGLE_WORDS = 5
_SEED = 20240305
#: datasketch's permutation scheme (32-bit hash values); stored signatures use it
_SCHEME = "affine32"
_WORD = re.compile(r"\w+", re.UNICODE)


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).casefold()
    return _WORD.findall(text)


def content_hash(text: str) -> str:
    """SHA-256 of the text's words, lower case, without punctuation or spacing differences."""
    return hashlib.sha256(" ".join(_words(text)).encode("utf-8")).hexdigest()


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Overlapping runs of ``size`` words (the whole text when it is shorter)."""
    words = _words(text)
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def minhash_signature(text: str) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)
    m.update_batch([s.encode("utf-8") for s in sorted(shingles(text))])
    return m


def signature_to_bytes(signature: MinHash) -> bytes:
    return np.asarray(signature.hashvalues, dtype=np.uint32).tobytes()


def signature_from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(data, dtype=np.uint32).copy()
    return MinHash(num_perm=len(values), seed=_SEED, hashvalues=values, scheme=_SCHEME)


def signature_similarity(a: MinHash, b: MinHash) -> float:
    return float(a.jaccard(b))


@dataclass(frozen=True, slots=True)
class Match:
    key: str
    similarity: float


class NearDuplicateIndex:
    """Signatures of stored articles; finds the stored article a new one repeats."""

    def __init__(self, threshold: float = NEAR_DUPLICATE_THRESHOLD):
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, key: str) -> bool:
        return key in self._signatures

    def add(self, key: str, signature: MinHash) -> None:
        if key in self._signatures:
            return
        self._lsh.insert(key, signature)
        self._signatures[key] = signature
        self._order[key] = len(self._order)

    def best_match(self, signature: MinHash) -> Match | None:
        """The most similar stored article at or above the threshold (earliest on ties)."""
        best: Match | None = None
        for key in self._lsh.query(signature):
            sim = signature_similarity(signature, self._signatures[key])
            if sim < self.threshold:
                continue
            if best is None or sim > best.similarity or (
                sim == best.similarity and self._order[key] < self._order[best.key]
            ):
                best = Match(key, sim)
        return best
