"""The article's dateline: the place a report was filed from.

News agencies open a report with the place in capitals, then a date or the
agency, then a dash: ``MOSCOU, 19 avril —``, ``KYIV (Reuters) -``,
``WASHINGTON — ``, ``PARIS (AFP) -``. The dateline is read from the first
line of the body (or of the title when the body has none), looked up in the
gazetteer and resolved with population as the prior.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tocsin.places.gazetteer import Gazetteer, Place

#: a place in capitals (several words, hyphens, apostrophes), then optional
#: parenthesised agency or a date after a comma, then a dash
_DATELINE = re.compile(
    r"""^\s*
    (?P<place>[A-ZÀ-ÖØ-Ý][A-ZÀ-ÖØ-Ý'’\-\.]+(?:[ \-][A-ZÀ-ÖØ-Ý][A-ZÀ-ÖØ-Ý'’\-\.]+){0,3})
    (?:\s*/\s*[A-ZÀ-ÖØ-Ý][\w \-]*)?                    # "KYIV/MOSCOW"
    (?:\s*,\s*(?P<date>[^—–\-:()\n]{1,40}?))?            # ", 19 avril"
    (?:\s*\((?P<agency>[^)\n]{1,40})\))?                 # "(Reuters)"
    \s*(?:—|–|-{1,2})\s""",
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline found at the start of an article, with its place."""

    text: str
    place: Place
    #: where the place name starts and ends in the text
    start: int
    end: int


def find_dateline(text: str, gazetteer: Gazetteer) -> Dateline | None:
    """The dateline at the start of ``text`` (title excluded), or None."""
    for line in text.lstrip().splitlines()[:2]:
        match = _DATELINE.match(line)
        if match is None:
            continue
        name = match.group("place").strip(" .-'’")
        candidates = gazetteer.lookup(name)
        if not candidates:
            continue
        place = max(candidates, key=_dateline_prior)
        offset = text.find(line)
        start = offset + match.start("place")
        return Dateline(text=name, place=place, start=start, end=start + len(name))
    return None


def blank_dateline(sentence: str, gazetteer: Gazetteer) -> str:
    """``sentence`` with a leading dateline ("KYIV (Reuters) - ") replaced by spaces, so
    that the parser reads the report, not the agency, and character offsets stay put."""
    match = _DATELINE.match(sentence)
    if match is None or not gazetteer.lookup(match.group("place").strip(" .-'’")):
        return sentence
    blanked = " " * match.end()
    if match.group("date"):  # "MOSCOU, 19 avril —": the date stays, it may date the event
        start, end = match.span("date")
        blanked = blanked[:start] + sentence[start:end] + blanked[end:]
    return blanked + sentence[match.end():]


def _dateline_prior(place: Place) -> tuple[int, int, int]:
    """Datelines name cities: a capital, then the most populous place; countries last."""
    return (place.kind == "place", place.capital, place.population)
