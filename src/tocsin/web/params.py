"""Query parameters → event filters: the filters of ``tocsin events``, for the API and the pages.

Parameters are read as strings so that an empty form field means "no filter";
a bad value raises :class:`ApiError` (422) naming the parameter.

``actor`` (repeatable; once: involving it, twice: between the two),
``dyad`` (``SOURCE:TARGET``), ``type`` (repeatable), ``quad`` (1-4, repeatable),
``since``/``until`` (YYYY-MM-DD), ``negated`` (``true``: only negated,
``false``: only affirmed), ``language`` (repeatable), ``article`` (repeatable),
``sector`` (repeatable: source or target sector, e.g. MIL), ``limit``, ``cursor``.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Query

from tocsin.store import EventFilter
from tocsin.store.base import EventPageKey
from tocsin.web.problems import bad_parameter

_CODE = re.compile(r"^[A-Za-z]{3}[A-Za-z0-9]{0,9}$")
_TRUE = {"true", "1", "yes", "on", "negated"}
_FALSE = {"false", "0", "no", "off", "affirmed"}


def _clean(values: Iterable[str] | None) -> list[str]:
    return [v.strip() for v in values or () if v and v.strip()]


def actor_code(value: str, field: str) -> str:
    if not _CODE.match(value):
        raise bad_parameter(field, f"{value!r} is not an actor code (e.g. RUS, RUSMIL, IGONATO)")
    return value.upper()


def parse_date(value: str | None, field: str) -> date | None:
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise bad_parameter(field, f"{value!r} is not a date (YYYY-MM-DD)") from None


def parse_limit(value: str | None, default: int, maximum: int) -> int:
    if value is None or not value.strip():
        return default
    try:
        n = int(value)
    except ValueError:
        raise bad_parameter("limit", f"{value!r} is not a number") from None
    if not 1 <= n <= maximum:
        raise bad_parameter("limit", f"must be between 1 and {maximum}")
    return n


def encode_cursor(key: EventPageKey) -> str:
    raw = [key.date.isoformat() if key.date else None, key.article_id, key.sentence_index,
           key.event_id, key.coder]
    return base64.urlsafe_b64encode(json.dumps(raw, separators=(",", ":")).encode()).decode().rstrip("=")


def decode_cursor(value: str | None) -> EventPageKey | None:
    if value is None or not value.strip():
        return None
    try:
        padded = value.strip() + "=" * (-len(value.strip()) % 4)
        when, article_id, index, event_id, coder = json.loads(base64.urlsafe_b64decode(padded))
        return EventPageKey(
            date.fromisoformat(when) if when else None, str(article_id), int(index), str(event_id), str(coder)
        )
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise bad_parameter("cursor", "not a cursor returned by this API") from None


@dataclass(frozen=True, slots=True)
class EventQuery:
    """A parsed event query: the filter, the sectors, where the page starts and its size."""

    filter: EventFilter
    sectors: tuple[str, ...]
    after: EventPageKey | None
    limit: int | None
    #: the query as given, without cursor and limit (to build links)
    echo: tuple[tuple[str, str], ...]


def event_query(
    actor: Annotated[list[str] | None, Query(description="Actor code or country (RUS, RUSMIL, IGONATO); "
                                             "once: events involving it; twice: events between the two.")] = None,
    dyad: Annotated[str | None, Query(description="Directed dyad SOURCE:TARGET, e.g. RUS:UKR.")] = None,
    type: Annotated[list[str] | None, Query(description="PLOVER type (repeatable), e.g. CONSULT.")] = None,  # noqa: A002
    quad: Annotated[list[str] | None, Query(description="Quad class 1-4 (repeatable).")] = None,
    since: Annotated[str | None, Query(description="Events on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Query(description="Events on or before this date (YYYY-MM-DD).")] = None,
    negated: Annotated[str | None, Query(description="true: only negated events; false: only affirmed ones.")] = None,
    language: Annotated[list[str] | None, Query(description="Language (repeatable), e.g. fr.")] = None,
    article: Annotated[list[str] | None, Query(description="Article id (repeatable).")] = None,
    sector: Annotated[list[str] | None, Query(description="Sector of the source or target (repeatable), e.g. MIL.")] = None,
    limit: Annotated[str | None, Query(description="Events per page (default 50, at most 500).")] = None,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page.")] = None,
) -> EventQuery:
    echo: list[tuple[str, str]] = []
    actors = [actor_code(a, "actor") for a in _clean(actor)]
    echo += [("actor", a) for a in actors]
    pair = None
    if dyad and dyad.strip():
        parts = [p for p in dyad.replace("->", ":").split(":") if p.strip()]
        if len(parts) != 2:
            raise bad_parameter("dyad", f"expected SOURCE:TARGET, got {dyad!r}")
        pair = (actor_code(parts[0].strip(), "dyad"), actor_code(parts[1].strip(), "dyad"))
        echo.append(("dyad", f"{pair[0]}:{pair[1]}"))
    types = [t.upper() for t in _clean(type)]
    for t in types:
        if not t.isalpha():
            raise bad_parameter("type", f"{t!r} is not a PLOVER type")
    echo += [("type", t) for t in types]
    quads: list[int] = []
    for q in _clean(quad):
        if q not in ("1", "2", "3", "4"):
            raise bad_parameter("quad", "quad classes are 1, 2, 3 or 4")
        quads.append(int(q))
    echo += [("quad", str(q)) for q in quads]
    since_d, until_d = parse_date(since, "since"), parse_date(until, "until")
    if since_d and until_d and since_d > until_d:
        raise bad_parameter("until", "is before since")
    echo += [(k, v.isoformat()) for k, v in (("since", since_d), ("until", until_d)) if v]
    neg: bool | None = None
    if negated is not None and negated.strip():
        word = negated.strip().lower()
        if word not in _TRUE | _FALSE:
            raise bad_parameter("negated", "use true or false")
        neg = word in _TRUE
        echo.append(("negated", "true" if neg else "false"))
    languages = [v.lower() for v in _clean(language)]
    echo += [("language", v) for v in languages]
    articles = _clean(article)
    echo += [("article", v) for v in articles]
    sectors = tuple(s.upper() for s in _clean(sector))
    for s in sectors:
        if not s.isalpha() or len(s) != 3:
            raise bad_parameter("sector", f"{s!r} is not a sector code (e.g. MIL, GOV)")
    echo += [("sector", s) for s in sectors]
    n = None if limit is None or not limit.strip() else parse_limit(limit, 50, 500)
    flt = EventFilter(actors=tuple(actors), dyad=pair, types=tuple(types), quad_classes=tuple(quads),
                      since=since_d, until=until_d, negated=neg, languages=tuple(languages),
                      article_ids=tuple(articles))
    return EventQuery(flt, sectors, decode_cursor(cursor), n, tuple(echo))
