"""Actors: the knowledge base of countries, sectors, organisations and people, and the
resolver that turns noun phrases into coded :class:`~tocsin.records.Actor` records.

::

    kb = load_knowledge_base()
    resolver = Resolver(kb)
    resolver.resolve("l'armée ukrainienne", lang="fr")            # Actor(code="UKRMIL", ...)
    resolver.resolve_many("Russia and China", lang="en")          # [RUS, CHN]
    resolver.find_mentions("Moscou et Pékin ont signé…", lang="fr")
"""

from tocsin.actors.kb import (
    Country,
    KnowledgeBase,
    Organisation,
    Person,
    Role,
    SectorPhrase,
    load_knowledge_base,
)
from tocsin.actors.resolver import Mention, Resolution, Resolver
from tocsin.actors.text import normalise, tokenize

__all__ = [
    "Country", "KnowledgeBase", "Mention", "Organisation", "Person", "Resolution", "Resolver",
    "Role", "SectorPhrase", "load_knowledge_base", "normalise", "tokenize",
]
