"""Header-driven tab-separated files (ICEWS, POLECAT): header lookup and country names."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path

from tocsin.errors import InputError
from tocsin.importers.common import RowError, parse_day
from tocsin.importers.files import open_lines


def _key(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


class Header:
    """Column positions by name; names compared without case, spaces or punctuation."""

    def __init__(self, cells: Sequence[str], where: str, required: Sequence[str]) -> None:
        self.positions = {_key(c): i for i, c in enumerate(cells)}
        self.width = len(cells)
        missing = [r for r in required if _key(r) not in self.positions]
        if missing:
            raise InputError(f"header lacks the column(s) {', '.join(missing)}", source=where,
                             line=1)

    def get(self, cells: Sequence[str], name: str) -> str:
        i = self.positions.get(_key(name))
        return cells[i].strip() if i is not None and i < len(cells) else ""


def rows(path: Path, required: Sequence[str]) -> Iterator[tuple[str, int, Header, list[str]]]:
    """Data rows of a headed TSV file (the header checked for ``required`` columns).

    An over-long line comes as an empty cell list, which fails the width check.
    """
    header: Header | None = None
    for where, line, text in open_lines(path):
        if text is None:
            if header is None:
                raise InputError("the header line is too long", source=where, line=line)
            yield where, line, header, []
            continue
        if not text.strip():
            continue
        cells = text.split("\t")
        if header is None:
            header = Header(cells, where, required)
            continue
        yield where, line, header, cells


def check_width(header: Header, cells: Sequence[str]) -> None:
    if len(cells) != header.width:
        raise RowError(f"expected {header.width} tab-separated columns, found {len(cells)}")


def event_id_and_day(header: Header, cells: Sequence[str]) -> tuple[str, date]:
    """The row's ``Event ID`` and ``Event Date`` (ISO), after checking its width
    (the ICEWS and POLECAT layouts share these columns)."""
    check_width(header, cells)
    event_id = header.get(cells, "Event ID")
    if not event_id:
        raise RowError("Event ID is empty")
    return event_id, parse_day(header.get(cells, "Event Date"), "Event Date", fmt="iso")


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    from tocsin.actors.kb import load_knowledge_base

    out: dict[str, str] = {}
    for country in load_knowledge_base().countries.values():
        for name in (country.name_en, country.name_fr, *country.aliases):
            out.setdefault(_key(name), country.iso3)
        out[_key(country.iso3)] = country.iso3
    # names the event datasets use that the knowledge base spells differently
    out.update({_key("Russian Federation"): "RUS", _key("Occupied Palestinian Territory"): "PSE",
                _key("Congo, Democratic Republic of"): "COD", _key("Korea, Republic of"): "KOR",
                _key("North Korea"): "PRK", _key("South Korea"): "KOR", _key("Iran"): "IRN",
                _key("Syria"): "SYR", _key("United States"): "USA", _key("Vietnam"): "VNM"})
    return out


def country_code(value: str) -> str | None:
    """ISO alpha-3 code of a country name or code (``Russian Federation`` → ``RUS``)."""
    value = value.strip()
    if not value:
        return None
    return _country_names().get(_key(value))


#: Sector words of ICEWS/POLECAT sector lists → CAMEO-style sector codes (first match wins).
SECTOR_WORDS: tuple[tuple[str, str], ...] = (
    ("military", "MIL"), ("armed forces", "MIL"), ("army", "MIL"), ("defense", "MIL"),
    ("police", "COP"), ("law enforcement", "COP"), ("judicial", "JUD"), ("court", "JUD"),
    ("legislative", "LEG"), ("parliament", "LEG"), ("rebel", "REB"), ("insurgent", "REB"),
    ("militia", "REB"), ("opposition", "OPP"), ("media", "MED"), ("news", "MED"),
    ("education", "EDU"), ("business", "BUS"), ("ngo", "NGO"), ("non-governmental", "NGO"),
    ("government", "GOV"), ("executive", "GOV"), ("ministry", "GOV"), ("cabinet", "GOV"),
)


def sector_code(value: str) -> str | None:
    text = value.lower()
    if not text:
        return None
    upper = value.strip().upper()
    if len(upper) == 3 and upper.isalpha():
        return upper
    for word, code in SECTOR_WORDS:
        if word in text:
            return code
    return None
