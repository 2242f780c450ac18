"""Whose state is it: "l'armée", "la police", "le ministère", "la junte" named without a country.

A state body named alone belongs, in order:

1. to the country of the sentence's reporter when the reporter is a body of the same kind
   ("selon le ministère turc de la Défense, l'armée a neutralisé …" → Turkish army; "le
   ministère a convoqué l'ambassadeur de Chine, a indiqué la diplomatie française" → French
   ministry): the state that reports on its own forces, not the country where they act;
2. to the one country the sentence names ("Au Kenya, la police a arrêté …"), else to the one
   country of the places where it says things happen, for armed forces and groups ("les
   paramilitaires ont attaqué un camp de déplacés au Darfour");
3. when the sentence names none, to the country the article is about, if one stands out
   ("L'UE a suspendu ses aides au Niger. La junte a rejeté cette décision").

The opposition, the courts and parliament acted on by a state are its own ("le président
vénézuélien a accusé l'opposition de préparer un coup d'État avec l'aide de Washington"). A
crowd is placed the same way when it is the subject ("des manifestants ont bloqué une usine à
Londres"), never as the one acted on; a former office holder ("un ancien ministre") too.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Token

from tocsin.actors import Resolver
from tocsin.coding.context import DocumentContext
from tocsin.coding.qualifiers import Cues, reporting_speaker
from tocsin.coding.syntax import phrase_text
from tocsin.places import Gazetteer, PlaceContext, choose, find_places, place_role
from tocsin.records import Actor

#: the reporter's sector and the sectors of the bare bodies it speaks for
_SPEAKS_FOR = {
    "GOV": frozenset({"GOV"}),
    "MIL": frozenset({"MIL", "COP"}),
    "COP": frozenset({"COP"}),
    "JUD": frozenset({"JUD"}),
}


#: links of an agent to its verb
_AGENT_LINKS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "obl:agent"})


#: bodies placed by where the sentence happens: armed forces and groups ("les paramilitaires ont
#: attaqué un camp au Darfour"); not the police or officials, whom a town names in faits divers too
#: ("la police a arrêté trois hommes à Marseille")
_ARMED = frozenset({"MIL", "REB"})
#: links of an object to its verb
_OBJECT_LINKS = frozenset({"obj", "dobj", "iobj", "obl:arg"})
#: crowds, placed only as the subject of a clause ("des manifestants ont défilé à Paris")
_CROWDS = frozenset({"CVL"})
#: bodies that, acted on by a state, are that state's own (the opposition, the courts, parliament)
_DOMESTIC = frozenset({"OPP", "JUD", "LEG"})


def _subjects_country(tok: Token, resolver: Resolver, lang: str, when: date | None,
                      ctx: DocumentContext) -> str | None:
    """The country of the state actor that is the subject of the verb ``tok`` is the object of."""
    verb = tok.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i != tok.i), None)
    if subject is None:
        return None
    actor = resolver.resolve(phrase_text(subject), lang=lang, when=when, context=(), guess_country=False)
    if actor is None or not actor.resolved or not actor.country or actor.sector not in _SPEAKS_FOR:
        return None
    return actor.country


def _clause_verb(tok: Token) -> Token:
    current = tok
    for _ in range(4):
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return current
        current = current.head
    return current


def _reporter(tok: Token, cues: Cues, resolver: Resolver, lang: str, when: date | None,
              ctx: DocumentContext) -> Actor | None:
    """The resolved reporter of the clause: a "selon X" phrase of the sentence, or the speaker of
    a reporting verb that governs the clause or is inserted in it."""
    heads: list[Token] = list(ctx.sentence_sources)
    speaker = reporting_speaker(_clause_verb(tok), cues)
    if speaker is not None and speaker.i != tok.i and not any(t.i == tok.i for t in speaker.subtree):
        heads.append(speaker)
    for head in heads:
        if tok.i in (t.i for t in head.subtree):
            continue
        actor = resolver.resolve(phrase_text(head), lang=lang, when=when, context=(), guess_country=False)
        if actor is not None and actor.resolved and actor.country and actor.sector in _SPEAKS_FOR:
            return actor
    return None


def _place_country(tok: Token, ctx: DocumentContext, gazetteer: Gazetteer | None,
                   resolver: Resolver) -> str | None:
    """The one country of the places where the sentence says things happen ("à Mombasa", "au
    Darfour"), read from the gazetteer; None when there are none or several."""
    if gazetteer is None:
        return None
    context = PlaceContext(dateline_country=ctx.dateline.place.country if ctx.dateline else None,
                           countries=ctx.salient_countries())
    found: set[str] = set()
    for mention in find_places(tok.sent, gazetteer):
        if place_role(mention, tok.sent) != "location" or resolver.kb.lookup(mention.text):
            continue  # (not an actor's name that is also a town's: "l'Otan")
        chosen = choose(mention, context)
        if chosen is not None and chosen.country:
            found.add(chosen.country)
    return next(iter(found)) if len(found) == 1 else None


def _standing_out(ctx: DocumentContext) -> str | None:
    """The article's country that stands out: the only one, or one named more than any other."""
    counts = ctx.country_counts.most_common(2)
    if not counts:
        return None
    if len(counts) == 1 or counts[0][1] > counts[1][1]:
        return counts[0][0]
    return None


def place_state_bodies(tok: Token, actors: Sequence[Actor], state_sectors: frozenset[str], cues: Cues,
                       resolver: Resolver, lang: str, when: date | None, ctx: DocumentContext,
                       gazetteer: Gazetteer | None = None) -> list[Actor]:
    """``actors`` with each unresolved state body given its country (module docstring)."""
    agent = tok.dep_ in _AGENT_LINKS or (tok.dep_ == "pobj" and tok.head.dep_ == "agent")
    bare = [a for a in actors if not a.resolved and (
        a.sector in state_sectors
        or (a.sector is None and a.name)  # "un ancien ministre" (the resolver names a former office holder)
        or (a.sector in _CROWDS and tok.dep_ == "nsubj"))]  # "des manifestants ont bloqué … à Londres"
    if not bare:
        return list(actors)
    countries = set(ctx.sentence_countries)
    owner = _subjects_country(tok, resolver, lang, when, ctx) if tok.dep_ in _OBJECT_LINKS else None
    # the reporter speaks for the bodies that act (subjects, agents), not for those acted on
    reporter = _reporter(tok, cues, resolver, lang, when, ctx) if agent else None

    def country_for(actor: Actor) -> str | None:
        if reporter is not None and actor.sector in _SPEAKS_FOR.get(reporter.sector or "", ()):
            return reporter.country
        if owner is not None and actor.sector in _DOMESTIC:
            return owner  # "le président vénézuélien a accusé l'opposition de …": his own
        if len(countries) == 1:
            return next(iter(countries))
        if not countries:
            placed = _place_country(tok, ctx, gazetteer, resolver) if actor.sector in _ARMED else None
            return placed or _standing_out(ctx)
        return None

    out: list[Actor] = []
    for a in actors:
        country = country_for(a) if a in bare else None
        out.append(Actor(text=a.text, code=country + (a.sector or ""), country=country, sector=a.sector, name=a.name)
                   if country else a)
    return out
