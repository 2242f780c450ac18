"""Headlines in Title Case confuse taggers ("Pope Francis Urges Russia …": *Urges* a
proper noun). Such a line is put in sentence case before parsing, keeping the
words the knowledge base knows as names; the text keeps its length, so offsets
into the original line stay valid.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
MIN_WORDS = 4
TITLE_SHARE = 0.7


def is_title_case(text: str) -> bool:
    words = _WORD.findall(text)
    if len(words) < MIN_WORDS:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= TITLE_SHARE


def sentence_case(text: str, is_name: Callable[[str], bool]) -> str:
    """Lower-case the capitalised words of a Title Case line that are not names."""
    if not is_title_case(text):
        return text
    out = list(text)
    first = True
    for match in _WORD.finditer(text):
        word = match.group(0)
        if first:
            first = False
            continue
        if word.isupper() or not word[0].isupper() or is_name(word):
            continue
        lowered = word.lower()
        if len(lowered) != len(word):
            continue
        out[match.start():match.end()] = lowered
    return "".join(out)
