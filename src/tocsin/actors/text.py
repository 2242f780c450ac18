"""Token-level normalisation shared by the knowledge base and the resolver.

Aliases and text are compared as sequences of *folded tokens*:

* a token is a run of letters and digits; apostrophes (``'``, ``’``), hyphens,
  dots and all other punctuation separate tokens, so French elision
  (``l'armée``, ``d'Ukraine``, ``qu'Israël``) and the English possessive
  (``Russia's``) fall apart into the word and a short function token, and
  ``États-Unis``/``Etats Unis`` or ``U.S.``/``U S`` become the same sequence;
* folding strips accents, expands ligatures (``œ`` → ``oe``) and casefolds;
* a leading article (``le``, ``la``, ``les``, ``l'``, ``the``) is dropped from a
  whole phrase or an alias, never from the middle of one.

Offsets always refer to the original text, so mentions can be cut out of it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import overload

__all__ = ["ARTICLES", "Token", "Tokens", "alias_key", "fold", "normalise", "tokenize"]

_TOKEN_RE = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")
_WORD_RE = re.compile(r"[^\W_]+")
_COMBINING_RE = re.compile(r"[\u0300-\u036f]")
#: the same two patterns as one group: ``split`` gives the text between words and the words
_TOKEN_SPLIT = re.compile(f"({_TOKEN_RE.pattern})")
_WORD_SPLIT = re.compile(f"({_WORD_RE.pattern})")
_LIGATURES = str.maketrans({
    "œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O",
    "ß": "ss", "ı": "i", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
})

#: Articles dropped at the start of a phrase or an alias (``l'`` is the token ``l``).
ARTICLES = frozenset({"le", "la", "les", "l", "the"})


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its folded form and where it stands in the original text."""

    norm: str
    start: int
    end: int
    raw: str

    @property
    def capitalised(self) -> bool:
        return self.raw[:1].isupper()

    @property
    def upper(self) -> bool:
        letters = [c for c in self.raw if c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters)


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Strip accents, expand ligatures and casefold one word or phrase."""
    if word.isascii():  # no ligature, nothing to decompose: the same result, faster
        return word.casefold()
    decomposed = unicodedata.normalize("NFKD", word.translate(_LIGATURES))
    return decomposed.translate(_combining_marks()).casefold()


@lru_cache(maxsize=1)
def _combining_marks() -> dict[int, None]:
    """A ``str.translate`` table deleting every character ``unicodedata.combining`` flags."""
    return {cp: None for cp in range(0x110000) if unicodedata.combining(chr(cp))}


def tokenize(text: str) -> tuple[Token, ...]:
    """Tokens of ``text`` with offsets into ``text``."""
    return tuple(
        Token(fold(m.group()), m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)
    )


class Tokens(Sequence[Token]):
    """The tokens of a text as :func:`tokenize` finds them, held as three lists (raw
    words, folded words, start offsets); a :class:`Token` is made only when one is
    read. Scanning a whole article then makes no object per word."""

    __slots__ = ("raws", "norms", "starts")

    def __init__(self, text: str) -> None:
        # without combining marks the marks' half of the pattern matches nothing
        # [between, word, between, word, …, between]: each word starts where the lengths
        # of everything before it add up to
        parts = (_TOKEN_SPLIT if _COMBINING_RE.search(text) else _WORD_SPLIT).split(text)
        raws = parts[1::2]
        starts = list(accumulate(map(len, parts)))[:-1:2]
        self.raws: list[str] = raws
        self.norms: list[str] = list(map(fold, raws))
        self.starts: list[int] = starts

    def __len__(self) -> int:
        return len(self.raws)

    @overload
    def __getitem__(self, i: int) -> Token: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[Token, ...]: ...

    def __getitem__(self, i: int | slice) -> Token | tuple[Token, ...]:
        if isinstance(i, slice):
            return tuple(self[k] for k in range(*i.indices(len(self.raws))))
        raw = self.raws[i]
        start = self.starts[i]
        return Token(self.norms[i], start, start + len(raw), raw)

    def __iter__(self) -> Iterator[Token]:
        for norm, start, raw in zip(self.norms, self.starts, self.raws, strict=True):
            yield Token(norm, start, start + len(raw), raw)


def _drop_article(norms: tuple[str, ...]) -> tuple[str, ...]:
    if len(norms) > 1 and norms[0] in ARTICLES:
        return norms[1:]
    return norms


def alias_key(text: str) -> tuple[str, ...]:
    """The folded token sequence an alias is indexed under (leading article dropped)."""
    return _drop_article(tuple(t.norm for t in tokenize(text)))


def normalise(text: str) -> str:
    """One string form of ``text``: folded tokens joined by single spaces, article dropped.

    ``normalise("L'Armée  ukrainienne") == normalise("armee Ukrainienne") == "armee ukrainienne"``.
    """
    return " ".join(alias_key(text))


def _norms(tokens: Sequence[Token]) -> Sequence[str]:
    """The folded words of ``tokens`` (read from the lists of :class:`Tokens`)."""
    return tokens.norms if isinstance(tokens, Tokens) else [t.norm for t in tokens]


def _starts_raws(tokens: Sequence[Token]) -> tuple[Sequence[int], Sequence[str]]:
    """Where each token starts, and its raw text (a token ends at start + len(raw))."""
    if isinstance(tokens, Tokens):
        return tokens.starts, tokens.raws
    return [t.start for t in tokens], [t.raw for t in tokens]


def _all_upper(raw: str) -> bool:
    """``Token.upper`` of a raw word: it has letters, all of them upper case."""
    letters = [c for c in raw if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)
