"""Helpers shared by the importers: actors from codes, outlets from URLs, numbers."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit

from tocsin.errors import MalformedRecordError
from tocsin.records import Actor

#: CAMEO-style sector codes tocsin keeps on actors (the rest stay in ``code`` only).
SECTORS = frozenset({
    "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "BUS", "MED", "EDU", "NGO", "IGO",
    "CVL", "SPY", "INS", "SEP", "LAB", "REF", "HLH", "AGR", "CRM", "ENV", "ELI", "DEV",
    "HRI", "UAF", "PTY", "MOD", "RAD",
})


class RowError(MalformedRecordError):
    """A row that cannot be imported; the importer reports it with its line and goes on."""


def outlet_of(url: str | None) -> str | None:
    """The host of ``url`` without ``www.`` (``https://www.bbc.co.uk/x`` → ``bbc.co.uk``)."""
    if not url:
        return None
    scheme, sep, rest = url.partition("://")
    if sep and scheme.isalpha() and "@" not in rest.split("/", 1)[0]:
        host = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].rsplit(":", 1)[0]
        if host and "[" not in host:
            return host.lower().removeprefix("www.") or None
    try:  # unusual URLs: let the standard parser decide
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    return host.removeprefix("www.") or None


def parse_day(value: str, column: str, fmt: str = "%Y%m%d") -> date:
    """A date cell; ``RowError`` naming the column when it is not one."""
    value = value.strip()
    try:
        if fmt == "%Y%m%d":
            if len(value) != 8 or not value.isdigit():
                raise ValueError
            return date(int(value[:4]), int(value[4:6]), int(value[6:]))
        return date.fromisoformat(value[:10])
    except ValueError:
        raise RowError(f"{column}: {value!r} is not a date") from None


def parse_float(value: str, column: str, *, optional: bool = False) -> float | None:
    value = value.strip()
    if not value and optional:
        return None
    try:
        return float(value)
    except ValueError:
        if optional:
            return None
        raise RowError(f"{column}: {value!r} is not a number") from None


def coded_actor(code: str, name: str, country: str, sector: str) -> Actor | None:
    """An actor from CAMEO-style cells (``RUSMIL``, ``RUSSIA``, ``RUS``, ``MIL``)."""
    code, name, country, sector = code.strip(), name.strip(), country.strip(), sector.strip()
    if not code and not name:
        return None
    if not country and len(code) >= 3 and code[:3] not in SECTORS and code[:3].isalpha():
        country = code[:3] if not code.startswith("IGO") else ""
    if not sector and len(code) >= 6 and code[3:6] in SECTORS:
        sector = code[3:6]
    if code.startswith("IGO"):
        sector = "IGO"
    return Actor(
        text=name or code, code=code or None, country=country or None,
        sector=sector if sector in SECTORS else None,
        name=name.title() if name.isupper() else (name or None), entity_id=None,
    )
