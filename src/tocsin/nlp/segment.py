"""A fast, rule-based sentence splitter run before parsing.

tocsin segments every article itself and parses sentence by sentence, so

* a newline always ends a sentence (headlines stand alone),
* sentence numbers do not depend on the parser or on which sentences are parsed
  (the pre-filter can skip sentences without changing the others' indices),
* a huge article is parsed in small pieces with bounded memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: longest piece handed to the parser; longer runs without punctuation are cut at spaces
MAX_SENTENCE_CHARS = 1_000

_ABBREVIATIONS = frozenset(
    "m mm mme mmes mlle dr pr me st ste gén col cdt lt sgt av apr env etc cf p ex vol no nos "
    "mr mrs ms prof gen rep sen gov lt col capt sgt maj jr sr st vs inc ltd co corp dept est approx "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m".split()
)
_BOUNDARY = re.compile(r"""([.!?…]+["»”’)]*)(\s+)(?=["«“'(\-–—]?\s*[A-ZÀ-ÖØ-Þ0-9])""")


@dataclass(frozen=True, slots=True)
class SentenceSpan:
    """Character offsets of one sentence in the article text."""

    start: int
    end: int


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` closes an abbreviation or an initial ("V. Poutine")."""
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    if not word:
        return False
    if len(word) == 1 and text[start].isupper():
        return True
    return word in _ABBREVIATIONS


def split_sentences(text: str) -> list[SentenceSpan]:
    """Sentence spans of ``text`` (empty lines skipped, whitespace trimmed)."""
    spans: list[SentenceSpan] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        cut = 0
        for match in _BOUNDARY.finditer(line):
            end = match.end(1)
            if match.group(1) == "." and _is_abbreviation(line, match.start(1)):
                continue
            _add(spans, line, line_start, cut, end)
            cut = match.end(2)
        _add(spans, line, line_start, cut, len(line))
    return spans


def _add(spans: list[SentenceSpan], line: str, offset: int, start: int, end: int) -> None:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = line.rfind(" ", start, start + MAX_SENTENCE_CHARS)
        if cut <= start:
            cut = start + MAX_SENTENCE_CHARS
        spans.append(SentenceSpan(offset + start, offset + cut))
        start = cut
        while start < end and line[start].isspace():
            start += 1
    if end > start:
        spans.append(SentenceSpan(offset + start, offset + end))
