"""Small factories for test records: ``make_event``, ``make_article``, ``make_actor``.

Every field has a plausible default; pass keyword overrides for what a test is
about. Ids are derived from the fields that make an event distinct, so two
calls with the same overrides give equal events.
"""

from __future__ import annotations

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


def coded_dyads(engine: Any, text: str, lang: str = "fr",
                published: date = date(2025, 3, 12)) -> set[tuple[str, str | None, str | None]]:
    """The (type, source code, target code) of every event the engine codes in ``text``."""
    events = coded_events(engine, text, lang, published)
    return {(e.type, e.source.code if e.source else None, e.target.code if e.target else None) for e in events}


def coded_events(engine: Any, text: str, lang: str = "fr", published: date = date(2025, 3, 12)) -> list[Event]:
    """The events the engine codes in ``text``, as one article published on ``published``."""
    return engine.code_article(Article(id="t", text=text, language=lang, published=published))


def country_triples(events: list[Event]) -> set[tuple[str, str | None, str | None]]:
    """The (type, source country, target country) of ``events``; unresolved actors are None."""
    def country(actor: Actor | None) -> str | None:
        return None if actor is None or not actor.resolved else (actor.country or actor.code)
    return {(e.type, country(e.source), country(e.target)) for e in events}
