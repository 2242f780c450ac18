"""Small factories for test records: ``make_event``, ``make_article``, ``make_actor``.

Every field has a plausible default; pass keyword overrides for what a test is
about. Ids are derived from the fields that make an event distinct, so two
calls with the same overrides give equal events.

The ``coded_*`` helpers code one text with an engine (the session's ``engine``
fixture, conftest.py) as an article in ``lang`` published on ``published``, and
reduce its events to what a test compares: ``coded_dyads`` (type, source code,
target code), ``coded_countries`` (the same by country), their ``_with_negation``
forms, ``coded_country_triples`` (resolved actors only), ``coded_readings`` and
``coded_types``. ``dyads_of``, ``countries_of``, ``readings_of`` and
``country_triples`` reduce a list of events already coded.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from tocsin.records import Actor, Article, Event, Location, stable_id

CODER = "tocsin.patterns.v1"

_COUNTRY_NAMES = {
    "RUS": "Russie",
    "CHN": "Chine",
    "UKR": "Ukraine",
    "USA": "États-Unis",
    "FRA": "France",
}


def make_actor(code: str | None = "RUS", **overrides: Any) -> Actor:
    """An actor from a code such as ``RUS``, ``RUSMIL`` or ``IGONATO``."""
    if code is None:
        fields: dict[str, Any] = {"text": "des manifestants"}
    elif code.startswith("IGO"):
        fields = {"text": code[3:], "code": code, "country": None, "sector": "IGO", "name": code[3:]}
    else:
        country = code[:3]
        fields = {
            "text": _COUNTRY_NAMES.get(country, country),
            "code": code,
            "country": country,
            "sector": code[3:] or None,
            "name": _COUNTRY_NAMES.get(country, country),
        }
    fields.update(overrides)
    return Actor(**fields)


def make_article(**overrides: Any) -> Article:
    fields: dict[str, Any] = {
        "id": "art-1",
        "text": "Le président russe a rencontré son homologue chinois à Pékin.",
        "title": "Rencontre à Pékin",
        "published": date(2024, 3, 5),
        "url": "https://example.org/2024/03/05/rencontre",
        "language": "fr",
        "outlet": "Exemple",
        "origin": "articles.jsonl:1",
    }
    fields.update(overrides)
    return Article(**fields)


def make_event(**overrides: Any) -> Event:
    """An event (RUS meets CHN in a French article by default).

    ``source``/``target``/``attribution`` may be given as codes (``"RUSMIL"``)
    or as :class:`Actor` objects; ``None`` means no actor.
    """
    for role in ("source", "target", "attribution"):
        value = overrides.get(role)
        if isinstance(value, str):
            overrides[role] = make_actor(value)
    fields: dict[str, Any] = {
        "article_id": "art-1",
        "sentence_index": 0,
        "sentence": "Le président russe a rencontré son homologue chinois à Pékin.",
        "trigger": "rencontré",
        "trigger_span": (21, 30),
        "type": "CONSULT",
        "mode": "visit",
        "context": ["diplomatic"],
        "cameo": "040",
        "quad_class": 1,
        "goldstein": 1.0,
        "source": make_actor("RUSGOV", text="Le président russe"),
        "target": make_actor("CHNGOV", text="son homologue chinois"),
        "negated": False,
        "modality": "asserted",
        "attribution": None,
        "date": date(2024, 3, 5),
        "date_precision": "day",
        "date_text": "mardi",
        "location": Location(text="Pékin", country="CHN", name="Beijing", lat=39.9042, lon=116.4074),
        "language": "fr",
        "confidence": 0.8,
        "coder": CODER,
        "pattern": "fr.v.rencontrer",
    }
    fields.update(overrides)
    if "event_id" not in fields:
        fields["event_id"] = stable_id(
            fields["article_id"], fields["sentence_index"], fields["trigger_span"],
            fields["type"], fields["coder"],
        )
    return Event(**fields)


Dyad = tuple[str, str | None, str | None]
"""(type, source, target) of one event; a side with no actor is None."""

NegatedDyad = tuple[str, str | None, str | None, bool]
"""(type, source, target, negated) of one event."""

Reading = tuple[str, str | None, str | None, bool, str]
"""(type, source code, target code, negated, modality) of one event."""

DEFAULT_PUBLISHED = date(2025, 3, 12)
"""The publication date the ``coded_*`` helpers give a text unless told another."""


def _code(actor: Actor | None) -> str | None:
    return actor.code if actor else None


def _country(actor: Actor | None) -> str | None:
    return actor.country if actor else None


def coded_events(engine: Any, text: str, lang: str = "fr", published: date = DEFAULT_PUBLISHED) -> list[Event]:
    """The events the engine codes in ``text``, as one article published on ``published``."""
    return engine.code_article(Article(id="t", text=text, language=lang, published=published))


def dyads_of(events: Iterable[Event]) -> list[Dyad]:
    """The (type, source code, target code) of ``events``, in order."""
    return [(e.type, _code(e.source), _code(e.target)) for e in events]


def countries_of(events: Iterable[Event]) -> list[Dyad]:
    """The (type, source country, target country) of ``events``, in order.

    The country is the one each actor carries, resolved or not: an IGO carries none. Compare
    :func:`country_triples`, which names only resolved actors and an IGO by its code.
    """
    return [(e.type, _country(e.source), _country(e.target)) for e in events]


def readings_of(events: Iterable[Event]) -> list[Reading]:
    """The (type, source code, target code, negated, modality) of ``events``, in order."""
    return [(e.type, _code(e.source), _code(e.target), e.negated, e.modality) for e in events]


def country_triples(events: Iterable[Event]) -> set[Dyad]:
    """The (type, source country, target country) of ``events``; unresolved actors are None.

    A resolved actor with no country (an IGO) is named by its code.
    """
    def country(actor: Actor | None) -> str | None:
        return None if actor is None or not actor.resolved else (actor.country or actor.code)
    return {(e.type, country(e.source), country(e.target)) for e in events}


def coded_dyads(engine: Any, text: str, lang: str = "fr", published: date = DEFAULT_PUBLISHED) -> set[Dyad]:
    """The (type, source code, target code) of every event the engine codes in ``text``."""
    return set(dyads_of(coded_events(engine, text, lang, published)))


def coded_dyads_with_negation(engine: Any, text: str, lang: str = "fr",
                              published: date = DEFAULT_PUBLISHED) -> set[NegatedDyad]:
    """The (type, source code, target code, negated) of every event coded in ``text``."""
    return {(e.type, _code(e.source), _code(e.target), e.negated)
            for e in coded_events(engine, text, lang, published)}


def coded_countries(engine: Any, text: str, lang: str = "fr", published: date = DEFAULT_PUBLISHED) -> set[Dyad]:
    """The (type, source country, target country) of every event coded in ``text``.

    Countries as the actors carry them (see :func:`countries_of`).
    """
    return set(countries_of(coded_events(engine, text, lang, published)))


def coded_countries_with_negation(engine: Any, text: str, lang: str = "fr",
                                  published: date = DEFAULT_PUBLISHED) -> set[NegatedDyad]:
    """The (type, source country, target country, negated) of every event coded in ``text``.

    Countries as the actors carry them (see :func:`countries_of`).
    """
    return {(e.type, _country(e.source), _country(e.target), e.negated)
            for e in coded_events(engine, text, lang, published)}


def coded_country_triples(engine: Any, text: str, lang: str = "fr",
                          published: date = DEFAULT_PUBLISHED) -> set[Dyad]:
    """The :func:`country_triples` of the events coded in ``text``: resolved actors only."""
    return country_triples(coded_events(engine, text, lang, published))


def coded_readings(engine: Any, text: str, lang: str = "fr", published: date = DEFAULT_PUBLISHED) -> list[Reading]:
    """The :func:`readings_of` every event coded in ``text``, in order."""
    return readings_of(coded_events(engine, text, lang, published))


def coded_types(engine: Any, text: str, lang: str = "fr", published: date = DEFAULT_PUBLISHED) -> set[str]:
    """The types of the events coded in ``text``."""
    return {e.type for e in coded_events(engine, text, lang, published)}


def symmetric(found: set[Dyad], kind: str, a: str, b: str) -> bool:
    """Whether ``found`` holds an event of ``kind`` between ``a`` and ``b``, either way round."""
    return (kind, a, b) in found or (kind, b, a) in found
