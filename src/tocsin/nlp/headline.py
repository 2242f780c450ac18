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
    matches = list(_WORD.finditer(text))
    kept = _in_names(text, matches, is_name)
    for k, match in enumerate(matches):
        word = match.group(0)
        if first:
            first = False
            continue
        if word.isupper() or not word[0].isupper() or k in kept or is_name(word):
            continue
        lowered = word.lower()
        if len(lowered) != len(word):
            continue
        out[match.start():match.end()] = lowered
    return "".join(out)


#: the most words of a name looked up whole ("Kim Jong Un", "Vladimir Poutine")
_NAME_WORDS = 3


def _in_names(text: str, matches: list[re.Match[str]], is_name: Callable[[str], bool]) -> set[int]:
    """The positions (in ``matches``) of capitalised words that belong to a name of two or three
    words the knowledge base knows: "Kim Jong Un a rencontré Vladimir Poutine" reads as a Title
    Case line, and "Vladimir", "Jong" or "Un" alone are no names."""
    kept: set[int] = set()
    for k in range(len(matches)):
        for n in range(_NAME_WORDS, 1, -1):
            run = matches[k:k + n]
            if len(run) < n or not all(m.group(0)[0].isupper() for m in run):
                continue
            if any(text[a.end():b.start()] != " " for a, b in zip(run, run[1:], strict=False)):
                continue
            if is_name(" ".join(m.group(0) for m in run)):
                kept.update(range(k, k + n))
                break
    return kept
